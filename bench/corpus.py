"""A synthetic news corpus of any size, from templates and the bundled examples.

    python bench/corpus.py 10000 out/      # writes out/part-0000.jsonl ... (1,000 a file)

Each document mixes sentences of examples/ (their figures and dates redrawn) with
template sentences, so documents differ like articles do; about 2% are exact copies
and 2% light edits of an earlier one, so the dedupe stages have work too. The same
count and seed always give the same corpus.
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tally.extract import sentences  # noqa: E402
from tally.lang import detect  # noqa: E402
from tally.ingest import read_paths  # noqa: E402
from tally.models import Document  # noqa: E402
from tally.report import Report  # noqa: E402

PER_FILE = 1000
OUTLETS = ("Reuters", "Le Monde", "TASS", "BBC", "France 24", "The Guardian", "Le Figaro",
           "Ukrinform", "Al Jazeera", "RFI")
ACTORS = {"en": ("Russia", "Ukraine", "Iran", "Germany", "France", "the Pentagon", "NATO"),
          "fr": ("la Russie", "l'Ukraine", "l'Iran", "l'Allemagne", "la France", "l'OTAN")}
ITEMS = {"en": ("drones", "missiles", "shells", "tanks", "air defence systems", "factories"),
         "fr": ("drones", "missiles", "obus", "chars", "systèmes de défense aérienne",
                "usines")}
TEMPLATES = {
    "en": (
        "{actor} produced {n} {item} in {month}, officials said on {day}.",
        "According to the ministry, {actor} received about {n} {item} last year.",
        "{actor} plans to build {n} {item} by {year}, the government announced.",
        "More than {n} {item} were shot down overnight, the air force said.",
        "The budget includes {m} million dollars for {item}, a spokesman told reporters.",
        "Analysts estimate that up to {p} percent of the {item} never reach their target.",
    ),
    "fr": (
        "{actor} a produit {n} {item} en {month_fr}, selon le ministère.",
        "D'après les autorités, {actor} a reçu environ {n} {item} l'an dernier.",
        "{actor} prévoit de fabriquer {n} {item} d'ici {year}, a annoncé le gouvernement.",
        "Plus de {n} {item} ont été abattus dans la nuit, selon l'armée de l'air.",
        "Le budget prévoit {m} millions d'euros pour les {item}, a indiqué un porte-parole.",
        "Selon des experts, jusqu'à {p} % des {item} n'atteignent pas leur cible.",
    ),
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_NUMBER = re.compile(r"\d+")
_HEADER = re.compile(r"^(date|title|outlet|url|lang): .*$", re.MULTILINE)


def example_sentences() -> dict[str, list[str]]:
    """The sentences of the bundled examples, by language."""
    pool: dict[str, list[str]] = {"en": [], "fr": []}
    for document in read_paths([str(ROOT / "examples")], Report()):
        lang = document.lang or detect(document.text)
        if lang not in pool:
            continue
        body = _HEADER.sub("", document.text)
        for start, end in sentences.split(body):
            text = body[start:end].strip()
            if len(text) > 30:
                pool[lang].append(text)
    return pool


def _redraw(sentence: str, rng: random.Random) -> str:
    """The sentence with each number replaced by another of similar size."""
    def swap(found: re.Match) -> str:
        digits = found.group()
        if len(digits) == 4 and digits.startswith("20"):
            return str(rng.randint(2020, 2027))  # a year stays a year
        return str(rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 1,
                               10 ** len(digits) - 1))
    return _NUMBER.sub(swap, sentence)


def _template(lang: str, rng: random.Random) -> str:
    month = rng.randrange(12)
    text = rng.choice(TEMPLATES[lang]).format(
        actor=rng.choice(ACTORS[lang]), item=rng.choice(ITEMS[lang]),
        n=rng.choice((rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 90000))),
        m=rng.randint(5, 900), p=rng.randint(5, 60), year=rng.randint(2025, 2030),
        month=MONTHS[month], month_fr=MONTHS_FR[month], day=rng.choice(DAYS))
    return text[0].upper() + text[1:]  # "la Russie a produit..." opens a sentence


def generate(count: int, seed: int = 7) -> Iterator[Document]:
    """`count` documents, made one at a time (nothing but the pool is kept)."""
    rng = random.Random(seed)
    pool = example_sentences()
    recent: list[Document] = []  # a few earlier documents to copy or edit
    for number in range(count):
        roll = rng.random()
        if recent and roll < 0.02:
            original = rng.choice(recent)
            yield Document(id=f"gen-{number:06d}", text=original.text, lang=original.lang,
                           published=original.published, outlet=rng.choice(OUTLETS),
                           title=original.title)
            continue
        if recent and roll < 0.04:
            original = rng.choice(recent)
            edited = original.text + " " + _template(original.lang, rng)
            yield Document(id=f"gen-{number:06d}", text=edited, lang=original.lang,
                           published=original.published, outlet=rng.choice(OUTLETS),
                           title=original.title)
            continue
        lang = "fr" if rng.random() < 0.5 else "en"
        parts = [_redraw(rng.choice(pool[lang]), rng) for _ in range(rng.randint(3, 6))]
        parts += [_template(lang, rng) for _ in range(rng.randint(1, 3))]
        rng.shuffle(parts)
        paragraphs = [" ".join(parts[i:i + 3]) for i in range(0, len(parts), 3)]
        document = Document(
            id=f"gen-{number:06d}", text="\n\n".join(paragraphs), lang=lang,
            published=f"{rng.randint(2023, 2025)}-{rng.randint(1, 12):02d}-"
                      f"{rng.randint(1, 28):02d}",
            outlet=rng.choice(OUTLETS), title=_redraw(parts[0][:80], rng))
        recent = (recent + [document])[-50:]
        yield document


def write(count: int, folder: Path, seed: int = 7) -> list[Path]:
    """The corpus as JSONL files of PER_FILE documents each in `folder`; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    stream = None
    for number, document in enumerate(generate(count, seed)):
        if number % PER_FILE == 0:
            if stream:
                stream.close()
            paths.append(folder / f"part-{number // PER_FILE:04d}.jsonl")
            stream = paths[-1].open("w", encoding="utf-8")
        stream.write(json.dumps(document.to_record(), ensure_ascii=False) + "\n")
    if stream:
        stream.close()
    return paths


if __name__ == "__main__":
    write(int(sys.argv[1]), Path(sys.argv[2]))
