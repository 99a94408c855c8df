"""The fitted numbers of the sentence relation model. Written by ``bench/fit_relation.py``; do not edit."""

# Fitted on MRPC train (4076 pairs): L2 logistic regression, L2=1.0.
INTERCEPT = -5.935062
COEFFICIENTS = (4.013384, -0.165084, -3.224293, -1.949679, -0.468421, 1.593347, 0.031118, 2.269944, 1.721023, 3.40144)  # char, bigram, trigram, length_gap, number_gap, cover_max, lcs_min, lcs_max, set_cover, set_dice
EQUIVALENT = 0.55
CORE = 0.151
CORE_WORDS = 4
CORE_COVER = 0.5
