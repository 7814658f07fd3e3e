"""Credit and blame: the role each document gives each actor in the defeat of ISIS, with its evidence.

Transparent rules: a cue from data/stance_lexicon.yaml ("thanks to X", "X liberated", "proxies of X")
judges the catalogued actors named on its side of the cue within the same clause. Each judgment
records the sentence it comes from and whose voice gives it: the speaker of the statement the cue
sits in (analysis.quotes), or the author when the text speaks for itself.
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd
import yaml

from analysis.actors import catalogue, find_actors
from analysis.corpus import Corpus
from analysis.quotes import quotation_spans, quotes

EVIDENCE_COLUMNS = ["doc_id", "sent_id", "actor_id", "stance", "cue", "cue_start", "cue_end",
                    "mention_start", "mention_end", "voice"]
COLUMNS = ["doc_id", "actor_id", "role", "score", "credit", "blame", "mentions", "credit_sent_ids",
           "blame_sent_ids", "credit_voices", "blame_voices"]
AUTHOR = "author"
_CLAUSE_BREAK = re.compile(r"[;:()—]|\b(?:but|while|whereas|which|who|that|although|though|however)\b", re.I)
_LOCATIVE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ii]nto|[Aa]cross|[Tt]hroughout|[Ww]ithin|[Tt]o|[Oo]ver|[Oo]n)\s+(?:the\s+)?(?:[a-z]+\s+)?$")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
_MODIFIER_GAP = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w-]*)*\s+")
_PARTICIPLE = re.compile(r"\w+(?:ed|en)\b", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
_WHO_ONLY = re.compile(r"\s*who\s*", re.I)
_NOT_ASSERTED = re.compile(r"\b(?:to|not|never)\s+$", re.I)


def _modifies_next(text: str, end: int, mentions: pd.DataFrame) -> bool:
    """Whether the mention ending at end only qualifies the next one ("Lebanese Hezbollah", "Iran’s Supreme Leader X")."""
    following = mentions[(mentions["start"] > end) & (mentions["start"] <= end + 40)]["start"]
    return any(_MODIFIER_GAP.fullmatch(text, end, start) for start in following)


@dataclass(frozen=True)
class Cue:
    """One credit or blame cue of the lexicon."""

    stance: str  # credit | blame
    side: str  # after | before | adjacent
    pattern: re.Pattern
    reach: int
    across_clauses: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The compiled cues, the enemy that is never credited, and the actor types that can be judged."""

    cues: tuple[Cue, ...]
    enemy: frozenset[str]
    actor_types: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The stance lexicon (data/stance_lexicon.yaml), compiled once."""
    raw = yaml.safe_load(resources.files("analysis").joinpath("data/stance_lexicon.yaml").read_text("utf-8"))
    cues = []
    for stance in ("credit", "blame"):
        for side, entries in raw[stance].items():
            for entry in entries:
                entry = entry if isinstance(entry, dict) else {"pattern": entry}
                regex = re.compile(r"(?<![\w'’])(?:" + entry["pattern"].replace("'", "['’]") + r")\b", re.I)
                cues.append(Cue(stance, side, regex, entry.get("reach", raw["reach"][side]),
                                entry.get("across_clauses", False)))
    return Lexicon(tuple(cues), frozenset(raw["enemy"]), frozenset(raw["actor_types"]))


@cache
def _judged_types() -> dict[str, str]:
    """actor_id -> type, for the actors whose type can be credited or blamed."""
    cat = catalogue()
    keep = cat[cat["type"].isin(lexicon().actor_types)]
    return dict(zip(keep["actor_id"], keep["type"]))


def actor_mentions(text: str) -> pd.DataFrame:
    """Mentions of judgeable actors in a text, demonyms included ("Iraqi armed forces" names Iraq)."""
    types = _judged_types()
    rows = [(s, e, a) for s, e, a, _ in find_actors(text) if a in types]
    return pd.DataFrame(rows, columns=["start", "end", "actor_id"])


def _clause(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of text[start:end] around pos: bounded by ; : ( ) — and words like but, which, that."""
    left, right = start, end
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.end() <= pos:
            left = m.end()
        elif m.start() >= pos:
            right = m.start()
            break
    return left, right


def _statements_at(quoted: pd.DataFrame, pos: int) -> pd.DataFrame:
    """The attributed statements (quotes rows) whose cue or content holds pos."""
    return quoted[((quoted["cue_start"] <= pos) & (pos < quoted["cue_end"]))
                  | ((quoted["content_start"] <= pos) & (pos < quoted["content_end"]))]


def _window(text: str, sent: tuple[int, int], cue: Cue, match: re.Match, next_cue: int) -> tuple[int, int]:
    """The characters in which a cue looks for the actors it judges."""
    if cue.side == "adjacent":
        return sent[0], match.start()
    if cue.side == "after":
        right = sent[1] if cue.across_clauses else _clause(text, *sent, match.end())[1]
        return match.end(), min(right, next_cue, match.end() + cue.reach)
    left = _clause(text, *sent, match.start())[0]
    if _WHO_ONLY.fullmatch(text[left - 4 : match.start()]):  # "... the United States who set ..."
        left = _clause(text, sent[0], sent[1], left - 4)[0]
    return max(left, match.start() - cue.reach), match.start()


def _judged(text: str, cue: Cue, match: re.Match, window: tuple[int, int], mentions: pd.DataFrame,
            speakers: list[tuple[int, int]]) -> list:
    """The mentions in a cue's window that the cue judges."""
    near = mentions[(mentions["start"] >= window[0]) & (mentions["end"] <= window[1])]
    if cue.side == "adjacent":
        near = near[near["end"] >= match.start() - cue.reach]
    judged, locative, previous_end = [], False, None
    for m in near.itertuples():
        floor = match.end() if cue.side == "after" else max(window[0] - 12, 0)
        joined = previous_end is not None and _LIST_GAP.fullmatch(text[previous_end : m.start])
        locative = bool(_LOCATIVE.search(text[max(floor, m.start - 12) : m.start])) or (locative and bool(joined))
        previous_end = m.end
        if locative or _modifies_next(text, m.end, mentions) or any(a < m.end and m.start < b for a, b in speakers):
            continue  # where, not who; "Lebanon’s Hezbollah"; the one who speaks
        if cue.stance == "credit" and m.actor_id in lexicon().enemy:
            continue
        judged.append(m)
    return judged


def document_evidence(doc_id: str, text: str, sentences: pd.DataFrame, mentions: pd.DataFrame,
                      quoted: pd.DataFrame) -> list[dict]:
    """Every credit or blame judgment in one document's body: the cue, the actor it judges, the voice."""
    lex = lexicon()
    rows = []
    for s in sentences[sentences["in_body"]].itertuples():
        sent = (int(s.start), int(s.end))
        marks = quotation_spans(text, *sent)
        found = sorted(((m, cue) for cue in lex.cues for m in cue.pattern.finditer(text, *sent)),
                       key=lambda pair: pair[0].start())
        for i, (match, cue) in enumerate(found):
            statements = _statements_at(quoted, match.start())
            voice = str(statements.iloc[-1]["speaker"]) if len(statements) else AUTHOR
            scare = voice == AUTHOR and any(a < match.start() and match.end() < b for a, b in marks)
            before = text[sent[0] : match.start()]
            passive = cue.side == "before" and _PASSIVE.search(before) and _PARTICIPLE.search(match.group())
            if scare or _NOT_ASSERTED.search(before) or passive:
                continue  # "“colluding”", "efforts to blame", "is not fighting", "were evacuated" (the agent follows)
            next_cue = next((m.start() for m, _ in found[i + 1 :] if m.start() >= match.end()), sent[1])
            window = _window(text, sent, cue, match, next_cue)
            speakers = list(zip(statements["speaker_start"], statements["speaker_end"]))  # not judged by own words
            for m in _judged(text, cue, match, window, mentions, speakers):
                rows.append(dict(doc_id=doc_id, sent_id=int(s.sent_id), actor_id=m.actor_id, stance=cue.stance,
                                 cue=match.group(), cue_start=match.start(), cue_end=match.end(),
                                 mention_start=int(m.start), mention_end=int(m.end), voice=voice))
    return rows


def evidence(corpus: Corpus) -> pd.DataFrame:
    """Every credit or blame judgment in the corpus, one row per (cue, actor mention)."""
    quoted = quotes(corpus)
    rows = []
    for doc_id, text in sorted(corpus.texts.items()):
        rows += document_evidence(doc_id, text, corpus.sentences[corpus.sentences["doc_id"] == doc_id],
                                  actor_mentions(text), quoted[quoted["doc_id"] == doc_id])
    table = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS).drop_duplicates(["doc_id", "actor_id", "stance", "mention_start", "cue_start"])
    return table.sort_values(["doc_id", "cue_start", "mention_start"]).reset_index(drop=True)


def role(credit: int, blame: int) -> str:
    """credited, blamed, both or neutral from the number of credit and blame judgments."""
    if credit and blame:
        return "both" if min(credit, blame) * 3 >= max(credit, blame) else ("credited" if credit > blame else "blamed")
    return "credited" if credit else "blamed" if blame else "neutral"


def _ids(values) -> str:
    """Sorted unique values joined by spaces."""
    return " ".join(str(v) for v in sorted(set(values)))


def stance(corpus: Corpus) -> pd.DataFrame:
    """For each document and each judgeable actor it mentions in its body: role, score in [-1, 1] and evidence."""
    judged = evidence(corpus)
    body = corpus.sentences[corpus.sentences["in_body"]]
    rows = []
    for doc_id, text in sorted(corpus.texts.items()):
        spans = body[body["doc_id"] == doc_id][["start", "end"]].to_numpy()
        mentions = actor_mentions(text)
        inside = mentions[[any(a <= m < b for a, b in spans) for m in mentions["start"]]]
        doc = judged[judged["doc_id"] == doc_id]
        for actor_id, n in inside["actor_id"].value_counts().sort_index().items():
            mine = doc[doc["actor_id"] == actor_id]
            credit, blame = mine[mine["stance"] == "credit"], mine[mine["stance"] == "blame"]
            total = len(credit) + len(blame)
            rows.append(dict(
                doc_id=doc_id, actor_id=actor_id, role=role(len(credit), len(blame)),
                score=round((len(credit) - len(blame)) / total, 3) if total else 0.0,
                credit=len(credit), blame=len(blame), mentions=int(n),
                credit_sent_ids=_ids(credit["sent_id"]), blame_sent_ids=_ids(blame["sent_id"]),
                credit_voices=_ids(credit["voice"]), blame_voices=_ids(blame["voice"]),
            ))
    return pd.DataFrame(rows, columns=COLUMNS)
