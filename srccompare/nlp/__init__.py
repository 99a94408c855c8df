"""Language helpers: sentences, tokens, quotes, numbers, names, dates, language."""
