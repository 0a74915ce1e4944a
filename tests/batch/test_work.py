"""Items audited in a group give what each gives alone, failures included."""

from __future__ import annotations

import pytest

from newsaudit import Auditor
from newsaudit.batch.items import Item, content_key
from newsaudit.batch.work import PARSE_GROUP, audit_item, audit_items

from .conftest import NON_ARTICLE_PAGE, article_text


def _item(name: str, text: str) -> Item:
    data = text.encode("utf-8")
    return Item(content_key(data), name, data)


def _comparable(result: object) -> tuple[object, ...]:
    key, source, url, status, report, error, _seconds = vars(result).values()
    return (key, source, url, status, report, error)


def _group() -> list[Item]:
    return [
        _item("a.txt", article_text(1)),
        _item("login.html", NON_ARTICLE_PAGE),
        _item("b.txt", article_text(2)),
        _item("empty.txt", ""),
        _item("c.txt", article_text(3)),
    ]


def test_a_group_gives_the_results_each_item_gives_alone(auditor: Auditor) -> None:
    items = _group()
    grouped = audit_items(auditor, items)
    assert [r.status for r in grouped] == ["done", "failed", "done", "failed", "done"]
    assert [_comparable(r) for r in grouped] == [_comparable(audit_item(auditor, i)) for i in items]


def test_a_failing_group_audit_falls_back_to_one_at_a_time(
    auditor: Auditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _group()
    alone = [_comparable(audit_item(auditor, i)) for i in items]

    def broken(articles: object) -> object:
        raise RuntimeError("the parser fell over")

    monkeypatch.setattr(auditor, "audit_articles", broken)
    assert [_comparable(r) for r in audit_items(auditor, items)] == alone


def test_items_beyond_one_parse_group_keep_their_order_and_results(auditor: Auditor) -> None:
    items = [_item(f"{n}.txt", article_text(n)) for n in range(PARSE_GROUP + 3)]
    items.insert(PARSE_GROUP, _item("login.html", NON_ARTICLE_PAGE))
    grouped = audit_items(auditor, items)
    assert [r.source for r in grouped] == [i.source for i in items]
    assert [_comparable(r) for r in grouped] == [_comparable(audit_item(auditor, i)) for i in items]
