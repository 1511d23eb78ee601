"""Reading documents: text headers, JSONL lines, stdin, directories and bad input."""
from __future__ import annotations

import io
import json

import pytest

from tally.ingest import (
    count_documents, decode, read_file, read_header, read_jsonl_stream, read_paths, read_stdin,
)
from tally.ingest.jsonl import parse_jsonl
from tally.ingest.text import parse_text
from tally.report import Report


# --- text headers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date: 2024-09-15\nLe Kremlin a livré 140 000 drones.", {"published": "2024-09-15"}),
        ("date 2024-09\nKyiv counts 200 companies.", {"published": "2024-09"}),
        ("Date: 2025-01-20\n\nTitle: Drones\nOutlet: Le Veilleur\n\nTexte.",
         {"published": "2025-01-20", "title": "Drones", "outlet": "Le Veilleur"}),
        ("published: 2024-03-12\nurl: https://example.org/a\nlang: FR\nText.",
         {"published": "2024-03-12", "url": "https://example.org/a", "lang": "fr"}),
        ("---\ndate: 2024-05-14\ntitle: Coalition\n---\n# Coalition\nEight countries.",
         {"published": "2024-05-14", "title": "Coalition"}),
        ("lang: en-GB\nNearly 30% were decoys.", {"lang": "en"}),
        ("Le Kremlin a livré 140 000 drones.\ndate: 2024-09-15", {}),
        # a body line that starts like a header key is not a header
        ("Title holders said 12 drones flew.\n", {}),
        ("Date limite : 2024-09-30 pour les offres.", {}),
        # impossible dates are left out rather than passed on
        ("date: 2024-13-01\nTexte.", {}),
        ("date: 2024-02-30\nTexte.", {}),
        ("", {}),
    ],
)
def test_text_read_header(text, expected):
    assert read_header(text) == expected


def test_text_offsets_count_from_the_start_of_the_file():
    text = "date: 2024-09-15\ntitle: Drones\n\nLe Kremlin a livré 140 000 drones."
    document = parse_text(text, doc_id="a", source="a.txt")
    assert document.text == text  # the header keeps its place
    assert document.published == "2024-09-15" and document.title == "Drones"
    start = document.text.index("140 000")
    assert start == text.index("140 000") > len("date: 2024-09-15\ntitle: Drones\n")


def test_text_read_header_only_reads_the_head_of_a_large_text():
    # A "title:" line far down the text is body, not header.
    text = "date: 2024-09-15\n" + "Une ligne sans chiffre.\n" * 300_000 + "title: pas un titre\n"
    assert read_header(text) == {"published": "2024-09-15"}


# --- decoding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\xef\xbb\xbf\n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 40, "binary"),
        (bytes(range(128, 256)) * 50, "binary"),  # no NUL, but hardly any valid UTF-8
    ],
)
def test_ingest_decode_refuses_empty_and_binary_data(data, message):
    report = Report()
    assert decode(data, "bad.txt", report) is None
    assert len(report.failures) == 1
    where, said = report.failures[0]
    assert where == "bad.txt" and message in said


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Huit pays l'ont rejointe.".encode(), "Huit pays l'ont rejointe."),
        (b"\xef\xbb\xbf140 000 drones", "140 000 drones"),  # UTF-8 BOM dropped
        ("\ufeffdate: 2024-09\nTrente-six drones".encode("utf-16"), "date: 2024-09\nTrente-six drones"),
    ],
)
def test_ingest_decode_reads_utf8_and_utf16(data, expected):
    report = Report()
    assert decode(data, "a.txt", report).lstrip("\ufeff") == expected
    assert report.ok and not report.warnings


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Le pr\xe9sident a annonc\xe9 140 000 drones.", "Le pr\ufffdsident a annonc\ufffd 140 000 drones."),
        (b"Russia launched 44 drones \xff overnight.", "Russia launched 44 drones \ufffd overnight."),
    ],
)
def test_ingest_decode_replaces_invalid_utf8_and_says_so(data, expected):
    report = Report()
    assert decode(data, "latin1.txt", report) == expected
    assert report.ok
    (where, message), = report.warnings
    assert where == "latin1.txt" and "invalid UTF-8" in message and "U+FFFD" in message


# --- JSONL ----------------------------------------------------------------------------------


def test_jsonl_bad_line_is_named_and_the_others_go_on():
    lines = [
        json.dumps({"id": "a", "lang": "fr", "text": "Huit pays l'ont rejointe."}),
        '{"id": "b", "text": "unterminated',
        "",
        "[1, 2, 3]",
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": "Russia launched 44 drones."}),
    ]
    report = Report()
    documents = list(parse_jsonl(iter(lines), "docs.jsonl", report))
    assert [d.id for d in documents] == ["a", "d"]
    assert [where for where, _ in report.failures] == ["docs.jsonl:2", "docs.jsonl:4", "docs.jsonl:5"]
    assert "not valid JSON" in report.failures[0][1]
    assert "JSON object" in report.failures[1][1]
    assert "'text'" in report.failures[2][1]


def test_jsonl_stops_on_a_file_that_is_not_jsonl():
    lines = ["Le Kremlin a livré 140 000 drones."] * 500
    report = Report()
    assert list(parse_jsonl(iter(lines), "article.jsonl", report)) == []
    assert len(report.failures) == 11
    where, message = report.failures[-1]
    assert where == "article.jsonl" and "stopped at line 11" in message


def test_jsonl_bad_lines_apart_do_not_stop_the_file():
    good = json.dumps({"text": "Huit pays."})
    lines = [good if number % 2 else "{oops" for number in range(40)]
    report = Report()
    assert len(list(parse_jsonl(iter(lines), "docs.jsonl", report))) == 20
    assert len(report.failures) == 20


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"text": "Huit pays."}, "id", "docs.jsonl:1"),
        ({"id": 42, "text": "Huit pays."}, "id", "42"),
        ({"id": "x", "text": "Huit pays.", "lang": "FR"}, "lang", "fr"),
        ({"id": "x", "text": "Huit pays.", "lang": "fr_FR"}, "lang", "fr"),
        ({"id": "x", "text": "Eight countries.", "lang": "en-GB"}, "lang", "en"),
        ({"id": "x", "text": "Eight countries.", "lang": ""}, "lang", None),
        ({"id": "x", "text": "Eight countries."}, "lang", None),
        ({"id": "x", "text": "Huit pays.", "published": "2024-09"}, "published", "2024-09"),
        ({"id": "x", "text": "Huit pays.", "outlet": None}, "outlet", None),
    ],
)
def test_jsonl_fields(record, field, expected):
    report = Report()
    (document,) = parse_jsonl(iter([json.dumps(record)]), "docs.jsonl", report)
    assert getattr(document, field) == expected
    assert document.source == "docs.jsonl:1"
    assert report.ok


# --- files, directories, stdin --------------------------------------------------------------


def test_ingest_read_paths_reports_missing_paths_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("date: 2024-09-15\nRussia launched 44 drones.", encoding="utf-8")
    report = Report()
    documents = list(read_paths([str(tmp_path / "missing.txt"), str(good)], report))
    assert [d.id for d in documents] == ["good"]
    assert documents[0].published == "2024-09-15"
    (where, message), = report.failures
    assert where.endswith("missing.txt") and "no such file" in message


def test_ingest_read_paths_walks_directories(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("Huit pays.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("# Drones\nEight countries.", encoding="utf-8")
    (tmp_path / "sub" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "Trente-six drones."}) + "\n"
        + json.dumps({"id": "c2", "text": "Thirty-six drones."}) + "\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("About this corpus: 10 articles.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("hidden", encoding="utf-8")
    report = Report()
    ids = [d.id for d in read_paths([str(tmp_path)], report)]
    assert ids == ["a", "b", "c1", "c2"]
    assert report.ok
    assert count_documents([str(tmp_path)]) == 4


def test_ingest_read_paths_fails_on_a_directory_with_nothing_to_read(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    report = Report()
    assert list(read_paths([str(tmp_path)], report)) == []
    (where, message), = report.failures
    assert where == str(tmp_path) and "no file to read" in message and ".txt" in message


def test_ingest_read_file_reads_an_unknown_suffix_as_text(tmp_path):
    path = tmp_path / "article.text"
    path.write_text("date: 2024-09\nKyiv counts 200 companies.", encoding="utf-8")
    report = Report()
    (document,) = read_file(path, report)
    assert document.published == "2024-09" and "200 companies" in document.text


def test_ingest_read_file_reports_bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" * 10)
    report = Report()
    assert list(read_paths([str(empty), str(binary)], report)) == []
    assert [where for where, _ in report.failures] == [str(empty), str(binary)]


@pytest.mark.parametrize(
    ("data", "ids", "lang"),
    [
        (b"date: 2024-09-15\nRussia launched 44 drones overnight.", ["stdin"], None),
        (b'{"id": "s1", "lang": "fr", "text": "Huit pays."}\n{"id": "s2", "text": "Eight."}\n',
         ["s1", "s2"], "fr"),
    ],
)
def test_ingest_read_stdin(data, ids, lang):
    report = Report()
    documents = list(read_stdin(report, io.BytesIO(data)))
    assert [d.id for d in documents] == ids
    assert documents[0].lang == lang
    assert report.ok


def test_ingest_read_stdin_reports_empty_input():
    report = Report()
    assert list(read_stdin(report, io.BytesIO(b""))) == []
    assert report.failures == [("<stdin>", "the file is empty")]


def test_ingest_count_documents(tmp_path):
    (tmp_path / "a.txt").write_text("Huit pays.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n', encoding="utf-8")
    assert count_documents([str(tmp_path)]) == 4
    assert count_documents([str(tmp_path / "a.txt"), str(tmp_path / "missing")]) == 1
    assert count_documents(["-"]) is None


# --- JSONL read a line at a time -----------------------------------------------------------


class _CountingStream(io.BytesIO):
    """A byte stream that remembers how far it has been read."""

    def read(self, size=-1):
        data = super().read(size)
        self.consumed = self.tell()
        return data


def test_ingest_jsonl_stream_reads_no_further_than_needed():
    line = json.dumps({"text": "Kyiv a reçu 44 drones. " * 20}) + "\n"
    stream = _CountingStream((line * 5000).encode())  # ~2.7 MB
    documents = read_jsonl_stream(stream, "big.jsonl", Report())
    first = next(documents)
    assert first.source == "big.jsonl:1"
    assert stream.consumed < 200_000  # a chunk or two, not the whole file
    assert sum(1 for _ in documents) == 4999


@pytest.mark.parametrize(
    ("data", "ids", "failures", "warning"),
    [
        # a line split across two chunks, a BOM, CRLF endings, blank lines
        (b"\xef\xbb\xbf" + b"\r\n".join(
            json.dumps({"id": f"d{i}", "text": "x" * 40_000}).encode() for i in range(4)) + b"\r\n\n",
         ["d0", "d1", "d2", "d3"], [], None),
        # a bad line is named by its number, the others go on
        (b'{"id": "a", "text": "Huit pays."}\n{not json\n{"id": "c", "text": "Eight."}',
         ["a", "c"], ["f.jsonl:2"], None),
        # invalid UTF-8 on line 2: replaced, one warning naming the byte
        (b'{"id": "a", "text": "un"}\n{"id": "b", "text": "pr\xe9sident"}\n',
         ["a", "b"], [], "invalid UTF-8 at byte 49"),
        # a character U+2028 inside a string does not end the line
        ('{"id": "a", "text": "deux\u2028lignes"}\n'.encode(), ["a"], [], None),
        (b"", [], ["f.jsonl"], None),
        (b"\n \n", [], ["f.jsonl"], None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, [], ["f.jsonl"], None),
        ('{"id": "u", "text": "Trente-six drones"}\n'.encode("utf-16"), ["u"], [], None),
    ],
)
def test_ingest_jsonl_stream(data, ids, failures, warning):
    report = Report()
    documents = list(read_jsonl_stream(io.BytesIO(data), "f.jsonl", report))
    assert [d.id for d in documents] == ids
    assert [where for where, _ in report.failures] == failures
    if warning:
        (where, message), = report.warnings
        assert where == "f.jsonl" and warning in message
    else:
        assert report.warnings == []


def test_ingest_read_file_streams_jsonl_with_line_numbers(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "Huit pays."}\n\n[1, 2]\n{"text": "Eight."}\n',
                    encoding="utf-8")
    report = Report()
    documents = list(read_file(path, report))
    assert [d.id for d in documents] == ["a", f"{path}:4"]
    assert [where for where, _ in report.failures] == [f"{path}:3"]


def test_ingest_read_stdin_streams_jsonl():
    stream = _CountingStream(b"".join(
        json.dumps({"id": f"s{i}", "text": "Huit pays. " * 100}).encode() + b"\n"
        for i in range(2000)))
    documents = read_stdin(Report(), stream)
    assert next(documents).id == "s0"
    assert stream.consumed < 200_000


# --- large input ----------------------------------------------------------------------------


@pytest.mark.slow
def test_ingest_reads_a_50_mb_text(tmp_path):
    filler = "Les observateurs ont discuté longuement de la situation sans conclure.\n"
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as out:
        out.write("date: 2024-09-15\nSelon Kyiv, 140 000 drones ont été livrés.\n")
        out.write(filler * (50_000_000 // len(filler)))
        out.write("Au total, trente-six drones ont été abattus.\n")
    report = Report()
    (document,) = read_paths([str(path)], report)
    assert len(document.text) > 50_000_000 and document.published == "2024-09-15"
    assert report.ok
