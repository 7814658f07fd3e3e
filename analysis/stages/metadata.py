"""Document metadata read from the text itself: title, author, outlet, syndication source, publication date."""

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from analysis.lexicon import data_yaml, one_of
from analysis.stages.dateparse import CALENDAR, DateMention, find_dates, is_dateline, line_date
from analysis.stages.segment import BODY, Span, byline_name, dateline_outlet, masthead

_CREDIT_WORDS = data_yaml("boilerplate.yaml")
_LICENCE_OWNER = re.compile(
    rf"\b(?:all )?{one_of(_CREDIT_WORDS['licence_subjects'])} {one_of(_CREDIT_WORDS['licence_prepositions'])} "
    r"(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*)*)"
    rf" {one_of(_CREDIT_WORDS['licence_verbs'])}\b",
    re.IGNORECASE,
)
# "© 2017 Regional Review.", "Copyright (c) 2016-2017 The Daily Star": the owner after the sign and the years.
_COPYRIGHT_OWNER = re.compile(
    r"^(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?,?\s+)?"
    r"(?!all rights)(?P<name>(?-i:[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,5}))",
    re.IGNORECASE,
)
_DATELINE_AUTHOR = re.compile(r"\bby\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4})")
# "(Source: Reuters)", "Source: Qatar News Agency" alone on its line, or last in a credit line ("Reporting by: Jane
# Roe | Source: Harbour News").
_SOURCE_TAG = re.compile(
    rf"(?:^|[|•·]\s*)(?P<open>\(\s*)?{one_of(_CREDIT_WORDS['source_labels'])}(?(open)\s*:?|\s*:)\s*"
    r"(?P<name>[^()|•·\n]+?)\s*"
    r"(?(open)\)|\.?)$", re.IGNORECASE)
# "This article was originally published by Agence France-Presse."
_FIRST_PUBLISHER = re.compile(
    rf"\b{one_of(_CREDIT_WORDS['publication_verbs'])}\s+(?:{one_of(_CREDIT_WORDS['publication_adverbs'])}\s+)?"
    rf"{one_of(_CREDIT_WORDS['publication_prepositions'])}\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,5})")
# The agency a wire dateline names: "BEIRUT (Reuters) -", "MOSCOW, December 11. /TASS/.", "Tehran, Aug 10, IRNA –";
# "ANF – Qamishlo 21.09.2013 –" names it first.
_AGENCY_TAG = re.compile(r"\((?P<name>[^)]+)\)|/(?P<slash>[^/\n]+)/|,\s*(?P<bare>[A-Z]{2,}[\w-]*)\s*[-–—]+\s*$"
                         r"|\b(?P<lead>[A-Z]{2,}[\w-]*)\s*[-–—]+\s*[A-Z][^-–—\n]*\d\s*[-–—]+\s*$")
_LEADING_AGENCY = re.compile(r"^\s*[A-Z]{2,}[\w-]*\s*[-–—]+\s*")  # "ANF – " before a dateline's place and date
_NAME_WORD = re.compile(r"[A-Z][\w.&'’-]*")  # a word of a publication's name ("ARA", "Harbour", "PanARMENIAN.Net")
_CREDIT_PARTS = re.compile(r"\s*(?:[+/&,]|\band\b|\bwith\b)\s*")  # the outlets of one credit: "Post+APP/AFP"
_BYLINE_PARTS = re.compile(r",\s+|\s+and\s+")  # the writers and outlets of a byline: "Jane Roe, Reuters"
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# A section's name before a bar opening a long headline: "Iraq | U.S. drone strike killed ...".
_SECTION_LABEL = re.compile(r"\s*(?P<label>[^|\n]{2,25}?)\s+\|\s+(?P<head>[^|\n]{40,}?)\s*")
_LABEL_WORDS = 3  # a section's name is one to three words ("Iraq", "Middle East")
_TITLE_SUFFIX = re.compile(r"(?P<head>.+\S)\s+[-–—|]\s+(?P<site>[^-–—|]{2,40})")  # "Headline - Site"
_HEADLINE_CREDIT = re.compile(r"\s*\((?P<name>[^()\n]{2,40})\)\s*$")  # a bracketed name closing a headline: "(BBC)"
_DASH_CREDIT = re.compile(r"[-–—]+\s*(?P<name>[A-Z][\w.&'’ -]{1,40})")  # a credit closing a story: "— Reuters"
_DESK = re.compile(rf"\s+{one_of(_CREDIT_WORDS['desk_words'])}$", re.IGNORECASE)  # "Harbour News Desk"
_BYLINE_TAIL = re.compile(r"\s+[|/]\s+")  # what a byline adds after the writer: "By Jane Roe / Harbour Press"
_FILED_FROM = re.compile(r",\s+[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}$")  # where it was filed: "Harbour TV, Beirut"
_CREDITED_BY = re.compile(r"\b(?:by|from)\s+(?P<names>[^;|\n]+)")  # whom a credit line names: "reporting from AFP"
_LABELLED_DATE = re.compile(rf"\s*{one_of(CALENDAR['date_labels'])}\s*:\s*\d", re.IGNORECASE)  # "Updated: 04-12-2023"
_BULLET = re.compile(r"^[•·*▪►]\s*")  # a list bullet before a headline ("• US either ignoring ...")
# A licence line naming who produced the content: "Voice of America content is produced by the Voice of America".
_PRODUCER = re.compile(
    rf"\b{one_of(_CREDIT_WORDS['producer_phrases'])} (?P<name>[A-Z][\w&'’-]*(?: (?:of )?[A-Z][\w&'’-]*){{0,5}})")
# A site naming itself: "Official website of the President of Russia", "on defense.gov", "contact the DOD Webmaster".
_SELF_REFERENCE = re.compile(
    rf"\b{one_of(_CREDIT_WORDS['self_reference_phrases'])} (?P<name>[A-Z][\w'’-]*(?: (?:of )?[A-Z][\w'’-]*){{0,5}})"
    rf"|(?P<domain>\b[a-z][\w-]*\.{one_of(_CREDIT_WORDS['domain_endings'])}\b)"
    rf"|\b{one_of(_CREDIT_WORDS['contact_phrases'])} (?P<webmaster>[A-Z][\w-]*) {one_of(_CREDIT_WORDS['webmaster_words'])}\b",
    re.IGNORECASE,
)
# "Xinhua News Agency reported", "the semi-official Tasnim news agency reported": an agency that reported.
_REPORTED = re.compile(
    rf"(?P<name>(?:[A-Z][\w’'.-]*\s)*[A-Z][\w’'.-]*)(?:\s+\([A-Z]{{2,}}\))?\s+(?P<agency>{one_of(_CREDIT_WORDS['agency_nouns'])}\s+)?"
    rf"(?:{one_of(_CREDIT_WORDS['reporter_nouns'])}\s+)?{one_of(_CREDIT_WORDS['report_words'])}\b")
# "..., the state TV reported, according to TASS.": the agency closing the story's first sentence.
_LEAD_SOURCE = re.compile(
    rf"\b{one_of(_CREDIT_WORDS['lead_source_phrases'])}\s+(?:the\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,4}})"
    r"[.\s]*$")
# A line under the headline crediting an agency after the place: "ANKARA – Anadolu Agency".
_PLACE_CREDIT = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z]\s*[-–—]+\s*(?P<name>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})")
_BRACKETED = re.compile(r"\(\s*(?P<name>[^()\n]{2,40}?)\s*\)")  # a sentence that is only a credit: "(Sputnik)"
_CLOCK = re.compile(r"(?<![\d:.])\d{1,2}:\d{2}(?![\d/])")  # a clock time stamping a date line: "11:20", "09:43"
_LEAD_WORDS = 3  # a first body "sentence" this short is a dateline cut off by the splitter ("BEIRUT."), not the lead
_BIO_OUTLET = re.compile(
    rf"\bat (?:the )?(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*)*) {one_of(_CREDIT_WORDS['bio_outlet_nouns'])}\b"
)


@dataclass(frozen=True)
class Found:
    """A metadata value and a short human-readable reason for it."""

    value: str | None
    evidence: str


NOT_FOUND = Found(None, "")


_OUTLET_KEYS = {"actor", "masthead", "kind", "site_names", "taglines"}


class Outlets(NamedTuple):
    """The outlet catalogue over one actor catalogue: each outlet (name as documents.outlet shows it, kind, names,
    taglines), and the outlets under their lowercased names (the first outlet wins a shared name)."""

    outlets: list[dict]
    by_name: dict[str, dict]


def outlets() -> list[dict]:
    """The outlet catalogue: data/outlets.yaml with each outlet's names from the actor catalogue in use (its actor's
    name and aliases: data/actors.yaml and the analyst's)."""
    return _outlet_catalogue().outlets


def _outlet_catalogue() -> Outlets:
    """The outlet catalogue over the actor catalogue in use (imported here: the catalogue module imports the corpus
    module, which imports this one)."""
    from analysis.stages.catalogue import catalogue_files

    return _outlets(*catalogue_files())


@lru_cache(maxsize=4)
def _outlets(package: Path, analyst: Path | None) -> Outlets:
    """The outlet catalogue over one actor catalogue (its files: the package's and the analyst's)."""
    from analysis.stages.catalogue import read_catalogue

    actors = {a.actor_id: a for a in read_catalogue(package, analyst).actors}
    found, by_name = [], {}
    for i, entry in enumerate(data_yaml("outlets.yaml")):
        where = f"analysis/data/outlets.yaml: outlet {entry.get('actor') or entry.get('masthead') or f'#{i + 1}'}"
        if unknown := set(entry) - _OUTLET_KEYS:
            raise ValueError(f"{where}: unknown key(s) {sorted(unknown)}")
        actor = actors.get(entry.get("actor", ""))
        if entry.get("actor") and actor is None:
            raise ValueError(f"{where}: {entry['actor']!r} is not an actor id of the catalogue")
        if actor is None and not entry.get("masthead"):
            raise ValueError(f"{where}: an outlet needs an actor id or a masthead")
        name = entry.get("masthead") or actor.name
        names = list(dict.fromkeys([name, *(actor.aliases if actor else ()), *entry.get("site_names", [])]))
        found.append({"name": name, "kind": entry["kind"], "names": names, "taglines": entry.get("taglines", [])})
        for each in names:
            by_name.setdefault(each.lower(), found[-1])
    return Outlets(found, by_name)


def outlet_named(name: str) -> dict | None:
    """The catalogue entry whose name or alias equals name (case-insensitive), if any."""
    return _outlet_catalogue().by_name.get(name.strip().lower())


def _first(text: str, spans: list[Span], kind: str) -> Span | None:
    """The first span of the given kind."""
    return next((s for s in spans if s.kind == kind), None)


def title(text: str, spans: list[Span]) -> Found:
    """The headline, if the page has one, without a known outlet's name bracketed at its end (the story's source:
    "Israel targets Iranian positions in Syria (BBC)")."""
    s = _first(text, spans, "headline")
    if not s:
        return NOT_FOUND
    if site := _site_suffix(text, spans):
        return Found(site.group("head"), "headline line without the site's name after it")
    headline = _BULLET.sub("", text[s.start : s.end])
    if (label := _SECTION_LABEL.fullmatch(headline)) and len(label.group("label").split()) <= _LABEL_WORDS:
        headline = label.group("head")  # "Iraq | U.S. drone strike killed ...": a section's name before a bar
    m = _HEADLINE_CREDIT.search(headline)
    return Found(headline[: m.start()] if m and outlet_named(m.group("name")) else headline, "headline line")


def _site_suffix(text: str, spans: list[Span]) -> re.Match | None:
    """A page title's "Headline - Site" form: the headline line split at its last dash or bar, when the page also
    writes the headline alone on a line of its own."""
    s = _first(text, spans, "headline")
    m = _TITLE_SUFFIX.match(" ".join(text[s.start : s.end].split())) if s else None
    if m and any(" ".join(text[o.start : o.end].split()) == m.group("head") for o in spans if o != s):
        return m
    return None


def _headline_credit(text: str, spans: list[Span]) -> Found | None:
    """The known outlet a headline credits in brackets at its end: "... in Syria (BBC)"."""
    s = _first(text, spans, "headline")
    m = _HEADLINE_CREDIT.search(text, s.start, s.end) if s else None
    entry = outlet_named(m.group("name")) if m else None
    return Found(entry["name"], f"headline credit '{m.group(0).strip()}'") if entry else None


def author(text: str, spans: list[Span]) -> Found:
    """The writer, from a byline ("By ..."), an author line at the end, or a dateline ("Posted on ... by ...")."""
    s = _first(text, spans, "byline")
    name = byline_name(text[s.start : s.end]) if s else ""
    if _byline_outlet(text, spans):  # "By Jane Roe, Reuters": the writer without the outlet
        name = ", ".join(p for p in _BYLINE_PARTS.split(name) if not _known_outlet(p))
    if name:
        return Found(name, f"byline '{text[s.start:s.end]}'")
    s = _first(text, spans, "author")
    if s:
        return Found(text[s.start : s.end], "author line after the article")
    s = _first(text, spans, "dateline")
    m = _DATELINE_AUTHOR.search(text, s.start, s.end) if s else None
    return Found(m.group("name"), f"dateline '{text[s.start:s.end]}'") if m else NOT_FOUND


def outlet(text: str, spans: list[Span]) -> Found:
    """The publishing outlet: from a licence or copyright line, a known site tagline, the site's own notices ("Official
    website of X", "historical collection on defense.gov", "contact the DOD Webmaster"), the author bio, or else the
    agency a wire dateline names ("TEHRAN, Nov. 21 (MNA) –") when no source line says the story came from it and it
    is the only agency the dateline credits, or a known broadcaster or paper it names ("ERBIL, Kurdistan Region (K24) –")."""
    for s in (s for s in spans if s.kind in ("licence", "tagline", "author_bio", "navigation", "standfirst")):
        piece = text[s.start : s.end]
        if s.kind == "licence" and (m := _LICENCE_OWNER.search(piece) or _COPYRIGHT_OWNER.match(piece)
                                     or _PRODUCER.search(piece)):
            return Found(_canonical(m.group("name")), f"licence line '{piece[:80]}'")
        if s.kind == "tagline" and (o := _tagline_outlet(piece)):
            return Found(o, f"site tagline '{piece}'")
        if s.kind in ("tagline", "navigation", "standfirst") and (o := _self_reference(piece)):
            return Found(o, f"site notice '{' '.join(piece.split())[:80]}'")
        if s.kind == "author_bio" and (m := _BIO_OUTLET.search(piece)):
            return Found(_canonical(m.group("name")), f"author bio: '{m.group(0)}'")
    if found := _masthead_line(text, spans) or _dateline_publisher(text, spans) or _closing_publisher(text, spans):
        return found
    if site := _site_suffix(text, spans):
        return Found(_canonical(site.group("site")), f"page title '{site.group(0)}' ends with it")
    if (agency := _dateline_agency(text, spans)) and not _source_line(text, spans) and not _pooled(text, spans):
        return agency
    if own := _dateline_agency(text, spans, _known_publisher):
        return Found(own.value, f"{own.evidence} names the publisher")
    for s in (s for s in spans if s.kind == "dateline"):
        if name := dateline_outlet(text[s.start : s.end]):
            return Found(_canonical(name), f"dateline '{text[s.start:s.end].strip()}' names the publisher")
    return _own_credit(text, spans) or NOT_FOUND


def _own_credit(text: str, spans: list[Span]) -> Found | None:
    """The one name a wire dateline credits in brackets when it is no news agency the catalogue knows ("KABUL (ST) -"):
    a page reprinting a wire credits the wire, so an unknown credit alone is the publisher's own tag."""
    for s in spans:
        if s.kind == "dateline" and (m := _AGENCY_TAG.search(text, s.start, s.end)) and (name := m.group("name")):
            if (len(_CREDIT_PARTS.split(name)) == 1 and all(_NAME_WORD.fullmatch(w) for w in name.split())
                    and not _known_agency(name)):
                return Found(_canonical(name), f"wire dateline '{text[s.start:s.end].strip()}' credits it alone")
    return None


def _masthead_line(text: str, spans: list[Span]) -> Found | None:
    """The publisher named alone on a line between the headline and the story ("Jane Roe / May 2, 2019 / Harbour
    News", "Harbour News Desk", or where its correspondent files from: "Harbour TV, Beirut") or after the writer in
    the byline ("By Jane Roe / Harbour Press"): a known outlet's name, or a short title-case name ending in a masthead
    word."""
    below = False
    for s in spans:
        if s.kind == BODY:
            return None
        pieces = [text[s.start : s.end]] if s.kind != "byline" else _BYLINE_TAIL.split(text[s.start : s.end])[1:]
        for piece in (_DESK.sub("", _FILED_FROM.sub("", p.strip())) for p in pieces):  # after the writer
            words = piece.split()
            if below and s.kind in ("standfirst", "section", "byline") and (outlet_named(piece) or (
                    2 <= len(words) <= 4 and all(_NAME_WORD.fullmatch(w) for w in words) and masthead(piece))):
                return Found(_canonical(piece), f"publisher's name '{piece}' under the headline")
        below = below or s.kind == "headline"
    return None


def _known_outlet(name: str) -> dict | None:
    """The catalogued outlet a name is, with or without a leading "The" ("The Associated Press")."""
    return outlet_named(_ARTICLE.sub("", name.strip()))


def _byline_outlet(text: str, spans: list[Span]) -> Found | None:
    """A known outlet the byline names, alone or after the writer: "By The Associated Press", "By Jane Roe, Reuters"."""
    s = _first(text, spans, "byline")
    entry = next(filter(None, map(_known_outlet, _BYLINE_PARTS.split(byline_name(text[s.start : s.end])))), None) \
        if s else None
    return Found(entry["name"], f"byline '{text[s.start:s.end]}'") if entry else None


def _self_reference(piece: str) -> str | None:
    """The known outlet a site notice names as itself ("Official website of the President of Russia", a domain of
    data/outlets.yaml, "contact the DOD Webmaster")."""
    for m in _SELF_REFERENCE.finditer(piece):
        if entry := outlet_named(m.group(m.lastgroup).rstrip(".")):
            return entry["name"]
    return None


def _tagline_outlet(tagline: str) -> str | None:
    """The outlet whose masthead tagline this is, if known."""
    key = tagline.strip().lower()
    return next((o["name"] for o in outlets() if key in (t.lower() for t in o["taglines"])), None)


def _canonical(name: str) -> str:
    """The catalogue name for an outlet name, or the name as written."""
    entry = outlet_named(name)
    return entry["name"] if entry else name.strip()


def via(text: str, spans: list[Span]) -> Found:
    """A syndication source the text names: a "(Source: ...)" tag or a source line, "(Agency)" in a wire dateline when
    another outlet published the page, or an agency that "reported"; never the outlet itself."""
    for found in (_source_line(text, spans), _byline_outlet(text, spans), _headline_credit(text, spans)):
        if found and found.value != outlet(text, spans).value:
            return found  # a site crediting itself ("Source: Harbour News" on Harbour News's page) names no other source
    agency = _dateline_agency(text, spans)
    if agency and (outlet(text, spans).value not in (None, agency.value) or _pooled(text, spans)):
        return agency
    if agency:
        return NOT_FOUND  # the agency is the outlet
    if found := (_closing_tag(text, spans) or _place_credit(text, spans) or _credit_sentence(text, spans)
                 or _bar_credit(text, spans) or _lead_source(text, spans)):
        return found
    for s in spans:
        if s.kind != BODY or text.find("report", s.start, s.end) < 0:
            continue
        for m in _REPORTED.finditer(text, s.start, s.end):
            entry = _agency_suffix(m.group("name"))
            # an agency the catalogue lacks is one when the text calls it one ("the Firat news agency reported")
            word = m.group("name").split()[-1]
            name = entry["name"] if entry else f"{word} News Agency" if m.group("agency") and not _names_other(word) \
                else None
            if name and name != outlet(text, spans).value:
                return Found(name, f"'{m.group(0)}'")
    return NOT_FOUND


def _names_other(word: str) -> bool:
    """Whether a word is the catalogue's name of an actor that is no news outlet ("DW Germany news agency": Germany
    is a state, so no agency is called "Germany")."""
    from analysis.stages.actors import find_actors  # the actor matcher loads the catalogue this module reads too

    return any(s == 0 and e == len(word) and kind == "name" for s, e, _, kind in find_actors(word)) \
        and not outlet_named(word)


def _source_line(text: str, spans: list[Span]) -> Found | None:
    """The source a "(Source: X)" tag or an "originally published by X" line names, or the news agency a credit line
    names ("With reporting from AFP", "Additional reporting by Reuters")."""
    for s in spans:
        if s.kind in ("source_line", "credits", "link") and (m := _SOURCE_TAG.search(text[s.start : s.end])):
            return Found(_canonical(m.group("name")), f"source tag '{text[s.start:s.end]}'")
        if s.kind == "credits" and (m := _CREDITED_BY.search(text, s.start, s.end)) and (entry := next(
                filter(None, map(_known_agency, _CREDIT_PARTS.split(m.group("names").rstrip(".)")))), None)):
            return Found(entry["name"], f"credit line '{text[s.start:s.end]}'")
        if s.kind == "source_line" and (m := _FIRST_PUBLISHER.search(text, s.start, s.end)):
            return Found(_canonical(m.group("name")), f"source line '{text[s.start:s.end]}'")
    return None


def _closing_credit(text: str, spans: list[Span]) -> re.Match | None:
    """A bracketed or dashed credit closing the story ("... and responded. (AA)", "— Reuters")."""
    body = [s for s in spans if s.kind in (BODY, "link")]
    m = body and (_AGENCY_TAG.fullmatch(text, body[-1].start, body[-1].end)
                  or _DASH_CREDIT.fullmatch(text, body[-1].start, body[-1].end))
    return m if m and m.group("name") else None


def _closing_tag(text: str, spans: list[Span]) -> Found | None:
    """The agency a credit closing the story names, the first known one of several ("(Harbour TV with AFP)")."""
    m = _closing_credit(text, spans)
    entry = next((e for p in _CREDIT_PARTS.split(m.group("name")) if (e := _known_agency(p))), None) if m else None
    return Found(entry["name"], f"credit '{m.group(0)}' closing the body") if entry else None


def _place_credit(text: str, spans: list[Span]) -> Found | None:
    """The news agency a line above the story credits after the place it was filed from: "ANKARA – Anadolu Agency"."""
    for s in spans:
        if s.kind == BODY:
            return None
        if (m := _PLACE_CREDIT.fullmatch(text, s.start, s.end)) and (entry := _known_agency(m.group("name"))):
            return Found(entry["name"], f"credit line '{text[s.start:s.end]}' above the story")
    return None


def _credit_sentence(text: str, spans: list[Span]) -> Found | None:
    """The news agency a bracketed credit closing a paragraph of the story names: "... to peaceful reconciliation.
    (Sputnik)"."""
    for s in spans:
        if s.kind == BODY and (m := _BRACKETED.fullmatch(text, s.start, s.end)) and (
                entry := _known_agency(m.group("name"))):
            return Found(entry["name"], f"credit '{m.group(0)}' closing a paragraph")
    return None


def _closing_publisher(text: str, spans: list[Span]) -> Found | None:
    """The publisher a credit closing the story names before the agencies it used: "(Harbour TV with AFP)"."""
    m = _closing_credit(text, spans)
    name = _first_credited(m.group("name")) if m else None
    return Found(_canonical(name), f"credit '{m.group(0)}' closing the story names it first") if name else None


def _known_agency(name: str) -> dict | None:
    """The catalogued news agency a name is, if any."""
    entry = outlet_named(name)
    return entry if entry and entry["kind"] == "agency" else None


def _first_credited(credit: str) -> str | None:
    """The publisher a credit of several names first, when it is no agency: "Harbour Post+APP/AFP", "Harbour TV with
    AFP and Reuters"."""
    first, *others = _CREDIT_PARTS.split(credit)
    named = all(_NAME_WORD.match(p) for p in [first, *others])
    return first if others and named and not _known_agency(first) else None


def _bar_credit(text: str, spans: list[Span]) -> Found | None:
    """The news agency a date line opens with before a bar ("Reuters| Last Updated: Sunday, August 27, 2017"), or a
    line of cells one of which is a labelled date ("Reuters | Jerusalem | Updated: 04-12-2023 14:26 IST")."""
    for s in (s for s in spans if s.kind in ("dateline", "link", "standfirst") and "|" in text[s.start : s.end]):
        entry = outlet_named(text[s.start : text.index("|", s.start)])
        line = text[s.start : s.end]
        dated = s.kind != "standfirst" and is_dateline(line)
        if entry and entry["kind"] == "agency" and (dated or any(map(_LABELLED_DATE.match, line.split("|")[1:]))):
            return Found(entry["name"], f"credit '{text[s.start:s.end]}' on a date line")
    return None


def _lead_source(text: str, spans: list[Span]) -> Found | None:
    """The news agency the story's first sentence closes on ("..., according to TASS.")."""
    lead = next((s for s in spans if s.kind == BODY and len(text[s.start : s.end].split()) > _LEAD_WORDS), None)
    m = _LEAD_SOURCE.search(text, lead.start, lead.end) if lead else None
    entry = _agency_suffix(m.group("name").rstrip(".")) if m else None
    if entry and entry["name"] != outlet(text, spans).value:
        return Found(entry["name"], f"first sentence closing '{m.group(0).strip()}'")
    return None


def _dateline_agency(text: str, spans: list[Span],
                     known: Callable[[str], dict | None] | None = None) -> Found | None:
    """The news agency a wire dateline names: "BEIRUT (Reuters) -", "TEHRAN, Nov. 21 (MNA) –", the first known one of
    several ("(Harbour Post+APP/AFP)"); with known, the first outlet known() accepts instead."""
    for s in spans:
        if s.kind == "dateline" and (m := _AGENCY_TAG.search(text, s.start, s.end)):
            for part in _CREDIT_PARTS.split(m.group(m.lastgroup)):
                if entry := (known or _known_agency)(part):
                    return Found(entry["name"], f"wire dateline '{text[s.start:s.end].strip()}'")
    return None


def _known_publisher(name: str) -> dict | None:
    """The catalogued outlet other than a news agency a name is: a broadcaster or paper dating its own story
    ("ERBIL, Kurdistan Region (K24) –")."""
    entry = outlet_named(name)
    return entry if entry and entry["kind"] != "agency" else None


def _pooled(text: str, spans: list[Span]) -> bool:
    """Whether a wire dateline credits several news agencies ("AMMAN (Reuters, AFP) –"): a story another publisher
    pooled from them, none of which is the outlet."""
    return any(sum(bool(_known_agency(p)) for p in _CREDIT_PARTS.split(m.group(m.lastgroup))) > 1
               for s in spans if s.kind == "dateline" and (m := _AGENCY_TAG.search(text, s.start, s.end)))


def _dateline_publisher(text: str, spans: list[Span]) -> Found | None:
    """The publisher a wire dateline credits before the agencies it used: "MOSCOW, (Harbour Post+APP/AFP) –"."""
    for s in spans:
        if s.kind == "dateline" and (m := _AGENCY_TAG.search(text, s.start, s.end)) and m.group("name") and (
                first := _first_credited(m.group("name"))):
            return Found(_canonical(first), f"wire dateline '{text[s.start:s.end].strip()}' credits it first")
    return None


def _agency_suffix(words: str) -> dict | None:
    """The news agency named by the longest tail of a run of capitalised words ("... Xinhua News Agency")."""
    tokens = words.split()
    for i in range(len(tokens)):
        entry = outlet_named(" ".join(tokens[i:]))
        if entry and entry["kind"] == "agency":
            return entry
    return None


def published(text: str, spans: list[Span]) -> tuple[Found, bool]:
    """Publication date as precise as the evidence allows, and whether it was inferred from content: the first dated
    dateline or byline ("By John Smith | October 17, 2017"), else a date line among the lines above the body
    ("Media Note / Washington, DC / October 28, 2016"; it also gives the year a dateline leaves out: "Nov. 21"), else
    the latest event the body or a photo caption dates. A dated line stamped with a clock time is the story's own
    and wins over a bare date above it, a site header's date of the day ("24 Nov 2024" over "Monday 28 August 2017
    - 11:20")."""
    dated = [(s, d) for s in spans if s.kind in ("dateline", "byline")
             and (d := line_date(_LEADING_AGENCY.sub("", text[s.start : s.end]).rstrip(" -–—"))) and d.year]
    if dated:
        s, d = next(((s, d) for s, d in dated if _CLOCK.search(text, s.start, s.end)), dated[0])
        return Found(d.iso, f"{s.kind} '{text[s.start:s.end]}'"), False
    if found := _lead_date_line(text, spans):
        return found, False
    return _inferred_date(text, [s for s in spans if s.kind in (BODY, "caption")]), True


def _lead_date_line(text: str, spans: list[Span]) -> Found | None:
    """The first line above the body that is a whole date line with a year."""
    for s in spans:
        if s.kind == BODY:
            break
        for line in text[s.start : s.end].split("\n"):
            if is_dateline(line) and (d := line_date(line)) and d.year:
                return Found(d.iso, f"date line '{line.strip()}' above the body")
    return None


def _inferred_date(text: str, body: list[Span]) -> Found:
    """The earliest date the article can have been written: after the latest dated event it reports."""
    if not body:
        return Found(None, "no dateline and no body text")
    region = text[body[0].start : body[-1].end]
    starts = [s.start for s in body]
    mentions = [d for d in _shifted(find_dates(region), body[0].start) if _inside(d, body, starts)]
    if not any(d.year for d in mentions):
        return Found(None, "no dateline and no dated event in the text")
    # a bare year ("in 2014") is history, not the time of writing: a year-less date takes a month's year
    years = [d.year for d in mentions if d.year and d.month]
    if not years:
        latest = max(d.year for d in mentions if d.year)
        return Found(None, f"no dateline; only bare years mentioned (latest {latest}): not enough to date it")
    latest_year = max(years)
    # a month without a day ("began in March 2011") is background too: the news of the day is dated to the day, and a
    # year-less day takes its year from a full date only ("held in June 2014 ... on November 1" dates nothing)
    full_years = [d.year for d in mentions if d.year and d.day]
    dated = [(_resolve_year(d, max(full_years)), d) for d in mentions if d.day] if full_years else []
    if not dated:
        return Found(None, f"no dateline; only months mentioned (latest {latest_year}): not enough to date it")
    (year, month, day), d = max(dated, key=lambda x: (x[0][0], x[0][1], x[0][2] or 0))
    bound = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    how = "" if d.year else f", year {year} taken from the latest full date the text states"
    return Found(
        f"{year:04d}-{month:02d}",
        f"no dateline; written on or after {bound}: latest dated event '{text[d.start:d.end]}'{how}",
    )


def _shifted(dates, offset: int) -> list[DateMention]:
    """Date mentions moved by offset characters."""
    return [DateMention(d.start + offset, d.end + offset, d.year, d.month, d.day) for d in dates]


def _inside(d: DateMention, spans: list[Span], starts: list[int]) -> bool:
    """Whether a date mention lies inside one of the sorted spans (whose starts are given)."""
    i = bisect_right(starts, d.start) - 1
    return i >= 0 and d.end <= spans[i].end


def _resolve_year(d: DateMention, latest_year: int) -> tuple[int, int, int | None]:
    """(year, month, day) of a date, giving a year-less date the latest year stated in a full date."""
    return (d.year or latest_year, d.month, d.day)
