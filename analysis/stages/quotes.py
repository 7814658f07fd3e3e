"""Attributed statements: who is quoted, with which reporting cue, directly or indirectly.

Rules over a dependency parse (the `parses` table), in the spirit of GenderGapTracker and BBC's citron: a reporting
cue is a verb or noun of data/reporting_verbs.yaml that the parse gives a speaker (the verb's subject, a passive
agent, the object of "according to", a noun's possessor or "by"/"from" source, the issuer of "a statement") and
something said (a clause, a quotation, an object); first and second person subjects are the speaker's own words, not
an attribution. Quotation marks are paired within each paragraph and attached to the cue next to them. A speaker that
is a pronoun or a definite description ("he", "the general") is resolved to the person it refers to, never to a
noun inside a quotation. Speaker turns of transcripts ("Vladimir Putin: ...") are statements too. Every lookup is a
bisection over sorted offsets, so a document costs time linear in its length (times log n).
"""

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.lexicon import data_yaml, grammar, name_particle_pattern, one_of, tagged
from analysis.stages.catalogue import catalogue_files, read_catalogue
from analysis.stages.corpus import Corpus
from analysis.stages.parse import HONORIFICS, Parsed, Parses, reporting_lexicon
from analysis.stages.parse import parses as parse_corpus
from analysis.stages.unlisted import CONNECTORS, PREFIX

COLUMNS = [
    "doc_id", "sent_id", "speaker", "speaker_name", "speaker_text", "speaker_start", "speaker_end",
    "cue", "cue_lemma", "cue_start", "cue_end", "content_start", "content_end", "direct", "kind",
]

_OPENERS, _CLOSERS = "“„«‘‹", "”»›"
_OPEN_CONTEXT = "([{—–-/“„«‘‹"
_MARK = re.compile("[\"'“”„«»‘’‹›]")
_WORD = re.compile(r"\w[\w'’.-]*\w|\w")
_OPENING_WORDS = 6  # at most this many words before the name that opens a sentence as its subject ("The US envoy to
# Libya, Jonathan Winer, ...")
_LEAD_PARAGRAPHS = 2  # body paragraphs of a news lead, where a speaker may be described before being named
_APPOSITION_GAP = re.compile(r",[ \t]*")
_APPOSITION_CLOSE = re.compile(r"[ \t]*(?:[,;]|[.!?]?$|[.!?]\s)")
_DASHES = frozenset({"—", "–"})  # em and en dash, setting off an aside
_ASIDE_MARKS = _DASHES | {","}  # marks that set off an aside from a phrase
_TITLE_REACH = 60  # how far before a name its title may stand ("the Leader of the Islamic Revolution, Ayatollah X")
# or after it, set off by a comma ("X, the Leader of ...")
_APPOSED_TITLE = re.compile(rf",\s+{one_of(grammar('articles'))}\s[^,.;:]*")
_CUE_ADJUNCT = re.compile(rf"\s+{one_of(grammar('cue_adjunct_prepositions'))}\b")  # "said at a press conference"
_PAIR_LIMIT_WORDS = 7  # at most this many words between a closing quote and its cue: '"...," the former president said'
# A name and its apposition between a closing quote and the cue: '"...," Jane Roe, deputy interior minister in charge
# of security, told local media' (at most four words of name and twelve of apposition).
_APPOSED_SPEAKER = re.compile(r"[\s,]*(?:[\w’'.-]+\s+){0,3}[\w’'.-]+,\s+(?:[\w’'.-]+\s+){0,11}[\w’'.-]+,\s*")

_TIME_WORDS = one_of(grammar('time_adjunct_openers'))
# a cue that ends its clause ("..., he said." / "..., the military said on Friday.")
_POSTPOSED_AFTER = re.compile(rf"\s*(?:[,.;!?]|$)|\s+{_TIME_WORDS}\b[^,.;:!?\"“”\n]{{0,40}}(?:[,.;!?]|$)")
_SAME_LINE_GAP = r"[ \t\u00a0]*"
_GAP = re.compile(_SAME_LINE_GAP)
_ADDRESSEE = re.compile(r"(?:\s+[\w’'-]+){1,3}\s*[,.;]")
_PERSONAL: dict[str, str] = data_yaml("grammar.yaml")["personal_pronouns"]  # "he" -> person
_PRONOUN = re.compile(rf"\b{one_of(grammar('third_person_subjects'))}\b", re.I)
_NAME_TOKEN = re.compile(rf"(?:[A-Z][\w’'-]*|{name_particle_pattern()})")
_NAMES = rf"{_NAME_TOKEN.pattern}(?:\s+{_NAME_TOKEN.pattern})*"
_NAME_RUN = re.compile(rf"{_NAME_TOKEN.pattern}(?:\s+(?:of\s+(?:the\s+)?)?{_NAME_TOKEN.pattern})*")
_DETERMINERS = grammar("determiners")
_THIRD_POSSESSIVES = frozenset(tagged("grammar.yaml", "possessive_determiners", "third"))  # "his", "its"
_DEFINITE = frozenset(tagged("grammar.yaml", "articles", "definite"))  # "the"
_INDEFINITE = frozenset(tagged("grammar.yaml", "articles", "indefinite")) | grammar("non_specific_determiners")
_AUTHOR_PREPS = grammar("author_prepositions")  # "a report by X"
_REFERRING = grammar("referring_objects")  # "those who claim it"
_RIGHT_OF_ROLE = re.compile(
    rf"(?:\s+{_NAMES})?(?:\s+{one_of(grammar('belonging_prepositions'))}\s+(?:the\s+)?{_NAMES}(?:\s+and\s+{_NAMES})?)?")


class Mention(NamedTuple):
    """A catalogued actor named in the text; kind is person or actor (any other type)."""

    start: int
    end: int
    actor_id: str
    kind: str


def mentions_within(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions (sorted by start) lying inside [start, end)."""
    first = bisect_left(mentions, (start,))
    return [m for m in mentions[first : bisect_left(mentions, (end,))] if m.end <= end]


@dataclass(frozen=True)
class Lexicon:
    """Cue classes and speaker vocabulary read from data/reporting_verbs.yaml."""

    verb_class: dict[str, str]
    phrase_verbs: frozenset[str]  # the verbs of multi-word lemmas ("point" of "point out")
    noun_class: dict[str, str]
    needs_clause: frozenset[str]
    object_not_said: frozenset[str]  # speech only with a clause, whoever the subject is ("claimed responsibility")
    attitude_verbs: frozenset[str]  # with an object, speech only when addressed or with content ("expressed gratitude to")
    evidence_verbs: frozenset[str]
    cause_verbs: frozenset[str]  # with the evidence verbs: no speech from a subject that cannot speak, without a clause
    continuing_verbs: frozenset[str]
    issuing_verbs: frozenset[str]
    titles: frozenset[str]
    person_nouns: frozenset[str]
    source_nouns: frozenset[str]
    modifiers: frozenset[str]
    function_words: frozenset[str]
    intro_words: frozenset[str]
    role: re.Pattern


@cache
def lexicon() -> Lexicon:
    """The reporting-cue lexicon, compiled once."""
    raw = reporting_lexicon()
    nouns = raw["speaker_nouns"]
    people = set(nouns["title"]) | set(nouns["person"])
    every_noun = sorted(people | set(nouns["source"]), key=len, reverse=True)
    return Lexicon(
        verb_class={lemma: framing for framing, lemmas in raw["cue_verbs"].items() for lemma in lemmas},
        phrase_verbs=frozenset(lemma.split()[0] for lemmas in raw["cue_verbs"].values() for lemma in lemmas if " " in lemma),
        noun_class={lemma: framing for framing, lemmas in raw["cue_nouns"].items() for lemma in lemmas},
        needs_clause=frozenset(raw["needs_clause"]),
        object_not_said=frozenset(raw["object_not_said"]),
        attitude_verbs=frozenset(raw["attitude_verbs"]),
        evidence_verbs=frozenset(raw["evidence_verbs"]),
        cause_verbs=frozenset(raw["cause_verbs"]) | frozenset(raw["evidence_verbs"]),
        continuing_verbs=frozenset(raw["continuing_verbs"]),
        issuing_verbs=frozenset(raw["issuing_verbs"]),
        titles=frozenset(nouns["title"]),
        person_nouns=frozenset(people),
        source_nouns=frozenset(nouns["source"]),
        modifiers=frozenset(raw["speaker_modifiers"]),
        function_words=frozenset(raw["function_words"]),
        intro_words=frozenset(raw["intro_words"]),
        role=re.compile(r"\b(?:" + "|".join(map(re.escape, every_noun)) + r")\b", re.I),
    )


# ---------------------------------------------------------------- quotation marks


def _mark_role(text: str, i: int) -> tuple[str, str] | None:
    """(family, role) of the quotation mark at i: family double/single, role open/close/either; None if an apostrophe."""
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    family = "double" if char in "\"“”„«»" else "single"
    if char in _OPENERS:
        return family, "open"
    if char in _CLOSERS:
        return family, "close"
    if before.isalnum() and after.isalnum():
        return None  # Da'esh, Iran’s, couldn't
    can_open = (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace()
    can_close = not before.isspace() and not after.isalnum()
    if char == "’":
        return (family, "close") if can_close else None
    if can_open and can_close:
        return family, "either"
    if can_open:
        return family, "open"
    if can_close:
        return family, "close"
    if before.isspace() and after.isspace() and char != '"':
        return None  # a lone curly or single mark between spaces
    return family, "either"  # a straight double mark between spaces closes an open one ('... country ... " the')


def quotation_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Paired quotation marks in text[start:end] as (start, end) spans including the marks; unpaired marks are left out."""
    stack: list[tuple[str, int]] = []
    spans = []
    for match in _MARK.finditer(text, start, len(text) if end is None else end):
        role = _mark_role(text, match.start())
        if role is None:
            continue
        family, kind = role
        if match.group() == "“" and stack and text[stack[-1][1]] == "„":
            kind = "close"  # German style „...“
        if kind == "either":
            kind = "close" if any(f == family for f, _ in stack) else "open"
        if kind == "open":
            stack.append((family, match.start()))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == family:
                spans.append((stack[depth][1], match.start() + 1))
                del stack[depth:]
                break
    return sorted(spans)


# ---------------------------------------------------------------- speaker candidates


@dataclass(frozen=True)
class Candidate:
    """A phrase that can name a speaker: an actor mention, a pronoun, a role phrase or a capitalised name."""

    start: int
    end: int
    kind: str  # person | actor | pronoun | role_person | role_source | name
    actor_id: str | None = None
    phrase_start: int = -1  # where the noun phrase holding it starts ("former US Secretary of State John Kerry")
    head: tuple[int, int] | None = None  # the role word of a role phrase

    @property
    def rank(self) -> int:
        """0 for named people and pronouns, 1 for role phrases naming people, 2 for bodies, media and other names."""
        return {"person": 0, "pronoun": 0, "role_person": 1}.get(self.kind, 2)


def _words_before(text: str, pos: int, floor: int) -> Iterable[re.Match]:
    """Word matches ending at or before pos, nearest first, not before floor."""
    return reversed(list(_WORD.finditer(text, floor, pos)))


def _phrase_start(text: str, start: int, floor: int) -> int:
    """Extend a phrase leftwards over titles, names, modifiers and possessives ("Iran’s supreme leader")."""
    lex = lexicon()
    for word in _words_before(text, start, floor):
        gap = text[word.end() : start]
        if gap.strip() or "\n" in gap:
            break
        token = word.group()
        low = token.lower()
        if low in lex.function_words and low not in lex.modifiers:
            break
        if not (token[0].isupper() or low in lex.modifiers or "-" in token):
            break
        start = word.start()
        if low in _DETERMINERS:
            break
    return start


def _phrase_end(text: str, end: int, ceiling: int) -> int:
    """Extend a phrase rightwards over following names and "of <Name> (and <Name>)" ("governments of Syria and Iraq")."""
    match = _RIGHT_OF_ROLE.match(text, end, ceiling)
    return match.end() if match else end


def _is_possessive(text: str, end: int) -> bool:
    """Whether the phrase ending at end is a possessive ("Khamenei’s remarks", "the countries’ armies")."""
    after = text[end : end + 2]
    return after in ("’s", "'s") or (text[end - 1 : end] in "sS" and after in ("’ ", "' "))


def candidates(text: str, start: int, end: int, mentions: list[Mention]) -> list[Candidate]:
    """Speaker candidates in text[start:end], in text order, from actor mentions, pronouns, role words and names."""
    lex = lexicon()
    found: list[Candidate] = []
    people = [Candidate(m.start, m.end, m.kind, m.actor_id) for m in mentions_within(mentions, start, end)]
    for match in lex.role.finditer(text, start, end):
        low = match.group().lower()
        if low in lex.person_nouns and not match.group()[0].isupper() and _is_possessive(text, match.end()):
            continue
        first = _phrase_start(text, match.start(), start)
        last = _phrase_end(text, match.end(), end)
        last = max([last] + [p.end for p in people if p.start < last < p.end])  # "... from the US-led coalition"
        holder = [p for p in people if p.kind == "person" and p.start < last and first < p.end]
        if holder:  # "Pentagon spokesman Eric Pahon": the person, with the phrase's start
            people = [replace(p, phrase_start=min(first, p.start)) if p in holder else p for p in people]
            continue
        kind = "role_person" if low in lex.person_nouns else "role_source"
        if not any(c.start <= first and last <= c.end for c in found):
            found = [c for c in found if not (first <= c.start and c.end <= last)]
            found.append(Candidate(first, last, kind, head=match.span()))
    found += people
    for match in _PRONOUN.finditer(text, start, end):
        found.append(Candidate(match.start(), match.end(), "pronoun"))
    taken = [(c.start, c.end) for c in found]
    for match in _NAME_RUN.finditer(text, start, end):
        words = list(_WORD.finditer(match.group()))
        while words and words[0].group().lower() in lex.function_words:
            words.pop(0)
        if not words:
            continue
        first, last = match.start() + words[0].start(), match.end()
        if not any(s < last and first < e for s, e in taken):
            found.append(Candidate(first, last, "name"))
    return sorted(found, key=lambda c: (c.start, -c.end))


# ---------------------------------------------------------------- resolution


@dataclass
class Speaker:
    """Who a cue's statement is attributed to: the phrase at the cue and the referent it resolves to."""

    start: int
    end: int
    speaker: str
    name: str


class DocumentContext:
    """One document's text, sentences, quotation spans and actor mentions, for resolving speakers."""

    def __init__(self, text: str, sentences: list, paragraphs: list, mentions: list[Mention],
                 unlisted: list[Mention] = ()):
        self.text = text
        self.unlisted = sorted(unlisted)  # mentions of actors the catalogue lacks (analysis.stages.unlisted)
        ordered = sorted(sentences, key=attrgetter("start"))  # rows of the sentences table
        self.sent_starts = [s.start for s in ordered]
        self.sent_ends = [s.end for s in ordered]
        self.sent_body = [s.in_body for s in ordered]
        self.sent_kinds = [s.kind for s in ordered]
        self.mentions = sorted(mentions)
        self.paragraphs = sorted((p.start, p.end) for p in paragraphs)
        self.quotes = sorted(s for start, end in self.paragraphs for s in quotation_spans(text, start, end))
        self.quote_starts = [q[0] for q in self.quotes]
        self.quote_by_start = {q[0]: q for q in self.quotes}
        self.quotes_by_end = sorted((q[1], q[0]) for q in self.quotes)
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.paragraph_ends = sorted(end for _, end in self.paragraphs)
        self.sent_ids = [s.sent_id for s in ordered]
        self.resolved: dict[int, Speaker] = {}  # pronoun / description start -> its referent
        self.lead_paragraphs: frozenset[int] | None = None  # starts of the lead's body paragraphs, once asked
        self.recent: list[tuple[int, Speaker, str]] = []  # (sentence index, speaker, person|plural|body) said so far

    def referent(self, cand: Candidate) -> Speaker:
        """The speaker a candidate refers to: an actor id where one is mentioned in it, else its words."""
        if cand.start in self.resolved:
            return self.resolved[cand.start]
        if cand.kind == "pronoun":
            found = self._antecedent(cand)
        elif cand.kind == "role_person" and self._is_definite(cand):
            found = self._described(cand)
        else:
            found = None
        if found is None:
            found = self._named(cand)
        self.resolved[cand.start] = found
        return found

    def _named(self, cand: Candidate) -> Speaker:
        """An explicit name or phrase: the actor mentioned inside it (people first), else its own words."""
        words = self.text[cand.start : cand.end]
        if cand.actor_id is not None:
            return Speaker(cand.start, cand.end, cand.actor_id, words)
        inside = mentions_within(self.mentions, cand.start, cand.end)
        source = re.search(r"\sfrom\s", words) if cand.kind == "role_source" else None
        if source:  # "a statement from the ministry" is the ministry's
            inside = [m for m in inside if m.start >= cand.start + source.end()]
        elif cand.head is not None:  # "Xinhua News Agency" is the agency; "the governments of Syria and Iraq" are not Syria
            inside = [m for m in inside if m.kind == "person" or (m.start <= cand.head[0] and m.end >= cand.head[1])]
        if inside:
            return Speaker(cand.start, cand.end, inside[0].actor_id, words)
        return self.identified(Speaker(cand.start, cand.end, words, words))

    def identified(self, found: Speaker) -> Speaker:
        """A speaker named by words, with the id of the actor the catalogue lacks that the words name: a person
        named inside them ("SDF spokeswoman Lilwa al-Abdallah"), else a body whose name ends them ("the Kurdistan
        Islamic Group"); unchanged when they name none."""
        near = mentions_within(self.unlisted, found.start - _TITLE_REACH, found.end + _TITLE_REACH)
        touching = [m for m in near if m.start < found.end and found.start < m.end]  # "[al-]Abdallah" for "al-Abdallah"
        named = [m for m in touching if m.kind == "person"] or [m for m in touching if m.end == found.end]
        return replace(found, speaker=named[0].actor_id) if named else found

    def _earlier_sentences(self, pos: int, limit: int) -> list[tuple[int, int]]:
        """(start, end) of the sentence holding pos (cut at pos) and up to `limit` body sentences before it, nearest first."""
        here = bisect_right(self.sent_starts, pos) - 1
        spans = [(self.sent_starts[here], pos)]
        for i in range(here - 1, -1, -1):
            if len(spans) > limit:
                break
            if self.sent_body[i] or not self.sent_body[here]:
                spans.append((self.sent_starts[i], self.sent_ends[i]))
        return spans

    def titled_later(self, desc: Candidate, whole_text: bool = False) -> Speaker | None:
        """The first person named after a title, within its paragraph and the two after (or to the end of the text),
        with that title in their name phrase (a headline's "...: Leader" or a lead's "Iran's Leader replied" and then
        "Ayatollah X, the Leader of ...")."""
        heads = _title_phrases(self.text[desc.start : desc.end])
        reach = len(self.text) if whole_text else \
            self.paragraph_end(self.paragraph_end(self.paragraph_end(desc.end) + 1) + 1)
        found = [c for c in candidates(self.text, desc.end, reach, self.mentions) if c.kind == "person"]
        for c in sorted(found + self._unlisted_people(desc.end, reach, found), key=attrgetter("start")):
            if self._titled(c, heads, desc.end):
                ref = self.referent(c)
                return Speaker(desc.start, desc.end, ref.speaker, ref.name)
        return None

    def introduced(self, desc: Candidate) -> Speaker | None:
        """The person an indefinite title introduces before the text names them ("a US general said ..." in the
        lead, "Brigadier General X told AFP" below it, the news lead's delayed identification): in the headline,
        standfirst or lead paragraphs, the first person named later in the text with that title, when no
        person named before it holds the title (else "an official" is someone new)."""
        if not self._in_lead(desc.start):
            return None
        heads = _title_phrases(self.text[desc.start : desc.end])
        earlier = [c for c in candidates(self.text, 0, desc.start, self.mentions) if c.kind == "person"]
        if any(self._titled(c, heads) for c in earlier + self._unlisted_people(0, desc.start, earlier)):
            return None
        return self.titled_later(desc, whole_text=True)

    def _in_lead(self, pos: int) -> bool:
        """Whether pos lies in the headline, the standfirst or the first _LEAD_PARAGRAPHS body paragraphs."""
        if self.kind(pos) in _HEADLINE_KINDS:
            return True
        if self.lead_paragraphs is None:
            firsts = {self.paragraph_start(start) for start, body in zip(self.sent_starts, self.sent_body) if body}
            self.lead_paragraphs = frozenset(sorted(firsts)[:_LEAD_PARAGRAPHS])
        return self.paragraph_start(pos) in self.lead_paragraphs

    def _titled(self, c: Candidate, heads: list[str], floor: int = 0) -> bool:
        """Whether a mention carries one of the titles: in its name phrase (before it, from floor on, or in it) or in
        the apposition after it ("Ayatollah X, the Leader of ...")."""
        apposition = _APPOSED_TITLE.match(self.text, c.end, c.end + _TITLE_REACH)
        before = max(floor, c.start - _TITLE_REACH)
        context = self.text[before : apposition.end() if apposition else c.end].lower()
        return any(_holds_title(self.text, c.start, before + m.end())
                   for h in heads for m in re.finditer(rf"\b{h}\b", context))

    def _antecedent(self, pronoun: Candidate) -> Speaker | None:
        """The referent of he/she/they: the first fitting mention of the nearest earlier sentence that has one."""
        plural = self.text[pronoun.start : pronoun.end].lower() == "they"
        sentence_start = self._earlier_sentences(pronoun.start, 0)[0][0]
        for start, end in self._earlier_sentences(pronoun.start, 5):
            found = [c for c in candidates(self.text, start, end, self.mentions) if c.start < pronoun.start]
            if plural:
                pool = [c for c in found if c.kind in ("actor", "role_source", "name")]
            else:
                pool = [c for c in found if c.kind == "person" or c.start in self.resolved]
                pool = sorted(pool + self._unlisted_people(start, min(end, pronoun.start), pool), key=attrgetter("start"))
                if not pool and start != sentence_start:
                    pool = [c for c in found if c.kind == "role_person" and not self._is_definite(c)]
                    pool = pool or [c for c in found if c.kind == "name"]
            pool = [c for c in pool if not _is_possessive(self.text, c.end)] or pool
            if pool:
                ref = self.referent(pool[0])
                return Speaker(pronoun.start, pronoun.end, ref.speaker, ref.name)
        return None

    def _unlisted_people(self, start: int, end: int, taken: list[Candidate]) -> list[Candidate]:
        """People the catalogue lacks named in [start, end) outside quotations and outside the candidates taken, as
        person candidates ("the mission's Charge d'Affaires Bader X" for a later "he", not "Kuwaiti")."""
        return [Candidate(m.start, m.end, "person", m.actor_id) for m in mentions_within(self.unlisted, start, end)
                if m.kind == "person" and self.quote_at(m.start) is None
                and not any(c.start < m.end and m.start < c.end for c in taken)]

    def _is_definite(self, cand: Candidate) -> bool:
        """Whether a role phrase starts with "the"."""
        return self.text[cand.start : cand.end].lower().startswith("the ")

    def _described(self, desc: Candidate) -> Speaker | None:
        """The referent of "the general", "the former president": the latest earlier person mentioned with that title;
        a state the description names ("the Russian President") must be the person's catalogue affiliation."""
        words = self.text[desc.start : desc.end]
        heads = _title_words(words)
        if not heads:
            return None
        states = _states_named(words)
        for start, end in self._earlier_sentences(desc.start, 10):
            found = [c for c in candidates(self.text, start, end, self.mentions)
                     if c.end <= desc.start and c.kind in ("person", "name", "role_person") and not self._is_definite(c)]
            for c in reversed(found):
                if states and _affiliations().get(c.actor_id) not in states or _is_possessive(self.text, c.end):
                    continue  # ... nor the possessor in "spokesman for Haftar's forces"
                if self._titled(c, heads):
                    ref = self.referent(c)
                    return Speaker(desc.start, desc.end, ref.speaker, ref.name)
        return None

    def paragraph_start(self, pos: int) -> int:
        """Start offset of the paragraph containing pos."""
        i = bisect_right(self.paragraph_starts, pos) - 1
        return self.paragraph_starts[i] if i >= 0 else 0

    def paragraph_end(self, pos: int) -> int:
        """End offset of the paragraph containing pos."""
        i = bisect_right(self.paragraph_ends, pos)
        return self.paragraph_ends[i] if i < len(self.paragraph_ends) else len(self.text)

    def kind(self, pos: int) -> str:
        """The kind (body or page furniture) of the sentence holding pos."""
        return self.sent_kinds[self.sentence_index(pos)] if self.sent_kinds else "body"

    def sentence_index(self, pos: int) -> int:
        """Index (in text order) of the sentence holding pos."""
        return max(bisect_right(self.sent_starts, pos) - 1, 0)

    def sentence_id(self, pos: int) -> int:
        """sent_id of the sentence holding pos."""
        return int(self.sent_ids[self.sentence_index(pos)]) if self.sent_ids else 0

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The innermost quotation span containing pos, if any (quotations never cross a paragraph)."""
        floor = self.paragraph_start(pos)
        for i in range(bisect_left(self.quote_starts, pos) - 1, -1, -1):
            q = self.quotes[i]
            if q[0] < floor:
                break
            if q[0] < pos < q[1] - 1:
                return q
        return None

    def quotes_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotation spans that open inside [start, end)."""
        return self.quotes[bisect_left(self.quote_starts, start) : bisect_left(self.quote_starts, end)]

    def attached_quote(self, start: int, end: int, sent_start: int) -> tuple[int, int] | None:
        """The quotation a cue introduces ('asked: "Who ..."') or follows ('"...," said X'; '"...," X told a news
        conference'), within its paragraph."""
        text = self.text
        gap = re.compile(rf"{_SAME_LINE_GAP}[:,]?{_SAME_LINE_GAP}").match(text, end)
        following = self.quote_by_start.get(gap.end())
        if following is not None:
            return following
        ends_clause = (_POSTPOSED_AFTER.match(text, end) or _CUE_ADJUNCT.match(text[end : end + 10])
                       or _ADDRESSEE.match(text, end))
        floor = max(self.paragraph_start(start), sent_start - 400)
        i = bisect_right(self.quotes_by_end, (start, len(text))) - 1
        for q_end, q_start in self.quotes_by_end[max(i - 2, 0) : i + 1][::-1]:
            between = text[q_end:start]
            if q_end < floor or "\n" in between:
                continue
            inverted = text[q_end - 2 : q_end - 1] in ",.!?" and not between.strip()
            if inverted or (ends_clause and (re.fullmatch(r"[\s,]*(?:[\w’'.-]+\s+){1,%d}" % _PAIR_LIMIT_WORDS, between)
                                             or _APPOSED_SPEAKER.fullmatch(between))):
                return q_start, q_end
        return None

    def _recent_of_state(self, pos: int, words: str) -> Speaker | None:
        """The latest person who spoke in the last sentences and belongs to the state a description names."""
        states = _states_named(words)
        for _, speaker, kind in reversed(self.recent[-6:]):
            if kind == "person" and speaker.start < pos and _affiliations().get(speaker.speaker) in states:
                return speaker
        return None

    def _subject_before(self, parsed: Parsed, pronoun) -> Speaker | None:
        """The person who is the active subject of the sentence's main verb, before a "he" or "she" of a clause
        under it ("A spokesman, Zabihullah Mujahid, claimed the attack, which he said killed 20")."""
        root = next((t for t in parsed.doc if t.dep_ == "ROOT"), None)
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
        if subject is None or subject.i >= pronoun.i or subject.pos_ == "PRON":
            return None
        found = self.speaker(parsed, subject)
        return found[0] if found is not None and found[1] == "person" else None

    def _opening_person(self, pos: int) -> Speaker | None:
        """The person a "he" or "she" opening a statement refers to when the sentence before names one at its opening
        and reports no statement: its subject, the centre of attention the pronoun continues ("Ghulam Sakhi Amar, a
        council member, put the toll at 20. He said ...": not the speaker of two sentences before)."""
        here = self.sentence_index(pos)
        before = here - 1
        while before >= 0 and not self.sent_body[before] and self.sent_body[here]:
            before -= 1
        if before < 0 or any(index == before for index, _, _ in self.recent):
            return None
        start, end = self.sent_starts[before], self.sent_ends[before]
        found = [c for c in candidates(self.text, start, end, self.mentions) if c.kind == "person"]
        found = sorted(found + self._unlisted_people(start, end, found), key=attrgetter("start"))
        if not found or len(_WORD.findall(self.text, start, found[0].start)) > _OPENING_WORDS \
                or _is_possessive(self.text, found[0].end) or self.quote_at(found[0].start) is not None:
            return None
        ref = self.referent(found[0])
        return Speaker(pos, pos, ref.speaker, ref.name)

    def _short_form(self, head, start: int, end: int) -> Mention | None:
        """The body a definite phrase of one capitalised noun names by a word of its earlier full name ("The
        Observatory" for "the Syrian Observatory for Human Rights"), the latest such name before it."""
        words = _WORD.findall(self.text, start, end)
        if len(words) != 2 or words[0].lower() not in _DEFINITE or not head.text[:1].isupper():
            return None
        word = re.compile(rf"\b{re.escape(head.text)}\b")
        before = bisect_right(self.mentions, (start,)) if self.mentions else 0
        return next((m for m in reversed(self.mentions[:before]) if m.end <= start and m.kind != "person"
                     and self.text[m.start : m.end] != head.text and word.search(self.text, m.start, m.end)), None)

    def _apposed_person(self, end: int) -> Mention | None:
        """A person's mention set off by commas right after a phrase ending at end (", Ali al-Thabet,")."""
        gap = _APPOSITION_GAP.match(self.text, end)
        if gap is None:
            return None
        person = next((m for m in sorted(self.mentions + self.unlisted)
                       if m.start == gap.end() and m.kind == "person"), None)
        return person if person is not None and _APPOSITION_CLOSE.match(self.text, person.end) else None

    def said(self, speaker: Speaker, kind: str) -> None:
        """Remember a resolved speaker (person, plural or body), for the pronouns and descriptions that follow."""
        self.recent.append((self.sentence_index(speaker.start), speaker, kind))

    def recent_speaker(self, pos: int, kinds: tuple[str, ...], reach: int = 3) -> Speaker | None:
        """The latest speaker of one of the kinds, in the sentence of pos or the `reach` before it."""
        here = self.sentence_index(pos)
        for index, speaker, kind in reversed(self.recent):
            if here - index > reach:
                break
            if kind in kinds and speaker.start < pos:
                return speaker
        return None

    def speaker(self, parsed: Parsed, head) -> tuple[Speaker, str] | None:
        """The speaker a phrase headed by a token refers to, and its kind (person, plural, body)."""
        lex, text = lexicon(), self.text
        start, end = _phrase(parsed, head)
        at = parsed.span(head)[0]  # the whole catalogue name the head is part of ("al-Abadi", split by the tokenizer)
        for m in mentions_within(self.mentions, max(0, at - 100), at + 100):
            if m.start <= at < m.end:
                start, end = min(start, m.start), max(end, m.end)
        words = text[start:end]
        low = head.lower_
        kind = _speaker_kind(head)
        if head.pos_ == "PRON" or low in _THIRD_POSSESSIVES:
            wanted = ("person",) if _PERSONAL.get(low) == "person" else ("plural", "body")
            subject = self._subject_before(parsed, head) or self._opening_person(start) if wanted == ("person",) else None
            ref = subject or self.recent_speaker(start, wanted) or self._antecedent(Candidate(start, end, "pronoun"))
            if ref is None:
                return None
            return Speaker(start, end, ref.speaker, ref.name), wanted[0]
        if head.lemma_.lower() in lex.noun_class:
            source = _noun_speaker(head)
            if source is not None:  # "the letter of the Leader", "new estimates from OIR"
                found = self.speaker(parsed, source)
                if found is not None:
                    return Speaker(start, end, found[0].speaker, found[0].name), found[1]
        named_by = next((a for a in _appositions(head) if _names_person(parsed, a, self.mentions)), None)
        if named_by is not None:  # "Its spokesman, Igor Konashenkov, said": the person the apposition names
            found = self.speaker(parsed, named_by)
            return (Speaker(start, end, found[0].speaker, found[0].name), "person") if found else None
        apposed = self._apposed_person(end) if head.lemma_.lower() in lex.titles else None
        if apposed is not None:  # "according to another spokesman for X's forces, Ali al-Thabet, but ...": the
            # name set off by commas after a title, wherever the parser hangs it
            return Speaker(start, apposed.end, apposed.actor_id, text[apposed.start : apposed.end]), "person"
        close = _close_apposition(parsed, head, sorted(self.mentions + self.unlisted))
        if close is not None:  # "the official news agency WAFA reported": the body the name names
            found = self.speaker(parsed, close)
            if found is not None:
                return Speaker(start, max(end, found[0].end), found[0].speaker, found[0].name), found[1]
        served = _role_phrases(parsed, head)  # not Haftar in "spokesman for Haftar's forces"
        inside = [m for m in mentions_within(self.mentions, start, end) if not any(a <= m.start < b for a, b in served)]
        person_ents = [e for e in parsed.doc.ents if e.label_ == "PERSON" and start <= parsed.span(e)[0] < end
                       and not any(a <= parsed.span(e)[0] < b for a, b in served)]
        named = any(m.kind == "person" for m in inside) or bool(person_ents)
        definite = not any(t.lower_ in _INDEFINITE for t in head.children)
        if head.lemma_.lower() in lex.titles and head.tag_ in ("NN", "NNP") and not named:
            desc = Candidate(start, end, "role_person")
            if definite:
                ref = self._described(desc) or self._recent_of_state(start, words) or self.titled_later(desc)
            else:
                ref = self.introduced(desc)
            if ref is not None:  # "the general", "Iran's Leader", "the Russian President"; "a US general" named later
                return Speaker(start, end, ref.speaker, ref.name), "person"
        people = [m for m in inside if m.kind == "person"]
        if people:  # the name, without its titles ("Lieutenant General X")
            return Speaker(people[0].start, people[0].end, people[0].actor_id, text[people[0].start : people[0].end]), "person"
        for ent in person_ents:
            s, e = parsed.span(ent)
            if e <= end and not _is_possessive(text, e):
                name = _untitled(text, s, e)
                return self.identified(Speaker(name[0], name[1], text[slice(*name)], text[slice(*name)])), "person"
        hs, he = parsed.span(head)
        covering = [m for m in inside if m.start <= hs and he <= m.end]
        if covering:
            return Speaker(start, end, covering[0].actor_id, words), kind
        short = self._short_form(head, start, end) if not inside else None
        if short is not None:  # "The Observatory" after "the Syrian Observatory for Human Rights"
            return Speaker(start, end, short.actor_id, words), kind
        found = self.identified(Speaker(start, end, words, words))
        unlisted_person = any(m.kind == "person" and m.actor_id == found.speaker for m in self.unlisted)
        return found, "person" if unlisted_person else kind


def _title_words(words: str) -> list[str]:
    """The titles among a phrase's words, lower case and without a possessive ("the Leader’s reply": leader)."""
    bare = (w.lower().removesuffix("’s").removesuffix("'s") for w in _WORD.findall(words))
    return [w for w in bare if w in lexicon().titles]


def _title_phrases(words: str) -> list[str]:
    """The titles of a phrase with the capitalised word that qualifies each ("the Iraqi Defense Minister": defense
    minister, not any minister; a state or its demonym is no part of it: "Iran’s Leader": leader), lower case."""
    found = [w.removesuffix("’s").removesuffix("'s") for w in _WORD.findall(words)]
    phrases = []
    for i, word in enumerate(found):
        if word.lower() in lexicon().titles:
            before = found[i - 1] if i else ""
            qualifies = before[:1].isupper() and before.lower() not in lexicon().titles and not _states_named(
                f"{before} {word}")  # read with the title: "US" alone, all capitals, is no name to the recogniser
            phrases.append(f"{before} {word}".lower() if qualifies else word.lower())
    return phrases


def _holds_title(text: str, name_start: int, title_end: int) -> bool:
    """Whether a title ending at title_end is part of the name phrase starting at name_start: only capitalised words
    and name connectors between them ("Leader of the Islamic Revolution Ayatollah X"; not "said the Leader in his
    message while congratulating General X"); a title at or after the name's start (in it, or in an apposition) is."""
    return "\n" not in text[title_end:name_start] and all(
        w[0].isupper() or w.lower() in CONNECTORS for w in _WORD.findall(text, title_end, name_start))


def _untitled(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span without the titles and honorifics before it ("Col. Steve Warren" -> "Steve Warren")."""
    skip = lexicon().titles | lexicon().modifiers | set(HONORIFICS)
    for word in _WORD.finditer(text, start, end):
        if word.group().lower().rstrip(".") not in skip:
            return word.start(), end
    return start, end


def _appositions(head) -> list:
    """The appositions of a phrase that describes someone (a common noun or a title): its head's, and for a person's
    title those after the noun of its "of" or "for" phrase, which the parser hangs there ("chief of the Basra
    Operations Command, Lt. Gen. X, said", "spokesman for the Joint Operations Command, Brig. Gen. X, told": X)."""
    people = lexicon().titles | lexicon().person_nouns
    if head.pos_ == "PROPN" and not any(t.lemma_.lower() in people for t in head.subtree if t.i <= head.i):
        return []  # a name beside a name names someone else ("According to Al-Manar Website, Secretary General X")
    found = [a for a in head.children if a.dep_ == "appos"]
    if head.lemma_.lower() in people:
        found += [a for prep in head.children if prep.dep_ == "prep" and prep.lower_ in _ROLE_PREPS
                  for obj in prep.children if obj.dep_ == "pobj" for a in obj.children if a.dep_ == "appos"]
    return found


def _role_phrases(parsed: Parsed, head) -> list[tuple[int, int]]:
    """Offsets of the "for"/"of" phrases of a title, which name whom the titled person serves ("spokesman for
    Haftar's forces": not Haftar)."""
    if head.lemma_.lower() not in lexicon().titles:
        return []
    return [_served(parsed, c) for c in head.children if c.dep_ == "prep" and c.lower_ in _ROLE_PREPS]


def _served(parsed: Parsed, prep) -> tuple[int, int]:
    """Offsets of a title's "for"/"of" phrase, up to a person's name that follows what is served ("Leader of the
    Islamic Revolution Ayatollah Ali Khamenei", parsed as one phrase: the name is the titled person's own, not whom
    the title serves; "adviser of [Ali Khamenei]" serves the person it opens with)."""
    start, end = _subtree(parsed, prep)
    words = [t for t in prep.subtree if t.i > prep.i and t.pos_ not in ("DET", "ADP", "PUNCT")]
    first = parsed.span(words[0])[0] if words else end
    names = [parsed.span(e)[0] for e in prep.doc.ents if e.label_ == "PERSON" and first < parsed.span(e)[0] < end]
    return start, min(names, default=end)


def _close_apposition(parsed: Parsed, head, names: list[Mention]):
    """The name (a mention of `names`) standing right after a common noun with no comma, as its apposition ("the news
    agency SANA") or hung on the noun's verb where the parser splits the phrase ("the news agency WAFA reported")."""
    doc = head.doc
    if head.pos_ != "NOUN" or head.i + 1 >= len(doc):
        return None
    name = doc[head.i + 1]
    start = parsed.span(name)[0]
    if not any(m.start == start for m in mentions_within(names, start, start + 200)):
        return None
    while name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head  # "the newspaper Al Watan": Watan
    return name if name.head in (head, head.head) and name.i > head.i else None


def _names_person(parsed: Parsed, token, mentions: list[Mention]) -> bool:
    """Whether a token heads a phrase that is a person's name (a catalogued person or a PERSON entity)."""
    start, end = parsed.span(token)
    return token.ent_type_ == "PERSON" or any(m.kind == "person" and m.start <= start < m.end for m in
                                              mentions_within(mentions, start - 40, end + 40))


def _speaker_kind(head) -> str:
    """person (a name, a person noun or title, or a name with a title in apposition: "Najib Danish, a spokesman"),
    plural (a plural noun), or body (anything else)."""
    lex = lexicon()
    if head.ent_type_ == "PERSON" or (head.lemma_.lower() in lex.titles and head.tag_ in ("NN", "NNP")):
        return "person"
    if head.pos_ == "PROPN" and any(a.lemma_.lower() in lex.titles and a.tag_ == "NN" for a in head.children
                                    if a.dep_ == "appos"):
        return "person"
    if head.tag_ in ("NNS", "NNPS"):
        return "plural"
    return "body"


# ---------------------------------------------------------------- cues read from the parse

_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "dative", "oprd"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})  # a clause or infinitive as what was said
_SAID_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})  # a finite clause as what was said
_TOPIC_PREPS = grammar("topic_prepositions")  # "reported on the completion", "spoke about"
_STANCE_PREPS = grammar("stance_prepositions")  # "warned against" (not "insisted on going ahead")
_NOUN_CONTENT_PREPS = grammar("noun_content_prepositions")  # "his call for", "remarks on"
_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "acl", "pcomp", "dobj", "pobj", "prep"})  # a cue without subject takes its head's
_FIRST_SECOND = grammar("first_second_person")
_NEGATING_PREPS = grammar("negating_prepositions")  # "without elaborating"
_QUESTION_SUBORDINATORS = grammar("interrogative_subordinators")  # "would not say whether"
_ADDRESSEE_PREPS = grammar("addressee_prepositions")  # "expressed his gratitude to X"
_ROLE_PREPS = grammar("role_prepositions")  # "spokesman for the X"
_PREDICATIVE = grammar("predicative_prepositions")  # "quoted X as saying"
_CLOSING_DEPS = frozenset({"prep", "pobj", "npadvmod", "advmod", "punct", "det", "compound", "amod", "nummod"})
COLON_CUE = "colon"  # the cue_lemma of a statement a colon introduces: a speaker's turn, a credited headline, a clause
_RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
_DEMONSTRATIVE_TAGS = frozenset({"DT", "WDT"})  # Penn tags of "that", "this" and the relative "which"
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})  # Penn tags of finite verbs and modals
_MODAL_TAG = "MD"  # Penn tag of the modal auxiliaries ("will", "would", "may", "could")
_NAMING_OBJECTS = grammar("naming_objects")
_TURN = re.compile(rf"([A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|{name_particle_pattern()}|of|the)){{0,8}})"
                   r"(?:[ \t]+\([^()\n]{1,30}\))?:[ \t]+\S")
_CREDITED = re.compile(r"[^\n]*\S(?P<colon>:)[ \t]+(?P<credit>(?:[\w’'.-]+[ \t]*){1,4}?)[ \t]*$", re.MULTILINE)
_CREDIT_FIRST = re.compile(r"(?P<credit>[\w’'.-]+(?:[ \t]+[\w’'.-]+){0,3})(?P<colon>:)(?P<gap>[ \t]+)\S")
_HEADLINE_KINDS = frozenset({"headline", "standfirst"})
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_SENTENCE_END = re.compile(r"[.!?…][”\"’')\]]*\s*$")


@dataclass
class Cue:
    """One reporting cue found in a parsed sentence, and what has been worked out about it."""

    start: int
    end: int
    lemma: str
    sent_id: int
    sent_start: int
    sent_end: int
    token: object  # the spaCy token of the cue's verb or noun
    parsed: Parsed
    speaker_token: object = None  # the head of the speaker phrase, when the parse gives one
    speaker: Speaker | None = None
    quote: tuple[int, int] | None = None
    content: tuple[int, int] | None = None


def _verb_lemma(token) -> str | None:
    """The lexicon lemma a verb token stands for ("point out" with its particle, "sound alarm" with its object)."""
    lex = lexicon()
    base = token.lemma_.lower()
    for child in token.children if base in lex.phrase_verbs else ():
        if child.dep_ in ("prt", "dobj", "prep"):
            longer = f"{base} {child.lemma_.lower()}"
            if longer in lex.verb_class:
                return longer
    return base if base in lex.verb_class else None


def _subject(token):
    """The subject of a verb (nsubj, or the agent of a passive), climbing to the head of a participle, infinitive or
    coordinated verb ("went on to say", "adding that", "deny ... and insist") and through the noun a participle
    modifies ("praised the victory over X, claiming ..."); a relative pronoun stands for the noun its clause
    modifies ("the PKK, which announced"; "the wounded, many of whom told")."""
    inverted = _inverted_speaker(token)
    if inverted is not None:
        return inverted
    if _bare_participle(token):  # "He said X, adding that ...": the outermost cue before it, not a postposed one
        cues = [a for a in token.ancestors if a.i < token.i and a.pos_ in ("VERB", "AUX") and _verb_lemma(a)]
        token = cues[-1] if cues else token
    for _ in range(6):
        found = max((c for c in token.children if c.dep_ == "nsubj"), key=lambda c: (not _set_off(c), c.i),
                    default=None)  # "Ali al-Hasani — the commander of the brigade — told": not the aside
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if found is None and agent is not None:
            found = next((g for g in agent.children if g.dep_ == "pobj"), None)
        if found is None and (token.dep_ == "ROOT" or any(c.dep_ == "csubj" and c.tag_ == "VBG" for c in token.children)):
            found = _after_comma(token)  # "Reacting to X, the envoy said": the phrase after the opening clause
        if token.dep_ == "conj" and _closes_sentence(token) and (found is None or _comma_between(found, token)):
            found = _after_comma(token) or found  # "X killed Y, a monitor and activists said." parsed as a verb
            # coordinated with "killed", its subject none or a word of the clause before the comma: the phrase after it
        if found is not None:
            return _antecedent_of_relative(found)
        if token.dep_ not in _CLIMB_DEPS and token.pos_ != "NOUN" or token.head is token:
            return None
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon().noun_class:
            return _noun_speaker(token) or _issuer(token)  # "a statement praising X": the statement's speaker
    return None


def _inverted_speaker(verb):
    """The speaker after a postposed finite cue with no subject of its own, which the parser takes for its object
    ("IS fighters shot down the aircraft, reported Amaq news agency, which ...": the agency)."""
    doc = verb.doc
    if verb.tag_ not in _FINITE_TAGS or verb.i == 0 or doc[verb.i - 1].text != "," or any(
            c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "ccomp") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.i == verb.i + 1 + sum(1 for t in obj.lefts) and _can_speak(obj) else None


def _closes_sentence(verb) -> bool:
    """Whether only the verb's own adjuncts follow it to the end of its sentence ("... said on Saturday.")."""
    return all(t.dep_ in _CLOSING_DEPS and verb in t.ancestors for t in verb.doc[verb.i + 1 :])


def _states_a_fact(verb, subject) -> bool:
    """Whether an evidence verb's subject is a relative "which" standing for something that is no source: the facts
    of the clause before it ("55 others were wounded, which indicates a surge"), not "the report, which shows"."""
    relative = any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in verb.children)
    lex = lexicon()
    return relative and subject is not None and not (
        subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG")
        or subject.lemma_.lower() in lex.noun_class or subject.lemma_.lower() in lex.source_nouns)


def _comma_between(first, last) -> bool:
    """Whether a comma stands between two tokens of a sentence."""
    return any(t.text == "," for t in first.doc[first.i + 1 : last.i])


def _after_comma(verb):
    """The root of the noun phrase between the last comma before a verb and the verb, if any; if only auxiliaries
    stand there, the name just before the comma ("Speaking to X, SDF spokesperson Talal Silo, has stated that")."""
    doc = verb.doc
    comma = max((t.i for t in doc[: verb.i] if t.text == ","), default=None)
    if comma is None:
        return None
    span = range(comma + 1, verb.i)
    if comma and all(doc[i].pos_ in ("AUX", "PART", "ADV") for i in span) and doc[comma - 1].pos_ == "PROPN":
        return doc[comma - 1]
    return next((doc[i] for i in span if doc[i].head.i not in span and doc[i].pos_ in ("NOUN", "PROPN", "PRON")), None)


def _antecedent_of_relative(subject):
    """The noun a relative pronoun (or a phrase holding one: "many of whom") stands for, else the subject itself."""
    if not any(t.tag_ in _RELATIVE_TAGS for t in subject.subtree):
        return subject
    clause = subject.head
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else subject


def _noun_speaker(noun):
    """The speaker a statement noun names: its possessor ("his call"), or "by"/"from"/"of" X ("a report by X")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ or obj.lemma_.lower() in lexicon().person_nouns
                                    or obj.lemma_.lower() in lexicon().source_nouns):
                return obj
    return None


def _issuer(noun):
    """The subject of the verb that issues a statement noun ("Trump issued a statement", "made reference to")."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon().issuing_verbs:
        return _subject(noun.head)
    return None


def _is_passive(token) -> bool:
    """Whether a verb is passive ("were reported", "is expected")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _has_content(token, lemma: str) -> bool:
    """Whether a cue verb has something said: a clause, an object, a topic ("reported on"), a particle's object
    ("called for"), or stands aside from the clause it reports ("..., a monitoring group said", "As X reported,")."""
    lex = lexicon()
    deps = {c.dep_ for c in token.children if c.dep_ not in _SAID_CLAUSE_DEPS or not _hung_on_object(c)}
    objects = [g for c in token.children if c.dep_ in ("prep", "dative") for g in c.children] + list(token.children)
    if "oprd" in deps or any(c.lower_ in _NAMING_OBJECTS for c in objects if c.dep_ in ("dobj", "pobj")):
        return False  # "what he called X", "as ISIS calls it X" name; "revealed itself", "speaks for itself" are no speech
    if lex.verb_class[lemma] == "doubting" and any(
            c.dep_ == "dobj" and c.lower_ in _REFERRING for c in token.children) and "ccomp" not in deps:
        return False  # "those who claim it" claim the credit
    if {"dative", "dobj"} <= deps and not deps & {"ccomp", "parataxis"}:
        return False  # "deny Daesh the resources": a transfer, not a statement
    reported = token.i > token.head.i and _verb_lemma(token.head)  # inside what its head verb says
    if deps & {"ccomp", "parataxis"} or token.dep_ in ("parataxis", "ccomp") and not reported or _reporting_as(token) \
            or _clause_on_adjunct(token):
        return True  # "..., the spokesman said" (parsed as the clause of the sentence before), not "said the army
        # guaranteed the safety of the roads"
    if _confirms_a_statement(token):
        return True  # "That was confirmed by the police chief": what was confirmed is the sentence before
    relative = token.dep_ in ("relcl", "acl") and any(c.dep_ == "nsubj" and c.tag_ not in _RELATIVE_TAGS
                                                       for c in token.children)
    topics = _TOPIC_PREPS if lex.verb_class[lemma] == "neutral" else _STANCE_PREPS
    topic = any(c.dep_ == "prep" and c.lower_ in topics for c in token.children)
    if _bare_participle(token):  # "..., reporting almost daily on", not "Declaring victory, ...", "Speaking about X,"
        # nor "..., referring to IS by its acronym" (a gloss) nor "told AFP, speaking on condition of anonymity" (the
        # manner of the statement its head verb reports)
        judges = lex.verb_class[lemma] in ("supportive", "critical") and "dobj" in deps  # "..., thanking the troops"
        aside = topic and token.i > token.head.i and not _verb_lemma(token.head)
        return "xcomp" in deps or aside or judges
    if " " in lemma or relative and lemma not in lex.needs_clause:
        return True  # "called for"; "a charge the coalition rejected" (the noun is what was rejected)
    if lemma in lex.attitude_verbs:
        return "xcomp" in deps or _attitude_said(token)
    if lemma in lex.needs_clause or lemma in lex.object_not_said:
        return ("xcomp" in deps or _object_opens_clause(token)) and lemma not in lex.evidence_verbs
    return bool(deps & _CONTENT_DEPS) or topic


def _attitude_said(token) -> bool:
    """Whether an attitude conveyed as an object is a statement: addressed to someone ("expressed his gratitude to
    X") or stating its content ("readiness to work", "concern that aid was blocked"); not "deep sorrow over the
    deaths"."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    addressed = [c for c in [*token.children, *(g for o in objects for g in o.children)]
                 if c.dep_ in ("prep", "dative") and c.lower_ in _ADDRESSEE_PREPS]
    content = [g for o in objects for g in o.children
               if g.dep_ in ("acl", "ccomp") or g.dep_ == "relcl" and any(m.dep_ == "mark" for m in g.children)]
    return bool(addressed or content)


def _object_opens_clause(token) -> bool:
    """Whether a verb's object is the subject of a clause the parser cut off: a finite verb follows the object's
    phrase ("claiming the Kurdish forces of Syria are the ones who ...")."""
    doc = token.doc
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        after = max(t.i for t in obj.subtree) + 1
        if after < len(doc) and doc[after].tag_ in _FINITE_TAGS:
            return True
    return False


def _clause_on_adjunct(token) -> bool:
    """Whether a clause opened by a complementiser hangs on the noun of the verb's adjunct, where the parser puts what
    was said ("said in a recording that the war would go on": "that" a mark, not a relative pronoun)."""
    return any(r.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" for m in r.children)
               for p in token.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
               for r in o.children)


def _set_off(token) -> bool:
    """Whether a phrase stands between dashes, an aside ("X — the commander of the brigade — told")."""
    doc, first = token.doc, min(t.i for t in token.subtree)
    return first > 0 and doc[first - 1].text in _DASHES


def _hung_on_object(clause) -> bool:
    """Whether a clause the parser hangs on a cue verb stands after the verb's object, a thing that cannot be spoken
    to, with no "that": a reduced relative clause of a noun before it ("declared a caliphate ... in territory it
    controls"), not what was said ("told AFP the town fell")."""
    verb = clause.head
    return not any(c.dep_ == "mark" for c in clause.children) and any(
        c.dep_ == "dobj" and c.i < clause.i and not _can_speak(c) for c in verb.children)


def _confirms_a_statement(token) -> bool:
    """Whether a passive cue with an agent has a demonstrative or relative subject standing for what was said before
    it ("That was confirmed by the police chief", "..., which was denied by the ministry")."""
    return _is_passive(token) and any(c.dep_ == "agent" for c in token.children) and any(
        c.dep_ == "nsubjpass" and c.tag_ in _DEMONSTRATIVE_TAGS for c in token.children)


def _unsaid(token) -> bool:
    """Whether a cue with no clause reports no statement made: negated ("did not mention the governor") or under a
    modal ("will announce a final victory", an act not yet done)."""
    return not _reports_clause(token) and any(c.dep_ == "neg" or c.tag_ == _MODAL_TAG for c in token.children)


def _reports_clause(token) -> bool:
    """Whether a cue verb has a clause for what was said ("said that ...", "urged X to ..."), not an object alone nor
    the attribution of its own clause ("the fighting has claimed 700 lives, the WHO said")."""
    return any(c.dep_ in _CLAUSE_DEPS and not (c.i > token.i and _verb_lemma(c) and _subject(c) is not None
                                                 and c.doc[min(t.i for t in c.subtree) - 1].lower_ == ",")
               for c in token.children)


def _reporting_as(token) -> bool:
    """Whether a cue is an "as" clause of the clause it reports ("As the Post reported, ...")."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)


def _bare_participle(token) -> bool:
    """Whether a cue is an -ing participle clause without auxiliary ("Declaring victory, ...", "adding that"),
    which reports a statement only with a clause or quotation."""
    return token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj") and not any(
        c.dep_ in ("aux", "nsubj") for c in token.children)


def _negating_preposition(token) -> bool:
    """Whether a cue is the verb of "without V-ing" ("..., without elaborating"), which says it was not done."""
    return token.dep_ == "pcomp" and token.head.lower_ in _NEGATING_PREPS


def _left_open(token) -> bool:
    """Whether a negated cue leaves a question open ("did not say which elements had progressed", "would not say
    whether"): nothing is stated."""
    return any(c.dep_ == "neg" for c in token.children) and any(
        c.dep_ == "ccomp" and (c.doc[min(t.i for t in c.subtree)].tag_ in _RELATIVE_TAGS | {"WRB"}
                               or any(m.dep_ == "mark" and m.lower_ in _QUESTION_SUBORDINATORS for m in c.children))
        for c in token.children)


def _passive_participle(token) -> bool:
    """Whether a cue is a past participle with no subject and no "have" ("published on", "when asked")."""
    return token.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux", "agent") for c in token.children)


def _noun_has_content(noun) -> bool:
    """Whether a statement noun states what was said: a clause ("allegations that ...", "a statement praising X"),
    what it is for or about ("his call for", "remarks on"), or, issued by its speaker, whom it is addressed or
    refers to ("made reference to")."""
    issued = _issuer(noun) is not None
    preps = _NOUN_CONTENT_PREPS | ({"to"} if issued else set())
    around = [*noun.children, *(noun.head.children if issued else ())]
    # a "to"-infinitive after a neutral noun is a purpose ("in their statements to imply"), after a call its content
    directive = lexicon().noun_class.get(noun.lemma_.lower()) != "neutral"
    return any(c.dep_ == "ccomp" or (c.dep_ == "acl" and (directive or not _infinitive(c)))
               or (c.dep_ == "prep" and c.lower_ in preps) for c in around)


def _infinitive(token) -> bool:
    """Whether a cue verb is a "to"-infinitive that is not the speaker's own act ("to indicate", "to reaffirm");
    "went on to say" is."""
    while token.dep_ == "conj" and not any(c.dep_ == "aux" for c in token.children):
        token = token.head  # "to work ... and deny"
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return not (token.dep_ in ("xcomp", "advcl") and token.head.lemma_.lower() in lexicon().continuing_verbs)


def _can_speak(token) -> bool:
    """Whether a subject can be a speaker: a name, a pronoun, a person, a body, or a statement or source noun (not
    "that fact speaks for itself", "images show", "the operation ... declare")."""
    lex = lexicon()
    words = {token.lemma_.lower(), token.lower_}
    return (token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ in ("PROPN", "PRON")
            or bool(words & (lex.noun_class.keys() | lex.person_nouns | lex.source_nouns)))


def _names_a_source(obj) -> bool:
    """Whether the object of "according to" names a source: a word of it can speak ("the ministry", "a count by
    AFP", "estimates"), a possessive pronoun aside ("according to their type" is conformity)."""
    return any(_can_speak(t) for t in obj.subtree if t.dep_ != "poss")


def _phrase(parsed: Parsed, head) -> tuple[int, int]:
    """Document offsets of the noun phrase headed by a token, without relative clauses, appositions, asides after a
    comma, or anything across a comma ("Reacting to X, the envoy said": the envoy)."""
    doc, keep = parsed.doc, {head.i}
    stack = [c for c in head.children if not _cut(c)]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        stack.extend(c for c in tok.children if not _cut(c))
    first = max([i + 1 for i in range(min(keep), head.i) if doc[i].text in _ASIDE_MARKS], default=min(keep))
    last = min([i - 1 for i in range(head.i + 1, max(keep) + 1) if doc[i].text in _ASIDE_MARKS], default=max(keep))
    if head.ent_type_:  # the whole name the head is part of ("al-Abdallah", split by the tokenizer)
        entity = next(e for e in doc.ents if e.start <= head.i < e.end)
        keep |= set(range(entity.start, entity.end))
        first, last = min(first, entity.start), max(last, entity.end - 1)
    tokens = [doc[i] for i in range(first, last + 1) if i in keep]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    first, last = (tokens[0], tokens[-1]) if tokens else (head, head)
    return parsed.span(first)[0], parsed.span(last)[1]


def _cut(token) -> bool:
    """Whether a dependent stays out of a speaker phrase: a relative clause, apposition, coordination, or a
    participle clause set off by a comma ("Families fleeing the group" keeps it)."""
    if token.dep_ in ("relcl", "appos", "cc", "conj", "advcl") or (token.dep_ == "advmod" and token.i < token.head.i):
        return True  # ... and "even", "also" before the noun
    return token.dep_ == "acl" and token.i > 0 and token.doc[token.i - 1].text in _ASIDE_MARKS


def _subtree(parsed: Parsed, token) -> tuple[int, int]:
    """Document offsets of a token's whole subtree (from its first to its last token: a non-projective parse lists
    them out of order)."""
    indices = [t.i for t in token.subtree]
    return parsed.span(token.doc[min(indices)])[0], parsed.span(token.doc[max(indices)])[1]


def _title_line(line: str) -> bool:
    """Whether a headline line is a title: no closing stop, no quotation or colon (a headline quote is a turn)."""
    return not _SENTENCE_END.search(line) and not re.search("[:\"“”«»]", line)


def _postposed(ctx: "DocumentContext", parsed: Parsed, token, subject) -> bool:
    """Whether a cue and its subject close a clause they report ("..., the spokesman said." / "said on Friday.")."""
    first = min(_phrase(parsed, subject)[0], parsed.span(token)[0])
    before = ctx.text[parsed.start : first].rstrip()
    return before.endswith((",", ",”", ',"')) and bool(_POSTPOSED_AFTER.match(ctx.text, parsed.span(token)[1]))


def _credits_title(ctx: "DocumentContext", parsed: Parsed, token, subject) -> bool:
    """Whether a cue and its subject close a title line after a comma ("X killed in strike, military says")."""
    first = min(_phrase(parsed, subject)[0], parsed.span(token)[0])
    return ctx.text[parsed.start : first].rstrip().endswith(",") and bool(
        _LINE_END.match(ctx.text, parsed.span(token)[1]))


def _cues(ctx: "DocumentContext", parsed: Parsed) -> list[Cue]:
    """The reporting cues of one parsed sentence, each with the token heading its speaker phrase."""
    lex, found = lexicon(), []
    sent_end = parsed.offset(len(parsed.text) - 1) + 1
    headline = ctx.kind(parsed.start) in _HEADLINE_KINDS and _title_line(parsed.text)
    for token in parsed.doc:
        low, pos = token.lower_, token.pos_
        according = low == "according" and token.i + 1 < len(parsed.doc) and parsed.doc[token.i + 1].lower_ == "to"
        lemma = _verb_lemma(token) if pos in ("VERB", "AUX") else None
        if not (according or lemma or pos == "NOUN" and token.lemma_.lower() in lex.noun_class):
            continue  # no cue
        start, end = parsed.span(token)
        cue = Cue(start, end, "", parsed.sent_id, parsed.start, sent_end, token, parsed)
        if according:
            to = parsed.doc[token.i + 1]
            cue.end, cue.lemma = parsed.span(to)[1], "according to"
            cue.speaker_token = next((g for g in [*to.children, *token.children] if g.dep_ == "pobj"), None)
            if cue.speaker_token is not None and not _names_a_source(cue.speaker_token):
                continue  # "carried out raids according to their type": conformity, not a source
        elif headline and not any(c.dep_ == "ccomp" for c in token.children) and not (
                lemma and (subject := _subject(token)) is not None and _credits_title(ctx, parsed, token, subject)):
            continue  # a title line ("Trump Praises SDF for Fall of Raqqa") summarises; "Iraq says it has ..." and
            # "X killed in strike, military says" report
        elif lemma:
            if _is_passive(token) and not any(c.dep_ == "agent" for c in token.children):
                continue  # "civilian deaths have been reported", "is expected to"
            if _infinitive(token) or _passive_participle(token) or _negating_preposition(token) or _left_open(token):
                continue  # a purpose infinitive; "when asked"; "without elaborating"; "did not say which"
            quote = ctx.attached_quote(start, end, parsed.start)
            if not quote and _unsaid(token):
                continue  # "did not mention the governor", "Iraq will announce a final victory"
            if _bare_participle(token) and _verb_lemma(token.head) and not _has_content(token, lemma) \
                    and (not quote or quote[1] <= parsed.span(token.head)[0]):
                continue  # '"...," an official told AFP, speaking on condition of anonymity': the manner of "told"
            subject = _subject(token)
            found_by_name = (lemma in lex.evidence_verbs and subject is not None and subject.pos_ == "PROPN"
                             and any(c.dep_ == "dobj" for c in token.children)  # "Amnesty has uncovered 30 graves"
                             and token.dep_ in ("ROOT", "conj"))  # not inside what is said ("Stating that X has found")
            if not (quote or found_by_name or _has_content(token, lemma)
                    or subject is not None and (_postposed(ctx, parsed, token, subject)
                                                or headline and _credits_title(ctx, parsed, token, subject))):
                continue
            if lemma in lex.cause_verbs and not (quote or _reports_clause(token)) and subject is not None \
                    and not _can_speak(subject):
                continue  # a cause, not a speaker: "the fighting has claimed the lives", "the tactics explain X"
            if token.dep_ == "pcomp" and token.head.lower_ in _PREDICATIVE and _verb_lemma(token.head.head):
                continue  # "quoted residents as saying ...": one statement, the quoting verb's
            cue.lemma, cue.quote, cue.speaker_token = lemma, quote, subject
            if cue.speaker_token is not None and ":" in ctx.text[parsed.span(cue.speaker_token)[1] : start]:
                continue  # "Vladimir Putin: Thank you" is a speaker turn
            if lemma in lex.needs_clause and cue.speaker_token is not None and not _can_speak(cue.speaker_token):
                continue  # "images show", "the map shows", "the operation ... declare the end of"
            if lemma in lex.evidence_verbs and _states_a_fact(token, cue.speaker_token):
                continue  # "..., which indicates a 6-percent surge": the facts before it are the evidence
        else:  # a noun of a statement
            if token.head.pos_ in ("VERB", "AUX") and _verb_lemma(token.head):
                continue  # "the statement reads", "rejected the allegations": the verb is the cue
            if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
                continue  # "according to estimates by X": "according to" is the cue
            if not (_noun_has_content(token) or ctx.attached_quote(start, end, parsed.start)):
                continue
            cue.lemma = token.lemma_.lower()
            cue.speaker_token = _noun_speaker(token)
            issuer = _issuer(token) if cue.speaker_token is None else None
            if issuer is not None:
                cue.speaker_token, cue.start = issuer, parsed.span(token.head)[0]  # "issued a joint statement"
        if cue.speaker_token is None or cue.speaker_token.lower_ in _FIRST_SECOND:
            continue
        outer = ctx.quote_at(start)
        if outer is not None and not (cue.quote and outer[0] < cue.quote[0]):
            continue  # a cue inside quoted words is the quoted speaker's own speech
        found.append(cue)
    return found


def _colon_introduced(ctx: "DocumentContext", parsed: Parsed) -> list[Cue]:
    """A quotation that a complete clause introduces with a colon ("Silo gave details of the advance: “We ...”"):
    the subject of the clause the colon closes says it, and the colon is the cue (no reporting verb need be there)."""
    for token in parsed.doc:
        if token.text != ":":
            continue
        start, end = parsed.span(token)
        quote = ctx.quote_by_start.get(_GAP.match(ctx.text, end).end())
        if quote is None:
            continue
        verb = token.head
        subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") and verb.i < token.i else None
        if subject is None or subject.lower_ in _FIRST_SECOND or not _can_speak(subject) or ctx.quote_at(start):
            return []
        sent_end = parsed.offset(len(parsed.text) - 1) + 1
        return [Cue(start, end, COLON_CUE, parsed.sent_id, parsed.start, sent_end, verb, parsed,
                    speaker_token=subject, quote=quote)]
    return []


def _content(ctx: "DocumentContext", cue: Cue) -> tuple[int, int, str]:
    """(content_start, content_end, kind) of a cue's statement; kind is direct, indirect or mixed."""
    if cue.quote:
        opens, closes = cue.quote
        if cue.sent_start < opens and closes <= cue.start and _WORD.search(ctx.text, cue.sent_start, opens):
            return cue.sent_start, closes, "mixed"  # 'Three of four were caused by "anti-government elements," it said.'
        return opens + 1, closes - 1, "direct"
    token, parsed = cue.token, cue.parsed
    if cue.lemma == "according to":
        phrase_end = _subtree(parsed, cue.speaker_token)[1] if cue.speaker_token is not None else cue.end
        start, end = _around_according(ctx.text, cue, phrase_end)
    else:
        parts = [c for c in token.children if c.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "acl", "prep")
                 and c.i != getattr(cue.speaker_token, "i", -1)]
        clause = [c for c in parts if c.dep_ in ("ccomp", "parataxis")]
        if _inverted_speaker(token) is not None:
            start, end = cue.sent_start, cue.start  # "X shot down the aircraft, reported Amaq news agency"
        elif not clause and cue.speaker.start > cue.sent_start and ctx.kind(cue.start) in _HEADLINE_KINDS:
            start, end = cue.sent_start, cue.speaker.start  # "X killed in strike, military says"
        elif (not clause and token.dep_ == "conj" and cue.speaker.start > cue.sent_start and (_closes_sentence(token)
                or cue.speaker_token is not None and _postposed(ctx, parsed, token, cue.speaker_token))):
            start, end = cue.sent_start, cue.speaker.start  # "X killed Y, a monitor said(, without details)."
        elif not clause and (token.dep_ in ("ccomp", "parataxis") or _reporting_as(token)):  # the clause around
            own = _subtree(parsed, token)
            whole = _subtree(parsed, token.head)
            start, end = (whole[0], own[0]) if token.head.i < token.i else (own[1], whole[1])
        elif clause or parts:
            spans = [_subtree(parsed, c) for c in (clause or parts) + _subject_as_object(token, clause)]
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
        else:
            start, end = cue.sent_start, cue.sent_end
        colon = re.match(r"\s*:\s*", ctx.text[cue.end : cue.end + 5])
        if colon:
            start, end = cue.end + colon.end(), ctx.paragraph_end(cue.start)
    if end < cue.sent_end and re.fullmatch(r"[\s.!?…”\"’']*", ctx.text[end : cue.sent_end]):
        end = cue.sent_end  # the reported clause closes the sentence: its stop too
    start, end = _trim(ctx.text, start, max(start, end))
    quoted = ctx.quotes_between(start, end)
    if quoted:
        start, end = min(start, quoted[0][0]), max(end, max(q[1] for q in quoted))
    return start, end, "mixed" if quoted else "indirect"


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _subject_as_object(token, clause: list) -> list:
    """The object a parse gives a verb of saying when it is the subject of the clause it reports, left out by the
    "that" this clause lacks ("reported 10 civilians were killed": the clause has no subject of its own, and the
    object stands right before it), else nothing."""
    if len(clause) != 1 or any(c.dep_ in _CLAUSE_SUBJECTS for c in clause[0].children):
        return []
    return [c for c in token.children if c.dep_ == "dobj" and token.i < c.i < clause[0].i]


def _around_according(text: str, cue: Cue, phrase_end: int) -> tuple[int, int]:
    """The clause an "according to X" phrase sources: the words before it when they hold a verb ("Victory is near,
    according to X"), the words after it when it opens the sentence or follows only an adverbial ("Currently,
    according to X, the army ..."), the whole sentence when it interrupts a clause after its subject ("The army,
    according to X, has ...")."""
    if not _WORD.search(text, phrase_end, cue.sent_end):
        return cue.sent_start, cue.start
    before = [t for t in cue.parsed.doc if cue.parsed.span(t)[1] <= cue.start]
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return cue.sent_start, cue.start
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in before):
        return cue.sent_start, cue.sent_end
    return phrase_end, cue.sent_end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a content span past surrounding spaces, commas, "that" and a dangling "and"."""
    lead = re.match(r"(?:[\s,;:]|\bthat\b)*", text[start:end])
    start += lead.end()
    stripped = re.sub(r"(?:[\s,;]|\band|\bbut)+$", "", text[start:end])
    return start, start + len(stripped)


def _turns(ctx: "DocumentContext", parses: list[Parsed]) -> list[dict]:
    """Speaker turns of transcripts and headlines ("Vladimir Putin: ...", "CAPT. DAVIS: ..."): one row each, the
    content of a turn running to the next turn (a headline's, with no closing stop, to its line end); the speaker is
    the person named (catalogued, or a PERSON entity)."""
    text, found = ctx.text, []
    for start, end in ctx.paragraphs:
        match = _TURN.match(text, start, end)
        if match:
            found.append((start, match))
    rows, named = [], {}
    recurring = Counter(text[slice(*m.span(1))] for _, m in found)
    starts = [p.start for p in parses]
    for n, (start, match) in enumerate(found):
        name_start, name_end = match.span(1)
        at = bisect_right(starts, name_start) - 1  # the parsed sentence holding the turn, if any
        holding = parses[at : at + 1] if at >= 0 else []
        speaker = _turn_speaker(ctx, name_start, name_end, holding, recurring[text[name_start:name_end]] > 1)
        if speaker is None:
            continue
        family = speaker.name.split()[-1].lower()
        if speaker.speaker == speaker.name and family in named:  # "CAPT. DAVIS" after "CAPTAIN JEFF DAVIS"
            speaker = Speaker(speaker.start, speaker.end, *named[family])
        named.setdefault(family, (speaker.speaker, speaker.name))
        colon = text.index(":", name_end)
        end = found[n + 1][0] if n + 1 < len(found) else len(text)
        if not _SENTENCE_END.search(text, start, ctx.paragraph_end(start)):
            end = ctx.paragraph_end(start)  # a headline "Name: statement" (no closing stop) says its line only
        content_start, content_end = _trim(text, colon + 1, end)
        rows.append(dict(sent_id=ctx.sentence_id(start), speaker=speaker.speaker, speaker_name=speaker.name,
                         speaker_start=speaker.start, speaker_end=speaker.end, cue=":", cue_lemma=COLON_CUE,
                         cue_start=colon, cue_end=colon + 1, content_start=content_start, content_end=content_end,
                         direct=True, kind="direct"))
    return rows


def _credited_headlines(ctx: "DocumentContext") -> list[dict]:
    """Headlines that credit their words after a colon ("Raqqa will govern Raqqa: SDF spokesperson", "X: Leader")
    or before it ("Officials: X"): the credit is a person (catalogued or unlisted), a title (the person the text
    names with it), a role or source noun, or (after the words only) a body's whole name, as a label before them
    ("Iraq: ...") is often a topic."""
    rows, text = [], ctx.text
    for start, end in ctx.paragraphs:
        if ctx.kind(start) != "headline" or _TURN.match(text, start, end) or _SENTENCE_END.search(text, start, end):
            continue
        after = _CREDITED.match(text, start, end)
        before = None if after else _CREDIT_FIRST.match(text, start, end)
        match = after or before
        if match is None:
            continue
        s, e = match.span("credit")
        speaker = _credit_speaker(ctx, s, e, bodies=before is None)
        if speaker is None:
            continue
        colon = match.start("colon")
        content = (start, colon) if after else (colon + 1 + len(match.group("gap")), end)
        rows.append(dict(sent_id=ctx.sentence_id(start), speaker=speaker.speaker, speaker_name=speaker.name,
                         speaker_start=s, speaker_end=e, cue=":", cue_lemma=COLON_CUE, cue_start=colon,
                         cue_end=colon + 1, content_start=content[0], content_end=content[1], direct=True,
                         kind="direct"))
    return rows


def _credit_speaker(ctx: "DocumentContext", s: int, e: int, bodies: bool) -> Speaker | None:
    """Who a headline's credit [s, e) names (see _credited_headlines), or None when it names no one."""
    text, lex = ctx.text, lexicon()
    words = [w.lower() for w in _WORD.findall(text, s, e)]
    found = [*mentions_within(ctx.mentions, s, e), *mentions_within(ctx.unlisted, s, e)]
    people = [m for m in found if m.kind == "person"]
    if people:
        return Speaker(s, e, people[0].actor_id, text[people[0].start : people[0].end])
    if words[-1] in lex.titles:
        return ctx.introduced(Candidate(s, e, "role_person")) or Speaker(s, e, text[s:e], text[s:e])
    if words[-1] in lex.person_nouns or words[-1] in lex.source_nouns:
        return ctx.identified(Speaker(s, e, text[s:e], text[s:e]))
    named = [m for m in found if (m.start, m.end) == (s, e)] if bodies else []
    return Speaker(s, e, named[0].actor_id, text[s:e]) if named else None  # a body named in full ("...: UNHCR")


def _turn_speaker(ctx: "DocumentContext", start: int, end: int, holding: list[Parsed], recurs: bool) -> Speaker | None:
    """The person a turn's name phrase names: a catalogued person, else a PERSON entity, else an unlisted person (a
    headline's name, not parsed), else its name words after its titles when the phrase has two words or more and is
    in capitals or takes another turn; else None."""
    people = [m for m in mentions_within(ctx.mentions, start, end) if m.kind == "person"]
    if people:
        return Speaker(start, end, people[-1].actor_id, ctx.text[start:end])
    for parsed in holding:
        for ent in parsed.doc.ents:
            s, e = parsed.span(ent)
            if start <= s and e <= end and ent.label_ == "PERSON":
                return ctx.identified(Speaker(start, end, ctx.text[s:e], ctx.text[s:e]))
    unlisted = [m for m in mentions_within(ctx.unlisted, start, end) if m.kind == "person"]
    if unlisted:
        return Speaker(start, end, unlisted[-1].actor_id, ctx.text[unlisted[-1].start : unlisted[-1].end])
    words = [w for w in _WORD.finditer(ctx.text, start, end)
             if w.group().lower().rstrip(".") not in lexicon().titles | lexicon().modifiers | set(HONORIFICS)]
    if len(list(_WORD.finditer(ctx.text, start, end))) < 2 or not words or not (recurs or ctx.text[start:end].isupper()):
        return None  # a transcript's speaker is in capitals ("MR TONER:") or speaks again; "Our Standards:" names nobody
    name = ctx.text[words[0].start() : words[-1].end()]
    return ctx.identified(Speaker(start, end, name, name))


def document_quotes(doc_id: str, text: str, sentences: list, paragraphs: list,
                    mentions: list[Mention], parsed: list[Parsed], unlisted: list[Mention] = ()) -> list[dict]:
    """All attributed statements of one document (its rows of the sentences and paragraphs tables), as rows of the
    quotes table; `unlisted` are the document's mentions of actors the catalogue lacks, whose ids their speakers
    take."""
    ctx = DocumentContext(text, sentences, paragraphs, mentions, unlisted)
    rows = _turns(ctx, parsed) + _credited_headlines(ctx)
    for p in parsed:
        speakers = []  # a sentence's speakers become recent only after it: "X has 'sent a telegram' praising Y, he
        for cue in _cues(ctx, p) or _colon_introduced(ctx, p):  # added" is the earlier speaker's "he", not X's
            found = ctx.speaker(cue.parsed, cue.speaker_token)
            if found is None:
                continue
            cue.speaker = found[0]
            start, end, kind = _content(ctx, cue)
            speakers.append(found)
            rows.append(dict(
                sent_id=cue.sent_id, speaker=cue.speaker.speaker, speaker_name=cue.speaker.name,
                speaker_start=cue.speaker.start, speaker_end=cue.speaker.end,
                cue=text[cue.start : cue.end], cue_lemma=cue.lemma, cue_start=cue.start, cue_end=cue.end,
                content_start=start, content_end=end, direct=kind == "direct", kind=kind,
            ))
        for found in speakers:
            ctx.said(*found)
    for row in rows:
        row["doc_id"] = doc_id
        row["speaker_text"] = text[row["speaker_start"] : row["speaker_end"]]
        row["speaker"], row["speaker_name"] = (" ".join(row[k].split()) for k in ("speaker", "speaker_name"))
    return rows


def _states_named(words: str) -> set[str]:
    """The states a phrase names or qualifies ("the Russian President": russia)."""
    from analysis.stages.actors import find_actors

    return {a for _, _, a, kind in find_actors(words) if kind in ("demonym", "name") and _actor_types().get(a) == "state"}


def _affiliations() -> dict[str, str]:
    """actor_id -> the actor it belongs to (a person's state), in the catalogue in use."""
    return _catalogue_columns(*catalogue_files())["affiliation"]


def _actor_types() -> dict[str, str]:
    """actor_id -> catalogue type (person, state, media, ...), in the catalogue in use."""
    return _catalogue_columns(*catalogue_files())["type"]


@lru_cache(maxsize=8)
def _catalogue_columns(path: Path, user: Path | None) -> dict[str, dict[str, str]]:
    """actor_id -> affiliation and actor_id -> type in the catalogue these files make (the analyst's file may change
    between builds in one process)."""
    cat = read_catalogue(path, user)
    return {"affiliation": {a.actor_id: a.affiliation for a in cat.actors},
            "type": {a.actor_id: a.type for a in cat.actors}}


def speaker_mentions(text: str) -> list[Mention]:
    """Catalogued actors named in text, by start; demonyms ("Iranian") left out."""
    from analysis.stages.actors import find_actors

    types = _actor_types()
    return [Mention(s, e, a, "person" if types.get(a) == "person" else "actor")
            for s, e, a, kind in find_actors(text) if kind != "demonym"]


def _outside(mentions: list[Mention], unlisted: list[Mention]) -> list[Mention]:
    """The catalogue's mentions that no unlisted name swallowed ("Rohani" in "Sayed Gul Agha Rohani" is no Hassan
    Rohani, as the mentions table has it)."""
    spans = sorted((u.start, u.end) for u in unlisted)
    starts = [a for a, _ in spans]
    return [m for m in mentions if not ((i := bisect_right(starts, m.start) - 1) >= 0 and m.end <= spans[i][1])]


def per_document(corpus: Corpus) -> Iterator[tuple[str, str, list, list]]:
    """(doc_id, text, its rows of the sentences table, its rows of the paragraphs table) for each document, in
    doc_id order."""
    sentences, paragraphs = corpus.rows("sentences"), corpus.rows("paragraphs")
    for doc_id, text in sorted(corpus.texts.items()):
        yield doc_id, text, sentences.get(doc_id, []), paragraphs.get(doc_id, [])


def unlisted_mentions(mentions: pd.DataFrame | None) -> dict[str, list[Mention]]:
    """doc_id -> the mentions of actors the catalogue lacks (kind person or actor), from the mentions table."""
    if mentions is None:
        return {}
    found = mentions[mentions["actor_id"].str.startswith(PREFIX)]
    by_doc: dict[str, list[Mention]] = {}
    for doc_id, start, end, actor_id, kind in zip(found["doc_id"], found["start"].tolist(), found["end"].tolist(),
                                                  found["actor_id"], found["type"]):
        by_doc.setdefault(doc_id, []).append(Mention(start, end, actor_id, "person" if kind == "person" else "actor"))
    return by_doc


def quotes(corpus: Corpus, parses: Parses | None = None, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every statement the corpus attributes to someone: one row per reporting cue, sorted by doc_id and cue_start.

    `parses` is the build's parses table; without it (a caller outside the table graph) the corpus is parsed here.
    `mentions` is the build's mentions table: a speaker the catalogue lacks takes the id of its unlisted mention
    (`unlisted:<slug>`); without it such a speaker is its words."""
    parsed = parse_corpus(corpus) if parses is None else parses
    unlisted = unlisted_mentions(mentions)
    rows = []
    for doc_id, text, sentences, paragraphs in per_document(corpus):
        own = unlisted.get(doc_id, [])
        rows += document_quotes(doc_id, text, sentences, paragraphs, _outside(speaker_mentions(text), own),
                                parsed.document(doc_id), own)
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["doc_id", "cue_start"], kind="stable").reset_index(drop=True)
