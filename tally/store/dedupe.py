"""Exact and near-duplicate detection: a content hash, and MinHash over word 3-grams."""
from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
# Stored signatures must be read back with the scheme that made them.
SCHEME = "affine32"
# Jaccard similarity of word 3-grams above which two texts are the same story: a wire
# dispatch with a new headline or a changed paragraph stays well above it, two stories
# on the same topic stay far below (they share few 3-word runs).
THRESHOLD = 0.7
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with whitespace collapsed, so re-saved copies hash the same."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = 3) -> set[str]:
    """Lowercase word n-grams: shingles("A b c d") == {"a b c", "b c d"}."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words)}
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    """The MinHash signature of a text's shingles."""
    signature = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    signature.update_batch([s.encode("utf-8") for s in shingles(text)])
    return signature


def to_bytes(signature: MinHash) -> bytes:
    return signature.hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype="<u8"), scheme=SCHEME)


class NearDuplicates:
    """The MinHash index of stored documents: which one a new text nearly repeats."""

    def __init__(self, threshold: float = THRESHOLD):
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[int, MinHash] = {}
        self.threshold = threshold
        self.last_id = 0  # documents up to this id are indexed

    def add(self, doc_id: int, signature: MinHash) -> None:
        if doc_id not in self.signatures:
            self.lsh.insert(str(doc_id), signature)
            self.signatures[doc_id] = signature
        self.last_id = max(self.last_id, doc_id)

    def original(self, signature: MinHash) -> tuple[int, float] | None:
        """(document id, estimated Jaccard) of the closest indexed text above the threshold."""
        best = None
        for key in self.lsh.query(signature):
            score = signature.jaccard(self.signatures[int(key)])
            if score >= self.threshold and (best is None or score > best[1]):
                best = (int(key), score)
        return best
