"""The fitted numbers of the link model (``align._Scorer``). Written by ``bench/fit_link.py``; do not edit."""

# Fitted on the 13 tuned labelled ECB+ events (40736 pairs): L2 logistic regression,
# L2=1.0, on features standardised by MEAN and SCALE.
FEATURES = (
    "score",
    "cover",
    "cosine",
    "first_position",
    "last_position",
    "names",
    "shorter",
    "longer",
    "things",
    "figures",
)
MEAN = (
    0.308788,  # score
    0.133254,  # cover
    0.237791,  # cosine
    3.039204,  # first_position
    9.851802,  # last_position
    0.450191,  # names
    9.969732,  # shorter
    16.42854,  # longer
    0.038173,  # things
    0.011636,  # figures
)
SCALE = (
    0.158818,  # score
    0.181965,  # cover
    0.188962,  # cosine
    3.920253,  # first_position
    8.7409,  # last_position
    0.898755,  # names
    4.400102,  # shorter
    5.962693,  # longer
    0.191613,  # things
    0.10724,  # figures
)
INTERCEPT = -2.349582
COEFFICIENTS = (
    0.35573,  # score
    0.994119,  # cover
    0.396892,  # cosine
    0.040239,  # first_position
    -0.180503,  # last_position
    -0.163552,  # names
    0.299327,  # shorter
    -0.199516,  # longer
    0.24569,  # things
    0.416711,  # figures
)
