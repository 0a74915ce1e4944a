"""Articles written for the test suite, audited end to end and checked against their expectations.

Every article ``NAME.txt`` or ``NAME.html`` in ``tests/fixtures/articles/`` has ``NAME.expect.json``
beside it: what a careful fact-checker finds in that article. The people, places and events are
invented. The expectations file is a JSON object:

    about          str, required    what the article pins, in a sentence or two
    title          str              the exact expected `Article.title`
    author         str              the expected `Article.author` (case-insensitive)
    date_contains  str              a substring of `Article.date` ("2025-04-08")
    text_contains  [str]            snippets the cleaned `Article.text` must contain
    text_excludes  [str]            snippets it must not contain (furniture, payloads)
    links_contains [str]            substrings of URLs that must be among `Article.links`
    links_excludes [str]            substrings no link URL or link text may contain
    acronyms       [{short, long}]  acronyms the audit must find defined in the text
    claims         [claim]          claims that must be found, see below
    not_asserted   [str]            snippets of sentences that must not be an asserted claim
    not_claims     [str]            snippets no claim may contain (headings, furniture)
    max_asserted   int              at most this many claims may be asserted (opinion pieces)
    headline       {verdict, stance, reasons, no_reasons, source}
                                    verdict/stance: one label or a list of acceptable ones;
                                    reasons: codes that must be present; no_reasons: codes
                                    that must be absent; source: the normalised headline source

A claim expectation:

    contains     str, required   a distinctive substring of the claim's text
    kind         str | [str]     acceptable `Claim.kind` values
    attribution  {type, source, mention_contains}
                                 type is required; source is compared with the normalised
                                 `Attribution.source` case-insensitively (a leading "the" and
                                 curly apostrophes do not count); mention_contains is a
                                 substring of `Attribution.mention`
    hedges       [str]           each must match a hedge of the claim ("may have" matches a
                                 hedge "may have" or "may")
    quantities   [{value, approx, counts_contains, unit_contains, per}]
                                 each must match one quantity of the claim: value within
                                 0.5 %, approx one label or a list, counts_contains a
                                 substring of `counts`, unit_contains a substring of `unit`
                                 (or of `counts`, where a unit was folded into it; "%" reads
                                 as "percent"), per a substring of `per`

Matching is by meaning, not by wording or ids: a claim matches an expectation when its text
contains the `contains` substring, and the expectation holds when any matching claim meets it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest

from newsaudit import Auditor, Report
from newsaudit.model import (
    Approx,
    AttributionType,
    Claim,
    ClaimKind,
    HeadlineReasonCode,
    HeadlineVerdict,
    Quantity,
    Stance,
)

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
SUFFIXES = (".txt", ".html")
MIN_WORDS, MAX_WORDS = 150, 400
VALUE_TOLERANCE = 0.005


# ---------------------------------------------------------------------------------------------
# Loading the fixtures


def _article_paths() -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if p.suffix in SUFFIXES)


def _expect_paths() -> list[Path]:
    return sorted(ARTICLES.glob("*.expect.json"))


def _article_for(expect_path: Path) -> Path:
    stem = expect_path.name[: -len(".expect.json")]
    for suffix in SUFFIXES:
        candidate = ARTICLES / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    raise AssertionError(f"{expect_path.name}: no {stem}.txt or {stem}.html beside it")


def _load(expect_path: Path) -> dict[str, Any]:
    with expect_path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _name(expect_path: Path) -> str:
    return expect_path.name[: -len(".expect.json")]


def _cases(section: str | None = None) -> list[Any]:
    """One pytest param per fixture (optionally only those with `section`), id = its name."""
    cases = []
    for path in _expect_paths():
        if section is not None and section not in _load(path):
            continue
        cases.append(pytest.param(path, id=_name(path)))
    return cases


# ---------------------------------------------------------------------------------------------
# The expectations' own structure: a typo in an expectation must fail loudly


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _norm(text: str | None) -> str:
    """Casefolded, straight quotes, single spaces."""
    return re.sub(r"\s+", " ", (text or "").translate(_QUOTES)).strip().casefold()


def _norm_source(text: str | None) -> str:
    return re.sub(r"^the ", "", _norm(text))


def _is_str(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_str(v) for v in value)


def _one_or_list_of(labels: tuple[str, ...]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        values = value if isinstance(value, list) else [value]
        return bool(values) and all(v in labels for v in values)

    check.__doc__ = f"one of {labels} or a non-empty list of them"
    return check


def _list_of(labels: tuple[str, ...]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        return isinstance(value, list) and all(v in labels for v in value)

    check.__doc__ = f"a list of {labels}"
    return check


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_TOP_KEYS: dict[str, Callable[[Any], bool]] = {
    "about": _is_str,
    "title": _is_str,
    "author": _is_str,
    "date_contains": _is_str,
    "text_contains": _is_str_list,
    "text_excludes": _is_str_list,
    "links_contains": _is_str_list,
    "links_excludes": _is_str_list,
    "acronyms": lambda v: isinstance(v, list),
    "claims": lambda v: isinstance(v, list),
    "not_asserted": _is_str_list,
    "not_claims": _is_str_list,
    "max_asserted": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
    "headline": lambda v: isinstance(v, dict),
}
_CLAIM_KEYS: dict[str, Callable[[Any], bool]] = {
    "contains": _is_str,
    "kind": _one_or_list_of(get_args(ClaimKind)),
    "attribution": lambda v: isinstance(v, dict),
    "hedges": _is_str_list,
    "quantities": lambda v: isinstance(v, list) and len(v) > 0,
}
_ATTRIBUTION_KEYS: dict[str, Callable[[Any], bool]] = {
    "type": lambda v: v in get_args(AttributionType),
    "source": _is_str,
    "mention_contains": _is_str,
}
_QUANTITY_KEYS: dict[str, Callable[[Any], bool]] = {
    "value": _number,
    "approx": _one_or_list_of(get_args(Approx)),
    "counts_contains": _is_str,
    "unit_contains": _is_str,
    "per": _is_str,
}
_HEADLINE_KEYS: dict[str, Callable[[Any], bool]] = {
    "verdict": _one_or_list_of(get_args(HeadlineVerdict)),
    "stance": _one_or_list_of(get_args(Stance)),
    "reasons": _list_of(get_args(HeadlineReasonCode)),
    "no_reasons": _list_of(get_args(HeadlineReasonCode)),
    "source": _is_str,
}
_ACRONYM_KEYS: dict[str, Callable[[Any], bool]] = {"short": _is_str, "long": _is_str}


def _check_keys(
    where: str,
    obj: Any,
    spec: dict[str, Callable[[Any], bool]],
    required: tuple[str, ...],
    problems: list[str],
) -> None:
    if not isinstance(obj, dict):
        problems.append(f"{where}: expected an object, got {type(obj).__name__}")
        return
    for key in required:
        if key not in obj:
            problems.append(f"{where}: missing required key {key!r}")
    for key, value in obj.items():
        check = spec.get(key)
        if check is None:
            problems.append(f"{where}: unknown key {key!r} (allowed: {sorted(spec)})")
        elif not check(value):
            hint = f" ({check.__doc__})" if check.__doc__ else ""
            problems.append(f"{where}.{key}: invalid value {value!r}{hint}")


def _schema_problems(data: Any) -> list[str]:
    """Everything wrong with the structure of one expectations file."""
    problems: list[str] = []
    _check_keys("$", data, _TOP_KEYS, ("about",), problems)
    if not isinstance(data, dict):
        return problems
    for i, claim in enumerate(data.get("claims") or []):
        where = f"$.claims[{i}]"
        _check_keys(where, claim, _CLAIM_KEYS, ("contains",), problems)
        if not isinstance(claim, dict):
            continue
        if len(claim) == 1:
            problems.append(f"{where}: says nothing about the claim beyond 'contains'")
        if "attribution" in claim:
            _check_keys(
                f"{where}.attribution", claim["attribution"], _ATTRIBUTION_KEYS, ("type",), problems
            )
        for j, quantity in enumerate(claim.get("quantities") or []):
            _check_keys(
                f"{where}.quantities[{j}]", quantity, _QUANTITY_KEYS, ("value", "approx"), problems
            )
    for i, acronym in enumerate(data.get("acronyms") or []):
        _check_keys(f"$.acronyms[{i}]", acronym, _ACRONYM_KEYS, ("short", "long"), problems)
    if "headline" in data:
        _check_keys("$.headline", data["headline"], _HEADLINE_KEYS, (), problems)
        both = set(data["headline"].get("reasons", [])) & set(
            data["headline"].get("no_reasons", [])
        )
        if both:
            problems.append(f"$.headline: codes both required and forbidden: {sorted(both)}")
    return problems


def _source_text(article_path: Path) -> str:
    raw = article_path.read_text(encoding="utf-8")
    if article_path.suffix == ".html":
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return re.sub(r"\s+", " ", raw)


def _body_words(article_path: Path) -> int:
    raw = article_path.read_text(encoding="utf-8")
    if article_path.suffix == ".html":
        body = re.search(r"<article\b.*?</article>", raw, re.DOTALL)
        assert body is not None, f"{article_path.name}: no <article> element"
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", body.group(0), flags=re.DOTALL)
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return len(raw.split())


def test_every_article_has_expectations() -> None:
    """Articles and expectation files come in pairs, and there are enough of them."""
    articles = {p.stem for p in _article_paths()}
    expectations = {_name(p) for p in _expect_paths()}
    assert articles == expectations, (
        f"articles without expectations: {sorted(articles - expectations)}; "
        f"expectations without an article: {sorted(expectations - articles)}"
    )
    assert len(articles) >= 12


@pytest.mark.parametrize("expect_path", _cases())
def test_expectation_file_is_well_formed(expect_path: Path) -> None:
    """Each expectations file has the documented structure, and its snippets are in the article."""
    name = _name(expect_path)
    data = _load(expect_path)
    problems = [f"{name}: {p}" for p in _schema_problems(data)]
    article_path = _article_for(expect_path)
    source = _norm(_source_text(article_path))
    snippets = [
        ("claims.contains", c["contains"])
        for c in data.get("claims", [])
        if isinstance(c, dict) and "contains" in c
    ]
    snippets += [
        (key, s)
        for key in ("text_contains", "not_asserted", "not_claims")
        for s in data.get(key, [])
    ]
    if "title" in data:
        snippets.append(("title", data["title"]))
    for key, snippet in snippets:
        if _norm(snippet) not in source:
            problems.append(
                f"{name}: {key} snippet {snippet!r} is not in {article_path.name} (typo?)"
            )
    words = _body_words(article_path)
    if not MIN_WORDS <= words <= MAX_WORDS:
        problems.append(f"{name}: {words} words; fixtures are {MIN_WORDS}-{MAX_WORDS} words long")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------------
# Auditing: one report per fixture per test run


@pytest.fixture(scope="module")
def audited(auditor: Auditor) -> Callable[[Path], Report]:
    """Audit a fixture once (by its expectations path) and reuse the report."""
    cache: dict[Path, Report] = {}

    def get(expect_path: Path) -> Report:
        if expect_path not in cache:
            cache[expect_path] = auditor.audit(str(_article_for(expect_path)))
        return cache[expect_path]

    return get


def _fail_if(problems: list[str], name: str) -> None:
    if problems:
        pytest.fail(
            f"{name}: {len(problems)} expectation(s) not met\n  - " + "\n  - ".join(problems),
            pytrace=False,
        )


# ---------------------------------------------------------------------------------------------
# Text and metadata


@pytest.mark.parametrize("expect_path", _cases())
def test_text_and_metadata(expect_path: Path, audited: Callable[[Path], Report]) -> None:
    """Title, author, date, kept and removed text, and links, as the expectations say."""
    data, name = _load(expect_path), _name(expect_path)
    article = audited(expect_path).article
    text = _norm(article.text)
    problems: list[str] = []
    if "title" in data and article.title != data["title"]:
        problems.append(f"title: expected {data['title']!r}, got {article.title!r}")
    if "author" in data and _norm(article.author) != _norm(data["author"]):
        problems.append(f"author: expected {data['author']!r}, got {article.author!r}")
    if "date_contains" in data and data["date_contains"] not in (article.date or ""):
        problems.append(
            f"date_contains: expected {data['date_contains']!r} in the date, got {article.date!r}"
        )
    for snippet in data.get("text_contains", []):
        if _norm(snippet) not in text:
            problems.append(f"text_contains: {snippet!r} is missing from the article text")
    for snippet in data.get("text_excludes", []):
        if _norm(snippet) in text:
            problems.append(
                f"text_excludes: {snippet!r} is in the article text (furniture or payload kept)"
            )
    urls = [link.url for link in article.links]
    for part in data.get("links_contains", []):
        if not any(part in url for url in urls):
            problems.append(f"links_contains: no link URL contains {part!r}; links: {urls}")
    for part in data.get("links_excludes", []):
        bad = [
            link
            for link in article.links
            if _norm(part) in _norm(link.url) or _norm(part) in _norm(link.text)
        ]
        if bad:
            problems.append(f"links_excludes: {part!r} found in links {bad}")
    _fail_if(problems, name)


# ---------------------------------------------------------------------------------------------
# Claims


def _describe(claim: Claim) -> str:
    att = claim.attribution
    return (
        f"{claim.id} [{claim.kind}; {att.type} mention={att.mention!r} source={att.source!r}; "
        f"hedges={[h.text for h in claim.hedges]}; "
        f"quantities={[_describe_quantity(q) for q in claim.quantities]}] {claim.text!r}"
    )


def _describe_quantity(q: Quantity) -> str:
    return f"{q.text!r}={q.value:g} {q.approx} unit={q.unit!r} counts={q.counts!r} per={q.per!r}"


def _labels(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def _unit_words(text: str | None) -> str:
    return _norm(text).replace("%", "percent").replace("per cent", "percent")


def _quantity_matches(expected: dict[str, Any], actual: Quantity) -> bool:
    value = float(expected["value"])
    if abs(actual.value - value) > VALUE_TOLERANCE * abs(value):
        return False
    if actual.approx not in _labels(expected["approx"]):
        return False
    if "counts_contains" in expected and _norm(expected["counts_contains"]) not in _norm(
        actual.counts
    ):
        return False
    if "unit_contains" in expected:
        wanted = _unit_words(expected["unit_contains"])
        if wanted not in _unit_words(actual.unit) and wanted not in _unit_words(actual.counts):
            return False
    return "per" not in expected or _norm(expected["per"]) in _norm(actual.per)


def _claim_problems(expected: dict[str, Any], claim: Claim) -> list[str]:
    """How `claim` falls short of the claim expectation (empty when it meets it)."""
    problems: list[str] = []
    if "kind" in expected and claim.kind not in _labels(expected["kind"]):
        problems.append(f"kind: expected {expected['kind']!r}, got {claim.kind!r}")
    if "attribution" in expected:
        want, att = expected["attribution"], claim.attribution
        if att.type != want["type"]:
            problems.append(
                f"attribution.type: expected {want['type']!r}, got {att.type!r} (mention {att.mention!r})"
            )
        if "source" in want and _norm_source(att.source) != _norm_source(want["source"]):
            problems.append(f"attribution.source: expected {want['source']!r}, got {att.source!r}")
        if "mention_contains" in want and _norm(want["mention_contains"]) not in _norm(att.mention):
            problems.append(
                f"attribution.mention: expected it to contain {want['mention_contains']!r}, got {att.mention!r}"
            )
    for hedge in expected.get("hedges", []):
        found = [_norm(h.text) for h in claim.hedges]
        if not any(_norm(hedge) in h or (h and h in _norm(hedge)) for h in found):
            problems.append(f"hedges: expected {hedge!r}, got {found}")
    for quantity in expected.get("quantities", []):
        if not any(_quantity_matches(quantity, q) for q in claim.quantities):
            problems.append(
                f"quantities: expected {quantity}, got {[_describe_quantity(q) for q in claim.quantities]}"
            )
    return problems


def _overlapping(report: Report, snippet: str) -> list[Claim]:
    """Claims whose text contains the snippet or whose span overlaps where it sits in the text."""
    norm = _norm(snippet)
    text = report.article.text.translate(_QUOTES)
    at = text.find(snippet.translate(_QUOTES))
    spans = (at, at + len(snippet)) if at >= 0 else None
    return [
        c
        for c in report.claims
        if norm in _norm(c.text) or (spans is not None and c.start < spans[1] and spans[0] < c.end)
    ]


@pytest.mark.parametrize("expect_path", _cases("claims"))
def test_claims(expect_path: Path, audited: Callable[[Path], Report]) -> None:
    """Each expected claim is found with its kind, attribution, hedges and quantities."""
    data, name = _load(expect_path), _name(expect_path)
    report = audited(expect_path)
    problems: list[str] = []
    for expected in data["claims"]:
        label = f"claim {expected['contains']!r}"
        candidates = [c for c in report.claims if _norm(expected["contains"]) in _norm(c.text)]
        if not candidates:
            near = _overlapping(report, expected["contains"])
            problems.append(
                f"{label}: no claim contains it"
                + (f"; overlapping claims: {[_describe(c) for c in near]}" if near else "")
            )
            continue
        results = [(_claim_problems(expected, c), c) for c in candidates]
        if any(not found for found, _ in results):
            continue
        found, best = min(results, key=lambda r: len(r[0]))
        problems.append(f"{label}: " + "; ".join(found) + f"\n      the claim: {_describe(best)}")
    _fail_if(problems, name)


@pytest.mark.parametrize("expect_path", _cases("not_asserted"))
def test_not_asserted(expect_path: Path, audited: Callable[[Path], Report]) -> None:
    """Opinion, speculation and forecasts are not reported as asserted facts."""
    data, name = _load(expect_path), _name(expect_path)
    report = audited(expect_path)
    problems = [
        f"not_asserted: {snippet!r} is reported as asserted in {_describe(c)}"
        for snippet in data["not_asserted"]
        for c in _overlapping(report, snippet)
        if c.kind == "asserted"
    ]
    _fail_if(problems, name)


@pytest.mark.parametrize("expect_path", _cases("not_claims"))
def test_not_claims(expect_path: Path, audited: Callable[[Path], Report]) -> None:
    """Headings and page furniture are never claims."""
    data, name = _load(expect_path), _name(expect_path)
    report = audited(expect_path)
    problems = []
    for snippet in data["not_claims"]:
        norm = _norm(snippet)
        for c in report.claims:
            text = _norm(c.text)
            if norm in text or (len(text) >= 4 and text in norm):
                problems.append(f"not_claims: {snippet!r} is (in) a claim: {_describe(c)}")
    _fail_if(problems, name)


@pytest.mark.parametrize("expect_path", _cases("max_asserted"))
def test_few_asserted_claims(expect_path: Path, audited: Callable[[Path], Report]) -> None:
    """Opinion pieces carry few asserted claims."""
    data, name = _load(expect_path), _name(expect_path)
    asserted = [c for c in audited(expect_path).claims if c.kind == "asserted"]
    _fail_if(
        [
            f"max_asserted: expected at most {data['max_asserted']} asserted claims, got {len(asserted)}:\n      "
            + "\n      ".join(_describe(c) for c in asserted)
        ]
        if len(asserted) > data["max_asserted"]
        else [],
        name,
    )


@pytest.mark.parametrize("expect_path", _cases("acronyms"))
def test_acronyms(expect_path: Path, audited: Callable[[Path], Report]) -> None:
    """Acronyms defined in the text are found with their long form."""
    data, name = _load(expect_path), _name(expect_path)
    found = [(a.short, a.long) for a in audited(expect_path).acronyms]
    problems = [
        f"acronyms: expected {want['short']!r} = {want['long']!r}, found {found}"
        for want in data["acronyms"]
        if not any(
            short == want["short"] and _norm_source(long) == _norm_source(want["long"])
            for short, long in found
        )
    ]
    _fail_if(problems, name)


# ---------------------------------------------------------------------------------------------
# Headline against body


@pytest.mark.parametrize("expect_path", _cases("headline"))
def test_headline(expect_path: Path, audited: Callable[[Path], Report]) -> None:
    """The headline verdict, stance, reasons and source, as the expectations say."""
    data, name = _load(expect_path), _name(expect_path)
    want, check = data["headline"], audited(expect_path).headline
    codes = [r.code for r in check.reasons]
    seen = f"(verdict {check.verdict!r}, stance {check.stance!r}, reasons {[(r.code, r.detail) for r in check.reasons]})"
    problems: list[str] = []
    if "verdict" in want and check.verdict not in _labels(want["verdict"]):
        problems.append(
            f"headline.verdict: expected {want['verdict']!r}, got {check.verdict!r} {seen}"
        )
    if "stance" in want and check.stance not in _labels(want["stance"]):
        problems.append(
            f"headline.stance: expected {want['stance']!r}, got {check.stance!r} {seen}"
        )
    for code in want.get("reasons", []):
        if code not in codes:
            problems.append(f"headline.reasons: {code!r} is missing {seen}")
    for code in want.get("no_reasons", []):
        if code in codes:
            problems.append(f"headline.no_reasons: {code!r} is present but should not be {seen}")
    if "source" in want and _norm_source(check.headline_source) != _norm_source(want["source"]):
        problems.append(
            f"headline.source: expected {want['source']!r}, got {check.headline_source!r}"
        )
    _fail_if(problems, name)
