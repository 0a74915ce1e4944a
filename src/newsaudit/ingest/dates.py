"""Publication dates from corpus inputs (ISO 8601, RFC 2822, feed time tuples) as ISO text."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def iso_date(value: object) -> str | None:
    """An ISO 8601 date ("2024-11-02") or date-time, or None when `value` is not a date."""
    if isinstance(value, time.struct_time):
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    day = _ISO_DAY.match(text)
    if day:
        try:
            return date(int(day[1]), int(day[2]), int(day[3])).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
