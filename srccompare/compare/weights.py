"""The fitted numbers of the sentence relation model. Written by ``bench/fit_relation.py``; do not edit."""

# Initial hand-set values, replaced by the fit on MRPC train.
INTERCEPT = -6.0
COEFFICIENTS = (2.0, 3.0, 2.0, 1.0, 1.0, 1.0, 0.5)  # char, token, token_set, jaccard, cover_min, length, numbers
EQUIVALENT = 0.5
CORE = 0.25
CORE_WORDS = 3
CORE_COVER = 0.5
