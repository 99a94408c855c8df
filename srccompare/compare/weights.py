"""The fitted numbers of the sentence relation model. Written by ``bench/fit_relation.py``; do not edit."""

# Fitted on MRPC train (4076 pairs): L2 logistic regression, L2=1.0.
INTERCEPT = -5.935062
COEFFICIENTS = (
    4.013384,  # char
    -0.165084,  # bigram
    -3.224293,  # trigram
    -1.949679,  # length_gap
    -0.468421,  # number_gap
    1.593347,  # cover_max
    0.031118,  # lcs_min
    2.269944,  # lcs_max
    1.721023,  # set_cover
    3.40144,  # set_dice
)
EQUIVALENT = 0.55
CORE = 0.151
CORE_WORDS = 4
CORE_COVER = 0.5
