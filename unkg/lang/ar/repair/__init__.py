"""Repair steps for Arabic text as PDF extraction leaves it."""
