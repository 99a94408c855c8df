"""RSS and Atom feeds (feedparser): the pages a feed lists, newest first, filtered by date."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .client import Client, FetchError
from .safety import Refused, check_link


@dataclass(frozen=True)
class Item:
    url: str
    feed: str
    published: dt.datetime | None  # UTC


def parse_since(value: str | dt.date | None) -> dt.datetime | None:
    """'2024-06-06' or '2024-06-06T12:00' (UTC unless it says otherwise) as an aware datetime."""
    if value is None or isinstance(value, dt.datetime):
        return _utc(value) if value else None
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        return _utc(dt.datetime.fromisoformat(text))
    except ValueError:
        raise ValueError(f"--since {value!r} is not a date like 2024-06-06 or 2024-06-06T12:00") from None


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment.astimezone(dt.timezone.utc)


def feed_items(
    client: Client, feed_url: str, since: dt.datetime | None
) -> tuple[list[Item], list[tuple[str, str]], int]:
    """The items of a feed published at or after ``since`` (undated items are kept: nothing says they
    are older), the (link, reason) of the items that are refused, and how many were older. FetchError or Refused when the
    feed itself cannot be read."""
    import feedparser

    answer = client.get(feed_url, kind="feed")
    parsed = feedparser.parse(
        answer.body,
        response_headers={"content-location": answer.final_url, "content-type": answer.headers.get("content-type", "")},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        why = str(parsed.get("bozo_exception") or "no items")
        raise FetchError(f"not a readable RSS or Atom feed ({why})")
    items: list[Item] = []
    refused: list[tuple[str, str]] = []
    older = 0
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.timezone.utc) if stamp else None
        if since is not None and published is not None and published < since:
            older += 1
            continue
        try:
            check_link(answer.final_url, link, client.named, client.options.allow_private)
        except Refused as exc:
            refused.append((link, str(exc)))
            continue
        items.append(Item(link, feed_url, published))
    return items, refused, older
