"""Events: who does what to whom, one row per clause in which an actor acts on another or on what matters to the story.

Read from the dependency parse (the `parses` table): a verb of a class in data/verb_classes.yaml with its agent and
its target, the actor-verb-target triples of event coders such as PETRARCH, on a parse. The agent is found through
passives ("was liberated by X"), relative and participle clauses, coordination, control verbs ("continued to
attack"), "thanks to X", "with the help of X", and "X-led"/"X-backed" modifiers (X supports the agent). Each row
says whether the clause is asserted, only possible, demanded or denied, and in whose voice: the author, or the
speaker whose statement (from the `quotes` table) holds it.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pandas as pd
import yaml
from spacy.tokens import Doc, Span, Token

from analysis.stages.catalogue import catalogue
from analysis.stages.corpus import Corpus

COLUMNS = ["doc_id", "sent_id", "agent", "agent_start", "agent_end", "verb", "lemma", "verb_start", "verb_end",
           "verb_class", "target", "target_kind", "target_start", "target_end", "negated", "modality", "voice"]
AUTHOR = "author"
NO_ACTOR = ""
_SUPPORT_MODIFIER = re.compile(r"-(led|backed|supported|sponsored|funded|armed|trained|allied)$", re.I)
_SUPPORT_LEMMA = {"led": "lead", "backed": "back", "supported": "support", "sponsored": "sponsor", "funded": "fund",
                  "armed": "arm", "trained": "train", "allied": "ally"}
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_PRONOUNS = {"it": "thing", "its": "thing", "itself": "thing", "he": "person", "him": "person", "his": "person",
             "she": "person", "her": "person", "they": "group", "them": "group", "their": "group",
             "we": "speaker", "us": "speaker", "our": "speaker", "i": "speaker", "my": "speaker"}
_NAME_DEPS = frozenset({"compound", "amod", "nmod", "appos", "flat", "nummod", "npadvmod"})
_GROUP_NOUNS = frozenset({"force", "forces", "troops", "army", "armies", "fighter", "fighters", "militia", "militias",
                          "unit", "units", "leader", "leaders", "leadership", "member", "members", "command",
                          "commander", "commanders", "soldier", "soldiers", "warplane", "warplanes", "jet", "jets",
                          "plane", "planes", "aircraft", "strike", "strikes", "airstrike", "airstrikes", "government",
                          "administration", "administrations", "official", "officials", "spokesman", "spokesmen",
                          "partner", "partners", "ally", "allies", "military", "personnel", "group", "regime",
                          "coalition", "alliance", "authorities", "people", "nation", "action", "actions",
                          "intervention", "operation", "operations", "army", "navy", "police", "commandos",
                          "advisers", "advisors", "sacrifices", "efforts", "endeavors", "endeavours", "role",
                          "presence", "support", "help", "resistance", "steadfastness", "leadership", "followers"})
_HELP_NOUNS = frozenset({"help", "support", "assistance", "backing", "aid", "cooperation", "participation"})
_TARGET_PREPS = frozenset({"against", "on", "upon", "at", "from", "with", "to", "of", "in", "into", "for"})
_MODIFIER_PREPS = frozenset({"against", "on", "upon", "at", "to", "of"})


@dataclass(frozen=True)
class VerbClasses:
    """data/verb_classes.yaml: each lemma's class, what each class means for credit and blame, and the word lists."""

    lemma_class: dict[str, str]
    meaning: dict[str, dict[str, str]]
    enemy_agent: dict[str, str]
    enemy_sides: frozenset[str]
    words: dict[str, frozenset[str]] = field(default_factory=dict)


@cache
def verb_classes() -> VerbClasses:
    """The verb classes, read once."""
    raw = yaml.safe_load(resources.files("analysis").joinpath("data/verb_classes.yaml").read_text("utf-8"))
    lemma_class: dict[str, str] = {}
    for name, spec in raw["classes"].items():
        for lemma in spec["lemmas"]:
            if lemma in lemma_class:
                raise ValueError(f"analysis/data/verb_classes.yaml: '{lemma}' is in both {lemma_class[lemma]} and {name}")
            lemma_class[lemma] = name
    lists = ("protected", "places", "victory", "harm", "positive_roles", "negative_roles", "deny", "possible",
             "demanded", "light", "attack_nouns", "praise_nouns", "criticism_nouns", "agentive_nouns")
    return VerbClasses(lemma_class, {n: s["meaning"] for n, s in raw["classes"].items()},
                       {n: s["enemy_agent"] for n, s in raw["classes"].items()}, frozenset(raw["enemy_sides"]),
                       {k: frozenset(str(w).lower() for w in raw[k]) for k in lists})


@cache
def _labels() -> frozenset[str]:
    """The words analysis/data/labels.yaml uses for the ISIS side ("militants", "terrorists", "jihadists")."""
    raw = yaml.safe_load(resources.files("analysis").joinpath("data/labels.yaml").read_text("utf-8"))
    return frozenset(w.lower() for w in raw["sides"]["isis"] if " " not in w)


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


@cache
def _affiliations() -> dict[str, str]:
    """actor_id -> the actor it belongs to (a speaker's "we")."""
    cat = catalogue()
    return {a: p for a, p in zip(cat["actor_id"], cat["affiliation"]) if p}


def is_enemy(actor_id: str) -> bool:
    """Whether an actor stands on one of the enemy sides of data/verb_classes.yaml."""
    return sides().get(actor_id, "") in verb_classes().enemy_sides


@dataclass
class Actors:
    """The actor mentions of one document, looked up by character offset."""

    starts: list[int]
    rows: list[tuple[int, int, str]]

    @classmethod
    def of(cls, mentions: Iterable[tuple[int, int, str]]) -> "Actors":
        """From (start, end, actor_id) triples, places left out (a place is where, not who)."""
        types = _types()
        rows = sorted((s, e, a) for s, e, a in mentions if types.get(a) != "place")
        return cls([r[0] for r in rows], rows)

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
    text: str
    kind: str  # enemy | protected | actor | place | victory | harm | none


@dataclass
class Context:
    """What one sentence's events are read with: its offset, the document's actors, the last actor each pronoun can
    stand for, and the voice of each character range."""

    base: int
    actors: Actors
    antecedents: dict[str, list[tuple[int, int, str]]]
    speaker: str  # the voice's actor id when the voice is a catalogued or unlisted actor, for "we"


def _start(tok: Token, ctx: Context) -> int:
    return ctx.base + tok.idx


def _end(tok: Token, ctx: Context) -> int:
    return ctx.base + tok.idx + len(tok.text)


def _token_actors(tok: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """The actor mentions inside one token ("U.S.-backed" holds the United States)."""
    return ctx.actors.at(_start(tok, ctx), _end(tok, ctx))


def _conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Russia and Iran")."""
    return [tok, *[t for t in tok.conjuncts if t.i > tok.i]] if tok.dep_ != "conj" else [tok]


def _pronoun(tok: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """A pronoun resolved to the actors it stands for: the speaker's side for "we", the latest fitting actor else."""
    kind = _PRONOUNS.get(tok.lower_)
    if kind == "speaker":
        side = _affiliations().get(ctx.speaker, ctx.speaker) if ctx.speaker else ""
        return [(_start(tok, ctx), _end(tok, ctx), side)] if side else []
    return [(_start(tok, ctx), _end(tok, ctx), a) for *_, a in ctx.antecedents.get(kind or "", [])]


def _named(head: Token, ctx: Context) -> list[tuple[int, int, str]]:
    """The actors a noun phrase's head names: the head itself, else its name-like modifiers, else "X of Y" for a
    group noun ("leaders of the SDF"), else its possessor ("Iran's forces")."""
    own = _token_actors(head, ctx)
    if own:
        return own
    if head.lower_ in _PRONOUNS:
        return _pronoun(head, ctx)
    found = [m for c in head.children if c.dep_ in _NAME_DEPS and not _SUPPORT_MODIFIER.search(c.text)
             for t in c.subtree for m in _token_actors(t, ctx)]
    if found:
        return found
    if head.lower_ in _GROUP_NOUNS or head.lemma_.lower() in _GROUP_NOUNS:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        found += [m for q in _conjuncts(p) for m in _named(q, ctx)]
            if c.dep_ == "poss":
                found += _named(c, ctx)
    return found


def _phrase(head: Token, limit: int = 8) -> tuple[int, int]:
    """Token bounds of a short noun phrase: the head with its left modifiers and at most `limit` tokens to its right."""
    left = min([head.i, *[t.i for t in head.lefts if t.dep_ not in ("punct", "cc")]])
    right = head.i
    for t in head.subtree:
        if t.i > head.i and t.i - head.i <= limit and t.dep_ not in ("relcl", "punct", "cc", "conj", "appos"):
            right = max(right, t.i)
    return left, right


def _kind(head: Token, actors: list[tuple[int, int, str]]) -> str:
    """What a target is: enemy, protected, actor, place, victory, harm or none."""
    vc = verb_classes()
    lemma, lower = head.lemma_.lower(), head.lower_
    if any(is_enemy(a) for *_, a in actors) or lower in _labels() or lemma in _labels():
        return "enemy"
    words = {lemma, lower}
    of = [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "by") for p in c.children if p.dep_ == "pobj"]
    if words & vc.words["victory"] and words & vc.words["harm"]:
        return "victory" if any(_kind(p, []) == "enemy" for p in of) else "harm"
    if words & vc.words["victory"]:
        return "victory"
    if words & vc.words["harm"]:
        return "harm"
    if words & vc.words["protected"]:
        return "protected"
    if actors:
        return "actor"
    if words & vc.words["places"] or head.ent_type_ in ("GPE", "LOC", "FAC"):
        return "place"
    for c in head.children:  # "ISIS positions", "terrorist strongholds", "the remnants of ISIS"
        if c.dep_ in _NAME_DEPS and (c.lower_ in _labels() or c.lemma_.lower() in _labels()):
            return "enemy"
    for p in of:
        inner = _kind(p, [])
        if inner != "none":
            return inner
    return "none"


def _party(head: Token, ctx: Context, doc: Doc | Span, with_actors: bool = True) -> list[Party]:
    """The parties a noun phrase stands for: one per actor it names (coordination included), else the phrase."""
    out = []
    for tok in _conjuncts(head):
        actors = _named(tok, ctx) if with_actors else []
        left, right = _phrase(tok)
        start, end = _start(doc[left], ctx), _end(doc[right], ctx)
        kind = _kind(tok, actors)
        if actors:
            out += [Party(a, s, e, "", kind) for s, e, a in actors]
        else:
            out.append(Party(NO_ACTOR, start, end, doc.doc.text[doc[left].idx : doc[right].idx + len(doc[right].text)], kind))
    return out


def _objects(verb: Token) -> list[Token]:
    """The verb's object heads: direct object, else prepositional objects, else an attribute."""
    direct = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    preps = [p for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in _TARGET_PREPS
             for p in c.children if p.dep_ == "pobj"]
    particles = [p for c in verb.children if c.dep_ == "prt" for p in c.children if p.dep_ == "pobj"]
    return direct + particles + preps


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, active or passive."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl")), None)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _by_agent(verb: Token) -> Token | None:
    """The passive agent: the object of "by"."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _agent_head(verb: Token) -> Token | None:
    """The token that names the verb's doer: subject, passive agent, relative or participle head, or the subject
    of the verb it is coordinated with, controlled by or purposes ("continued to attack", "launched ... to free")."""
    if _passive(verb):
        return _by_agent(verb)
    subject = _subject(verb)
    if subject is not None:
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head
        return subject
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    if verb.dep_ == "pcomp":  # "cooperation between X and Y in liberating", "by attacking"
        prep = verb.head
        return prep.head if prep.head.pos_ in ("NOUN", "PROPN") else _agent_head(prep.head)
    if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head is not verb:
        controller = verb.head
        if verb.dep_ == "xcomp":  # object control: "allowed the troops to launch"
            obj = next((c for c in controller.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
        if verb.dep_ == "ccomp" and _subject(verb) is None and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        return _agent_head(controller)
    return None


def _between(head: Token) -> list[Token]:
    """"cooperation between X and Y": X and Y."""
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("between", "among", "of", "by")
            for p in c.children if p.dep_ == "pobj"]


def _helpers(verb: Token) -> list[Token]:
    """Co-agents the clause names: "thanks to X", "with the help/support of X", "together with X"."""
    found = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to" and any(s.lower_ == "thanks" for s in verb.children):
            found += [p for p in c.children if p.dep_ == "pobj"]
        if c.lower_ == "thanks":
            found += [p for to in c.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"]
        if c.dep_ == "prep" and c.lower_ in ("with", "alongside"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in _HELP_NOUNS:
                    found += _between(p)
                elif p.dep_ == "pobj" and c.lower_ == "alongside":
                    found.append(p)
    return found


def _negated(verb: Token) -> bool:
    """A "not"/"never"/"no" on the verb (or on the verb it shares its auxiliaries with)."""
    own = any(c.dep_ == "neg" for c in verb.children)
    shared = verb.dep_ == "conj" and any(c.dep_ == "neg" and c.i < verb.i for c in verb.head.children)
    return own or shared


def _modality(verb: Token, sent: Span) -> str:
    """asserted, possible (modal, future, intended, conditional, a yes/no question), demanded, or denied."""
    vc = verb_classes()
    text = sent.text.rstrip().rstrip("\"”’'").rstrip()
    question = text.endswith("?")
    rhetorical = question and sent[0].lower_ in ("why", "how")  # "Why would X protect Daesh?" asserts that X does
    tok = verb
    for _ in range(6):
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" and not rhetorical:
                if c.lower_ in vc.words["demanded"]:
                    return "demanded"
                if c.lower_ in vc.words["possible"] or c.lemma_.lower() in vc.words["possible"]:
                    return "possible"
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return "possible"
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if tok.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp") or tok.dep_ == "conj":
            head = tok.head
            lemma = head.lemma_.lower()
            if tok.dep_ != "conj":
                if lemma in vc.words["deny"]:
                    return "denied"
                if lemma in vc.words["demanded"] and tok.dep_ in ("xcomp", "ccomp"):
                    return "demanded"
                if lemma in vc.words["possible"] and tok.dep_ in ("xcomp", "ccomp", "acl"):
                    return "possible"
                if purpose and tok.dep_ in ("advcl", "acl", "relcl"):  # "an offensive to liberate Raqqa"
                    return "possible"
            if head is tok:
                break
            tok = head
            continue
        break
    if question and not rhetorical and sent.root.i >= 0:
        first = next((t for t in sent if not t.is_punct), None)
        if first is not None and first.pos_ == "AUX":
            return "possible"
    return "asserted"


def _light(verb: Token) -> Token | None:
    """The attack noun of a light verb ("carried out airstrikes", "launched an offensive", "keeping pressure on")."""
    vc = verb_classes()
    if verb.lemma_.lower() not in vc.words["light"]:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")
                 and c.lemma_.lower() in vc.words["attack_nouns"]), None)


def _verb_text(verb: Token, doc: Doc | Span) -> tuple[int, int]:
    """Token bounds of the verb as written, with its particle ("carried out", "drove out")."""
    particles = [c.i for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return verb.i, max([verb.i, *particles])


def _noun_targets(noun: Token) -> list[Token]:
    """What an attack noun aims at: "strikes on X", "war against X", "damage to X"."""
    return [p for t in noun.subtree if t.dep_ == "prep" and t.lower_ in ("on", "upon", "against", "to", "at")
            and t.head.i == noun.i or (t.dep_ == "prep" and t.lower_ in ("against", "on") and t.head.head.i == noun.i)
            for p in t.children if p.dep_ == "pobj"]


@dataclass
class Event:
    """One actor-verb-target triple before it becomes rows."""

    verb_start: int
    verb_end: int
    verb: str
    lemma: str
    verb_class: str
    agents: list[Party]
    targets: list[Party]
    negated: bool
    modality: str


def _verbal(verb: Token, sent: Span, ctx: Context) -> Event | None:
    """The event of one verb of a listed class, or of a light verb with an attack noun."""
    vc = verb_classes()
    lemma = verb.lemma_.lower()
    noun = _light(verb)
    cls = "fight" if noun is not None else vc.lemma_class.get(lemma)
    if cls is None or verb.pos_ not in ("VERB", "AUX") or lemma in ("be", "have"):
        return None
    doc = sent.doc
    head = _agent_head(verb)
    agents = _party(head, ctx, doc) if head is not None else []
    if head is not None and not any(p.actor for p in agents) and verb.dep_ == "pcomp":
        agents = [p for b in _between(head) for p in _party(b, ctx, doc)] or agents
    agents += [p for h in _helpers(verb) for p in _party(h, ctx, doc)]
    if noun is not None:
        aims = _noun_targets(noun)
        targets = [p for t in aims for p in _party(t, ctx, doc)] or _party(noun, ctx, doc, with_actors=False)
        if not aims:
            targets = [Party(NO_ACTOR, t.start, t.end, t.text, "none") for t in targets]
    elif _passive(verb) and verb.dep_ == "acl":
        targets = _party(verb.head, ctx, doc)
    elif _passive(verb):
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            subj = verb.head
        targets = _party(subj, ctx, doc) if subj is not None else []
    else:
        targets = [p for o in _objects(verb) for p in _party(o, ctx, doc)]
    first, last = _verb_text(verb, doc)
    if noun is not None:
        last = max(last, noun.i)
        first_text = doc[first : last + 1].text
    else:
        first_text = doc[first : last + 1].text
    if not any(p.actor for p in agents + targets):
        return None
    return Event(_start(doc[first], ctx), _end(doc[last], ctx), first_text, lemma, cls, agents, targets,
                 _negated(verb), "denied" if _negated(verb) else _modality(verb, sent))


def _supporters(sent: Span, ctx: Context) -> Iterator[Event]:
    """"X-led Y", "X-backed Y": X supports Y (one event per modifier)."""
    for tok in sent:
        match = _SUPPORT_MODIFIER.search(tok.text)
        if not match or tok.head.pos_ not in ("NOUN", "PROPN"):
            continue
        backers = _token_actors(tok, ctx) or [m for c in tok.children for t in c.subtree for m in _token_actors(t, ctx)]
        if not backers:
            continue
        head = tok.head
        targets = _party(head, ctx, sent.doc)
        agents = [Party(a, s, e, "", "actor") for s, e, a in backers]
        end = _end(tok, ctx)
        yield Event(end - len(match.group()) + 1, end, match.group()[1:], _SUPPORT_LEMMA[match.group(1).lower()],
                    "support", agents, targets, False, "asserted")


def sentence_events(sent: Span, ctx: Context) -> list[Event]:
    """Every event of one parsed sentence."""
    found = [e for tok in sent if (e := _verbal(tok, sent, ctx)) is not None]
    return found + list(_supporters(sent, ctx))


def _remember(sent: Span, ctx: Context) -> None:
    """After a sentence: its subject's actors become what later pronouns may stand for."""
    types = _types()
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in _PRONOUNS:
        return
    named = [m for t in _conjuncts(subject) for m in _named(t, ctx)]
    if not named:
        return
    persons = [m for m in named if types.get(m[2]) == "person"]
    others = [m for m in named if types.get(m[2]) != "person"]
    if persons:
        ctx.antecedents["person"] = persons[:1]
    if others:
        ctx.antecedents["thing"] = others[:1]
        ctx.antecedents["group"] = others


def _voices(quotes: pd.DataFrame) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of each statement's content and cue."""
    spans = []
    for q in quotes.itertuples():
        speaker = str(q.speaker) if isinstance(q.speaker, str) and q.speaker else AUTHOR
        spans.append((int(q.content_start), int(q.content_end), speaker))
    return sorted(spans)


def _voice(pos: int, voices: list[tuple[int, int, str]]) -> str:
    """The speaker of the innermost statement that holds a position, else the author."""
    holding = [v for v in voices if v[0] <= pos < v[1]]
    return min(holding, key=lambda v: v[1] - v[0])[2] if holding else AUTHOR


def _rows(doc_id: str, sent_id: int, event: Event, voice: str) -> Iterator[dict]:
    """One row per (agent, target) pair of an event."""
    agents = event.agents or [Party(NO_ACTOR, -1, -1, "", "none")]
    targets = event.targets or [Party(NO_ACTOR, -1, -1, "", "none")]
    for a in agents:
        if not a.actor:
            continue
        for t in targets:
            if t.actor == a.actor:
                continue
            yield dict(doc_id=doc_id, sent_id=sent_id, agent=a.actor, agent_start=a.start, agent_end=a.end,
                       verb=event.verb, lemma=event.lemma, verb_start=event.verb_start, verb_end=event.verb_end,
                       verb_class=event.verb_class, target=t.actor or t.text, target_kind=t.kind,
                       target_start=t.start, target_end=t.end, negated=event.negated, modality=event.modality,
                       voice=voice)
    for t in targets:  # judged targets of an event without a named agent ("X was praised")
        if t.actor and not any(a.actor for a in agents) and event.verb_class in ("praise", "criticize"):
            yield dict(doc_id=doc_id, sent_id=sent_id, agent=NO_ACTOR, agent_start=-1, agent_end=-1,
                       verb=event.verb, lemma=event.lemma, verb_start=event.verb_start, verb_end=event.verb_end,
                       verb_class=event.verb_class, target=t.actor, target_kind=t.kind, target_start=t.start,
                       target_end=t.end, negated=event.negated, modality=event.modality, voice=voice)


def document_events(doc_id: str, sentences: Iterable[tuple[int, int, Span]], mentions: Iterable[tuple[int, int, str]],
                    quotes: pd.DataFrame) -> list[dict]:
    """The events of one document from its parsed body sentences (sent_id, start offset, parsed span), in order."""
    actors = Actors.of(mentions)
    voices = _voices(quotes)
    ctx = Context(0, actors, {}, "")
    rows = []
    for sent_id, start, sent in sentences:
        ctx.base = start - sent.start_char
        for event in sentence_events(sent, ctx):
            voice = _voice(event.verb_start, voices)
            ctx.speaker = voice if voice in _types() or voice.startswith("unlisted:") else ""
            rows += list(_rows(doc_id, sent_id, event, voice))
        _remember(sent, ctx)
    return rows


def parsed_sentences(parses: pd.DataFrame, doc_id: str) -> list[tuple[int, int, Span]]:
    """The parsed body sentences of one document as (sent_id, start, span), in order."""
    mine = parses[parses["doc_id"] == doc_id].sort_values("start")
    return [(int(r.sent_id), int(r.start), r.doc[:]) for r in mine.itertuples()]


def events(corpus: Corpus, parses: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Every event in the corpus's body text: agent, verb, target, modality and voice, with offsets."""
    quoted = dict(tuple(quotes.groupby("doc_id", sort=False)))
    named = dict(tuple(mentions.groupby("doc_id", sort=False)))
    rows = []
    for doc_id in corpus.documents["doc_id"]:
        mine = named.get(doc_id, mentions.iloc[:0])
        rows += document_events(doc_id, parsed_sentences(parses, doc_id),
                                zip(mine["start"], mine["end"], mine["actor_id"]), quoted.get(doc_id, quotes.iloc[:0]))
    return pd.DataFrame(rows, columns=COLUMNS).drop_duplicates(["doc_id", "agent", "verb_start", "target", "target_start"])
