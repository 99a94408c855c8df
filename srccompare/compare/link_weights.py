"""The fitted numbers of the link model (``align._Scorer``). Written by ``bench/fit_link.py``; do not edit."""

# Fitted on the 15 tuned labelled ECB+ events (44872 pairs): L2 logistic regression,
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
    "rare",
)
MEAN = (
    0.311247,  # score
    0.136806,  # cover
    0.237803,  # cosine
    2.99532,  # first_position
    9.929889,  # last_position
    0.471742,  # names
    10.198944,  # shorter
    16.731258,  # longer
    0.034966,  # things
    0.011611,  # figures
    0.071709,  # rare
)
SCALE = (
    0.156659,  # score
    0.181857,  # cover
    0.186942,  # cosine
    3.866433,  # first_position
    8.889307,  # last_position
    0.913613,  # names
    4.415656,  # shorter
    5.989231,  # longer
    0.183694,  # things
    0.107126,  # figures
    0.125934,  # rare
)
INTERCEPT = -2.297606
COEFFICIENTS = (
    0.254775,  # score
    0.122558,  # cover
    0.374911,  # cosine
    0.021238,  # first_position
    -0.213566,  # last_position
    -0.181124,  # names
    0.006272,  # shorter
    0.063145,  # longer
    0.21453,  # things
    0.355884,  # figures
    1.336556,  # rare
)
