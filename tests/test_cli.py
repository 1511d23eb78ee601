"""`tally extract` on good and bad input: formats, fields, progress, messages and exit codes."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tally.cli import cli
from tally.models import CLAIM_FIELDS, EXTRA_FIELDS

pytestmark = pytest.mark.slow  # each extraction loads a spaCy model

RECORD_FIELDS = [*CLAIM_FIELDS, *EXTRA_FIELDS]
TALLY = [str(Path(sys.executable).parent / "tally")]

FRENCH = "date: 2024-09-15\nSelon le Kremlin, l'armée a reçu 140 000 drones l'année dernière.\n"
ENGLISH = "date: 2024-09-22\nRussia launched 44 Shahed drones overnight, the air force said.\n"


def run(*args: str, input: str | bytes | None = None, env: dict | None = None):
    """Invoke the CLI in-process; stdout and stderr come back apart."""
    return CliRunner().invoke(cli, list(args), input=input, env=env)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder of two good articles in two languages."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def jsonl_run(corpus):
    result = run("extract", str(corpus))
    return result


# --- formats and fields ---------------------------------------------------------------------


def test_cli_extract_jsonl_records_have_the_claims_fields_in_order(jsonl_run):
    assert jsonl_run.exit_code == 0, jsonl_run.stderr
    assert jsonl_run.stderr == ""
    found = records(jsonl_run.stdout)
    assert found, "no claims"
    for record in found:
        assert list(record) == RECORD_FIELDS


def test_cli_extract_jsonl_finds_the_figures(jsonl_run, corpus):
    found = {(r["doc"], r["quote"]): r for r in records(jsonl_run.stdout)}
    assert found[("fr", "140 000")]["value"] == 140000
    assert found[("en", "44")]["value"] == 44
    for record in found.values():
        text = (corpus / f"{record['doc']}.txt").read_text(encoding="utf-8")
        assert text[record["offset"] : record["offset"] + len(record["quote"])] == record["quote"]


def test_cli_extract_csv_has_the_same_records(jsonl_run, corpus):
    result = run("extract", str(corpus), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == RECORD_FIELDS
    expected = records(jsonl_run.stdout)
    assert [(r["doc"], r["quote"], r["offset"]) for r in rows] == [
        (r["doc"], r["quote"], str(r["offset"])) for r in expected
    ]


def test_cli_extract_csv_without_claims_still_has_its_header(tmp_path):
    path = tmp_path / "none.txt"
    path.write_text("Aucun chiffre dans ce texte.", encoding="utf-8")
    result = run("extract", str(path), "--format", "csv", "--lang", "fr")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [",".join(RECORD_FIELDS)]


def test_cli_extract_table_is_for_reading(corpus):
    result = run("extract", str(corpus), "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "quote" in result.stdout and "140 000" in result.stdout
    assert "sentence" not in result.stdout.splitlines()[1]


def test_cli_extract_table_prints_brackets_as_text():
    line = json.dumps({"id": "[/oops] [bold]", "lang": "en", "text": "Russia launched 44 drones [1]."})
    result = run("extract", "-", "--format", "table", input=line + "\n")
    assert result.exit_code == 0, result.stderr
    assert "[/oops]" in result.stdout


@pytest.mark.parametrize(("lang", "warned"), [("fr", False), ("en", False), ("auto", True)])
def test_cli_extract_lang_option(tmp_path, lang, warned):
    path = tmp_path / "de.txt"
    path.write_text("Russland hat in der Nacht 44 Drohnen gestartet, sagte die Luftwaffe.",
                    encoding="utf-8")
    result = run("extract", str(path), "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert "44" in [r["quote"] for r in records(result.stdout)]
    assert ("language 'de'" in result.stderr) is warned


def test_cli_extract_rejects_an_unknown_format(corpus):
    result = run("extract", str(corpus), "--format", "xml")
    assert result.exit_code == 2 and "xml" in result.stderr


def test_cli_extract_needs_a_path():
    result = run("extract")
    assert result.exit_code == 2 and "PATHS" in result.stderr


# --- stdin ----------------------------------------------------------------------------------


def test_cli_extract_reads_text_from_stdin():
    result = run("extract", "-", input=ENGLISH)
    assert result.exit_code == 0, result.stderr
    found = records(result.stdout)
    assert {r["doc"] for r in found} == {"stdin"}
    assert "44" in [r["quote"] for r in found]


def test_cli_extract_reads_jsonl_from_stdin():
    lines = [
        json.dumps({"id": "one", "lang": "fr", "published": "2024-09", "text": "Huit pays l'ont rejointe."}),
        json.dumps({"id": "two", "published": "2024-09-22",
                    "text": "Russia launched 44 drones overnight, the air force said."}),
    ]
    result = run("extract", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert {r["doc"] for r in records(result.stdout)} == {"one", "two"}


@pytest.mark.parametrize(
    ("data", "code", "message"),
    [
        (b"", 1, "failed: <stdin>: the file is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" * 50, 1, "failed: <stdin>: this looks like a binary file"),
        (b"date: 2024-09\nLe pr\xe9sident a promis 140 000 drones.\n", 0, "warning: <stdin>: invalid UTF-8"),
    ],
)
def test_cli_extract_bad_stdin(data, code, message):
    # a real process and real bytes on its stdin
    done = subprocess.run([*TALLY, "extract", "-"], input=data, capture_output=True, timeout=300)
    stderr = done.stderr.decode()
    assert done.returncode == code, stderr
    assert message in stderr
    assert "Traceback" not in stderr


# --- bad files: one run over a folder of them -----------------------------------------------


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    (folder / "a-good.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" * 20)
    (folder / "d-latin1.txt").write_bytes("date: 2024-09-15\nLe Kremlin a reçu 140 000 drones.\n".encode("latin-1"))
    (folder / "e-docs.jsonl").write_text(
        json.dumps({"id": "j1", "lang": "en", "text": "Kyiv said 36 drones were shot down."}) + "\n"
        + '{"id": "j2", "text": "broken\n'
        + json.dumps({"id": "j3", "lang": "fr", "text": "Huit pays l'ont rejointe."}) + "\n",
        encoding="utf-8")
    (folder / "f-german.txt").write_text(
        "Russland hat in der Nacht 44 Drohnen gestartet, sagte die Luftwaffe.", encoding="utf-8")
    missing = str(folder / "missing.txt")
    return folder, run("extract", str(folder), missing)


def test_cli_extract_bad_input_exits_1_with_a_summary(bad_run):
    folder, result = bad_run
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    summary = result.stderr.splitlines()
    assert summary[-1] == "4 failed, 2 warnings"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("b-empty.txt", "failed: {folder}/b-empty.txt: the file is empty"),
        ("c-binary.txt", "failed: {folder}/c-binary.txt: this looks like a binary file"),
        ("d-latin1.txt", "warning: {folder}/d-latin1.txt: invalid UTF-8 at byte"),
        ("e-docs.jsonl", "failed: {folder}/e-docs.jsonl:2: not valid JSON"),
        ("f-german.txt", "warning: {folder}/f-german.txt: language 'de' has no model; using rules only"),
        ("missing.txt", "failed: {folder}/missing.txt: no such file or directory"),
    ],
)
def test_cli_extract_bad_input_is_named(bad_run, name, message):
    folder, result = bad_run
    assert message.format(folder=folder) in result.stderr


def test_cli_extract_bad_input_does_not_stop_the_others(bad_run):
    _, result = bad_run
    found = {(r["doc"], r["quote"]) for r in records(result.stdout)}
    assert {("a-good", "44"), ("j1", "36"), ("j3", "Huit"), ("f-german", "44")} <= found
    # the undecodable byte was replaced, and the figures around it still read
    assert ("d-latin1", "140 000") in found


# --- progress -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for day in range(1, 8):
        (folder / f"night-{day}.txt").write_text(
            f"date: 2024-09-0{day}\nRussia launched {40 + day} drones overnight, the air force said.\n",
            encoding="utf-8")
    return folder


def test_cli_extract_progress_bar_goes_to_stderr_only(many):
    # TTY_COMPATIBLE makes rich treat stderr as a terminal, as a user's screen is
    result = run("extract", str(many), env={"TTY_COMPATIBLE": "1"})
    assert result.exit_code == 0, result.stderr
    assert "extracting" in result.stderr and "7/7" in result.stderr
    found = records(result.stdout)  # every stdout line is still a record
    assert sorted(r["value"] for r in found if r["doc"].startswith("night")) == list(range(41, 48))


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["--no-progress"], False),
        ([], True),
    ],
)
def test_cli_extract_progress_option(many, args, shown):
    result = run("extract", str(many), *args, env={"TTY_COMPATIBLE": "1"})
    assert ("extracting" in result.stderr) is shown


def test_cli_extract_no_progress_bar_for_a_handful(corpus):
    result = run("extract", str(corpus), env={"TTY_COMPATIBLE": "1"})
    assert result.exit_code == 0 and result.stderr == ""


def test_cli_extract_no_progress_bar_in_a_pipe(many):
    result = run("extract", str(many))
    assert result.exit_code == 0 and result.stderr == ""


def test_cli_extract_stops_quietly_when_the_reader_goes_away(tmp_path):
    # more records than a pipe buffers, so writing fails once the reader is gone
    path = tmp_path / "long.txt"
    path.write_text("date: 2024-09-22\n" + "Russia launched 12 drones and 3 missiles. " * 800,
                    encoding="utf-8")
    with subprocess.Popen([*TALLY, "extract", str(path), "--lang", "en"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        first = process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        stderr = process.stderr.read().decode()
        process.wait(timeout=300)
    assert json.loads(first)["doc"]
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr


def test_cli_extract_a_text_without_line_breaks(tmp_path):
    # 1.2 MB in one "sentence", as minified or badly converted text comes
    path = tmp_path / "oneline.txt"
    path.write_text("date: 2024-09-15\nLa Russie a lancé 44 drones "
                    + "et encore des mots sans fin " * 45_000 + "puis 36 drones.", encoding="utf-8")
    result = run("extract", str(path), "--lang", "fr")
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 1:
        assert f"failed: {path}: " in result.stderr
        pytest.xfail("a sentence longer than spaCy's max_length fails the whole document")
    assert {"44", "36"} <= {r["quote"] for r in records(result.stdout)}


# --- a 50 MB text ---------------------------------------------------------------------------

FILLER = "Les observateurs ont discuté longuement de la situation sans rien conclure ce jour-là.\n"
BIG_BYTES = 50_000_000
HANG_SECONDS = 1800


def _write_big(path: Path, size: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("date: 2024-09-15\nSelon Kyiv, la Russie a lancé 44 drones la nuit dernière.\n")
        out.write(FILLER * (size // len(FILLER)))
        out.write("Depuis le début du mois, plus de 1 000 drones ont été abattus.\n")


def test_cli_extract_a_50_mb_text(tmp_path):
    # Speed and memory are measured in bench/, not here: this checks that a 50 MB file is
    # read to its end, with exact offsets; the timeout only guards against a hang.
    path = tmp_path / "big.txt"
    _write_big(path, BIG_BYTES)
    done = subprocess.run([*TALLY, "extract", str(path)], capture_output=True, timeout=HANG_SECONDS)
    assert done.returncode == 0, done.stderr.decode()
    found = {r["quote"]: r for r in records(done.stdout.decode())}
    text = path.read_text(encoding="utf-8")
    for quote, value in (("44", 44), ("1 000", 1000)):
        assert found[quote]["value"] == value
        offset = found[quote]["offset"]
        assert text[offset : offset + len(quote)] == quote
    assert found["1 000"]["offset"] > BIG_BYTES - 100
