"""Page furniture: the lines a scraper leaves around an article, each with the reason it goes.

Rules match a whole short line (never part of a paragraph), so a body sentence that starts
with "Share" or mentions cookies is left alone. Bylines and datelines are recognised here
too, because they are furniture that also carries metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOMAIN = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}"
SITE_COUNTER = re.compile(rf"^(?P<site>{_DOMAIN})\s*\(\d+\)$", re.IGNORECASE)
# An image caption made from the file name: "example.com-30 <headline>".
CAPTION = re.compile(rf"^(?P<site>{_DOMAIN})-\d+\s+(?P<rest>\S.*)$", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?"
    r"(?P<who>.*?)(?:\.?\s*all rights reserved\.?)?$",
    re.IGNORECASE,
)
_DOMAIN_IN = re.compile(rf"\b(?P<site>{_DOMAIN})\b", re.IGNORECASE)

_NETWORKS = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|print"
    r"|messenger|flipboard)"
)

# (reason, pattern): each pattern must match the whole line, case-insensitively.
_RULES: tuple[tuple[str, str], ...] = (
    (
        "share widget",
        r"(?:share|tweet|pin it|copy link|send|email|print)(?: (?:this|the))?"
        r"(?: (?:content|article|story|post|page|link))?(?: (?:on|via|to) "
        + _NETWORKS
        + r")?[:!.]?",
    ),
    ("share widget", _NETWORKS + r"(?:\s*[|,/•·]?\s*" + _NETWORKS + r")+"),
    ("share widget", r"(?:click to |share on |follow us on )" + _NETWORKS + r".*"),
    (
        "comment widget",
        (
            r"(?:post|add|submit|leave|write|view|show|load|hide|cancel)"
            r"(?: an?| your| the| more| all)? (?:comments?|reply|replies)[:.!]?(?: \(\d+\))?"
        ),
    ),
    ("comment widget", r"(?:\d+ )?(?:comments?|responses?|replies|reply)(?: \(\d+\))?:?"),
    (
        "comment widget",
        r"your email address will not be published\..*|required fields are marked.*",
    ),
    (
        "comment widget",
        r"save my name, email,? and website in this browser.*|(?:name|email|website)\s*\*",
    ),
    ("comment widget", r"you must be logged in to post a comment\.?"),
    (
        "newsletter widget",
        (
            r"(?:subscribe|sign up|join)(?: (?:now|today|here|for free))?"
            r"(?: (?:to|for) (?:our|the) (?:\w+ )?"
            r"(?:newsletter|updates|channel|mailing list))?[:!.]?"
        ),
    ),
    ("newsletter widget", r"(?:get|receive) (?:our|the latest) .{0,40}(?:in|to) your inbox[.!]?"),
    (
        "read-more link",
        (
            r"(?:read|see|click here to read) (?:more|also|the full (?:story|article))"
            r"(?:\s*[:»>›→-].*)?[.…]*"
        ),
    ),
    (
        "read-more link",
        r"(?:also read|must read|don'?t miss|recommended|see also)\s*[:»>›→-].{0,200}",
    ),
    (
        "related posts",
        (
            r"(?:related|similar|more|popular|recent|latest|trending)"
            r" (?:posts?|articles?|stories|news|reads?)(?: for you)?:?"
        ),
    ),
    (
        "related posts",
        (
            r"(?:you (?:may|might) also (?:like|enjoy)|more from (?:this|our) \w+|trending now|"
            r"in other news|what to read next|up next)[:.]?"
        ),
    ),
    (
        "post navigation",
        r"(?:previous|next|older|newer) (?:post|article|story|page)(?:\s*[:»>›→-].*)?",
    ),
    ("post navigation", r"(?:«|‹|<)?\s*(?:previous|next)\s*(?:»|›|>)?"),
    (
        "navigation",
        r"skip to (?:main )?content|back to top|go to top|menu|search|home|toggle navigation",
    ),
    ("navigation", r"home\s*(?:[»>›/|]\s*[^»>›/|]{1,40}){1,4}"),
    (
        "advertisement",
        (
            r"(?:advertisement|advertising|sponsored(?: content)?|ad|ads|promoted|"
            r"story continues below(?: this)? (?:ad(?:vertisement)?)?|continue reading below)[:.]?"
        ),
    ),
    (
        "cookie notice",
        (
            r"(?:accept|reject|allow|decline)(?: all)?(?: cookies)?|cookie (?:settings|policy|"
            r"preferences)|manage (?:consent|cookies)|got it!?|i agree"
        ),
    ),
    (
        "cookie notice",
        (
            r"(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing|using)"
            r"(?: to (?:use|browse))? (?:this|our) (?:web)?site)\b.{0,400}"
        ),
    ),
    ("tag list", r"(?:tags?|tagged(?: with)?|filed under|categories|category|topics?)\s*:.{0,200}"),
    (
        "image credit",
        r"(?:\(?(?:photo|image|picture|pic|credit|source: getty)s?(?: credit)?\s*[:/].{0,120}\)?)",
    ),
    ("image credit", r"\(?(?:photo|image) (?:by|courtesy of|via) .{0,100}\)?"),
    (
        "legal footer",
        (
            r"all rights reserved\.?|privacy policy|terms (?:of (?:use|service)|and conditions)"
            r"(?:\s*[|•·]\s*\w[\w ]{0,30})*|contact us|about us|disclaimer|sitemap"
        ),
    ),
    ("author box", r"(?:about the author|view all posts by .{1,60}|more articles by .{1,60})"),
)
_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for reason, pattern in _RULES
)
_HAS_ALNUM = re.compile(r"\w")
_MAX_RULE_WORDS = 60


def furniture_reason(line: str) -> str | None:
    """Why this whole line is page furniture, or None when it may be article text."""
    if not _HAS_ALNUM.search(line):
        return "lone symbol" if len(line) <= 3 else "separator"
    if SITE_COUNTER.match(line):
        return "site counter"
    if line.count(" ") >= _MAX_RULE_WORDS:
        return None
    for reason, pattern in _COMPILED:
        if pattern.match(line):
            return reason
    if _COPYRIGHT.match(line) and ("©" in line or line.lower().startswith(("copyright", "(c)"))):
        return "copyright notice"
    return None


def site_named_in(line: str) -> str | None:
    """The domain a counter, caption or copyright line names (the page's own site)."""
    for pattern in (SITE_COUNTER, CAPTION):
        match = pattern.match(line)
        if match:
            return match.group("site").lower()
    if "©" in line or line.lower().startswith("copyright"):
        found = _DOMAIN_IN.search(line)
        if found and not found.group("site")[-1].isdigit():
            return found.group("site").lower()
    return None


# ---- bylines and datelines ------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?"
    r"|\s*\d{1,2}\s*[ap]\.?m\.?)?"
)
_DATE_FORMS = (
    re.compile(
        r"(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
    ),
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
)
_DATE_PREFIX = re.compile(
    r"^(?:(?:first |originally )?(?:published|updated|posted|last updated|modified|date)"
    r"(?: on| at)?\s*:?\s*)?",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by|author\s*:)\s+(?P<rest>.+)$", re.IGNORECASE
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|de|da|van|von|der|del|la|le|bin|al-\w+)$")
_BYLINE_SPLIT = re.compile(r"\s*(?:[|•·–—]|\s-\s|,\s+(?=(?:\w+day|\d|[A-Z][a-z]{2,8}\.? \d)))\s*")


@dataclass(frozen=True)
class Dated:
    """A date found in a line: ISO form, and the span of the line it covered."""

    iso: str
    start: int
    end: int


def find_date(text: str) -> Dated | None:
    """The first calendar date in `text`, as YYYY-MM-DD, or None."""
    for form in _DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
        day = int(groups["day"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return Dated(f"{groups['year']}-{month:02d}-{day:02d}", match.start(), match.end())
    return None


def dateline(line: str) -> str | None:
    """The ISO date when the whole line is a dateline ("Published 3 March 2025"), else None."""
    if len(line) > 80:
        return None
    prefix = _DATE_PREFIX.match(line)
    rest = line[prefix.end() if prefix else 0 :].strip()
    found = find_date(rest)
    if found is None or found.start != 0 or rest[found.end :].strip(" .|,;") != "":
        return None
    return found.iso


def byline(line: str) -> tuple[str, str | None] | None:
    """(author, ISO date or None) when the line is a byline ("By Jane Doe | 3 March 2025")."""
    match = _BYLINE.match(line)
    if match is None or len(line) > 160:
        return None
    parts = [p for p in _BYLINE_SPLIT.split(match.group("rest")) if p]
    if not parts:
        return None
    name = parts[0].strip(" ,.")
    words = [w for w in re.split(r"\s+|,\s*", name) if w and w.lower() not in {"and", "&"}]
    if not 1 <= len(words) <= 8 or not all(_NAME_WORD.match(w) for w in words):
        return None
    date = None
    for part in parts[1:]:
        date = dateline(part) or (found.iso if (found := find_date(part)) else None)
        if date:
            break
    return name, date
