"""Events: who does what to whom, one row per clause in which an actor acts on another or on what matters to the story.

Read from the dependency parse (the `parses` table): a verb of a class in data/verb_classes.yaml with its agent and
its target, the actor-verb-target triples of event coders such as PETRARCH, on a parse. The agent is found through
passives ("was liberated by X"), relative and participle clauses, coordination, control verbs ("continued to
attack"), "thanks to X", "with the help of X", and "X-led"/"X-backed" modifiers (X supports the agent). Each row
says whether the clause is asserted, only possible, demanded or denied, and in whose voice: the author, or the
speaker whose statement (from the `quotes` table) holds it.
"""

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

import pandas as pd

from analysis.lexicon import data_yaml, grammar, one_of, tagged, valence
from analysis.stages.actors import find_actors
from analysis.stages.catalogue import catalogue
from analysis.stages.corpus import Corpus, rows_by_document
from analysis.stages.dateparse import CALENDAR
from analysis.stages.parse import (
    FURNITURE,
    MAX_CHARS,
    Parsed,
    Parses,
    dependency_parse,
    each_once,
    plural,
    reporting_lexicon,
    squeeze,
    verb_forms,
)
from analysis.stages.quotes import COLON_CUE
from analysis.stages.syntax import Doc, Span, Token, relabelled
from analysis.stages.unlisted import PREFIX
from analysis.text import Intervals

COLUMNS = ["doc_id", "sent_id", "agent", "agent_start", "agent_end", "verb", "lemma", "verb_start", "verb_end",
           "verb_class", "target", "target_kind", "target_start", "target_end", "negated", "modality", "voice"]
AUTHOR = "author"
NO_ACTOR = ""
_EVENT_WORDS = data_yaml("verb_classes.yaml")
_SUPPORT_LEMMA: dict[str, str] = _EVENT_WORDS["support_participles"]  # "backed" -> back
_SUPPORT_MODIFIER = re.compile(rf"-({one_of(_SUPPORT_LEMMA)})$", re.I)  # "US-backed"
_BACKER = re.compile(rf"\s?-\s?({one_of(_SUPPORT_LEMMA)})\b", re.I)  # what follows the X of "X-led Y": X is not Y
_PLACE_HEADS = frozenset(_EVENT_WORDS["place_heads"])
_OPPOSING = re.compile(rf"{one_of(_EVENT_WORDS['opposing_prefixes'])}-", re.I)
_OPPOSING_CLOSED = re.compile(rf"({one_of(_EVENT_WORDS['opposing_prefixes'])})([a-z]+)$", re.I)  # "counterterrorism"
_RELATIVE = grammar("relative_pronouns")
_PRONOUNS: dict[str, str] = data_yaml("grammar.yaml")["personal_pronouns"]  # "he" -> person, "we" -> speaker
_NAME_DEPS = frozenset({"compound", "amod", "nmod", "appos", "flat", "nummod", "npadvmod"})
_GROUP_NOUNS = frozenset(_EVENT_WORDS["group_nouns"])
_CLAIMANT_PRONOUNS = grammar("claimant_subjects")  # "X claimed that it had taken ..."
_TAKING = frozenset({"defeat", "seize", "advance"})  # classes whose "from X" is who held what was taken
_CALENDAR_NAMES = frozenset(n for part in ("months", "weekdays") for name, short in CALENDAR[part].items()
                            for n in (name, *short))  # data/calendar.yaml
_DASHES, _DATELINE_TOKENS = frozenset({"-", "--", "–", "—"}), 12  # a dateline's closing dash, within its length
# Bodies that belong to the state they are "in" ("the armed forces in Iraq and Syria"); not fighters, who may be foreign.
_NATIONAL = frozenset(_EVENT_WORDS["national_bodies"])
_GROUP_WORDS = frozenset(_EVENT_WORDS["group_words"])  # "this group": the enemy named before
_GOVERNMENTS = frozenset(_EVENT_WORDS["government_nouns"])  # "the Obama administration": the state it governs
_PARTICIPATING = frozenset(_EVENT_WORDS["participation_verbs"])  # "X was involved in the fighting"
_ACT_NOUNS = frozenset(_EVENT_WORDS["attack_nouns"])  # "strikes", "operations", "fighting"
_PARTNERS = frozenset(_EVENT_WORDS["participation_nouns"])  # "a partner in the fight against X"
_JUDGED_PREPS = grammar("judged_prepositions")  # "in protest of/against/at/over X", "in tribute to X"
_PASSING = frozenset(_EVENT_WORDS["passing_verbs"])  # "the town fell to X"
_NAMING = grammar("naming_participles")  # "the group known as X"
_ANSWERABLE = frozenset(_EVENT_WORDS["answerability_words"])  # "X is responsible for Y"
_SETTING_NOUNS = frozenset(_EVENT_WORDS["setting_nouns"])  # "the Syrian conflict" is no act of Syria's
_HELP_NOUNS = frozenset(_EVENT_WORDS["help_nouns"])
_RELATIONAL = frozenset(_EVENT_WORDS["part_nouns"])
_TARGET_PREPS = grammar("target_prepositions")
_MODIFIER_PREPS = grammar("modifier_prepositions")
_AIM_PREPS = grammar("aim_prepositions")  # what a light verb's act aims at
_BELONGING = grammar("belonging_prepositions")  # "fighters of/from X"
_COPULA = grammar("copula_lemmas")  # "be"
_WITHOUT = grammar("counterfactual_prepositions")  # "without"
_CAUSAL = tuple(tuple(p.split()) for p in grammar("causal_prepositions"))  # ("as", "a", "result", "of"), ...
_EXAMPLES = grammar("exemplifying_prepositions")  # "such as", "including"
_BY = grammar("agentive_prepositions")  # "by"
# "at the hands of": (first word, its noun, the last word) of each complex agentive preposition
_COMPLEX_BY = tuple((w[0], w[-2], w[-1]) for w in (p.split() for p in grammar("complex_agentive_prepositions")))
_CONFRONTING = tuple((w[0], w[-2], w[-1]) for w in (p.split() for p in grammar("confronting_prepositions")))
_HYPOTHETICAL = grammar("counterfactual_modals")  # "would", "could", "might"
_PRIMARY_VERBS = grammar("primary_verb_lemmas")  # "be", "have"
_HAVE = grammar("have_finite")  # "have", "has", "had": the perfect of "would not have happened"
_AGENT_PREPS = grammar("agent_prepositions")  # "the sacrifices of X", "by X"
_PART_PREPS = grammar("part_prepositions")  # "control over X"
_BENEFICIARY_PREPS = grammar("beneficiary_prepositions")  # "a victory for X"
_CONDITIONAL = grammar("conditional_subordinators")  # "if they attack": only possible
_NEGATIVE_DETERMINERS = grammar("negative_determiners")  # "no evidence that ..."
_FACTIVE = grammar("factive_predicates")  # "did not know that ...": the clause still holds
_RELATIVE_HEADS = grammar("relative_heads")  # "those who defeated ISIS"
_PARTY_PREPS = grammar("party_prepositions")  # "cooperation between X and Y"
_RANKING = grammar("ranking_nouns")  # "on top of the countries ...", "one of the states ..."
_AS = grammar("predicative_prepositions")  # "cited X as being ..."
_SOURCE_PREPS = grammar("source_prepositions")  # "with assistance from X"
_COMPANY_ADVERBS = grammar("company_adverbs")  # "along with X"
_COMPANY_PREPS = grammar("company_prepositions")  # "alongside X"
_JOINT_PREPS = grammar("joint_act_prepositions")  # "in a joint offensive with X"
_ACT_NOUN_PREPS = grammar("act_noun_prepositions")  # "strikes on X"
_NESTED_PREPS = grammar("nested_target_prepositions")  # "a campaign of air strikes against X"
_CONTRIBUTION_PREPS = grammar("contribution_prepositions")  # "made the difference in X"
_PARTICIPATION_PREPS = grammar("participation_prepositions")  # "helped Y in the fight", "air cover during the battle"
_RHETORICAL = grammar("rhetorical_openers")  # "Why would X protect Daesh?"
# Determiners that point "this group" back at one thing named before: the definite article, a singular demonstrative.
_POINTING = frozenset(tagged("grammar.yaml", "articles", "definite") + tagged("grammar.yaml", "demonstratives", "singular"))
_DEFINITE = frozenset((*tagged("grammar.yaml", "articles", "definite"), *data_yaml("grammar.yaml")["demonstratives"]))
_BODIES, _NATIONS = frozenset({"armed_group", "organization"}), frozenset({"state", "people"})  # catalogue types
_MEMBERS = frozenset({"person", "operation"})  # actor types that belong to a body ("we" is the body)
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "oprd", "appos", "conj"})
_OPENING, _CLOSING = frozenset({"“", "‘", '"', "'"}), frozenset({"”", "’", '"', "'"})


@dataclass(frozen=True)
class VerbClasses:
    """data/verb_classes.yaml: each lemma's class, what each class means for credit and blame, and the word lists."""

    lemma_class: dict[str, str]
    meaning: dict[str, dict[str, str]]
    enemy_agent: dict[str, str]
    enemy_sides: frozenset[str]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    irregular: dict[str, list[str]] = field(default_factory=dict)
    relational: dict[str, str] = field(default_factory=dict)  # noun -> class ("enemy" -> oppose)
    neglect: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> kinds of target whose omission blames


@cache
def verb_classes() -> VerbClasses:
    """The verb classes, read once."""
    raw = data_yaml("verb_classes.yaml")
    lemma_class: dict[str, str] = {}
    for name, spec in raw["classes"].items():
        for lemma in spec["lemmas"]:
            if lemma in lemma_class:
                raise ValueError(f"analysis/data/verb_classes.yaml: '{lemma}' is in both {lemma_class[lemma]} and {name}")
            lemma_class[lemma] = name
    lists = ("protected", "places", "victory", "harm", "positive_roles", "negative_roles", "deny", "possible",
             "demanded", "light", "judging", "attack_nouns", "praise_nouns", "criticism_nouns", "agentive_nouns",
             "action_nouns", "credit_nouns", "blame_nouns", "role_nouns", "deal_nouns", "release", "condemning",
             "factive", "hearsay", "designs", "cessation", "unfulfilled", "transfer", "aid_nouns", "siege_nouns",
             "continuation", "declaring", "prevention", "inflicted_nouns", "undergoing", "shield_verbs",
             "shield_phrases", "custody_verbs", "custody_nouns")
    return VerbClasses(lemma_class, {n: s["meaning"] for n, s in raw["classes"].items()},
                       {n: s["enemy_agent"] for n, s in raw["classes"].items()}, frozenset(raw["enemy_sides"]),
                       {k: frozenset(str(w).lower() for w in raw[k]) for k in lists}, raw["irregular"],
                       {noun: name for name, nouns in raw["relational_nouns"].items() for noun in nouns},
                       {name: frozenset(kinds) for name, kinds in raw["neglect"].items()})


@cache
def _saying_verbs() -> frozenset[str]:
    """The neutral verbs of saying of data/reporting_verbs.yaml ("say", "report", "announce"): not control verbs,
    so an infinitive the parse hangs on one is not its subject's act."""
    return frozenset(v for v in reporting_lexicon()["cue_verbs"]["neutral"] if " " not in v)


@cache
def _saying_nouns() -> frozenset[str]:
    """The nouns of saying of data/reporting_verbs.yaml ("statement", "message"): a participle on one ("issued a
    statement praising X") is the act of whoever issued it."""
    return frozenset(w for words in reporting_lexicon()["cue_nouns"].values() for w in words)


@cache
def _irregular_lemmas() -> dict[str, str]:
    """Irregular past forms of the event verbs to their lemma, for forms the parser's lemmatizer leaves ("retook")."""
    return {form: lemma for lemma, forms in verb_classes().irregular.items() for form in forms}


_INFLECTIONS: dict[str, str] = data_yaml("grammar.yaml")["regular_endings"]  # "VBD" -> "ed", ...


def _lemma(tok: Token) -> str:
    """A verb's lemma, lower-case, irregular forms mapped by data/verb_classes.yaml. A regular form two lemmas share
    ("routed": "rout" + "ed" or "route" + "d") is read as the event verb when the lemmatizer chose the other."""
    lemma = tok.lemma_.lower()
    lemma = _irregular_lemmas().get(lemma, lemma)
    ending = _INFLECTIONS.get(tok.tag_, "")
    classes = verb_classes().lemma_class
    if ending and lemma not in classes and tok.lower_.endswith(ending) and tok.lower_[: -len(ending)] in classes:
        return tok.lower_[: -len(ending)]
    return lemma


@cache
def _epithets() -> frozenset[str]:
    """The words analysis/data/epithets.yaml uses for the ISIS side ("militants", "terrorists", "jihadists")."""
    raw = data_yaml("epithets.yaml")
    words = {w.lower() for w in raw["sides"]["isis"] if " " not in w}
    return frozenset(words | {w[:-1] for w in words if w.endswith("s")})  # "terrorists" and "terrorist strongholds"


@cache
def _epithet_phrases() -> frozenset[str]:
    """The phrases of more than one word analysis/data/epithets.yaml uses for the ISIS side ("militant group")."""
    return frozenset(w.lower() for w in data_yaml("epithets.yaml")["sides"]["isis"] if " " in w)


def _epithet_phrase(head: Token) -> bool:
    """Whether a noun with its adjectives before it is an epithet of the ISIS side ("the militant group")."""
    words = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i]
    return bool(words) and " ".join([*words, head.lower_]) in _epithet_phrases()


@cache
def sides() -> dict[str, str]:
    """actor_id -> side, from the catalogue's `side`, inherited through `affiliation` (an ISIS province is ISIS)."""
    cat = catalogue().set_index("actor_id")
    own = {a: s for a, s in cat["side"].items() if s}
    parent = {a: p for a, p in cat["affiliation"].items() if p}

    def side(actor: str, seen: frozenset = frozenset()) -> str:
        if actor in own:
            return own[actor]
        up = parent.get(actor)
        return side(up, seen | {actor}) if up and up not in seen else ""

    return {a: side(a) for a in cat.index if side(a)}


@cache
def _types() -> dict[str, str]:
    """actor_id -> catalogue type."""
    cat = catalogue()
    return dict(zip(cat["actor_id"], cat["type"]))


def actor_type(actor_id: str) -> str:
    """The catalogue type of an actor ("" for an unlisted one)."""
    return _types().get(actor_id, "")


@cache
def _affiliations() -> dict[str, str]:
    """actor_id -> the actor it belongs to (a speaker's "we")."""
    cat = catalogue()
    return {a: p for a, p in zip(cat["actor_id"], cat["affiliation"]) if p}


@cache
def _bodies_by_lower_name() -> dict[str, str]:
    """The names and aliases of the catalogue's armed groups and organizations, lower-case, to their actor (a name
    two bodies share left out): news writes a force's name in lower case ("Iraqi security forces", "the Syrian
    army", "peshmerga"), which the case-sensitive mentions do not match."""
    cat = catalogue()
    pairs = {(n.lower(), a) for a, t, names in zip(cat["actor_id"], cat["type"], cat["aliases"])
             if t in ("armed_group", "organization") for n in str(names).split("; ")
             if n and (" " in n or not n.isupper())}  # an acronym in lower case is a word ("IS", "WHO", "LET")
    owners: dict[str, set[str]] = {}
    for name, actor in pairs:
        owners.setdefault(name, set()).add(actor)
    return {name: next(iter(a)) for name, a in owners.items() if len(a) == 1}


@cache
def _demonyms() -> dict[str, list[str]]:
    """actor_id -> its demonyms, lower-case ("syria" -> ["syrian", "syrians"])."""
    cat = catalogue()
    return {a: [d.lower() for d in str(ds).split("; ") if d] for a, ds in zip(cat["actor_id"], cat["demonyms"]) if ds}


def is_enemy(actor_id: str) -> bool:
    """Whether an actor stands on one of the enemy sides of data/verb_classes.yaml."""
    return sides().get(actor_id, "") in verb_classes().enemy_sides


@dataclass
class Actors:
    """The actor mentions of one document, looked up by character offset."""

    starts: list[int]
    rows: list[tuple[int, int, str]]
    places: frozenset[int] = frozenset()  # start offsets of place names
    ids: frozenset[str] = frozenset()  # every actor the rows name
    enemies: list[tuple[int, int, str]] = field(default_factory=list)  # the rows of enemy-side actors but outlets
    by_last_word: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # rows by their name's last
    # word, lower case

    @classmethod
    def of(cls, mentions: Iterable[tuple[int, int, str]], text: str = "") -> "Actors":
        """From (start, end, actor_id) triples in `text`, places set apart (a place is where, not who); a nation's force
        written in news style ("the Iraqi army") is that force alone, as its capitalised name is (`_written_lower`)."""
        types = _types()
        every = list(mentions)
        rows = sorted((s, e, a) for s, e, a in every if types.get(a) != "place")
        by_last_word: dict[str, list[tuple[int, int, str]]] = {}
        for r in rows if text else ():
            by_last_word.setdefault((text[r[0] : r[1]].split() or [""])[-1].lower(), []).append(r)
        return cls([r[0] for r in rows], rows, frozenset(s for s, _, a in every if types.get(a) == "place"),
                   frozenset(a for *_, a in rows), [r for r in rows if is_enemy(r[2]) and types.get(r[2]) != "media"],
                   by_last_word)  # an outlet of the enemy side is never "the militants" or "this group"

    def last_enemy(self, before: int, since: int = 0) -> list[tuple[int, int, str]]:
        """The latest mention of an enemy-side actor before a position (and from `since` on): "this group" after
        "ISIS"."""
        i = bisect_right(self.enemies, (before - 1, math.inf))
        return self.enemies[i - 1 : i] if i and self.enemies[i - 1][0] >= since else []

    def last_ending_in(self, words: set[str], before: int) -> tuple[int, int, str] | None:
        """The latest mention (in text order) that ends by `before` and whose name's last word is one of `words`."""
        found = []
        for word in words:
            rows = self.by_last_word.get(word, [])
            i = bisect_right(rows, (before - 1, math.inf))
            found += [next((r for r in reversed(rows[:i]) if r[1] <= before), None)]
        return max((r for r in found if r is not None), default=None)

    def at(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The mentions overlapping [start, end)."""
        i = bisect_right(self.starts, end - 1)
        return [r for r in self.rows[max(0, i - 3) : i] if r[1] > start]


@dataclass
class Party:
    """An agent or target: a catalogued or unlisted actor, or a short noun phrase, with its offsets and kind."""

    actor: str
    start: int
    end: int
    kind: str  # enemy | protected | actor | place | victory | harm | none


@dataclass
class Context:
    """What one sentence's events are read with: its parse (which maps its positions to the document's), the
    document's actors, the last actor each pronoun can stand for, and the voice of each character range."""

    parsed: Parsed | None
    actors: Actors
    antecedents: dict[str, list[tuple[int, int, str]]]
    speaker: str
    sent_id: int = -1
    antecedent_sent: int = -9  # the voice's actor id when the voice is a catalogued or unlisted actor, for "we"
    turns: tuple[str, str] = ("", "")  # the voices of the turn before and of this one, for "you" in a dialogue
    cue_speakers: dict[int, "Party"] = field(default_factory=dict)  # a reporting cue's start -> its speaker (quotes)
    voices: Intervals = field(default_factory=lambda: Intervals([], []))  # the statements' spans and speakers
    sides: dict[str, str] = field(default_factory=dict)  # a speaker the catalogue lacks -> the actor it speaks for
    text: str = ""  # the document's text, for the names mentioned before
    since: int = 0  # where the sentence before this one starts (this one's start when that one was not parsed)
    fights: dict[str, int] = field(default_factory=dict)  # an act noun named against the enemy -> the sentence naming it
    fought: int = -9  # the last sentence with an act against the enemy ("launched an offensive to remove ISIS")


def _start(tok: Token, ctx: Context) -> int:
    return ctx.parsed.offset(tok.idx)


def _end(tok: Token, ctx: Context) -> int:
    return ctx.parsed.offset(tok.idx + len(tok.text) - 1) + 1


def _token_actors(tok: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """The actor mentions inside one token ("U.S.-backed" holds the United States)."""
    return ctx.actors.at(_start(tok, ctx), _end(tok, ctx))


def _conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Russia and Iran", "the US warplanes along with the planes of X")."""
    if tok.dep_ == "conj":
        return [tok]
    joined = [p for c in tok.children if c.lower_ in _COMPANY_ADVERBS for w in c.children if w.lower_ == "with"
              for p in w.children if p.dep_ == "pobj"]
    joined += [p for w in tok.children if w.dep_ == "prep" and w.lower_ == "with"  # parsed "together" under "with"
               and any(a.lower_ in _COMPANY_ADVERBS for a in w.children if a.dep_ == "advmod")
               for p in w.children if p.dep_ == "pobj"]
    return [tok, *[t for t in tok.conjuncts if t.i > tok.i], *joined]


def _clause_under(tok: Token, verb: Token) -> Token:
    """The token of tok's ancestry (tok itself included) that hangs on verb, one of its ancestors."""
    while tok.head.i != verb.i:
        tok = tok.head
    return tok


def _agrees(pronoun: Token, noun: Token, ctx: Context) -> bool:
    """Whether a pronoun can stand for a noun phrase: "they" for a plural or a coordination, "he"/"she" for a
    person (a PERSON entity, or a catalogued person: a sentence parsed only for its events has no entities), "it"
    for anything but a person."""
    kind = _PRONOUNS.get(pronoun.lower_)
    person = noun.ent_type_ == "PERSON" or any(_types().get(m[2]) == "person" for m in _named(noun, ctx))
    if kind == "group":
        return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children) or not person
    return person if kind == "person" else not person


def _plural(noun: Token) -> bool:
    """A plural noun phrase: a plural head or a coordination."""
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


def _pronoun(tok: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """A pronoun resolved to the actors it stands for: the speaker's side for "we"; the subject of the reporting
    verb for a subject in its clause ("X announced it had started"); the noun before it for "them who"; else the
    subject of the sentence before."""
    kind = _PRONOUNS.get(tok.lower_)
    if kind == "addressee":  # in a transcript's turn, "you" is whoever spoke the turn before
        other = ctx.turns[0]
        known = other in _types() or other.startswith("unlisted:")
        owner = _affiliations().get(other, other) if tok.lower_ == "your" else other  # "your armed forces"
        return [(_start(tok, ctx), _end(tok, ctx), owner)] if known and other != ctx.turns[1] else []
    if kind == "speaker":  # "we", "our": the side of whoever says it
        side = _side(_voice(_start(tok, ctx), ctx.voices), ctx) or _side(ctx.speaker, ctx)
        return [(_start(tok, ctx), _end(tok, ctx), side)] if side else []
    if tok.dep_ in ("nsubj", "nsubjpass"):  # "X announced it had started", "the army ..., as it battles"
        for verb in tok.head.ancestors:
            subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
            quoted = any(t.text in _OPENING | _CLOSING for t in tok.doc[min(tok.i, verb.i) : max(tok.i, verb.i)])
            if subject is not None and subject.lower_ not in _PRONOUNS and _agrees(tok, subject, ctx) and not quoted:
                found = [m for t in (_conjuncts(subject) if kind == "group" else [subject]) for m in _named(t, ctx)]
                if found or _clause_under(tok.head, verb).dep_ not in ("ccomp", "parataxis"):
                    # in a clause of time, manner or reason it stands for that subject even when the subject names no
                    # actor ("the army declared victory as it liberated the town": the army, not whoever a sentence
                    # before named); what a verb reports may be about another ("families said they threaten ...")
                    return found
    if tok.dep_ == "poss" and tok.head.dep_ == "pobj":  # "congratulated X on their victory", "thanked X for its help"
        verb = tok.head.head.head
        found = [m for o in verb.children if o.dep_ == "dobj" and o.i < tok.i and _agrees(tok, o, ctx)
                 for t in (_conjuncts(o) if kind == "group" else [o]) for m in _named(t, ctx)]
        if found:
            return found
    if tok.dep_ == "poss":  # "the army along with their allies", "the US had armed its proxies": the subject before
        subject = next((t for t in reversed(list(tok.sent)[: tok.i - tok.sent.start])
                        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in _PRONOUNS), None)
        if subject is not None and kind == "thing" and subject.tag_ in ("NNS", "NNPS"):  # "its" is no plural subject
            # ("Many Yazidis lost faith in X when its forces failed"): the nearest body named in the singular before it
            return next((found for t in reversed(list(tok.sent)[: tok.i - tok.sent.start])
                         if t.pos_ == "PROPN" and not _plural(t) and t.dep_ not in ("compound", "flat")
                         and (found := [m for m in _named(t, ctx) if _types().get(m[2]) in _BODIES])), [])
        heads = [] if subject is None else _conjuncts(subject) if kind == "group" else [subject]
        found = [m for t in heads for x in (t, *t.children) if x.i == t.i or x.dep_ in ("compound", "amod")
                 for m in _token_actors(x, ctx)]  # the subject's own name: the pronoun may sit inside its phrase
        persons = any(_types().get(m[2]) == "person" for m in found)
        alone = persons and len(found) == 1  # "their" is never one person ("X congratulated the forces for their ...")
        if found and (persons if kind == "person" else not alone if kind == "group" else not persons):
            return found
    if any(c.dep_ == "relcl" for c in tok.children):
        for t in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod", "poss", "nmod") and t.lower_ not in _PRONOUNS:
                found = _named(t, ctx)
                if found:
                    return found
    if kind == "group":  # "Russia and Iran fought ISIS, and they were backed by X": the plural subject before it
        before = [t for t in tok.sent if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in _PRONOUNS
                  and (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children))]
        found = [m for t in (_conjuncts(before[-1]) if before else []) for x in (t, *t.children)
                 if x.i == t.i or x.dep_ in ("compound", "amod") for m in _token_actors(x, ctx)]
        if found:
            return found
    antecedent = _antecedent(tok, ctx)
    if antecedent is not None:
        return _named(antecedent, ctx)
    before = ctx.antecedents.get(kind or "", []) if ctx.antecedent_sent == ctx.sent_id - 1 else []
    if not before and kind == "thing" and tok.dep_ in ("dobj", "obj") and _against(tok.head):
        # "Syrian ... youth destroyed it", with no antecedent in this sentence or the one before: what is destroyed
        # or defeated is the enemy the text last named
        return [(_start(tok, ctx), _end(tok, ctx), a) for *_, a in ctx.actors.last_enemy(_start(tok, ctx))]
    return [(_start(tok, ctx), _end(tok, ctx), a) for *_, a in before]


def _against(verb: Token) -> bool:
    """A verb of defeating or destroying (the `defeat` and `violence` classes)."""
    return verb.pos_ == "VERB" and verb_classes().lemma_class.get(_lemma(verb)) in ("defeat", "violence")


def _body(actor: str) -> str:
    """The body an actor speaks for as "we": a person's or an operation's affiliation (none without one), else the
    actor itself."""
    return _affiliations().get(actor, "") if _types().get(actor) in _MEMBERS else actor


def _side(speaker: str, ctx: Context) -> str:
    """Whom a speaker's "we" stands for: a catalogued speaker's body, the body a speaker the catalogue lacks is
    described by ("an Iraqi soldier", "SDF spokeswoman X", "X, a spokesman for the coalition"); a person alone is
    no "we"."""
    return _body(speaker) if speaker in _types() else ctx.sides.get(speaker, "")


def _described(person: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """The actors a person's name is described by in its own phrase: its modifiers ("SDF spokeswoman X", "the
    Russian diplomat X") and its apposition's ("X, a spokesman for the coalition", "X, the Iraqi army's commander"),
    never the leader of an "X-led" body."""
    described = [m for c in person.children if c.dep_ in ("compound", "amod", "nmod")
                 for t in _modifier(c) for m in _token_actors(t, ctx)]
    for appos in (c for c in person.children if c.dep_ == "appos"):
        described += [m for t in appos.subtree if not _in_clause(t, appos) for m in _token_actors(t, ctx)]
    return [m for m in described if not _BACKER.match(ctx.text, m[1])]  # "for the Kurdish-led SDF": the SDF


def _describe_speakers(sent: Span, ctx: Context) -> None:
    """Remember the actor each unlisted person named in a sentence is described by, for their "we"."""
    for tok in sent:
        for *_, who in _token_actors(tok, ctx):
            if who.startswith("unlisted:") and who not in ctx.sides and tok.dep_ not in ("compound", "flat"):
                described = [_body(a) for *_, a in _described(tok, ctx) if a != who]
                if any(described):
                    ctx.sides[who] = next(a for a in described if a)


def _quoted(sent: Span) -> set[int]:
    """The positions of the tokens inside quotation marks of one sentence."""
    inside, open_at = set(), None
    for t in sent:
        if t.text in _OPENING and open_at is None and (t.text not in _CLOSING or t.whitespace_ == ""):
            open_at = t.i
        elif t.text in _CLOSING and open_at is not None:
            inside.update(range(open_at + 1, t.i))
            open_at = None
    return inside


def _antecedent(tok: Token, ctx: Context) -> Token | None:
    """An object pronoun's antecedent in its own sentence ("HRW said the coalition had failed, blaming it for the
    deaths"; "accused them of"; "entered the town and destroyed it"): the nearest argument (subject, object,
    complement) before it that agrees in person and number; never the doer of the pronoun's own verb (a personal
    pronoun object is not its clause's subject: binding principle B, Chomsky 1981) nor words quoted when the
    pronoun is not."""
    if tok.dep_ not in ("dobj", "obj", "dative", "pobj") or _PRONOUNS.get(tok.lower_) not in ("thing", "group", "person"):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    speaker = ctx.cue_speakers.get(_start(verb, ctx))  # "blaming it for": the quotes know who blames
    doer = _agent_head(verb) if verb.pos_ in ("VERB", "AUX") and speaker is None else None
    barred = {t.i for t in doer.subtree} if doer is not None else set()
    quoted = _quoted(tok.sent)
    singular = _PRONOUNS[tok.lower_] != "group"  # "it", "him", "her": a third-person singular
    before = list(reversed(list(tok.sent)[: tok.i - tok.sent.start]))
    if _PRONOUNS.get(tok.lower_) == "group":  # "them": a plural before a singular body that may also be "they"
        before = [t for t in before if _plural(t)] + [t for t in before if not _plural(t)]
    for t in before:
        if t.i in barred or (t.i in quoted and tok.i not in quoted) or t.pos_ not in ("NOUN", "PROPN") \
                or t.dep_ not in _ARGUMENTS | {"pobj"} or t.lower_ in _PRONOUNS:
            continue
        if (singular and t.tag_ in ("NNS", "NNPS")) or not _agrees(tok, t, ctx):
            continue
        named = {a for *_, a in _named(t, ctx)}
        if (t.dep_ == "pobj" and (not named or t.head.lower_ in _BELONGING)) or (speaker is not None and named <= {speaker.actor}):
            continue  # a prepositional object stands for an actor it names, never for a time or a place ("on Monday"),
            # nor for the phrase it belongs to ("the defeat of Da'esh ... taking it": the defeat)
        return t
    return None


def _written_lower(head: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """A catalogued body whose name the head's phrase writes in lower case: "Iraqi security forces", "the Syrian
    army", "Syria's army" (the owner's demonym before the rest), "peshmerga forces", "the Iraqi and Syrian armies"
    (each demonym's force); a one-word name ("peshmerga", "coalition") only when the document names that body
    elsewhere. The longest name wins, and it is the body alone: the catalogue's `affiliation` says whom a force
    belongs to, not that its acts are the state's (the convention of the seed and dev golds: "Syrian army soldiers"
    are the Syrian Arab Army; the state is judged where the text makes it the doer: "Syria", "Syrian forces",
    "Damascus"); none without a word in lower case (a capitalised name is a mention already)."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    names, doc = _bodies_by_lower_name(), head.doc
    each = _each_nations_force(head, names, ctx)
    if each:
        return each
    words = [t for t in doc[min([head.i, *[t.i for t in head.lefts]]) : head.i + 1]
             if t.dep_ in ("compound", "amod", "nmod") or t.i == head.i]
    owners = [a for c in head.children if c.dep_ == "poss" for *_, a in _token_actors(c, ctx)]
    named = ctx.actors.ids
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            span = words[i:j]
            possessed = owners if i == 0 else []  # "Russia's Armed Forces": the owner's demonym before the rest
            if [t.i for t in span] != list(range(span[0].i, span[-1].i + 1)) \
                    or not (possessed or any(t.is_lower for t in span)):
                continue
            text = doc[span[0].i : span[-1].i + 1].text.lower()
            tried = [f"{d} {text}" for a in possessed for d in _demonyms().get(a, [])]
            tried = [text, *tried] if any(t.is_lower for t in span) else tried
            name = next((n for n in tried if n in names), None)
            if name is not None and (" " in name or names[name] in named) \
                    and not _other_owner(words[:i], names[name], ctx):
                return [(_start(span[0], ctx), _end(span[-1], ctx), names[name])]
    return []


def _each_nations_force(head: Token, names: dict[str, str], ctx: Context) -> list[tuple[int, int, str]]:
    """"the Iraqi and Syrian armies": a plural force noun after coordinated demonyms is each nation's force of that
    name ("Iraqi army", "Syrian army"), when every demonym makes one."""
    if head.tag_ not in ("NNS", "NNPS") or not head.is_lower:
        return []
    first = next((c for c in head.children if c.dep_ == "amod" and any(k.dep_ == "conj" for k in c.children)), None)
    if first is None:
        return []
    demonyms = _conjuncts(first)
    forces = [names.get(f"{d.lower_} {head.lemma_.lower()}") for d in demonyms]
    if len(demonyms) < 2 or not all(forces):
        return []
    return [(_start(d, ctx), _end(head, ctx), f) for d, f in zip(demonyms, forces)]


def _other_owner(before: list[Token], body: str, ctx: Context) -> bool:
    """Whether a proper noun before a body's name written in lower case says the body is another's ("the Kurdistan
    regional security council" is not the UN Security Council): a capitalised word that is no demonym and names
    neither the body nor what it belongs to."""
    demonyms = {d for ds in _demonyms().values() for d in ds}
    own = {body, _affiliations().get(body, "")}
    return any(t.pos_ == "PROPN" and not t.is_lower and t.lower_ not in demonyms
               and not {a for *_, a in _token_actors(t, ctx)} & own for t in before)


def _named(head: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """The actors a noun phrase's head names: the head itself, else its name-like modifiers, else "X of Y" for a
    group noun ("leaders of the SDF"), else its possessor ("Iran's forces")."""
    own = _token_actors(head, ctx)
    if own and all(m[2].startswith(PREFIX) for m in own):  # "Russia's Armed Forces": not an unknown "Armed Forces"
        own = _written_lower(head, ctx) or own
    if own:
        return own
    named_as = [n for c in head.children if c.dep_ == "acl" and c.lower_ in _NAMING for a in c.children
                if a.dep_ in ("oprd", "attr", "dobj") or (a.dep_ == "prep" and a.lower_ in _AS)
                for n in ([a] if a.dep_ != "prep" else [p for p in a.children if p.dep_ == "pobj"])]
    if named_as and head.lemma_.lower() in _GROUP_NOUNS | _GROUP_WORDS:  # "the group formerly known as Nusra Front"
        found = [m for n in named_as for m in _token_actors(n, ctx)]
        if found:
            return found
    if head.lower_ in _PRONOUNS:
        return _pronoun(head, ctx)
    if head.lower_ in _RELATIVE and head.dep_ == "poss":  # "Kenya, whose forces defeated ISIS": the relative's noun
        clause = next((a for a in head.ancestors if a.dep_ == "relcl"), None)
        return _named(clause.head, ctx) if clause is not None else []
    if _start(head, ctx) in ctx.actors.places:  # "Raqqa, the Syrian capital of ISIS" is a place, not its modifiers
        return []
    lower = _written_lower(head, ctx)
    if lower:
        return lower
    if (head.lemma_.lower() in _GROUP_WORDS and any(c.lower_ in _POINTING for c in head.children)
            and not any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in head.children)):
        return [(_start(head, ctx), _end(head, ctx), a) for *_, a in ctx.actors.last_enemy(_start(head, ctx))]
    bare = not any(c.dep_ == "compound" for c in head.children)
    possessed = any(c.dep_ in ("nmod", "poss") for c in head.children)
    if any(c.lower_ in _DEFINITE for c in head.children) and not possessed \
            and (_epithet_phrase(head) or (head.lower_ in _epithets() and bare)):
        # "the terrorists", "these militants": the enemy named before in this sentence or the one before it
        return [(_start(head, ctx), _end(head, ctx), a) for *_, a in ctx.actors.last_enemy(_start(head, ctx), ctx.since)]
    lemma = head.lemma_.lower()
    named = [m for c in head.children if c.dep_ == "appos" for q in _conjuncts(c) for m in _token_actors(q, ctx)]
    if named and lemma in _GROUP_NOUNS | _GROUP_WORDS:  # "their allies Iran and Russia", "the Syrian Kurdish group
        return named  # YPG": the names, not whose allies they are nor the demonyms of the group
    owned = [(t, m) for c in head.children if c.dep_ in _NAME_DEPS and c.dep_ != "appos"
             and not _SUPPORT_MODIFIER.search(c.text) for t in _modifier(c) if not _owner_of_named(t, ctx)
             for m in _token_actors(t, ctx)]
    if any(_types().get(m[2]) in _BODIES for _, m in owned):  # "Kurdish Peshmerga troops", "the Syrian Kurdish YPG
        # group": the named body, not the Kurds or Syria (a demonym says whose the body is), unless coordinated with
        # it ("the Peshmerga and Iraqi forces")
        owned = [(t, m) for t, m in owned if _types().get(m[2]) not in _NATIONS or t.dep_ == "conj"]
    elif any(_types().get(m[2]) == "people" for _, m in owned):  # "the Syrian Kurdish forces": Kurds of Syria (a
        # state's demonym before a people's places the people), unless coordinated ("Syrian and Kurdish forces")
        owned = [(t, m) for t, m in owned if _types().get(m[2]) != "state" or t.dep_ == "conj"
                 or any(c.dep_ == "conj" for c in t.children)]
    if lemma in _SETTING_NOUNS or head.lower_ in _SETTING_NOUNS:  # "the Syrian conflict has killed ...": where
        owned = [(t, m) for t, m in owned if _types().get(m[2]) not in _NATIONS]
    found = [m for _, m in owned]
    if found:
        return found
    if lemma in _HELP_NOUNS:  # "cooperation between X and Y"
        found += [m for b in _between(head) for q in _conjuncts(b) for m in _named(q, ctx)]
    if head.lower_ in _GROUP_NOUNS or lemma in _GROUP_NOUNS:
        for c in head.children:
            if c.dep_ == "prep" and (c.lower_ in _BELONGING or (c.lower_ == "in" and lemma in _NATIONAL)):
                for p in c.children:  # "the armed forces in Iraq"; not "the militaries in their operations"
                    if p.dep_ == "pobj" and not (c.lower_ == "in" and p.lemma_.lower() in _ACT_NOUNS):
                        found += [m for q in _conjuncts(p) for m in _named(q, ctx)]
            if c.dep_ == "poss":
                found += _named(c, ctx)
    if not found:  # "the SDF's focus", "Turkey's attack"
        found = [m for c in head.children if c.dep_ == "poss" for m in _named(c, ctx)]
    if not found:  # "the Syrian Democratic Forces, an alliance of ...": an apposition that is itself a name
        found = [m for c in head.children if c.dep_ == "appos" for m in _token_actors(c, ctx)]
    return found or _identified(head, ctx) or _definite(head, ctx)


def _definite(head: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """A definite noun phrase that names no actor but ends as a name mentioned before it ends ("the coalition" after
    "the US-led coalition", "the army" after "the Syrian Army"): the latest such actor (anaphora by the name's head
    noun, as "this group" is the enemy named before; Halliday & Hasan 1976, 6.4 reiteration)."""
    if head.pos_ != "NOUN" or not any(c.lower_ in _POINTING for c in head.children) or not ctx.text:
        return []
    words = {head.lower_} if _plural(head) else {head.lower_, head.lemma_.lower()}  # "the states" is never the Islamic State
    named = ctx.actors.last_ending_in(words, _start(head, ctx))
    return [(_start(head, ctx), _end(head, ctx), named[2])] if named else []


def _identified(head: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """The actors a copula identifies a phrase with: "those who defeated ISIS are X, Y and Z", "the force that
    freed the city was X" (every actor the other side names, outside its own clauses)."""
    copula = head.head
    if head.lower_ in _RELATIVE_HEADS and any(c.dep_ == "relcl" for c in head.children):
        copula = head.sent.root  # "those who V are X": the parser may hang "those" on a preposition before it
    elif head.dep_ not in ("nsubj", "attr"):
        return []
    if copula.lemma_ not in _COPULA or copula.i == head.i:
        return []
    others = [c for c in copula.children if c.dep_ in ("nsubj", "attr") and c.lower_ not in _PRONOUNS.keys() | _RELATIVE
              and not any(t.i == head.i for t in c.subtree)]  # a long list may come parsed as two subjects
    others += _helpers(copula)  # "... are X, with the help of Y"
    return [m for o in others for t in o.subtree if not _in_clause(t, o) and not _owner_of_named(t, ctx)
            for m in _token_actors(t, ctx)]


def _owner_of_named(tok: Token, ctx: Context) -> bool:
    """A modifier of a name that names an actor itself ("Lebanese" in "Lebanese Hezbollah"): the name is who."""
    head = tok.head
    return tok.dep_ in ("amod", "poss", "compound", "nmod") and head.i != tok.i and bool(
        {a for *_, a in _token_actors(head, ctx)} - {a for *_, a in _token_actors(tok, ctx)})


def _in_clause(tok: Token, top: Token) -> bool:
    """Whether a token of top's subtree sits in a clause of its own below top (a relative, participle or adverbial)."""
    while tok.i != top.i:
        if tok.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        tok = tok.head
    return False


def _opposed(tok: Token) -> bool:
    """A modifier against what it names: "anti-Zionist", "counter-ISIS" (one token, or three: "anti", "-", "ISIS")."""
    doc = tok.doc
    split = tok.i >= 2 and doc[tok.i - 1].text == "-" and _OPPOSING.match(doc[tok.i - 2].text + "-")
    return bool(_OPPOSING.match(tok.text) or split or _closed_opposed(tok))


def _closed_opposed(tok: Token) -> bool:
    """An opposing prefix written closed up on a word for the ISIS side or a harm ("counterterrorism",
    "antiterrorist": the closed spelling of "counter-terrorism")."""
    closed = _OPPOSING_CLOSED.match(tok.lower_)
    return closed is not None and closed.group(2) in _epithets() | verb_classes().words["harm"]


def _modifier(tok: Token) -> list[Token]:
    """A name-like modifier with its own compounds ("U.S. Special Forces"), never its clauses or prepositions, nor
    a modifier against an actor ("anti-Zionist", "counter-ISIS": the actor is the opponent, not the owner)."""
    if _opposed(tok):
        return []
    return [tok, *[t for c in tok.children if c.dep_ in ("compound", "flat", "amod", "nmod", "punct", "conj")
                   for t in _modifier(c)]]


def _phrase(head: Token, limit: int = 8) -> tuple[int, int]:
    """Token bounds of a short noun phrase: the head with its left modifiers and at most `limit` tokens to its right."""
    left = min([head.i, *[t.i for t in head.lefts if t.dep_ not in ("punct", "cc")]])
    right = head.i
    for t in head.subtree:
        if t.i > head.i and t.i - head.i <= limit and t.dep_ not in ("relcl", "punct", "cc", "conj", "appos"):
            right = max(right, t.i)
    return left, right


def _kind(head: Token, actors: list[tuple[int, int, str]], ctx: Context | None = None) -> str:
    """What a target is: enemy, protected, actor, place, victory, harm or none (ctx: to see actors inside it)."""
    vc = verb_classes()
    lemma, lower = head.lemma_.lower(), head.lower_
    if any(is_enemy(a) for *_, a in actors) or lower in _epithets() or lemma in _epithets() or _closed_opposed(head):
        return "enemy"  # "counterterrorism" as what a campaign is against: terrorism
    words = {lemma, lower}
    aimed = {"enemy" if _enemy_held(t, ctx) else _inner(t, ctx) for t in _noun_targets(head)} \
        if words & (vc.words["attack_nouns"] | vc.words["harm"]) else set()
    if "enemy" in aimed and words & vc.words["attack_nouns"] or not aimed and _recalled_fight(head, ctx):
        return "victory"  # "the campaign against ISIS": harming it is a harm, leading it a credit
    if "protected" in aimed:
        return "harm"  # "attacks on civilians", "abuses against civilians": committing them is a harm
    of = [p for c in head.children if c.dep_ == "prep" and c.lower_ in _AGENT_PREPS for p in c.children if p.dep_ == "pobj"]
    if words & vc.words["victory"] and words & vc.words["harm"]:
        return "victory" if any(_inner(p, ctx) == "enemy" for p in of) else "harm"
    if words & vc.words["victory"]:
        return "victory"
    if words & vc.words["harm"]:
        return "harm"
    for c in head.children:  # "ISIS positions", "terrorist strongholds"
        if c.dep_ in _NAME_DEPS and _enemy_word(c, ctx):
            return "enemy"
    if words & (_GROUP_NOUNS | _GROUP_WORDS) and any(  # "a group of international terrorists", "leaders of ISIS"
            _inner(p, ctx) == "enemy" for c in head.children if c.dep_ == "prep" and c.lower_ in _BELONGING
            for p in c.children if p.dep_ == "pobj"):
        return "enemy"
    if words & vc.words["protected"]:
        return "protected"
    if actors:
        return "actor"
    if words & vc.words["places"] or head.ent_type_ in ("GPE", "LOC", "FAC") \
            or (head.pos_ == "PROPN" and lower not in _CALENDAR_NAMES):  # "on Monday", "in May" are no places
        return "place"  # a proper name that names no actor is a place ("recaptured Palmyra", "liberated Rawa")
    if words & _RELATIONAL:  # "control of entire cities", "control over Palmyra", "the remnants of ISIS"
        for p in [p for c in head.children if c.dep_ == "prep" and c.lower_ in _PART_PREPS
                  for p in c.children if p.dep_ == "pobj"]:
            inner = _inner(p, ctx)
            if inner != "none":
                return inner
    return "none"


def _recalled_fight(head: Token, ctx: Context | None) -> bool:
    """A definite act noun that names no aim ("the fight", "these battles") after the same noun named against the
    enemy earlier in its sentence or in the one before ("... in the fight against IS. The coalition that has been
    aiding in the fight ..."): the same fight (anaphora by reiteration, Halliday & Hasan 1976, 6.4)."""
    lemma = head.lemma_.lower()
    if ctx is None or lemma not in verb_classes().words["attack_nouns"] \
            or not any((c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.lower_ in _PRONOUNS)
                       for c in head.children):  # "the fight", "their effort"
        return False
    earlier = any(t.i < head.i and t.lemma_.lower() == lemma and "enemy" in {_inner(a, ctx) for a in _noun_targets(t)}
                  for t in head.sent)
    # the same fight, reiterated by the same noun, or by another act noun with nothing to qualify it (a synonym or a
    # general word: "a new offensive to remove ISIS ... resumed their effort"; not "the fight over water rights")
    other = all(c.dep_ in ("det", "poss", "compound") for c in head.children) \
        and ctx.sent_id - 1 in (ctx.fought, *ctx.fights.values())  # "the ground fighting"; not "the civil war", "the
    # fight over water rights"
    return earlier or ctx.fights.get(lemma, -9) == ctx.sent_id - 1 or other


def _enemy_word(tok: Token, ctx: Context | None) -> bool:
    """Whether a word names the enemy: an epithet ("terrorist") or an actor of an enemy side."""
    return tok.lower_ in _epithets() or tok.lemma_.lower() in _epithets() or (
        ctx is not None and any(is_enemy(a) for *_, a in _token_actors(tok, ctx)))


def _enemy_held(tok: Token, ctx: Context | None) -> bool:
    """A place the enemy holds, named by its possessor ("an assault on ISIS's bastion", "strikes on the jihadists'
    positions"): what an attack on it aims at is the enemy."""
    held = {tok.lower_, tok.lemma_.lower()} & (verb_classes().words["places"] | _PLACE_HEADS)
    return bool(held) and any(c.dep_ == "poss" and _enemy_word(c, ctx) for c in tok.children)


def _inner(tok: Token, ctx: Context | None) -> str:
    """The kind of a phrase inside a target ("hundreds of ISIS fighters")."""
    return _kind(tok, _named(tok, ctx) if ctx is not None else [], ctx)


def _stands_for(tok: Token, ctx: Context, backed: bool) -> list[tuple[int, int, str]]:
    """The actor mentions a noun phrase's head stands for: a person named in apposition ("Commander of the Quds
    Force Major General Qassem Soleimani"), else the actors it names; when it names none, its backer ("US-led air
    strikes", with `backed`), its agentive "by" ("mistakes by the coalition", "raids by X and Y") or the members
    it names ("armed groups, such as the SDF")."""
    person = [m for c in tok.children if c.dep_ == "appos" for m in _named(c, ctx) if _types().get(m[2]) == "person"]
    actors = person or _named(tok, ctx)
    if tok.lemma_.lower() in _GOVERNMENTS:  # "the Obama administration", "Assad's regime": the state its leader governs
        actors = [_governed(m) for m in actors]
    if actors and all(m[2].startswith(PREFIX) for m in actors):  # "the Syria Democratic Forces (SDF)": a name the
        # catalogue spells otherwise is the catalogued actor its bracketed short form names
        actors = [m for c in tok.children if c.dep_ == "appos" and c.i > 0 and tok.doc[c.i - 1].text == "("
                  for m in _token_actors(c, ctx) if m[2] in _types()] or actors
    if not actors and backed and tok.lemma_.lower() in _GROUP_NOUNS:
        actors = [m for c in tok.children for m in ((_backing(c, ctx) or ([],))[0])]
    if not actors and tok.pos_ == "NOUN" and tok.lemma_.lower() in _ACT_NOUNS:  # "the offensive, led by X and
        # backed by Y": who led (or launched, conducted: a light verb of the act) the act did it
        actors = [m for c in tok.children if c.dep_ == "acl" and _lemma(c) in verb_classes().words["light"]
                  for b in c.children if b.dep_ == "agent" for p in b.children if p.dep_ == "pobj"
                  for q in _conjuncts(p) for m in _named(q, ctx)]
    if not actors and tok.pos_ == "NOUN":
        actors = [m for p in _by_objects(tok) for q in _conjuncts(p) for m in _named(q, ctx)] or \
            [m for c in tok.children if c.dep_ == "prep" and _preposition(c) in _EXAMPLES
             for p in c.children if p.dep_ == "pobj" for q in _conjuncts(p) for m in _named(q, ctx)]
    return actors


def _governed(mention: tuple[int, int, str]) -> tuple[int, int, str]:
    """A person's mention as the state the catalogue affiliates the person with (a leader's government), else as is."""
    s, e, actor = mention
    state = _affiliations().get(actor, "") if _types().get(actor) == "person" else ""
    return (s, e, state) if _types().get(state) == "state" else mention


def _party(head: Token, ctx: Context, doc: Doc | Span, with_actors: bool = True, backed: bool = True) -> list[Party]:
    """The parties a noun phrase stands for: one per actor it names (coordination included), else the phrase; with
    `backed`, a group or means that names no actor but its backer ("US-led air strikes") stands for the backer."""
    out = []
    for tok in [t for t in _conjuncts(head) if t is head or t.pos_ in ("NOUN", "PROPN", "PRON")]:
        actors = _stands_for(tok, ctx, backed) if with_actors else []
        left, right = _phrase(tok)
        start, end = _start(doc[left], ctx), _end(doc[right], ctx)
        antecedent = _antecedent(tok, ctx) if not actors and tok.lower_ in _PRONOUNS else None
        kind = _kind(tok, actors, ctx)
        if antecedent is not None and _kind(antecedent, [], ctx) in ("protected", "place", "enemy"):
            kind = _kind(antecedent, [], ctx)  # "slaughtered them": the people; an outcome is no object to act on
        lemma = tok.lemma_.lower()
        if kind == "actor" and lemma in verb_classes().words["designs"]:
            kind = "none"  # "destroying the US plan" thwarts a plan; it harms no one
        elif kind == "actor" and lemma in verb_classes().words["places"] and lemma not in _PLACE_HEADS \
                and not _token_actors(tok, ctx):
            kind = "place"  # "an attack against Syria's northwestern region": a place, whoever it belongs to
        if actors:
            out += [Party(a, s, e, kind) for s, e, a in actors]
        else:
            out.append(Party(NO_ACTOR, start, end, kind))
    return out


def _objects(verb: Token) -> list[Token]:
    """The verb's object heads: direct object and prepositional objects ("with" only for verbs of joint action)."""
    cls = verb_classes().lemma_class.get(_lemma(verb))
    direct = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not direct and not any(c.dep_ == "prep" for c in verb.children):  # "captured and destroyed the camps": the
        # object shared by coordinated verbs hangs on the last (right node raising, Quirk et al. 1985, 13.82)
        direct = [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i
                  and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
                  for o in c.children if o.dep_ in ("dobj", "obj")]
    preps = [p for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in _TARGET_PREPS
             and (c.lower_ != "with" or cls == "collude") and (c.lower_ != "from" or cls in _TAKING)
             and (c.lower_ != "to" or cls != "seize")  # "took to the streets" takes nothing
             and (c.lower_ != "over" or cls == "seize")  # "took over the city"
             for p in c.children if p.dep_ == "pobj"]
    particles = [p for c in verb.children if c.dep_ == "prt" for p in c.children if p.dep_ == "pobj"]
    # "recaptured the city of X from ISIS": the parse may hang "from" inside the object's phrase
    taken = [p for o in direct if cls in _TAKING and _kind(o, []) in ("place", "protected")
             for c in o.subtree if c.dep_ == "prep" and c.lower_ == "from"
             and c.i - o.i <= 8 and not _in_clause(c, o) for p in c.children if p.dep_ == "pobj"]
    # "helped Baghdad defeat ISIS", "let the fighters escape": a verb of help or permission takes an object and an
    # infinitive (Quirk et al. 1985, 16.52-16.53), which the parse may make the subject of a complement clause
    raised = [s for c in verb.children if cls == "support" and not direct and c.dep_ == "ccomp"
              for s in c.children if s.dep_ == "nsubj"]
    return direct + raised + particles + preps + taken


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, active or passive, never the place of a dateline the parse took for one ("BAGHOUZ,
    Syria — US-backed forces declared ..."): the subject after it, or the phrase the parse hung on it."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj", "expl"):
            if not _in_dateline(c):
                return c
            after = next((a for a in c.children if a.dep_ == "appos" and not _in_dateline(a)), None)
            if after is not None:
                return after
    return None


def _in_dateline(tok: Token) -> bool:
    """Whether a token is in the dateline opening a wire story's first sentence: capitalised words, numbers and an
    agency in brackets before a dash ("MOSCOW (AP) —", "BAGHOUZ, Syria—", "(Agency) - Moscow, November 14 -"; the
    AP Stylebook's datelines)."""
    sent = tok.sent
    dashes = [t.i for t in sent[: _DATELINE_TOKENS] if t.text in _DASHES]
    dash = next((d for d in reversed(dashes) if d > tok.i), None)
    if dash is None:
        return False
    before, depth, words = sent.doc[sent.start : dash], 0, []
    for t in before:  # what stands in brackets is an agency's name, whatever the parse made of it
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text != ")":
            words.append(t)
    return any(t.pos_ == "PROPN" for t in words) and all(
        t.pos_ in ("PROPN", "NUM", "PUNCT", "SPACE") or t.text[:1].isupper() for t in words)


def _passive(verb: Token) -> bool:
    """A passive verb, or a participle coordinated with one ("were evacuated by X ... and freed"); a participle with
    a direct object of its own is active, a past tense the parse took for a participle ("X air strikes killed 29
    civilians", parsed as "strikes [that were] killed")."""
    participle = verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and _subject(verb) is None \
        and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
    own = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or participle
    return own or (verb.dep_ == "conj" and verb.tag_ == "VBN" and _subject(verb) is None and _passive(verb.head))


def _by_objects(word: Token, more: Iterable[Token] = ()) -> list[Token]:
    """The objects of the agentive "by" phrases on a word (and of the given stray ones), and of the complex
    agentive prepositions ("at the hands of X"): its doers."""
    found = [_before_thanks(p) for c in [*word.children, *more]
             if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in _BY) for p in c.children if p.dep_ == "pobj"]
    for c in [*word.children, *more]:
        for first, noun, last in _COMPLEX_BY:
            found += [p for n in c.children if c.dep_ == "prep" and c.lower_ == first and n.dep_ == "pobj"
                      and n.lower_ == noun for o in n.children if o.dep_ == "prep" and o.lower_ == last
                      for p in o.children if p.dep_ == "pobj"]
    return found


def _thanks(tok: Token) -> bool:
    """Whether a token is the "thanks" of the complex preposition "thanks to"."""
    return tok.lower_ == "thanks" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"


def _before_thanks(tok: Token) -> Token:
    """The noun a parse hung on "thanks" as its compound ("by the army thanks to X" read as "the army-thanks"), else
    the token."""
    return next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1), tok) if _thanks(tok) else tok


def _thanked(thanks: Token) -> list[Token]:
    """What "thanks to" names: its object, or, where the parse read "to support from X" as a verb, X ("thanks to
    support from X and Y")."""
    to = thanks.doc[thanks.i + 1]
    found = [p for p in to.children if p.dep_ == "pobj"]
    if not found and to.dep_ == "aux" and to.head.lemma_.lower() in _HELP_NOUNS:
        found = [p for c in to.head.children if c.dep_ == "prep" and c.lower_ in _AGENT_PREPS | {"from"}
                 for p in c.children if p.dep_ == "pobj"]
    return found


def _by_agent(verb: Token) -> Token | None:
    """The passive agent: the object of "by" (shared by a coordinated participle)."""
    found = _by_objects(verb)
    if found:
        return found[0]
    return _by_agent(verb.head) if verb.dep_ == "conj" and verb.head.i != verb.i else None


def _preposition(prep: Token) -> str:
    """A preposition as written with the words of it before it: "such as", "including"."""
    return " ".join(t.lower_ for t in prep.subtree if t.i <= prep.i)


def _cause(verb: Token) -> Token | None:
    """The object of a causal preposition on a passive verb: "were killed as a result of X's airstrikes"; or the act
    of "in" that was the means ("were killed in X's airstrikes", "died in a coalition strike")."""
    for c in verb.children:
        if c.dep_ not in ("prep", "advmod", "amod", "acomp"):
            continue
        means = [p for p in c.children if c.lower_ == "in" and p.dep_ == "pobj"
                 and (_passive(verb) or _lemma(verb) in verb_classes().words["undergoing"])
                 and p.lemma_.lower() in verb_classes().words["attack_nouns"]]
        if means:
            return means[0]
        words = list(c.subtree)
        for phrase in _CAUSAL:
            if [t.lower_ for t in words[: len(phrase)]] == list(phrase):
                return next((p for p in words[len(phrase) - 1].children if p.dep_ == "pobj"), None)
    return None


def _agent_head(verb: Token) -> Token | None:
    """The token that names the verb's doer: subject, passive agent, relative or participle head, or the subject
    of the verb it is coordinated with, controlled by or purposes ("continued to attack", "launched ... to free")."""
    if _passive(verb):
        return _by_agent(verb) or _cause(verb)
    subject = _subject(verb)
    if subject is not None:
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head
        return subject
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _PLACE_HEADS \
            and verb.head.dep_ in ("dobj", "obj", "pobj"):  # "unleashed hell upon the position killing 100 defenders"
        governor = next((a for a in verb.head.ancestors if a.pos_ == "VERB"), None)
        return _agent_head(governor) if governor is not None else None
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and any(c.dep_ in ("dobj", "obj") for c in verb.children) \
            and verb.head.dep_ in ("dobj", "obj") and verb.head.head.dep_ == "acl" and verb.head.head.tag_ == "VBG":
        # "bombings targeting Yemeni troops killed 42 people": the parse hangs the main verb on the participle's
        # object; the doer is what the participle describes (the bombings), not its object (the troops)
        return verb.head.head.head
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    if verb.dep_ == "pcomp":  # "cooperation between X and Y in liberating", "by attacking", "exchanging roles in targeting"
        prep = verb.head
        kept = next((c for c in prep.head.children if c.dep_ in ("dobj", "obj")), None)
        if prep.lower_ == "from" and kept is not None and _lemma(prep.head) in verb_classes().words["prevention"]:
            return kept  # "blocked X from taking": X would have taken (object control)
        judged = next((c for c in prep.head.children if c.dep_ in ("dobj", "obj")), None)
        if judged is not None and verb_classes().lemma_class.get(prep.head.lemma_.lower()) in ("praise", "criticize"):
            return judged  # "accused X of funding", "thanked X for liberating"
        if prep.head.dep_ in ("dobj", "obj") and verb_classes().lemma_class.get(_lemma(prep.head.head)) in ("praise", "criticize"):
            return prep.head  # the same, with "of funding" hung on the object: the accused did it, not the accuser
        judged = next((c for c in prep.head.children if c.dep_ == "nsubjpass"), None)
        if judged is not None and verb_classes().lemma_class.get(_lemma(prep.head)) in ("praise", "criticize"):
            return judged  # "X was accused of torturing", "X was praised for liberating": the passive's subject
        if prep.head.pos_ in ("NOUN", "PROPN") and prep.head.dep_ in ("dobj", "pobj") and prep.head.head.pos_ == "VERB" \
                and not _between(prep.head):
            return _agent_head(prep.head.head)
        return prep.head if prep.head.pos_ in ("NOUN", "PROPN") else _agent_head(prep.head)
    if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "acomp") and verb.head.pos_ in ("VERB", "AUX") \
            and verb.head.i != verb.i:  # acomp: "X were successful in retaking Y", the copula's subject
        controller = verb.head
        if verb.dep_ == "xcomp":  # object control: "allowed the troops to launch"
            obj = next((c for c in controller.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
            if _lemma(controller) in _saying_verbs():
                return None  # "X reported on the operation to lift the siege": a verb of saying controls no act
        if verb.dep_ == "ccomp" and _subject(verb) is None and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        return _agent_head(controller)
    return None


def _between(head: Token) -> list[Token]:
    """"cooperation between X and Y": X and Y."""
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ in _PARTY_PREPS
            for p in c.children if p.dep_ == "pobj"]


def _helpers(verb: Token) -> list[Token]:
    """Co-agents the clause names: "thanks to X", "with the help/support of X", "together with X"."""
    found = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to" and any(s.lower_ == "thanks" for s in verb.children):
            found += [p for p in c.children if p.dep_ == "pobj"]
        if c.lower_ == "thanks":
            found += [p for to in c.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"]
        if c.dep_ == "agent":  # "by X thanks to Y", the parse hanging "thanks" on the "by"
            found += [p for t in c.children if t.dep_ == "pobj" and _thanks(t) for p in _thanked(t)]
        if c.dep_ in ("prep", "advmod") and c.lower_ in _COMPANY_ADVERBS:  # "along with X", "together with X"
            found += [p for w in c.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
        if c.dep_ == "prep" and c.lower_ in _JOINT_PREPS:  # "in a joint offensive with X", "in cooperation with X"
            found += [q for p in c.children if p.dep_ == "pobj"
                      and p.lemma_.lower() in _HELP_NOUNS | verb_classes().words["attack_nouns"]
                      for w in p.children if w.dep_ == "prep" and w.lower_ in _COMPANY_PREPS
                      for q in w.children if q.dep_ == "pobj"]
        if c.dep_ == "prep" and c.lower_ in _COMPANY_PREPS:
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in _HELP_NOUNS:  # "with the help of X", "with support from X"
                    found += _between(p) + [q for w in p.children if w.dep_ == "prep" and w.lower_ in _SOURCE_PREPS
                                            for q in w.children if q.dep_ == "pobj"]
                elif p.dep_ == "pobj" and c.lower_ == "alongside":
                    found.append(p)
    return found


def _negated(verb: Token) -> bool:
    """A "not"/"never"/"no" on the verb (or on the verb it shares its auxiliaries with)."""
    own = any(c.dep_ == "neg" for c in verb.children)
    shared = verb.dep_ == "conj" and any(c.dep_ == "neg" and c.i < verb.i for c in verb.head.children)
    return own or shared



def _scare_quoted(verb: Token) -> bool:
    """A verb that opens quotation marks holding at most four words ("are in Syria “fighting” ISIS", "the disguise of
    “fighting terrorism”"): the writer mentions the word and keeps their distance from it; a statement is longer, and
    words quoted from a source with the verb inside them ("the CTS “completely liberated” the town", a partial
    quotation) are the source's report, not a distance."""
    doc = verb.doc
    left = next((t.i for t in reversed(doc[max(0, verb.i - 4) : verb.i]) if t.text in _OPENING | _CLOSING), None)
    right = next((t.i for t in doc[verb.i + 1 : verb.i + 5] if t.text in _OPENING | _CLOSING), None)
    return left is not None and right is not None and doc[left].text in _OPENING and doc[right].text in _CLOSING \
        and right - left <= 5 and left == verb.i - 1


def _modality(verb: Token, sent: Span) -> str:
    """asserted, possible (modal, future, intended, conditional, a yes/no question), demanded, denied, or
    distanced (in scare quotes)."""
    vc = verb_classes()
    if _scare_quoted(verb):
        return "distanced"
    text = sent.text.rstrip().rstrip("\"”’'").rstrip()
    question = text.endswith("?")
    rhetorical = question and sent[0].lower_ in _RHETORICAL  # "Why would X protect Daesh?" asserts that X does
    tok = verb
    for _ in range(6):
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" and not rhetorical:
                if c.lower_ in vc.words["demanded"]:
                    return "demanded"
                if c.lower_ in vc.words["possible"] or c.lemma_.lower() in vc.words["possible"]:
                    return "possible"
            if c.dep_ == "mark" and c.lower_ in _CONDITIONAL:
                return "possible"
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in vc.words["factive"] for c in tok.children):
            break  # "As X attacked Y, one attack must be mentioned": a reason or a time is asserted on its own
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break  # "X would be next, and Y have surrounded it": a clause with its own subject keeps its own modality
        if tok.dep_ == "pcomp" and tok.head.lower_ == "from" and _lemma(tok.head.head) in vc.words["prevention"]:
            return "denied"  # "blocked X from taking the border": the taking did not happen
        if tok.dep_ == "prep" and tok.head.pos_ == "ADJ" and tok.head.dep_ == "acomp":  # "were capable of liberating"
            if tok.head.lemma_.lower() in vc.words["possible"]:
                return "possible"
            break
        if tok.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp") or tok.dep_ == "conj":
            head = tok.head
            lemma = head.lemma_.lower()
            if tok.dep_ != "conj":
                ending = lemma in vc.words["cessation"] | vc.words["unfulfilled"] and tok.dep_ == "xcomp"
                if lemma in vc.words["deny"] or (ending and not _negated(head)):
                    return "denied"  # "denied funding", "stopped attacking", "failed to protect"
                if tok.dep_ in ("ccomp", "acl") and lemma not in _FACTIVE and any(
                        c.dep_ == "mark" for c in tok.children) and (_negated(head) or any(
                        c.dep_ == "det" and c.lower_ in _NEGATIVE_DETERMINERS for c in head.children)):
                    return "denied"  # "it is not true that X funded ISIS", "no evidence that X armed them"
                # "never stopped fighting", "did not fail to strike": two negations assert the act (the ending
                # verb's own modality still holds: "will never stop fighting")
                if lemma in vc.words["demanded"] and tok.dep_ in ("xcomp", "ccomp"):
                    return "demanded"
                claimed = lemma in vc.words["hearsay"] and tok.dep_ in ("ccomp", "acl", "pcomp")
                if claimed and tok.dep_ == "ccomp" and _self_claim(tok, head):
                    claimed = False  # "the army claimed that it has taken X": its own act, in its own voice
                if (lemma in vc.words["possible"] and tok.dep_ in ("xcomp", "ccomp", "acl")) or claimed:
                    return "possible"  # "plans to strike", "the accusations that X funds ISIS"
                going_on = tok.dep_ == "advcl" and _phrasal(head) in vc.words["continuation"]  # "went on to hail X"
                if purpose and tok.dep_ in ("advcl", "acl", "relcl") and not going_on:  # "an offensive to liberate Raqqa"
                    act = head if head.pos_ in ("VERB", "AUX") else head.head  # "not taking precautions to prevent"
                    return "denied" if _negated(act) else "possible"  # a purpose of an act not done is not met
                if tok.dep_ == "ccomp" and _lemma(head) in _saying_verbs():
                    break  # "X added that ISIS had been sponsored by Y, so Z could not expect ...": what a statement
                    # says keeps its own modality, not that of a clause the parse hangs the verb of saying on
            if head.i == tok.i:
                break
            tok = head
            continue
        break
    if question and not rhetorical and sent.root.i >= 0:
        first = next((t for t in sent if not t.is_punct), None)
        if first is not None and first.pos_ == "AUX":
            return "possible"
    return "asserted"


def _declared(verb: Token) -> Token | None:
    """The outcome a verb of declaring claims ("declared victory over ISIS", "announced the liberation of X"); not
    one whose "by" names who achieved it ("announced the group's defeat by U.S. troops": the troops' act, reported)."""
    vc = verb_classes()
    if _lemma(verb) not in vc.words["declaring"]:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in vc.words["victory"]
                 and _kind(c, []) == "victory" and not _by_objects(c)), None)  # a harm announced ("the killing of
    # X") is reported, not claimed


def _phrasal(verb: Token) -> str:
    """A verb's lemma with its particle, if it has one ("go on")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _self_claim(clause: Token, verb: Token) -> bool:
    """A claim whose clause's subject is a pronoun of the claimant ("X claimed that it had taken the city", "we"):
    the claimant's own act, which the claim asserts in its voice (a claim of what another did stays unasserted)."""
    subject, claimant = _subject(clause), _subject(verb)
    return subject is not None and claimant is not None and subject.lower_ in _CLAIMANT_PRONOUNS \
        and (_PRONOUNS[subject.lower_] == "speaker" or (subject.lower_ == "they") == _plural(claimant))


def _light(verb: Token) -> tuple[Token, str] | None:
    """The noun that names the act of a light verb, with the act's class: an attack ("carried out airstrikes",
    "launched an offensive", "keeping pressure on"), a crime ("the assassination was conducted by"), or a judgment
    ("expressed gratitude to X", "voiced criticism of X")."""
    vc = verb_classes()
    if _lemma(verb) not in vc.words["light"] | vc.words["judging"] | vc.words["transfer"]:
        return None
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in vc.words["attack_nouns"] and _lemma(verb) in vc.words["light"]:
        return verb.head, "fight"  # "the progress our Coalition has made against the Islamic State"
    for c in verb.children:
        if c.dep_ not in ("dobj", "obj", "nsubjpass"):
            continue
        lemma = c.lemma_.lower()
        if lemma in vc.words["praise_nouns"]:
            return c, "praise"
        if lemma in vc.words["criticism_nouns"]:
            return c, "criticize"
        if _lemma(verb) in vc.words["transfer"] and lemma in vc.words["aid_nouns"]:
            return c, "support"  # "provided air cover to X", "gave weapons to X"
        if _lemma(verb) not in vc.words["light"]:
            continue
        if lemma in vc.words["deal_nouns"]:
            return c, "collude"
        if lemma in vc.words["attack_nouns"]:
            return c, "fight"
        if lemma in vc.words["agentive_nouns"] | vc.words["inflicted_nouns"]:  # "took a heavy toll on civilians"
            return c, "violence"
    if _lemma(verb) in vc.words["transfer"]:  # "provided the government with military assistance": the recipient is
        # the object and the aid the object of "with" (Quirk et al. 1985, 16.57, the provide-with alternation)
        return next(((p, "support") for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                     for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in vc.words["aid_nouns"]), None)
    return None


def _verb_text(verb: Token, doc: Doc | Span) -> tuple[int, int]:
    """Token bounds of the verb as written, with its particle ("carried out", "drove out")."""
    particles = [c.i for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return verb.i, max([verb.i, *particles])


def _noun_targets(noun: Token) -> list[Token]:
    """What an act noun aims at: "strikes on X", "war against X", "damage to X", "gratitude to X"; else what its
    opposing modifier names ("a counter-terrorist campaign", "anti-ISIS raids"); else what the clause it heads aims
    at ("an offensive to liberate Raqqa from the Islamic State")."""
    joint = noun.lemma_.lower() in verb_classes().words["deal_nouns"]
    direct = [p for c in (*noun.children, *noun.head.children) if c.dep_ == "prep"
              and (c.lower_ in _ACT_NOUN_PREPS or (joint and c.lower_ == "with"))
              and (c.head.i == noun.i or joint) for p in c.children if p.dep_ == "pobj"]
    nested = [p for t in noun.subtree if t.dep_ == "prep" and t.lower_ in _NESTED_PREPS and t.head.i != noun.i
              and t.i - noun.i <= 10 and not any(a.dep_ in ("relcl", "conj") for a in t.ancestors if a.i > noun.i)
              for p in t.children if p.dep_ == "pobj"]
    purpose = [o for c in noun.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verb_classes().lemma_class
               for o in _objects(c)]
    opposed = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and _opposed(c)]  # "anti-ISIS raids"
    return direct + nested or opposed or purpose


def _appraised(adjective: Token) -> str:
    """"harm" or "victory" for an adjective whose rated valence reaches data/verb_classes.yaml appraisal_threshold;
    an epithet of the ISIS side ("terrorist") is its label, not a judgment."""
    doc = adjective.doc
    hyphened = adjective.i > 0 and doc[adjective.i - 1].text == "-"  # "pre-war": the word is part of another
    if adjective.pos_ != "ADJ" or adjective.lower_ in _epithets() or hyphened:
        return "none"
    rated, threshold = valence().get(adjective.lower_, 0.0), _EVENT_WORDS["appraisal_threshold"]
    return "harm" if rated <= -threshold else "victory" if rated >= threshold else "none"


def _role(noun: Token, ctx: Context | None = None) -> str:
    """What a "role" is: a victory ("a pivotal role", "a strong presence", "a role in the liberation", "the
    difference in the fight against ISIS"), a harm ("a destructive role"); ctx: to see the actors inside it."""
    vc = verb_classes()
    modifiers = [m for c in noun.children if c.dep_ in ("amod", "compound") for m in (c, *c.conjuncts)]
    adjectives = {m.lower_ for m in modifiers} | {noun.lower_}
    appraised = {_appraised(m) for m in modifiers}
    if adjectives & vc.words["negative_roles"] or "harm" in appraised:
        return "harm"
    around = [*noun.children, *(noun.head.children if noun.dep_ in ("dobj", "acomp") else ())]  # "made the difference
    # in X", "was instrumental in X"
    inner = [_inner(t, ctx) for c in around if c.dep_ == "prep" and c.lower_ in _CONTRIBUTION_PREPS
             for p in c.children if p.dep_ in ("pobj", "pcomp") for t in p.subtree if t.pos_ == "NOUN"]
    if ((adjectives & vc.words["positive_roles"] or "victory" in appraised) and noun.dep_ != "acomp") or "victory" in inner:
        return "victory"
    return "harm" if "harm" in inner else "none"


@dataclass
class Event:
    """One actor-verb-target triple before it becomes rows."""

    verb_start: int
    verb_end: int
    lemma: str
    verb_class: str
    agents: list[Party]
    targets: list[Party]
    negated: bool
    modality: str


def _purpose(verb: Token, ctx: Context | None = None) -> Token | None:
    """The purpose clause of a verb when it aims at the enemy ("... to defeat the jihadists", "to eliminate the
    pockets of ISIL fighters": the objects read with the document's actors when `ctx` is given) or at freeing a place
    ("an offensive to liberate Raqqa"): its verb."""
    vc = verb_classes()
    for c in verb.children:
        cls = vc.lemma_class.get(_lemma(c))
        kinds = {_kind(o, []) if ctx is None else _inner(o, ctx) for o in _objects(c)}
        if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                and (cls in ("defeat", "fight") and "enemy" in kinds or cls == "defeat" and "place" in kinds):
            return c
    # "conducted 26 airstrikes as part of the effort to retake the region": the purpose of the act it is part of
    # (or of the operation it is done in: "mobilised 10,000 fighters in an operation to drive ISIS out")
    wholes = [w for c in verb.children if c.dep_ == "prep" and c.lower_ in _AS for p in c.children
              if p.dep_ == "pobj" and p.lemma_.lower() in _RELATIONAL for o in p.children if o.dep_ == "prep"
              and o.lower_ == "of" for w in o.children if w.dep_ == "pobj"]
    wholes += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
    wholes = [w for w in wholes if w.lemma_.lower() in verb_classes().words["attack_nouns"]]
    return next((aim for w in wholes if (aim := _purpose(w, ctx)) is not None), None)


def _doer(verb: Token, ctx: Context, doc: Doc) -> list[Party]:
    """The verb's agents (with the co-agents of "thanks to", "with the help of"); for a participle clause on a noun
    of saying that names no actor, the subject of the verb governing that noun ("issued a statement praising")."""
    head = _agent_head(verb)
    agents = _party(head, ctx, doc) if head is not None else []
    if head is not None and head.head.i == verb.i and head.dep_ == "nsubj":  # "X along with their allies Y and Z have
        # liberated": the parse may split a long subject into two
        agents += [p for c in verb.children if c.dep_ == "nsubj" and c.i != head.i and c.pos_ in ("NOUN", "PROPN")
                   and head.pos_ in ("NOUN", "PROPN") and not _in_dateline(c) for p in _party(c, ctx, doc)]
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "VERB":  # "praised the cooperation between X and Y in liberating"
        joint = [o for o in _objects(verb.head.head) if o.lemma_.lower() in _HELP_NOUNS]
        agents = [p for o in joint for b in _between(o) for q in _conjuncts(b) for p in _party(q, ctx, doc)] or agents
    if not any(p.actor for p in agents) and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "attr") \
            and verb.head.lemma_.lower() in _saying_nouns():  # not "held the countries backing terrorism responsible"
        governor = _agent_head(verb.head.head)
        agents = _party(governor, ctx, doc) if governor is not None else agents
    if not any(p.actor for p in agents) and verb.dep_ in ("acl", "relcl"):
        agents = _cited_as(verb.head, ctx, doc) or agents
    return agents + [p for h in _helpers(verb) for p in _party(h, ctx, doc)]


def _cited_as(noun: Token, ctx: Context, doc: Doc) -> list[Party]:
    """"cited X, Y and Z as being on top of the countries providing support to ...", "named X as one of the states
    that fund ...": the parties an "as" complement ranks among the group a clause describes (grammar.yaml
    ranking_nouns), so the group's act is theirs."""
    tok = noun
    for _ in range(6):
        head = tok.head
        if head.i == tok.i or not (tok.dep_ in ("pobj", "pcomp", "prep") or tok.lemma_.lower() in _RANKING):
            return []
        if head.lower_ in _AS and head.dep_ == "prep" and head.head.pos_ == "VERB":
            cited = [o for o in head.head.children if o.dep_ in ("dobj", "obj", "oprd")]
            return [p for o in cited for q in _conjuncts(o) for p in _party(q, ctx, doc) if p.actor]
        tok = head
    return []


def _complemented(verb: Token) -> bool:
    """A complex-transitive use, an adjective after the object completing it ("held X responsible", "held X
    accountable"; Quirk et al. 1985, 16.43): a judgment, not a custody."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return any(t.pos_ == "ADJ" and t.i > o.i for o in objects for t in (*o.children, *verb.children)
               if t.dep_ in ("amod", "oprd", "acomp", "dobj", "xcomp", "ccomp"))


def _in_custody(verb: Token) -> bool:
    """Whether a verb of detaining is one: a verb of keeping only with "in" a place of custody ("holding X in
    detention centres"; verb_classes.yaml custody_verbs, custody_nouns), every other one always."""
    vc = verb_classes()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return _lemma(verb) not in vc.words["custody_verbs"] or any(  # the parse may hang "in" on the object
        t.lower_ in vc.words["custody_nouns"] for c in (*verb.children, *(c for o in objects for c in o.children))
        if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj" for t in p.subtree)


def _verbal(verb: Token, sent: Span, ctx: Context) -> Event | None:
    """The event of one verb of a listed class, or of a light verb with an act noun."""
    vc = verb_classes()
    lemma = _lemma(verb)
    light = _light(verb)
    noun, cls = light if light else (None, vc.lemma_class.get(lemma))
    judged = lemma in _COPULA and any(c.dep_ == "acomp" and _role(c, ctx) != "none" and any(
        p.dep_ == "prep" for p in (*c.children, *verb.children)) for c in verb.children)  # "X was critical to the
    # victory", "X has been instrumental in the liberation" (the parse may hang "in" on the verb), not "X is important"
    cls = "contribute" if judged else cls  # "X was critical to the victory", "X is a destructive role"
    declared = _declared(verb) if cls is None else None
    cls = "contribute" if declared is not None else cls  # "X declared victory over ISIS": X claims it
    if cls is None or verb.pos_ not in ("VERB", "AUX") or (lemma in _PRIMARY_VERBS and not judged) \
            or (cls == "detain" and (_complemented(verb) or not _in_custody(verb))) \
            or (lemma in _ANSWERABLE and verb.dep_ == "xcomp" and verb.head.lemma_ in _COPULA):
        return None  # "X is to blame for Y" says X caused Y (`_answerable`), not that X blames
    if cls == "praise" and sum(not t.is_punct for t in verb.subtree if t.i >= verb.i) <= 2 \
            and not any(c.dep_ in ("dobj", "obj") and _PRONOUNS.get(c.lower_) != "addressee" for c in verb.children):
        return None  # "Thank you.", "Congratulations to you!": a formula of politeness, not a judgment ("X hailed Y" is)
    doc = sent.doc
    agents = _doer(verb, ctx, doc)
    role = next((c for c in verb.children if (c.dep_ == "dobj" and cls == "contribute" and light is None
                                              and c.lemma_.lower() in vc.words["role_nouns"])
                 or (c.dep_ == "acomp" and lemma in _COPULA)), None)
    if role is not None:  # "played a pivotal role in the liberation"
        left, right = _phrase(role)
        targets = [Party(NO_ACTOR, _start(doc[left], ctx), _end(doc[right], ctx), _role(role, ctx))]
    elif declared is not None:
        left, right = _phrase(declared)
        targets = [Party(NO_ACTOR, _start(doc[left], ctx), _end(doc[right], ctx), _kind(declared, [], ctx))]
    elif noun is not None:
        recipient = [o for o in _objects(verb) if o.dep_ in ("dobj", "obj")] \
            if cls == "support" and noun.dep_ == "pobj" and noun.head.lower_ == "with" else []  # "provided X with aid"
        aims = recipient or _noun_targets(noun) or [p for c in verb.children if c.dep_ == "prep" and c.lower_ in _AIM_PREPS
                                       for p in c.children if p.dep_ == "pobj"] \
            or [p for c in verb.children if c.dep_ == "dative" and cls == "support"  # "gave (to) the army weapons"
                for p in ([c] if c.pos_ != "ADP" else [p for p in c.children if p.dep_ == "pobj"])]
        targets = [p for t in aims for p in _party(t, ctx, doc)]
        if not aims:  # "resumed their effort" after "a new offensive to remove ISIS": the same fight, on the enemy
            left, right = _phrase(noun)
            kind = "harm" if cls == "violence" else "enemy" if cls == "fight" and _recalled_fight(noun, ctx) else "none"
            targets = [Party(NO_ACTOR, _start(doc[left], ctx), _end(doc[right], ctx), kind)]
    elif _passive(verb) and verb.dep_ == "acl":  # "the towns and villages seized by X": what the participle follows,
        # not a conjunct the parse hangs on the head after it ("The documents, seized by X, detail Al-Qaeda ...")
        targets = [p for p in _party(verb.head, ctx, doc) if p.start < _start(verb, ctx)]
    elif _passive(verb) and verb.dep_ == "advcl" and not any(c.dep_ == "nsubjpass" for c in verb.children):  # "Backed by X, the army drove ...": the main clause's subject
        subj = _subject(verb.head)
        targets = [p for t in _conjuncts(subj) for p in _party(t, ctx, doc)] if subj is not None else []
    elif _passive(verb):
        shared = verb.head if verb.dep_ == "conj" else verb
        subj = next((c for c in (*verb.children, *shared.children) if c.dep_ == "nsubjpass"), None)
        if subj is None and shared is not verb:  # "Tikrit fell but was later retaken by X": the shared subject
            subj = _subject(shared)
        if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            subj = verb.head
        targets = _party(subj, ctx, doc) if subj is not None else []
    else:
        targets = [_taken(cls, o, p) for o in _objects(verb) for p in _party(o, ctx, doc)]
    aim = _purpose(verb, ctx) or (_purpose(noun, ctx) if noun is not None else None)  # "commence operations to clear X"
    if aim is not None and (cls in ("collude", "deploy") or not any(p.kind not in ("none", "place") for p in targets)):
        # "collaborating with X to defeat the jihadists", "resumed their effort to remove IS": a joint fight;
        # "mobilised X's fighters in an operation to drive ISIS out": the forces sent fight it too
        agents += [p for p in targets if p.actor and cls in ("collude", "deploy")]
        left, right = _phrase(aim)
        targets = [Party(NO_ACTOR, _start(doc[left], ctx), _end(doc[right], ctx), "victory")]
    freed = [p for o in verb.children if o.dep_ in ("dobj", "obj", "nsubjpass") for p in _party(o, ctx, doc)]
    if cls == "defeat" and lemma in vc.words["release"] and any(p.kind == "enemy" for p in freed):
        cls = "support"  # "freed ISIS fighters", "rescued the militants": a release, not a liberation
    targets = _harm_fought(cls, targets)
    if not any(p.actor for p in agents) and _passive(verb) and _by_agent(verb) is None \
            and any(p.kind == "victory" for p in targets):  # "'the victory against Daesh has been achieved,' said X,
        # a spokesman for the SDF": a victory announced as done, with no doer, is claimed by the speaker's body
        side = _side(_voice(_start(verb, ctx), ctx.voices), ctx)
        agents = [Party(side, -1, -1, "actor")] if side else agents
    first, last = _verb_text(verb, doc)
    if noun is not None and noun.i > verb.i:
        last = max(last, noun.i)
    if not any(p.actor for p in agents + targets):
        return None
    return Event(_start(doc[first], ctx), _end(doc[last], ctx), lemma, cls, agents,
                 targets, _negated(verb), "denied" if _negated(verb) else _modality(verb, sent))


def _taken(cls: str, obj: Token, party: Party) -> Party:
    """What is taken is land when a place noun heads it ("seized the town", "took his neighborhood", "took control of
    the town"), though the noun also names a protected object: taking it is no attack on it."""
    places = verb_classes().words["places"]
    held = [p for c in obj.children if c.dep_ == "prep" and c.lower_ in _PART_PREPS for p in c.children
            if p.dep_ == "pobj"] if obj.lemma_.lower() in _RELATIONAL else []  # "took control of the town"
    if cls == "seize" and party.kind == "protected" and not party.actor \
            and any(t.lemma_.lower() in places for t in [obj, *held]):
        return Party(party.actor, party.start, party.end, "place")
    return party


def _harm_fought(cls: str, targets: list[Party]) -> list[Party]:
    """Fighting or ending a harm fights the enemy ("fighting terrorism", "ending the occupation")."""
    if cls not in ("fight", "defeat"):
        return targets
    return [Party(p.actor, p.start, p.end, "enemy") if p.kind == "harm" else p for p in targets]


def _owners(noun: Token, ctx: Context, doc: Doc) -> list[Party]:
    """Who owns a quality or part: "X's leadership", "its role", "the sacrifices of X", "US proxies", the "of X"
    shared by coordinated nouns ("the wise leadership and prudent guidelines of X")."""
    heads = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and not _opposed(c)]
    of = [p for n in (noun, *noun.conjuncts) if n.i >= noun.i for c in n.children
          if c.dep_ == "prep" and c.lower_ in _AGENT_PREPS for p in c.children if p.dep_ == "pobj"]
    found = [p for h in heads for p in _party(h, ctx, doc) if p.actor]
    return found or [p for h in of[:1] for p in _party(h, ctx, doc) if p.actor]


def _predicated(noun: Token) -> Token | None:
    """The verb that says a noun of its subject: "X is/became N", "X proved itself (as) N", "X served as N"."""
    if noun.dep_ in ("attr", "oprd") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in _AS and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def _reflexive(tok: Token) -> bool:
    """A reflexive pronoun ("itself", "themselves"): it stands for its clause's subject."""
    return tok.pos_ == "PRON" and tok.lower_.endswith(("self", "selves"))


def _said_of(noun: Token, ctx: Context, doc: Doc) -> tuple[list[Party], Token | None]:
    """Who a noun is said of, with the verb that says it: the subject of "X is N" or "X proved itself as N", the
    object of a complex-transitive verb ("X called Y a supporter of Z", "X sees Y as an enemy of Z": the object
    complement is said of the object; Quirk et al. 1985, 16.43-16.48) (that verb's negation and modality hold), or
    the name an apposition describes ("X, the main sponsor of ...")."""
    verb = _predicated(noun)
    if verb is not None:
        said = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < noun.i and not _reflexive(c)), None)
        head = said if said is not None else _agent_head(verb)  # "X called Y a sponsor of Z": said of Y (Quirk 16.43)
        return ([p for p in _party(head, ctx, doc) if p.actor] if head is not None else []), verb
    if noun.dep_ == "appos":
        return [p for p in _party(noun.head, ctx, doc) if p.actor], None
    return [], None


def _attribution(noun: Token, owners: list[Party], verb: Token | None, cls: str, targets: list[Party],
                 sent: Span, ctx: Context) -> Event:
    """The event of a noun said of its owners, asserted unless the verb that says it is negated or not asserted."""
    negated = verb is not None and _negated(verb)
    modality = "asserted" if verb is None else "denied" if negated else _modality(verb, sent)
    return Event(_start(noun, ctx), _end(noun, ctx), noun.lemma_.lower(), cls, owners, targets, negated,
                 modality)


def _relational(noun: Token, sent: Span, ctx: Context) -> Event | None:
    """A noun that relates whoever it is said of to its "of" object: "X is the mastermind of the liberation", "X
    proved itself an enemy of ISIS", "X, a sponsor of the militants" (data/verb_classes.yaml relational_nouns)."""
    cls = verb_classes().relational.get(noun.lemma_.lower())
    partaken = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                if p.dep_ == "pobj" and _inner(p, ctx) in ("victory", "harm")] \
        if noun.lemma_.lower() in _PARTNERS else []  # "a key partner in the fight against ISIS"
    if (cls is None and not partaken) or noun.pos_ != "NOUN":
        return None
    owners, verb = _said_of(noun, ctx, sent.doc)
    if not owners:
        return None
    if partaken:
        left, right = _phrase(partaken[0])
        outcome = Party(NO_ACTOR, _start(sent.doc[left], ctx), _end(sent.doc[right], ctx), _inner(partaken[0], ctx))
        return _attribution(noun, owners, verb, "contribute", [outcome], sent, ctx)
    related = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    targets = [p for t in related for p in _party(t, ctx, sent.doc)]
    return _attribution(noun, owners, verb, cls, targets, sent, ctx) if targets else None


def _judged_noun(noun: Token, sent: Span, ctx: Context) -> Event | None:
    """A quality or a part whose owner is judged: "the sacrifices of X", "US proxies", "X's pivotal role"."""
    vc = verb_classes()
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if noun.pos_ not in ("NOUN", "PROPN") or (noun.pos_ == "NOUN" and not noun.text.islower()):
        return None  # "International Visitor Leadership Program" is a name
    if noun.pos_ == "NOUN" and (lemma in vc.words["credit_nouns"] or lower in vc.words["credit_nouns"]):
        kind = "victory"
    elif noun.pos_ == "NOUN" and (lemma in vc.words["blame_nouns"] or lower in vc.words["blame_nouns"]):
        kind = "harm"
    elif noun.pos_ == "NOUN" and lemma in vc.words["role_nouns"]:
        kind = _role(noun, ctx)
    elif any(c.dep_ == "amod" and (c.lower_ in vc.words["condemning"] or _appraised(c) == "harm") for c in noun.children):
        named = _token_actors(noun, ctx) or [m for p in _owners(noun, ctx, sent.doc) for m in [(p.start, p.end, p.actor)]]
        if not named and lemma in _GROUP_WORDS and not any(  # "this perverted group"; not "the dangerous
                t.pos_ == "PROPN" for t in noun.subtree if t.i != noun.i):  # organization Fatah al-Islam", named
            named = ctx.actors.last_enemy(_start(noun, ctx))
        owners = [Party(a, s, e, "actor") for s, e, a in named]
        target = Party(NO_ACTOR, _start(noun, ctx), _end(noun, ctx), "harm")
        return Event(_start(noun, ctx), _end(noun, ctx), lemma, "attribute", owners, [target], False,
                     "asserted") if owners else None
    else:
        return None
    if kind == "none":
        return None
    owners, verb = _owners(noun, ctx, sent.doc), None
    if not owners and (lemma in vc.words["credit_nouns"] or lower in vc.words["credit_nouns"]):  # "a major victory
        # for X's government": whose victory it is (not "support for X", which X receives)
        owners = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in _BENEFICIARY_PREPS
                  for o in c.children if o.dep_ == "pobj" for p in _party(o, ctx, sent.doc) if p.actor]
    if not owners:  # "X is the leading sponsor of terrorism", "X, a proxy of ..."
        owners, verb = _said_of(noun, ctx, sent.doc)
    target = Party(NO_ACTOR, _start(noun, ctx), _end(noun, ctx), kind)
    return _attribution(noun, owners, verb, "attribute", [target], sent, ctx) if owners else None


def _stopped(noun: Token) -> bool:
    """An act noun that a verb of ending takes as object: "halted its attacks", "stopped all of its strikes"."""
    tok = noun
    for _ in range(3):  # up through "all of", "most of"
        if tok.dep_ in ("dobj", "obj"):
            return _lemma(tok.head) in verb_classes().words["cessation"]
        if tok.dep_ not in ("pobj", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _nominal(noun: Token, sent: Span, ctx: Context) -> Event | None:
    """An act named by a noun with its doer: "US crimes", "crimes of X", "victims of X", "Daesh oppression", "the
    U.S. killing of X", "the liberation of Mosul by X", "X's defeat of ISIS"; a fight between the enemy and another
    ("a fight between the Kurds and the Islamic State": the other side fights the enemy)."""
    vc = verb_classes()
    lemma = noun.lemma_.lower()
    agentive = lemma in vc.words["agentive_nouns"] or noun.lower_ in vc.words["agentive_nouns"]
    victory = lemma in vc.words["victory"] and lemma in vc.words["action_nouns"]
    # "their fight against X", "X's war on Y"; not the cause of what its sentence reports ("civilians were killed as a
    # result of X's airstrikes on ISIS targets": the airstrikes are there for the deaths)
    aimed = lemma in vc.words["attack_nouns"] and any(c.dep_ == "poss" for c in noun.children) and any(
        c.dep_ == "prep" and c.lower_ in _NESTED_PREPS for c in noun.children) and not any(
        (cause := _cause(a)) is not None and cause.i == noun.i for a in noun.ancestors if a.pos_ == "VERB")
    warring = _at_war(noun)  # "X has been at war with Y"
    sides_of = _between(noun) if lemma in vc.words["attack_nouns"] else []  # "a fight between the Kurds and ISIS"
    if noun.pos_ != "NOUN" or not (agentive or victory or aimed or warring or sides_of):
        return None
    doc = sent.doc
    if sides_of and not (agentive or victory or aimed or warring):
        parties = [p for b in sides_of for q in _conjuncts(b) for p in _party(q, ctx, doc) if p.actor]
        enemies = [p for p in parties if is_enemy(p.actor)]  # the war's other side fights the enemy; a fight of two
        agents = [p for p in parties if not is_enemy(p.actor)]  # others ("a war between X and Y") judges no one here
        return Event(_start(noun, ctx), _end(noun, ctx), lemma, "fight", agents, [replace(p, kind="enemy") for p in enemies],
                     False, "asserted") if agents and enemies else None
    if warring:
        subject = _agent_head(noun.head.head)
        agents = [p for p in _party(subject, ctx, doc) if p.actor] if subject is not None else []
        targets = [p for t in warring for p in _party(t, ctx, doc)]
        return Event(_start(noun, ctx), _end(noun, ctx), lemma, "fight", agents, targets, False, "asserted") \
            if agents and targets else None
    doers = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and not _SUPPORT_MODIFIER.search(c.text)
             and not _opposed(c)]
    of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    by = _by_objects(noun, _stray_by(noun))
    action = lemma in vc.words["action_nouns"] or noun.lower_ in vc.words["action_nouns"]
    if not action:
        doers += of
    undergoers = [d for d in doers if d.dep_ == "poss"] if action and by else []  # "the group's defeat by X", "Mosul's
    # liberation by X": with the doer named by "by", the possessor is what was acted on (Quirk et al. 1985, 17.41)
    doers = [d for d in doers if d not in undergoers]
    of += undergoers
    agents = [p for d in doers + by for p in _party(d, ctx, doc) if p.actor]
    if lemma in vc.words["siege_nouns"]:
        agents = [p for p in agents if is_enemy(p.actor)]  # "an ISIS siege"; not the besiegers of an enemy-held city
    if not agents:
        return None
    targets = [p for t in (of if action else []) + _noun_targets(noun) for p in _party(t, ctx, doc)]
    harmful = lemma in vc.words["harm"] and any(t.kind == "protected" for t in targets)  # "destruction of heritage"
    cls = "defeat" if victory and not harmful else "fight" if lemma in vc.words["attack_nouns"] else "violence"
    targets = _harm_fought(cls, targets)  # "our joint fight against terrorism"
    if not targets:
        targets = [Party(NO_ACTOR, _start(noun, ctx), _end(noun, ctx), "harm" if cls == "violence" else "none")]
    stopped = _stopped(noun)
    return Event(_start(noun, ctx), _end(noun, ctx), lemma, cls, agents, targets, stopped,
                 "denied" if stopped else "asserted")


def _at_war(noun: Token) -> list[Token]:
    """The enemy of "be at war with X" (an idiom of being engaged in a war; "at war" in WordNet 3.0, belligerent.s.01):
    a copula's subject fights X."""
    if noun.lower_ not in verb_classes().words["attack_nouns"] or noun.dep_ != "pobj" or noun.head.lower_ != "at" \
            or noun.head.head.lemma_.lower() not in _COPULA:
        return []
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]


def _stray_by(noun: Token) -> list[Token]:
    """A "by" (or "at the hands of") phrase right after a noun but attached by the parser to an earlier word ("a
    blow to plots by X", "faced slaughter at the hands of X": the parse hangs it on the verb); the nearest
    attachment is the likelier reading for the agent of an act noun."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    agentive = after is not None and (after.lower_ in _BY or after.lower_ in {p[0] for p in _COMPLEX_BY})
    return [after] if agentive and after.head.i < noun.i else []


def _backing(tok: Token, ctx: Context) -> tuple[list[tuple[int, int, str]], str, int, int] | None:
    """When a token is an "X-led"/"X-backed" modifier (one token, or "X", "-", "backed" as the parser may split
    it): the actor mentions of X, the participle and its offsets."""
    doc = tok.doc
    match = _SUPPORT_MODIFIER.search(tok.text)
    if match:
        backers = _token_actors(tok, ctx) or [m for c in tok.children for t in c.subtree for m in _token_actors(t, ctx)]
        hyphen = _end(tok, ctx) - len(match.group(0))
        return _leaders(backers, hyphen, ctx), match.group(1), _end(tok, ctx) - len(match.group(1)), _end(tok, ctx)
    if tok.lower_ in _SUPPORT_LEMMA and tok.i >= 2 and doc[tok.i - 1].text == "-":
        backers = [m for t in _modifier(doc[tok.i - 2]) for m in _token_actors(t, ctx)]
        return _leaders(backers, _start(doc[tok.i - 1], ctx), ctx), tok.text, _start(tok, ctx), _end(tok, ctx)
    return None


def _leaders(backers: list[tuple[int, int, str]], hyphen: int, ctx: Context) -> list[tuple[int, int, str]]:
    """The backers of an "X-led" modifier, where a catalogue name may take the whole phrase ("US-led coalition" is
    an alias of the coalition): a mention running past the hyphen names the led, and X is then read on its own."""
    own = [m for m in backers if m[1] <= hyphen]
    if own or not backers:
        return own
    start = min(m[0] for m in backers)
    return [(start + s, start + e, a) for s, e, a, _ in find_actors(ctx.text[start:hyphen])] if ctx.text else []


def _supporters(sent: Span, ctx: Context) -> Iterator[Event]:
    """"X-led Y", "X-backed Y": X supports Y (one event per modifier); an X-backed operation that names no actor,
    its doer ("captured the city in a Russian-backed operation")."""
    doc = sent.doc
    for tok in sent:
        backing = _backing(tok, ctx)
        head = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else None
        if backing is None or head is None or not backing[0]:
            continue
        backers, word, start, end = backing
        agents = [Party(a, s, e, "actor") for s, e, a in backers]
        backed = _party(head, ctx, doc, backed=False)
        verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None) if head.dep_ == "pobj" else None
        if not any(p.actor for p in backed) and verb is not None and verb.pos_ == "VERB" \
                and head.lemma_.lower() in verb_classes().words["attack_nouns"]:
            # "captured the city in a Russian-backed operation": X backs whoever acts in the operation
            backed = [p for p in _doer(verb, ctx, doc) if p.actor] or backed
        yield Event(start, end, _SUPPORT_LEMMA[word.lower()], "support", agents, backed, False, "asserted")


def _counterfactual(verb: Token, sent: Span, ctx: Context) -> Event | None:
    """"The liberation of Mosul would not have happened without X", "Without the support of X, the victory could
    never have been achieved": a negated past counterfactual asserts that X contributed to its subject's outcome
    (credit for a victory, blame for a harm)."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not (_negated(verb) and auxiliaries & _HYPOTHETICAL and auxiliaries & _HAVE):
        return None
    needed = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in _WITHOUT for p in c.children if p.dep_ == "pobj"]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    doc = sent.doc
    agents = [p for n in needed for p in _party(n, ctx, doc) if p.actor]
    if subject is None or not agents:
        return None
    kind = _kind(subject, [], ctx)  # the outcome itself ("the rise of ISIS" is a harm), not the actors it names
    if kind not in ("victory", "harm"):
        return None
    left, right = _phrase(subject)
    first = min(c.i for c in verb.children if c.dep_ == "aux")
    return Event(_start(doc[first], ctx), _end(verb, ctx), _lemma(verb), "contribute", agents,
                 [Party(NO_ACTOR, _start(doc[left], ctx), _end(doc[right], ctx), kind)], False, "asserted")


_EVENT_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})  # the words an event is read from: verbs and nouns


def _aided(verb: Token, sent: Span, ctx: Context) -> Event | None:
    """"X supported Y in the fight against ISIS", "helped Y in the liberation of Mosul": the supported party takes
    part in the fight or the victory the verb's "in" names (its share of the credit, which its supporter shares); the
    parse may hang the "in" on the verb governing the support ("played a role in supporting Y, ..., in the fight").
    With no one named as helped ("X has been aiding in the fight against ISIS", "X is providing air cover during
    these battles"), X itself takes part."""
    light = _light(verb) if verb.pos_ == "VERB" else None  # "is providing air cover during these battles"
    aid = light[0] if light is not None and light[1] == "support" else None
    if verb.pos_ != "VERB" or (verb_classes().lemma_class.get(_lemma(verb)) != "support" and aid is None):
        return None
    governor = next((a for a in verb.ancestors if a.pos_ == "VERB"), None)  # "played a role in supporting Y, in the fight"
    recipients = [p for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to" for p in c.children
                  if p.dep_ == "pobj"]  # "support to Y in their operations against X": the parse hangs "in" on Y
    aims = [p for c in (*verb.children, *(governor.children if governor is not None else ()),
                        *(c for r in recipients for c in r.children), *(aid.children if aid is not None else ()))
            if c.i > verb.i and c.dep_ == "prep" and c.lower_ in _PARTICIPATION_PREPS
            for p in c.children if p.dep_ == "pobj" and (_inner(p, ctx) == "victory" or _confronts_enemy(c, p, ctx))]
    doc = sent.doc
    objects = [o for o in verb.children if o.dep_ in ("dobj", "obj") and (aid is None or o.i != aid.i)]
    helped = [p for o in objects for p in _party(o, ctx, doc) if p.actor]
    if not helped and not any(p.actor for r in recipients for p in _party(r, ctx, doc)):
        helped = [p for p in _doer(verb, ctx, doc) if p.actor]  # "X has been aiding in the fight", "X gave support
        # to the local forces in their fight against ISIS": with no actor named as helped, X takes part
    if not aims or not helped:
        return None
    left, right = _phrase(aims[0])
    return Event(_start(verb, ctx), _end(verb, ctx), _lemma(verb), "contribute", helped,
                 [Party(NO_ACTOR, _start(doc[left], ctx), _end(doc[right], ctx), "victory")], _negated(verb),
                 "denied" if _negated(verb) else _modality(verb, sent))


def _confronts_enemy(prep: Token, noun: Token, ctx: Context) -> bool:
    """Whether a preposition and its object open a complex preposition of confronting whose last object is the
    enemy ("in the face of terrorists"; grammar.yaml confronting_prepositions)."""
    return any(prep.lower_ == first and noun.lower_ == middle and _inner(o, ctx) == "enemy"
               for first, middle, last in _CONFRONTING for c in noun.children if c.dep_ == "prep" and c.lower_ == last
               for o in c.children if o.dep_ == "pobj")


def _undertaking(noun: Token, ctx: Context) -> tuple[str, list[Party]]:
    """What an undertaking taken part in is: ("victory", []) for a fight against the ISIS side ("the fighting against
    ISIS", "the ground fighting against ISIS": a participle clause on the noun), ("harm", []) for a harm, ("enemy",
    its doers) for what the ISIS side does ("the oil business run by ISIS", "ISIS's oil trade"), else ("none", [])."""
    kind = _inner(noun, ctx)
    if kind in ("victory", "harm"):
        return kind, []
    clauses = [c for c in noun.children if c.dep_ == "acl"]  # "the ground fighting against X", which the parse may
    clauses += [c for c in noun.head.head.children if c.dep_ == "advcl" and c.i == noun.i + 1]  # hang on the verb
    for clause in (c for c in clauses if c.pos_ == "VERB"):
        aims = [p for c in clause.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS
                for p in c.children if p.dep_ == "pobj"] + _objects(clause)
        if verb_classes().lemma_class.get(_lemma(clause)) == "fight" and any(_inner(a, ctx) == "enemy" for a in aims):
            return "victory", []
    doers = [p for b in _by_agents(noun) for q in _conjuncts(b) for p in _party(q, ctx, noun.doc) if is_enemy(p.actor)]
    doers += [p for c in noun.children if c.dep_ == "poss" for p in _party(c, ctx, noun.doc) if is_enemy(p.actor)]
    return ("enemy", [replace(p, kind="enemy") for p in doers]) if doers else ("none", [])


def _by_agents(noun: Token) -> list[Token]:
    """The "by" objects of a participle clause on a noun ("the trade conducted by X")."""
    return [p for c in noun.children if c.dep_ == "acl" for b in c.children if b.dep_ == "agent"
            for p in b.children if p.dep_ == "pobj"]


def _participated(verb: Token, sent: Span, ctx: Context) -> Event | None:
    """"X was involved in the fighting against ISIS", "X participated in the liberation" (verb_classes.yaml
    participation_verbs): X takes part in the undertaking its "in" names, a fight or victory (credit), a harm
    (blame), or what the ISIS side does (dealing with it: "involved in the oil business conducted by ISIL")."""
    if verb.pos_ != "VERB" or _lemma(verb) not in _PARTICIPATING:
        return None
    undertakings = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                    if p.dep_ == "pobj"]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not undertakings or subject is None:
        return None
    doc = sent.doc
    agents = [p for q in _conjuncts(subject) for p in _party(q, ctx, doc) if p.actor]
    kind, doers = _undertaking(undertakings[0], ctx)
    if not agents or kind == "none":
        return None
    left, right = _phrase(undertakings[0])
    cls, targets = ("collude", doers) if kind == "enemy" else \
        ("contribute", [Party(NO_ACTOR, _start(doc[left], ctx), _end(doc[right], ctx), kind)])
    return Event(_start(verb, ctx), _end(verb, ctx), _lemma(verb), cls, agents, targets, _negated(verb),
                 "denied" if _negated(verb) else _modality(verb, sent))


def _answerable(word: Token, sent: Span, ctx: Context) -> Event | None:
    """"X is responsible for Y", "X claimed responsibility for Y", "X deserves credit for Y", "X is to blame for Y"
    (verb_classes.yaml answerability_words): X contributed to the outcome Y names, in the modality of the verb that
    says it ("denied responsibility": denied)."""
    if word.lemma_.lower() not in _ANSWERABLE or word.pos_ not in ("ADJ", "NOUN", "VERB"):
        return None
    if word.pos_ == "VERB" and not (word.dep_ == "xcomp" and any(c.lower_ == "to" for c in word.children)):
        return None  # "blame" only in "X is to blame for Y"; the verb "blame" is a judgment of its object
    if word.pos_ == "NOUN" and word.dep_ not in ("dobj", "obj", "attr"):
        return None  # "its responsibility", "the credit": only what a verb gives its subject
    verb = word.head if word.dep_ in ("acomp", "dobj", "obj", "attr", "xcomp") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    outcomes = [p for c in (*word.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "for"
                and (c.head.i == word.i or c.i > word.i) for p in c.children if p.dep_ in ("pobj", "pcomp")]
    kinds = [(o, _inner(o, ctx)) for o in outcomes]
    kinds = [(o, k) for o, k in kinds if k in ("victory", "harm")]
    doc = sent.doc
    subject = _agent_head(verb) or _subject(verb)
    agents = [p for p in _party(subject, ctx, doc) if p.actor] if subject is not None else []
    if not kinds or not agents:
        return None
    left, right = _phrase(kinds[0][0])
    denied = _lemma(verb) in verb_classes().words["deny"] or _negated(verb)
    return Event(_start(word, ctx), _end(word, ctx), word.lemma_.lower(), "contribute", agents,
                 [Party(NO_ACTOR, _start(doc[left], ctx), _end(doc[right], ctx), kinds[0][1])], _negated(verb),
                 "denied" if denied else _modality(verb, sent))


def _fallen(verb: Token, sent: Span, ctx: Context) -> Event | None:
    """"The town fell to X" (verb_classes.yaml passing_verbs): X took the town, a `seize` with the subject as what
    was taken."""
    if verb.pos_ != "VERB" or _lemma(verb) not in _PASSING:
        return None
    takers = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    subject = _subject(verb)
    if not takers or subject is None:
        return None
    doc = sent.doc
    agents = [p for t in takers for q in _conjuncts(t) for p in _party(q, ctx, doc) if p.actor]
    targets = [replace(p, kind="place") if p.kind in ("protected", "none") else p
               for q in _conjuncts(subject) for p in _party(q, ctx, doc)]  # what falls is held ground
    if not agents or not targets:
        return None
    return Event(_start(verb, ctx), _end(verb, ctx), _lemma(verb), "seize", agents, targets, _negated(verb),
                 "denied" if _negated(verb) else _modality(verb, sent))


def _in_judgment(noun: Token, sent: Span, ctx: Context) -> Event | None:
    """"X resigned in protest of Y's decision", "stood in tribute to Y": an act done "in" a judgment (a praise or
    criticism noun of verb_classes.yaml, Quirk et al. 1985, 8.79 on adjuncts of manner) judges what the noun's
    object names, in the voice of the act's doer."""
    vc = verb_classes()
    lemma = noun.lemma_.lower()
    cls = "criticize" if lemma in vc.words["criticism_nouns"] else "praise" if lemma in vc.words["praise_nouns"] else None
    prep = noun.head
    verb = next((a for a in prep.ancestors if a.pos_ == "VERB"), None)  # "resigned (from the post) in protest"
    if cls is None or noun.dep_ != "pobj" or prep.lower_ != "in" or verb is None:
        return None
    judged = [p for c in (*noun.children, *prep.head.children) if c.dep_ == "prep" and c.lower_ in _JUDGED_PREPS
              and (c.head.i == noun.i or c.i == noun.i + 1)  # "in protest over X", which the parse may hang on the verb
              for p in c.children if p.dep_ == "pobj"]
    doc = sent.doc
    agents = [p for p in _doer(verb, ctx, doc) if p.actor]
    targets = [p for j in judged for q in _conjuncts(j) for p in _party(q, ctx, doc) if p.actor]
    if not agents or not targets:
        return None
    return Event(_start(noun, ctx), _end(noun, ctx), lemma, cls, agents, targets, _negated(verb),
                 "denied" if _negated(verb) else _modality(verb, sent))


def _undergone(verb: Token, sent: Span, ctx: Context) -> Event | None:
    """"the minority who suffered at the hands of X", "200 people died in X's attacks": X harmed the subject (a verb of
    undergoing whose agentive phrase, or the act "in" which it came, names the doer, verb_classes.yaml undergoing), as
    the passive "were slaughtered at the hands of X" says."""
    if verb.pos_ != "VERB" or _lemma(verb) not in verb_classes().words["undergoing"]:
        return None
    doc = sent.doc
    means = _cause(verb)  # "died in the Turkish attacks": whose the attacks were
    agents = [p for b in [*_by_objects(verb), *([means] if means is not None else [])] for q in _conjuncts(b)
              for p in _party(q, ctx, doc)]
    subject = _subject(verb)
    if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        subject = verb.head
    targets = [p for q in _conjuncts(subject) for p in _party(q, ctx, doc)] if subject is not None else []
    if not any(p.actor for p in agents) or not targets:
        return None
    return Event(_start(verb, ctx), _end(verb, ctx), _lemma(verb), "violence", agents, targets, _negated(verb),
                 "denied" if _negated(verb) else _modality(verb, sent))


def _shielding(verb: Token, sent: Span, ctx: Context) -> Event | None:
    """"the militants are using their families as human shields", "the group's habit of using human shields": the
    user harms the persons used (verb_classes.yaml shield_verbs, shield_phrases)."""
    vc = verb_classes()
    if verb.pos_ != "VERB" or _lemma(verb) not in vc.words["shield_verbs"]:
        return None
    used = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    shields = [n for n in [*used, *(p for c in (*verb.children, *(c for o in used for c in o.children))
                                    if c.dep_ == "prep" and c.lower_ in _AS for p in c.children if p.dep_ == "pobj")]
               if " ".join(t.lower_ for t in n.subtree if t.dep_ in ("amod", "compound") or t.i == n.i)
               in vc.words["shield_phrases"]]
    if not shields:
        return None
    doc = sent.doc
    targets = [replace(p, kind="protected") for o in used if o.i != shields[0].i for p in _party(o, ctx, doc)]
    if not targets:
        left, right = _phrase(shields[0])
        targets = [Party(NO_ACTOR, _start(doc[left], ctx), _end(doc[right], ctx), "protected")]
    agents = [p for p in _doer(verb, ctx, doc) if p.actor]
    return Event(_start(verb, ctx), _end(verb, ctx), _lemma(verb), "violence", agents, targets, _negated(verb),
                 "denied" if _negated(verb) else _modality(verb, sent)) if agents else None


def sentence_events(sent: Span, ctx: Context) -> list[Event]:
    """Every event of one parsed sentence."""
    found = [e for tok in sent if tok.pos_ in _EVENT_POS
             if (e := _verbal(tok, sent, ctx) or _nominal(tok, sent, ctx) or _judged_noun(tok, sent, ctx)
                 or _relational(tok, sent, ctx) or _counterfactual(tok, sent, ctx)) is not None]
    return found + [e for tok in sent if (e := _aided(tok, sent, ctx) or _undergone(tok, sent, ctx)
                                               or _shielding(tok, sent, ctx) or _participated(tok, sent, ctx)
                                               or _in_judgment(tok, sent, ctx) or _fallen(tok, sent, ctx)
                                               or _answerable(tok, sent, ctx)) is not None] \
        + list(_supporters(sent, ctx))


def _topics(root: Token) -> list[Token]:
    """The subjects whose actors a later pronoun may stand for, first first: the root's subject; where the root
    reports what its clausal complement says ("X recaptured the town, AFP reported"), that complement's subject when it
    is no pronoun, before the reporter's (the statement is about X; a later "he" may still be the reporter)."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    said = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), None) \
        if _lemma(root) in _saying_verbs() else None
    content = next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")), None) if said is not None else None
    topics = [content] if content is not None and content.lower_ not in _PRONOUNS else []
    return topics + [subject] if subject is not None else topics


def _remember(sent: Span, ctx: Context) -> None:
    """After a sentence: its subject's actors become what later pronouns may stand for, and its act nouns aimed at
    the enemy what a later "the fight" may be."""
    for tok in sent:
        if tok.lemma_.lower() in verb_classes().words["attack_nouns"] and _kind(tok, [], ctx) == "victory":
            ctx.fights[tok.lemma_.lower()] = ctx.sent_id
    types = _types()
    # a third-person pronoun does not stand for who was "we" or "you" (agreement in person: "You didn't destroy
    # it, you created it. The youth destroyed it": not "you")
    named = [[m for t in _conjuncts(subject) for m in _named(t, ctx)] for subject in _topics(sent.root)
             if _PRONOUNS.get(subject.lower_) not in ("speaker", "addressee")]
    if not any(named):
        ctx.antecedents.clear()  # a pronoun looks back one sentence only
        return
    # the reported clause's subject stands first; the reporter only for a person the clause does not name ("X said
    # the attackers were killed. He could not give their number": X)
    persons = next(([m for m in found if types.get(m[2]) == "person"] for found in named
                    if any(types.get(m[2]) == "person" for m in found)), [])
    others = [m for m in named[0] if types.get(m[2]) != "person"] if named else []
    ctx.antecedent_sent = ctx.sent_id
    ctx.antecedents.clear()  # nothing stale from an earlier sentence
    if persons:
        ctx.antecedents["person"] = persons[:1]
    if others:
        ctx.antecedents["thing"] = others[:1]
        ctx.antecedents["group"] = others


def _voices(quotes: list) -> Intervals:
    """(start, end, speaker) of each statement's content (a document's rows of the quotes table)."""
    return Intervals.of((int(q.content_start), int(q.content_end),
                         str(q.speaker) if isinstance(q.speaker, str) and q.speaker else AUTHOR) for q in quotes)


def _voice(pos: int, voices: Intervals) -> str:
    """The speaker of the innermost statement that holds a position, else the author."""
    holding = voices.holding(pos, pos + 1)
    return min(holding, key=lambda v: v[1] - v[0])[2] if holding else AUTHOR


def _rows(doc_id: str, sent_id: int, event: Event, voice: str, text: str) -> Iterator[dict]:
    """One row per (agent, target) pair of an event, verb and target phrase as written in the document's text."""
    verb = text[event.verb_start : event.verb_end]
    agents = event.agents or [Party(NO_ACTOR, -1, -1, "none")]
    targets = event.targets or [Party(NO_ACTOR, -1, -1, "none")]
    for a in agents:
        if not a.actor:
            continue
        for t in targets:
            if t.actor == a.actor:
                continue
            yield dict(doc_id=doc_id, sent_id=sent_id, agent=a.actor, agent_start=a.start, agent_end=a.end,
                       verb=verb, lemma=event.lemma, verb_start=event.verb_start, verb_end=event.verb_end,
                       verb_class=event.verb_class, target=t.actor or text[t.start : t.end], target_kind=t.kind,
                       target_start=t.start, target_end=t.end, negated=event.negated, modality=event.modality,
                       voice=voice)
    for t in targets:  # judged targets of an event without a named agent ("X was praised")
        if t.actor and not any(a.actor for a in agents) and event.verb_class in ("praise", "criticize"):
            yield dict(doc_id=doc_id, sent_id=sent_id, agent=NO_ACTOR, agent_start=-1, agent_end=-1,
                       verb=verb, lemma=event.lemma, verb_start=event.verb_start, verb_end=event.verb_end,
                       verb_class=event.verb_class, target=t.actor, target_kind=t.kind, target_start=t.start,
                       target_end=t.end, negated=event.negated, modality=event.modality, voice=voice)


def document_events(doc_id: str, text: str, sentences: Iterable[Parsed], mentions: Iterable[tuple[int, int, str]],
                    quotes: list) -> list[dict]:
    """The events of one document (its text) from its parsed body sentences, in order; `quotes` are its rows of
    the quotes table."""
    actors = Actors.of(mentions, text)
    voices = _voices(quotes)
    turns = _voices([q for q in quotes if q.cue_lemma == COLON_CUE])  # a dialogue's turns ("Name: ..."), not reported speech
    known = set(_types())
    speakers = {int(q.cue_start): Party(q.speaker, int(q.speaker_start), int(q.speaker_end), "actor")
                for q in quotes if isinstance(q.speaker, str)
                and (q.speaker in known or q.speaker.startswith("unlisted:")) and q.speaker_start >= 0}
    ctx = Context(None, actors, {}, "", cue_speakers=speakers, voices=voices, text=text)
    for q in quotes:  # "an Iraqi soldier said", "SDF spokeswoman X said": the actor a speaker's own phrase names
        phrase = [_body(a) for _, e, a in actors.at(int(q.speaker_start), int(q.speaker_end))
                  if e <= q.speaker_end and a != q.speaker and not _BACKER.match(text, e)] \
            if isinstance(q.speaker, str) and q.speaker not in known and q.speaker_start >= 0 else []
        if any(phrase):
            ctx.sides.setdefault(q.speaker, next(a for a in phrase if a))
    rows = []
    for parsed in sentences:
        sent, sent_id = parsed.doc[:], parsed.sent_id
        ctx.since = ctx.parsed.start if ctx.parsed is not None and ctx.sent_id == sent_id - 1 else parsed.start
        ctx.parsed, ctx.sent_id = parsed, sent_id
        _describe_speakers(sent, ctx)
        turn = _voice(parsed.offset(max(0, len(sent.text) - 2)), turns)  # a turn's label is not in its statement
        spoken = turn in _types() or turn.startswith("unlisted:")
        if turn != ctx.turns[1] and spoken:
            ctx.turns = (ctx.turns[1], turn)
        ctx.speaker = turn if spoken else ""  # "we" in this sentence, not in the statement of the one before
        found = sentence_events(sent, ctx)
        if any(e.verb_class in ("fight", "defeat") and any(t.kind in ("enemy", "victory") for t in e.targets)
               for e in found):
            ctx.fought = sent_id
        for event in found:
            judging = event.verb_class in ("praise", "criticize")  # the quotes read who judges better than one parse
            if event.verb_start in speakers and (judging or not any(p.actor for p in event.agents)):
                event.agents = [speakers[event.verb_start]]  # "The general thanked X": the quotes resolved him
            voice = _voice(event.verb_start, voices)
            ctx.speaker = voice if voice in _types() or voice.startswith("unlisted:") else ""
            rows += list(_rows(doc_id, sent_id, event, voice, text))
        _remember(sent, ctx)
    return rows


@cache
def _event_forms() -> frozenset[str]:
    """Lower-case written forms of every event verb, light verb and judged noun of data/verb_classes.yaml, and the
    preposition of a counterfactual."""
    vc = verb_classes()
    irregular = {**reporting_lexicon()["irregular"], **vc.irregular}
    verbs = {f for lemma in (*vc.lemma_class, *vc.words["light"], *vc.words["undergoing"], *_PARTICIPATING, *_PASSING)
             for f in verb_forms(lemma, irregular)}
    nouns = {n for key in ("credit_nouns", "blame_nouns", "role_nouns", "agentive_nouns", "action_nouns",
                           "praise_nouns", "criticism_nouns")
             for noun in vc.words[key] for n in (noun, plural(noun))} \
        | {f for n in (*vc.relational, *_PARTNERS, *_ANSWERABLE) for f in (n, plural(n))}
    return frozenset(verbs | nouns | _WITHOUT)  # "would not have happened without X": a counterfactual's outcome


_WORDS = re.compile(r"[a-z]+")
_HEADLINE_SPEAKER = r"^\W*(?:\S+\s+){0,4}\S+:\s"  # "Nasrallah: ...", "Iran's leader: ...", "US-led coalition: ..."


def _read(sentences: pd.DataFrame) -> pd.Series:
    """The sentences read for events: the body and the headline (the first thing a reader is told of who did what),
    unless the headline gives its claim to a speaker before a colon ("Nasrallah: Battle against ISIS aims at ...", a
    headline's attribution, whose voice the quotes do not read)."""
    attributed = sentences["text"].str.contains(_HEADLINE_SPEAKER, regex=True)
    return sentences["in_body"] | ((sentences["kind"] == "headline") & ~attributed)


def event_parses(corpus: Corpus, parses: Parses, mentions: pd.DataFrame) -> Parses:
    """Parse the body sentences the `parses` prefilter left out that may hold an event: a form of an event verb
    and an actor mention, a pronoun ("It enslaved thousands") or the last word of a name the document mentions ("the
    coalition"), and the sentence before one with a pronoun when it
    names an actor (where the pronoun's antecedent is: "Qatar was silent. Critics accused it of funding them")."""
    forms = _event_forms()
    named = set(zip(mentions["doc_id"], mentions["sent_id"]))
    body = corpus.sentences[_read(corpus.sentences) & ~corpus.sentences["kind"].isin(FURNITURE)]
    rows = {(d, int(s)): (int(a), int(b), t) for d, s, a, b, t in
            zip(body["doc_id"], body["sent_id"], body["start"], body["end"], body["text"])}
    heads: dict[str, set[str]] = {}  # each document's names' last words: "the coalition" after "the US-led coalition"
    for doc_id, surface in zip(mentions["doc_id"], mentions["surface"]):
        heads.setdefault(doc_id, set()).update(_WORDS.findall(surface.lower())[-1:])
    wanted = set()
    for (doc_id, sent_id), (start, end, text) in rows.items():
        words = set(_WORDS.findall(text.lower()))
        if words & forms and ((doc_id, sent_id) in named or words & _PRONOUNS.keys() or words & heads.get(doc_id, set())
                              or words & _epithets()):
            wanted.add((doc_id, sent_id))
            if words & (_PRONOUNS.keys() | _epithets()) and (doc_id, sent_id - 1) in named:
                wanted.add((doc_id, sent_id - 1))
    chosen = []
    for (doc_id, sent_id), (start, end, text) in rows.items():
        if (doc_id, sent_id) in wanted and end - start <= MAX_CHARS and parses.sentence(doc_id, sent_id) is None:
            chosen.append((doc_id, sent_id, start, *squeeze(text)))
    docs = each_once([c[3] for c in chosen], dependency_parse)
    return Parses(Parsed(doc_id, sent_id, start, doc, shifts, named=False)
                  for (doc_id, sent_id, start, _, shifts), doc in zip(chosen, docs))


def _headlinese(parsed: Parsed) -> Parsed:
    """A headline's parse with its passives made explicit. Headlines write the passive without "is" and past events
    in the present ("Boko Haram defeated in border town", "Army retakes town"; Mardh 1980, *Headlinese*), so a past
    verb there with a subject and neither auxiliary nor object is a passive participle, its subject what was acted
    on; the parser reads a past tense whose subject is the doer."""
    labels = {}
    for verb in parsed.doc:
        children = [c.dep_ for c in verb.children]
        if verb.tag_ in ("VBD", "VBN") and "nsubj" in children \
                and not {"aux", "auxpass", "dobj", "obj"} & set(children):
            labels[verb.i] = {"tag_": "VBN"}
            labels.update({c.i: {"dep_": "nsubjpass"} for c in verb.children if c.dep_ == "nsubj"})
    return replace(parsed, doc=relabelled(parsed.doc, labels)) if labels else parsed


def events(corpus: Corpus, parses: Parses, event_parses: Parses, quotes: pd.DataFrame,
           mentions: pd.DataFrame) -> pd.DataFrame:
    """Every event in the corpus's body text: agent, verb, target, modality and voice, with offsets."""
    quoted = rows_by_document(quotes)
    named = rows_by_document(mentions[["doc_id", "start", "end", "actor_id"]])
    body = set(zip(*corpus.sentences.loc[_read(corpus.sentences), ["doc_id", "sent_id"]].T.values))
    sentences = corpus.sentences
    headlines = set(zip(*sentences.loc[sentences["kind"] == "headline", ["doc_id", "sent_id"]].T.values))
    rows = []
    for doc_id in corpus.documents["doc_id"]:
        parsed = sorted((_headlinese(p) if (doc_id, p.sent_id) in headlines else p
                         for p in (*parses.document(doc_id), *event_parses.document(doc_id))
                         if (doc_id, p.sent_id) in body), key=lambda p: p.start)
        rows += document_events(doc_id, corpus.texts[doc_id], parsed,
                                [(m.start, m.end, m.actor_id) for m in named.get(doc_id, [])], quoted.get(doc_id, []))
    return pd.DataFrame(rows, columns=COLUMNS).drop_duplicates(["doc_id", "agent", "verb_start", "target", "target_start"])
