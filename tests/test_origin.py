"""The origin of the copy (the credited wire or agency) on realistic snippets and the seeds; a photo
credit or a source cited inside the story is not the origin."""

from __future__ import annotations

import pytest

import srccompare
from srccompare import outlets
from srccompare.options import Options

from .conftest import CORPUS
from .test_dates import SNIPPETS, _clean, _with


@pytest.mark.parametrize("name", _with("origin"))
def test_origin(name):
    article = _clean(name)
    assert article.origin == (SNIPPETS[name]["origin"] or None)
    if "outlet" in SNIPPETS[name]:
        assert article.outlet == (SNIPPETS[name]["outlet"] or None)


def test_the_registry_is_data_with_enough_agencies():
    reg = outlets.registry()
    assert len(reg) >= 60
    assert sum(1 for name in reg if outlets.is_agency(name)) >= 60
    for alias, name in (("Kyodo News", "Kyodo"), ("Indo-Asian News Service", "IANS"), ("ITAR-TASS", "TASS")):
        assert outlets.known_outlet(alias) == name
    # An acronym that is a common word or a region is not an alias: "a map of MENA" names no outlet.
    assert outlets.find_outlets("a map of the MENA region in PA") == []


def test_seed_origins_without_the_manifest(gold):
    articles = {a.path.split("/")[-1]: a for a in srccompare.load([str(CORPUS)], Options(use_manifest=False))}
    for name in ("000_a67b68c824396ff8.txt", "001_3dbf73fb56b3fa01.txt", "002_94eb0a8464f32015.txt"):
        assert articles[name].origin == gold["articles"][name]["origin"]
    assert articles["003_cf32fd44ea05852b.txt"].origin == "AFP"  # "By AFP"; the TASS photo credit is not it
    # 004 credits Yonhap at the end of its lede (a rewrite): its origin, not its outlet.
    assert articles["004_8d8a74bae2f40e61.txt"].origin == "Yonhap"
    assert articles["004_8d8a74bae2f40e61.txt"].outlet is None
