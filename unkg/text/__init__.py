"""Text primitives every stage shares: UN document symbols, dates, tries of words."""
