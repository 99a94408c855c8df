"""JSON output: exactly Report.to_dict() / the Article list."""

from __future__ import annotations

import json
from typing import Any

from .safe import escape_json


def dumps(data: Any) -> str:
    return escape_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
