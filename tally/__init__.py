"""tally: turn news articles into a sourced, checkable database of quantitative claims."""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, StoreError, TallyError  # noqa: E402
from .extract import EXTRACTOR_VERSION, Extractor, Settings  # noqa: E402
from .ingest import read_paths  # noqa: E402
from .models import Claim, Document  # noqa: E402
from .report import Report  # noqa: E402

__all__ = [
    "Claim", "Document", "EXTRACTOR_VERSION", "Extractor", "InputError", "Report",
    "Settings", "StoreError", "TallyError", "read_paths", "__version__",
]
