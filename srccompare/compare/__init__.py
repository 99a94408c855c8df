"""Compare: group articles into events and a story, align facts, classify differences."""
