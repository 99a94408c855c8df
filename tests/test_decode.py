"""Decoding legacy bytes: Windows-1252 prose is read as such whatever charset-normalizer ranks first.

`make test-lowest` runs this module with the lowest charset-normalizer pyproject allows, `make test`
with the newest: the answers must not depend on which one is installed (issue 9).
"""

from __future__ import annotations

import json

import pytest

from srccompare.ingest.read import decode

# Short Windows-1252 texts whose 0x80-0x9F bytes are curly quotes and dashes. charset-normalizer
# 3.5 reads the second as cp775 ("cafķ", "ōtemporaryö").
WESTERN = [
    b"Caf\xe9 ... \x93temporary\x94",
    b"The caf\xe9 closure is \x93temporary\x94 \x96 for now.",
    "Le maire a qualifié la fermeture de «\u00a0temporaire\u00a0» \u2013 rien de plus.".encode("cp1252"),
    "Die Bürgermeisterin nannte die Schließung \u201evorübergehend\u201c \u2026 mehr nicht.".encode("cp1252"),
    "El alcalde dijo que el cierre era \u201ctemporal\u201d y que el café reabrirá pronto.".encode("cp1252"),
    "O prefeito disse que o fechamento é \u201ctemporário\u201d \u2014 e que não há razão para pânico.".encode(
        "cp1252"
    ),
]


@pytest.mark.parametrize("data", WESTERN)
def test_windows_1252_prose_decodes_as_windows_1252(data):
    text, encoding = decode("x.txt", data)
    assert encoding == "cp1252"
    assert text == data.decode("cp1252")
    assert any(q in text for q in "\u201c\u201d\u201e\u2013\u2014\u2026")


def test_the_issue_case_reads_right():
    text, _ = decode("x.txt", b"The caf\xe9 closure is \x93temporary\x94.")
    assert text == "The café closure is “temporary”."


# Other code pages use 0x93/0x94 as curly quotes too, or put letters in 0x80-0x9F: not Windows-1252.
OTHERS = [
    (
        "cp1251",
        "Президент России заявил в среду, что высоко ценит \u201cпозицию\u201d Южной Кореи, "
        "которая не поставляет оружие Украине напрямую.",
    ),
    (
        "cp1253",
        "Ο πρόεδρος της Ρωσίας δήλωσε την Τετάρτη ότι εκτιμά ιδιαίτερα τη \u201cθέση\u201d της Νότιας Κορέας "
        "να μην προμηθεύει απευθείας όπλα στην Ουκρανία.",
    ),
]


@pytest.mark.parametrize(("encoding", "sentence"), OTHERS)
def test_non_latin_code_pages_with_curly_quotes_are_not_taken_for_windows_1252(encoding, sentence):
    data = sentence.encode(encoding)
    assert data.decode("cp1252")  # the bytes do fit Windows-1252: only the letters tell
    text, found = decode("x.txt", data)
    assert found != "cp1252"
    assert text == sentence


def test_windows_1252_file_through_the_cli(run, tmp_path):
    (tmp_path / "cafe.txt").write_bytes(
        b"Caf\xe9 owners in the old port said on Monday that the closure was \x93temporary\x94 \x96 "
        b"and that the ferries would sail again within a week, the harbour master confirmed.\n"
    )
    result = run("clean", str(tmp_path / "cafe.txt"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    [article] = json.loads(result.stdout)
    assert "Café owners in the old port" in article["body"]
    assert "“temporary” – and" in article["body"]
