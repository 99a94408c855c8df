"""The fitted numbers of the sentence relation model. Written by ``bench/fit_relation.py``; do not edit."""

# Fitted on MRPC train (4076 pairs): L2 logistic regression, L2=1.0.
INTERCEPT = -4.65465
COEFFICIENTS = (4.633444, 3.466665, 2.519699, 0.547566, -2.663371, -3.391796, -1.641262, -0.392865, -0.158465, 0.502947, -0.289032, 2.873685)  # char, token, token_set, bigram, trigram, partial, length_gap, number_clash, number_gap, cover_max, extra_min, stem_cover
EQUIVALENT = 0.55
CORE = 0.152
CORE_WORDS = 4
CORE_COVER = 0.5
