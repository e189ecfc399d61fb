"""The benchmark (``unkg bench``): a generated corpus, timed stage by stage and as a whole."""
