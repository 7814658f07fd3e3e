"""Attributed statements: who is quoted, with which reporting cue, directly or indirectly.

Rule-based, in the spirit of BBC's citron: find reporting cues (data/reporting_verbs.yaml), pair
quotation marks within each paragraph, then find each cue's content and speaker. A speaker that is
a pronoun or a definite description ("he", "the general") is resolved to the person it refers to.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import NamedTuple

import pandas as pd
import yaml

from analysis.stages.corpus import Corpus

COLUMNS = [
    "doc_id", "sent_id", "speaker", "speaker_name", "speaker_text", "speaker_start", "speaker_end",
    "cue", "cue_lemma", "cue_start", "cue_end", "content_start", "content_end", "direct", "kind",
]

_OPENERS, _CLOSERS = "“„«‘‹", "”»›"
_OPEN_CONTEXT = "([{—–-/“„«‘‹"
_MARK = re.compile("[\"'“”„«»‘’‹›]")
_WORD = re.compile(r"\w[\w'’.-]*\w|\w")
_TITLE_REACH = 60  # how far before a name its title may stand ("the Leader of the Islamic Revolution, Ayatollah X")
# Page furniture that states nobody's words: "Additional reporting by ...", "He writes about ..." in an author bio.
_NOT_STATEMENTS = frozenset({"byline", "dateline", "section", "credits", "author", "author_bio", "comments", "about",
                             "licence", "source_line", "share", "promo", "tags", "advert", "navigation"})
_PAIR_LIMIT_WORDS = 7  # at most this many words between a closing quote and its cue: '"...," the former president said'

_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:also|not|then|\w+ly)\s+)*$", re.I)
_BARE_BEFORE = re.compile(r"\b(?:when|if|once|unless|to)\s*$", re.I)
_COORD_BEFORE = re.compile(r"\b(?:and|but)\s+(?:(?:also|then|later|further|again|\w+ly)\s+)*$", re.I)
_WHO_BEFORE = re.compile(r"\bwho\s+(?:(?:has|have|had|also|then|later|further|\w+ly)\s+)*$", re.I)
_BOUNDARY = re.compile(r"\b(?:that|which|whom)\b|[;:]", re.I)
_APPOSITIVE = re.compile(r",\s*(?:who|which|whose)\b[^,;]*,|\([^()]*\)")
_TIME_WORDS = r"(?:on|in|at|during|late|early|last|this|yesterday|today|earlier|later|overnight)"
# a cue that ends its clause ("..., he said." / "..., the military said on Friday.")
_POSTPOSED_AFTER = re.compile(rf"\s*(?:[,.;!?]|$)|\s+{_TIME_WORDS}\b[^,.;:!?\"“”\n]{{0,40}}(?:[,.;!?]|$)")
_SAME_LINE_GAP = r"[ \t\u00a0]*"
_ADDRESSEE = re.compile(r"(?:\s+[\w’'-]+){1,3}\s*[,.;]")
_THAT_AFTER = re.compile(r"^[^,;:.“”\"]{0,60}?\bthat\b\s*", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.I)
_PREPOSITIONS = frozenset("of to by with for from in on at against over about into onto upon via".split())
_NAME_TOKEN = re.compile(r"(?:[A-Z][\w’'-]*|al-\w+|bin|ibn)")
_NAMES = rf"{_NAME_TOKEN.pattern}(?:\s+{_NAME_TOKEN.pattern})*"
_NAME_RUN = re.compile(rf"{_NAME_TOKEN.pattern}(?:\s+(?:of\s+(?:the\s+)?)?{_NAME_TOKEN.pattern})*")
_DETERMINERS = frozenset("the a an some several many its his her their our".split())
_RIGHT_OF_ROLE = re.compile(rf"(?:\s+{_NAMES})?(?:\s+(?:of|from)\s+(?:the\s+)?{_NAMES}(?:\s+and\s+{_NAMES})?)?")


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
    """Cue patterns and speaker vocabulary read from data/reporting_verbs.yaml."""

    cue: re.Pattern
    lemma: dict[str, str]
    not_followed_by: dict[str, tuple[str, ...]]
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
    raw = yaml.safe_load(resources.files("analysis").joinpath("data/reporting_verbs.yaml").read_text("utf-8"))
    lemma = {form.lower(): name for name, forms in raw["verbs"].items() for form in forms}
    lemma.update({phrase.lower(): phrase.lower() for phrase in raw["phrases"]})
    alternatives = sorted(lemma, key=len, reverse=True)
    cue = re.compile(r"\b(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives) + r")\b", re.I)
    nouns = raw["speaker_nouns"]
    people = set(nouns["title"]) | set(nouns["person"])
    every_noun = sorted(people | set(nouns["source"]), key=len, reverse=True)
    return Lexicon(
        cue=cue,
        lemma=lemma,
        not_followed_by={k: tuple(v) for k, v in raw["not_followed_by"].items()},
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
    return None if before.isspace() and after.isspace() else (family, "either")


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


def _after_preposition(text: str, start: int, floor: int) -> bool:
    """Whether the phrase starting at start is the object of a preposition ("a letter to X")."""
    for word in _words_before(text, start, floor):
        return word.group().lower() in _PREPOSITIONS and not text[word.end() : start].strip()
    return False


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


def _subjects(text: str, found: list[Candidate], floor: int, excluded: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates that can be a clause subject: not possessive, not after a preposition, not in an aside."""
    return [
        c for c in found
        if not _is_possessive(text, c.end)
        and not _after_preposition(text, c.phrase_start if c.phrase_start >= 0 else _phrase_start(text, c.start, floor), floor)
        and not any(s <= c.start and c.end <= e for s, e in excluded)
    ]


def _pick(cands: list[Candidate], ranks: tuple[int, ...] = (0, 1, 2)) -> Candidate | None:
    """The first candidate of the best rank present among ranks."""
    for rank in ranks:
        for c in cands:
            if c.rank == rank:
                return c
    return None


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

    def __init__(self, text: str, sentences: pd.DataFrame, paragraphs: pd.DataFrame, mentions: list[Mention]):
        self.text = text
        self.sentences = sentences.sort_values("start").reset_index(drop=True)
        self.sent_starts = self.sentences["start"].tolist()
        self.sent_ends = self.sentences["end"].tolist()
        self.sent_body = self.sentences["in_body"].tolist()
        self.sent_labels = self.sentences["label"].tolist()
        self.mentions = sorted(mentions)
        self.quotes = sorted(s for p in paragraphs.itertuples() for s in quotation_spans(text, int(p.start), int(p.end)))
        self.paragraph_ends = sorted(int(e) for e in paragraphs["end"])
        self.resolved: dict[int, Speaker] = {}  # pronoun / description start -> its referent

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
        return Speaker(cand.start, cand.end, words, words)

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
                if not pool and start != sentence_start:
                    pool = [c for c in found if c.kind == "role_person" and not self._is_definite(c)]
                    pool = pool or [c for c in found if c.kind == "name"]
            pool = [c for c in pool if not _is_possessive(self.text, c.end)] or pool
            if pool:
                ref = self.referent(pool[0])
                return Speaker(pronoun.start, pronoun.end, ref.speaker, ref.name)
        return None

    def _is_definite(self, cand: Candidate) -> bool:
        """Whether a role phrase starts with "the"."""
        return self.text[cand.start : cand.end].lower().startswith("the ")

    def _described(self, desc: Candidate) -> Speaker | None:
        """The referent of "the general", "the former president": the latest earlier person mentioned with that title."""
        lex = lexicon()
        heads = [w.lower() for w in _WORD.findall(self.text[desc.start : desc.end]) if w.lower() in lex.titles]
        if not heads:
            return None
        for start, end in self._earlier_sentences(desc.start, 10):
            found = [c for c in candidates(self.text, start, end, self.mentions)
                     if c.end <= desc.start and c.kind in ("person", "name", "role_person") and not self._is_definite(c)]
            for c in reversed(found):
                context = self.text[max(0, c.start - _TITLE_REACH) : c.end].lower()
                if any(re.search(rf"\b{h}\b", context) for h in heads):
                    ref = self.referent(c)
                    return Speaker(desc.start, desc.end, ref.speaker, ref.name)
        return None

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The innermost quotation span containing pos, if any."""
        inner = [q for q in self.quotes if q[0] < pos < q[1] - 1]
        return max(inner, key=lambda q: q[0]) if inner else None

    def paragraph_end(self, pos: int) -> int:
        """End offset of the paragraph containing pos."""
        return next((e for e in self.paragraph_ends if e > pos), len(self.text))


# ---------------------------------------------------------------- cues and rows


@dataclass
class Cue:
    """One reporting cue in a sentence and what has been worked out about it so far."""

    start: int
    end: int
    lemma: str
    sent_start: int
    sent_end: int
    sent_id: int
    quote: tuple[int, int] | None = None  # the quotation it introduces or follows (direct speech)
    postposed: bool = False
    form: str = ""
    speaker: Speaker | None = None

    @property
    def participle(self) -> bool:
        """Whether the cue is an -ing form ("adding that ..."), which takes the main clause's speaker."""
        return self.form.endswith("ing")


def _cue_skipped(text: str, start: int, end: int, lemma: str, sent_start: int) -> bool:
    """Whether a cue match is not speech: passive, bare ("when asked", "to say"), or excluded by what follows."""
    before = text[sent_start:start]
    if _BE_BEFORE.search(before) or _BARE_BEFORE.search(before):
        return True
    after = text[end : end + 30].lower()
    return any(re.match(rf"\s+{re.escape(w)}\b", after) for w in lexicon().not_followed_by.get(lemma, ()))


def _find_cues(ctx: DocumentContext) -> list[Cue]:
    """Every reporting cue in the document, with sentence and direct quotation attached where there is one."""
    lex, text = lexicon(), ctx.text
    sent_ids = ctx.sentences["sent_id"].tolist()
    cues = []
    for match in lex.cue.finditer(text):
        i = bisect_right(ctx.sent_starts, match.start()) - 1
        if i < 0 or match.end() > ctx.sent_ends[i] or ctx.sent_labels[i] in _NOT_STATEMENTS:
            continue
        form = re.sub(r"\s+", " ", match.group().lower())
        lemma = lex.lemma[form]
        if _cue_skipped(text, match.start(), match.end(), lemma, ctx.sent_starts[i]):
            continue
        cue = Cue(match.start(), match.end(), lemma, ctx.sent_starts[i], ctx.sent_ends[i], int(sent_ids[i]), form=form)
        cue.quote = _following_quote(ctx, cue) or _preceding_quote(ctx, cue)
        cue.postposed = bool(_POSTPOSED_AFTER.match(text, cue.end)) or (
            cue.quote is not None and cue.quote[1] <= cue.start
        )
        outer = ctx.quote_at(cue.start)
        if outer is not None and not (cue.quote and outer[0] < cue.quote[0]):
            continue  # a cue inside quoted words belongs to the quoted speaker's own speech
        cues.append(cue)
    return cues


def _following_quote(ctx: DocumentContext, cue: Cue) -> tuple[int, int] | None:
    """A quotation opening right after the cue ('Karzai asked: "Who ..."')."""
    gap = re.compile(rf"{_SAME_LINE_GAP}[:,]?{_SAME_LINE_GAP}")
    at = gap.match(ctx.text, cue.end).end()
    return next((q for q in ctx.quotes if q[0] == at), None)


def _preceding_quote(ctx: DocumentContext, cue: Cue) -> tuple[int, int] | None:
    """A quotation closing right before a cue ('"...," said Karzai') or a few words before one that ends its clause."""
    ends_clause = (_POSTPOSED_AFTER.match(ctx.text, cue.end) or re.match(r"\s+(?:at|in|on|during|to)\b", ctx.text[cue.end :])
                   or (cue.lemma == "tell" and _ADDRESSEE.match(ctx.text, cue.end)))  # "told a news conference,"
    for q in ctx.quotes:
        between = ctx.text[q[1] : cue.start] if q[1] <= cue.start else "-"
        if "\n" in between:
            continue  # never across a paragraph break
        inverted = not cue.participle and ctx.text[q[1] - 2 : q[1] - 1] in ",.!?" and re.fullmatch(r"\s*", between)
        if inverted or (
            ends_clause and re.fullmatch(r"[\s,]*(?:[\w’'.-]+\s+){1,%d}" % _PAIR_LIMIT_WORDS, between)
        ):
            return q
    return None


def _speaker_after(ctx: DocumentContext, cue: Cue) -> Candidate | None:
    """The speaker named after the cue: "according to officials", '"...," said the minister'."""
    text = ctx.text
    if cue.lemma != "according to" and not (cue.quote and not _WORD.search(text, cue.quote[1], cue.start)):
        return None
    stop = re.compile(r"[,.;:!?“”\"]|$").search(text, cue.end, cue.sent_end)
    return _pick(candidates(text, cue.end, stop.start() if stop else cue.sent_end, ctx.mentions))


def _speaker(ctx: DocumentContext, cue: Cue, earlier: list[Cue]) -> Speaker | None:
    """Find and resolve the speaker of one finite cue."""
    text, lex = ctx.text, lexicon()
    before = text[cue.sent_start : cue.start]
    previous = earlier[-1] if earlier else None
    after = _speaker_after(ctx, cue)
    if after:
        return ctx.referent(after)
    who = _WHO_BEFORE.search(before)
    if who:
        found = candidates(text, cue.sent_start, cue.sent_start + who.start(), ctx.mentions)
        if found:
            return ctx.referent(found[-1])
    if cue.quote and cue.quote[1] <= cue.start:
        floor = cue.quote[1]
    elif cue.postposed:
        floor = max(cue.sent_start, text.rfind(",", cue.sent_start, cue.start) + 1)
    else:
        floor = cue.sent_start
        first = _WORD.match(text, floor) or _WORD.search(text, floor, cue.start)
        comma = text.find(",", floor, cue.start)
        if first and first.group().lower() in lex.intro_words and comma != -1:
            floor = comma + 1
        if previous is not None:
            floor = max(floor, previous.end)
        for boundary in _BOUNDARY.finditer(text, floor, cue.start):
            floor = boundary.end()
    excluded = [(m.start(), m.end()) for m in _APPOSITIVE.finditer(text, floor, cue.start)]
    found = _subjects(text, candidates(text, floor, cue.start, ctx.mentions), floor, excluded)
    person = _pick(found, (0, 1))
    if person:
        return ctx.referent(person)
    if previous is not None and _COORD_BEFORE.search(before):
        return previous.speaker
    chosen = _pick(found) or _pick(_subjects(text, candidates(text, cue.sent_start, cue.start, ctx.mentions),
                                              cue.sent_start, []))
    if chosen:
        return ctx.referent(chosen)
    words = list(_WORD.finditer(text, floor, cue.start))
    if cue.postposed and 0 < len(words) <= 3:  # '"...," one woman said': the words before the cue
        return Speaker(words[0].start(), words[-1].end(), text[words[0].start() : words[-1].end()],
                       text[words[0].start() : words[-1].end()])
    return None


def _content(ctx: DocumentContext, cue: Cue, following: list[Cue]) -> tuple[int, int, str]:
    """(content_start, content_end, kind) of a cue's statement; kind is direct, indirect or mixed."""
    text = ctx.text
    if cue.quote:
        return cue.quote[0] + 1, cue.quote[1] - 1, "direct"
    speaker = cue.speaker
    if speaker is not None and cue.lemma == "according to":
        before = _WORD.search(text, cue.sent_start, cue.start)
        start, end = (cue.sent_start, cue.start) if before else (speaker.end, cue.sent_end)
    elif cue.postposed and speaker is not None:
        opening = _WORD.findall(text, cue.sent_start, speaker.start) if cue.sent_start <= speaker.start else ["-"]
        if all(w.lower() in lexicon().intro_words | {"the", "a", "an"} for w in opening):
            start, end = cue.end, cue.sent_end  # "As the Post reported, ..."
        elif text[cue.end : cue.end + 1] == ",":
            start, end = cue.sent_start, cue.sent_end  # "The group, he added, managed to ..."
        else:
            start, end = cue.sent_start, max(cue.sent_start, speaker.start)  # "..., he said."
    else:
        colon = re.match(r"\s*:\s*", text[cue.end :])
        that = _THAT_AFTER.match(text[cue.end : cue.sent_end])
        start = cue.end + (colon.end() if colon else that.end() if that else len(text[cue.end :]) - len(text[cue.end :].lstrip()))
        end = ctx.paragraph_end(cue.start) if colon else cue.sent_end
        for nxt in following:
            if nxt.start < start:
                continue
            before_speaker = nxt.speaker is not None and start < nxt.speaker.start < nxt.start and (
                text[start : nxt.speaker.start].rstrip().endswith(","))
            if before_speaker or nxt.participle or _COORD_BEFORE.search(text[start : nxt.start]):
                end = min(end, nxt.speaker.start if before_speaker else nxt.start)
                break
    start, end = _trim(text, start, max(start, end))
    quoted = [q for q in ctx.quotes if start <= q[0] < end]
    if quoted:
        end = max(end, max(q[1] for q in quoted))
    return start, end, "mixed" if quoted else "indirect"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a content span past surrounding spaces, commas and a dangling "and"."""
    while start < end and text[start] in " ,;:\n":
        start += 1
    stripped = re.sub(r"(?:[\s,;]|\band|\bbut)+$", "", text[start:end])
    return start, start + len(stripped)


def _headline_quote(ctx: DocumentContext, para_start: int, para_end: int, sent_id: int) -> dict | None:
    """A 'Name: statement' line (headline convention), where Name is a catalogued person."""
    match = re.match(r"((?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]*):\s+\S", ctx.text[para_start:para_end])
    if not match:
        return None
    name_end = para_start + match.end(1)
    people = [m for m in mentions_within(ctx.mentions, para_start, name_end) if m.kind == "person"]
    if not people:
        return None
    return dict(sent_id=sent_id, speaker=people[0].actor_id, speaker_name=ctx.text[para_start:name_end],
                speaker_start=para_start, speaker_end=name_end, cue=":", cue_lemma="colon",
                cue_start=name_end, cue_end=name_end + 1, content_start=para_start + match.end() - 1,
                content_end=para_end, direct=False, kind="indirect")


def document_quotes(doc_id: str, text: str, sentences: pd.DataFrame, paragraphs: pd.DataFrame,
                    mentions: list[Mention]) -> list[dict]:
    """All attributed statements of one document, as rows of the quotes table."""
    ctx = DocumentContext(text, sentences, paragraphs, mentions)
    cues = _find_cues(ctx)
    by_sentence: dict[int, list[Cue]] = {}
    for cue in cues:
        by_sentence.setdefault(cue.sent_id, []).append(cue)
    for group in by_sentence.values():
        for i, cue in enumerate(group):
            if not cue.participle:
                cue.speaker = _speaker(ctx, cue, [c for c in group[:i] if c.speaker is not None])
        for cue in group:
            if cue.participle:
                main = next((c for c in group if not c.participle and c.speaker is not None), None)
                cue.speaker = main.speaker if main else _speaker(ctx, cue, [])
    rows = []
    sent_ids = ctx.sentences["sent_id"].tolist()
    for p in paragraphs.itertuples():
        first = bisect_left(ctx.sent_starts, p.start)
        row = _headline_quote(ctx, int(p.start), int(p.end), int(sent_ids[first])) if first < len(sent_ids) else None
        if row:
            rows.append(row)
    for i, cue in enumerate(cues):
        if cue.speaker is None:
            continue
        start, end, kind = _content(ctx, cue, [c for c in cues[i + 1 :] if c.sent_id == cue.sent_id])
        rows.append(dict(
            sent_id=cue.sent_id, speaker=cue.speaker.speaker, speaker_name=cue.speaker.name,
            speaker_start=cue.speaker.start, speaker_end=cue.speaker.end,
            cue=text[cue.start : cue.end], cue_lemma=cue.lemma, cue_start=cue.start, cue_end=cue.end,
            content_start=start, content_end=end, direct=kind == "direct", kind=kind,
        ))
    for row in rows:
        row["doc_id"] = doc_id
        row["speaker_text"] = text[row["speaker_start"] : row["speaker_end"]]
    return rows


@cache
def _actor_types() -> dict[str, str]:
    """actor_id -> catalogue type (person, state, media, ...)."""
    from analysis.stages.actors import catalogue

    return dict(zip(catalogue()["actor_id"], catalogue()["type"]))


def speaker_mentions(text: str) -> list[Mention]:
    """Catalogued actors named in text, by start; demonyms ("Iranian") left out."""
    from analysis.stages.actors import find_actors

    types = _actor_types()
    return [Mention(s, e, a, "person" if types.get(a) == "person" else "actor")
            for s, e, a, kind in find_actors(text) if kind != "demonym"]


def per_document(corpus: Corpus) -> Iterator[tuple[str, str, pd.DataFrame, pd.DataFrame]]:
    """(doc_id, text, its sentences, its paragraphs) for each document, in doc_id order."""
    empty_s, empty_p = corpus.sentences.iloc[:0], corpus.paragraphs.iloc[:0]
    sentences = dict(tuple(corpus.sentences.groupby("doc_id", sort=False)))
    paragraphs = dict(tuple(corpus.paragraphs.groupby("doc_id", sort=False)))
    for doc_id, text in sorted(corpus.texts.items()):
        yield doc_id, text, sentences.get(doc_id, empty_s), paragraphs.get(doc_id, empty_p)


def quotes(corpus: Corpus) -> pd.DataFrame:
    """Every statement the corpus attributes to someone: one row per reporting cue, sorted by doc_id and cue_start."""
    rows = []
    for doc_id, text, sentences, paragraphs in per_document(corpus):
        rows += document_quotes(doc_id, text, sentences, paragraphs, speaker_mentions(text))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["doc_id", "cue_start"], kind="stable").reset_index(drop=True)
