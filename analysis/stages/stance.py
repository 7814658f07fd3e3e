"""Credit and blame: the role each document gives each actor in the defeat of ISIS, with its evidence.

Transparent rules: a cue from data/stance_lexicon.yaml ("thanks to X", "X liberated", "proxies of X")
judges the catalogued actors named on its side of the cue within the same clause. Each judgment
records the sentence it comes from and whose voice gives it: the speaker of the statement the cue
sits in (analysis.stages.quotes), or the author when the text speaks for itself.
"""

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd
import yaml

from analysis.stages.actors import catalogue, find_actors
from analysis.stages.corpus import Corpus
from analysis.stages.quotes import Mention, mentions_within, per_document, quotation_spans

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
_LIST_END = re.compile(r"\s*(?:[,.;:)]|and\b|or\b|$)")
_WHO_ONLY = re.compile(r"\s*who\s*", re.I)
_NOT_ASSERTED = re.compile(r"\b(?:to|not|never)\s+$", re.I)
_YES_NO = re.compile(r"\s*(?:are|is|was|were|do|does|did|can|could|will|would|should|has|have|had)\b", re.I)


def _modifies_next(text: str, end: int, mentions: list[Mention]) -> bool:
    """Whether the mention ending at end only qualifies the next one ("Lebanese Hezbollah", "Iran’s Supreme Leader X")."""
    return any(_MODIFIER_GAP.fullmatch(text, end, m.start) for m in mentions_within(mentions, end + 1, end + 80)
               if m.start <= end + 40)


@dataclass(frozen=True)
class Cue:
    """One credit or blame cue of the lexicon."""

    stance: str  # credit | blame
    side: str  # after | before | adjacent
    pattern: str
    reach: int
    across_clauses: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The cues (and one regex over all of them), the enemy that is never credited, the actor types judged."""

    cues: tuple[Cue, ...]
    regex: re.Pattern  # group c<i> is cues[i]; at one position the longer cue wins
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
                cues.append(Cue(stance, side, entry["pattern"].replace("'", "['’]"),
                                entry.get("reach", raw["reach"][side]), entry.get("across_clauses", False)))
    order = sorted(range(len(cues)), key=lambda i: -len(cues[i].pattern))
    regex = re.compile(r"(?<![\w'’])(?:" + "|".join(f"(?P<c{i}>{cues[i].pattern})" for i in order) + r")\b", re.I)
    return Lexicon(tuple(cues), regex, frozenset(raw["enemy"]), frozenset(raw["actor_types"]))


@cache
def _judged_types() -> dict[str, str]:
    """actor_id -> type, for the actors whose type can be credited or blamed."""
    cat = catalogue()
    keep = cat[cat["type"].isin(lexicon().actor_types)]
    return dict(zip(keep["actor_id"], keep["type"]))


def actor_mentions(text: str) -> list[Mention]:
    """Mentions of judgeable actors in a text by start, demonyms included ("Iraqi armed forces" names Iraq)."""
    types = _judged_types()
    return [Mention(s, e, a, types[a]) for s, e, a, _ in find_actors(text) if a in types]


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


def _judged(text: str, cue: Cue, match: re.Match, window: tuple[int, int], mentions: list[Mention],
            speakers: list[tuple[int, int]]) -> list[Mention]:
    """The mentions in a cue's window that the cue judges."""
    near = mentions_within(mentions, *window)
    if cue.side == "adjacent":
        near = [m for m in near if m.end >= match.start() - cue.reach]
    judged, locative, previous_end = [], False, None
    for m in near:
        floor = match.end() if cue.side == "after" else max(window[0] - 12, 0)
        joined = (previous_end is not None and _LIST_GAP.fullmatch(text[previous_end : m.start])
                  and _LIST_END.match(text, m.end))  # "in Iraq and Syria", not "In Syria, Russian warplanes"
        locative = bool(_LOCATIVE.search(text[max(floor, m.start - 12) : m.start])) or (locative and bool(joined))
        previous_end = m.end
        if locative or _modifies_next(text, m.end, mentions) or any(a < m.end and m.start < b for a, b in speakers):
            continue  # where, not who; "Lebanon’s Hezbollah"; the one who speaks
        if cue.stance == "credit" and m.actor_id in lexicon().enemy:
            continue
        judged.append(m)
    return judged


def _cue_matches(text: str, sentences: pd.DataFrame) -> dict[int, list[tuple[re.Match, Cue]]]:
    """The lexicon's cue matches in a document, grouped by the body sentence (row index) they lie in."""
    starts, ends = sentences["start"].tolist(), sentences["end"].tolist()
    lex = lexicon()
    found: dict[int, list] = {}
    match = lex.regex.search(text)
    while match:  # overlapping matches too: "covertly evacuated" and "evacuated by"
        i = bisect_right(starts, match.start()) - 1
        if i >= 0 and match.end() <= ends[i]:
            found.setdefault(i, []).append((match, lex.cues[int(match.lastgroup[1:])]))
        match = lex.regex.search(text, match.start() + 1)
    return found


def document_evidence(doc_id: str, text: str, sentences: pd.DataFrame, mentions: list[Mention],
                      quoted: pd.DataFrame) -> list[dict]:
    """Every credit or blame judgment in one document's body: the cue, the actor it judges, the voice."""
    body = sentences[sentences["in_body"]].sort_values("start")
    statements = list(zip(quoted["cue_start"], quoted["cue_end"], quoted["content_start"], quoted["content_end"],
                          quoted["speaker"], quoted["speaker_start"], quoted["speaker_end"]))
    rows = []
    for i, found in sorted(_cue_matches(text, body).items()):
        sent = (int(body["start"].iat[i]), int(body["end"].iat[i]))
        marks = quotation_spans(text, *sent)
        for k, (match, cue) in enumerate(found):
            holding = [q for q in statements if q[0] <= match.start() < q[1] or q[2] <= match.start() < q[3]]
            voice = str(holding[-1][4]) if holding else AUTHOR
            scare = voice == AUTHOR and any(a < match.start() and match.end() < b for a, b in marks)
            before = text[sent[0] : match.start()]
            passive = cue.side == "before" and _PASSIVE.search(before) and _PARTICIPLE.search(match.group())
            asked = text[sent[0] : sent[1]].rstrip().endswith("?") and _YES_NO.match(before.rsplit(":", 1)[-1])
            if scare or _NOT_ASSERTED.search(before) or passive or asked:
                continue  # "“colluding”", "efforts to blame", "is not fighting", "were evacuated" (the agent follows),
                # "Are they serious in fighting Daesh?" (a yes/no question asserts nothing; "Why would X protect ...?" does)
            next_cue = next((m.start() for m, _ in found[k + 1 :] if m.start() >= match.end()), sent[1])
            window = _window(text, sent, cue, match, next_cue)
            speakers = [(q[5], q[6]) for q in holding]  # a voice is not judged by its own words
            for m in _judged(text, cue, match, window, mentions, speakers):
                rows.append(dict(doc_id=doc_id, sent_id=int(body["sent_id"].iat[i]), actor_id=m.actor_id,
                                 stance=cue.stance, cue=match.group(), cue_start=match.start(), cue_end=match.end(),
                                 mention_start=m.start, mention_end=m.end, voice=voice))
    return rows


def _judgments(corpus: Corpus, quotes: pd.DataFrame) -> Iterator[tuple[str, pd.DataFrame, list[Mention], list[dict]]]:
    """(doc_id, sentences, judgeable mentions, credit/blame judgments) for each document, given the quotes table."""
    statements = dict(tuple(quotes.groupby("doc_id", sort=False)))
    for doc_id, text, sentences, _ in per_document(corpus):
        mentions = actor_mentions(text)
        yield doc_id, sentences, mentions, document_evidence(doc_id, text, sentences, mentions,
                                                             statements.get(doc_id, quotes.iloc[:0]))


def evidence(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Every credit or blame judgment in the corpus, one row per (cue, actor mention): the stance_evidence table."""
    rows = [row for *_, judged in _judgments(corpus, quotes) for row in judged]
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS).sort_values(["doc_id", "cue_start", "mention_start"]).reset_index(drop=True)


def role(credit: int, blame: int) -> str:
    """credited, blamed, both or neutral from the number of credit and blame judgments."""
    if credit and blame:
        return "both" if min(credit, blame) * 3 >= max(credit, blame) else ("credited" if credit > blame else "blamed")
    return "credited" if credit else "blamed" if blame else "neutral"


def _ids(values: Iterable) -> str:
    """Sorted unique values joined by spaces."""
    return " ".join(str(v) for v in sorted(set(values)))


def document_stance(doc_id: str, sentences: pd.DataFrame, mentions: list[Mention], judged: list[dict]) -> list[dict]:
    """One row per judgeable actor mentioned in the document's body: its role, score and evidence."""
    body = sentences[sentences["in_body"]]
    spans = list(zip(body["start"], body["end"]))
    counts = Counter(m.actor_id for m in mentions if any(a <= m.start < b for a, b in spans))
    rows = []
    for actor_id, n in sorted(counts.items()):
        credit = [j for j in judged if j["actor_id"] == actor_id and j["stance"] == "credit"]
        blame = [j for j in judged if j["actor_id"] == actor_id and j["stance"] == "blame"]
        total = len(credit) + len(blame)
        rows.append(dict(
            doc_id=doc_id, actor_id=actor_id, role=role(len(credit), len(blame)),
            score=round((len(credit) - len(blame)) / total, 3) if total else 0.0,
            credit=len(credit), blame=len(blame), mentions=n,
            credit_sent_ids=_ids(j["sent_id"] for j in credit), blame_sent_ids=_ids(j["sent_id"] for j in blame),
            credit_voices=_ids(j["voice"] for j in credit), blame_voices=_ids(j["voice"] for j in blame),
        ))
    return rows


def stance(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """For each document and each judgeable actor it mentions in its body: role, score in [-1, 1] and evidence."""
    rows = [row for args in _judgments(corpus, quotes) for row in document_stance(*args)]
    return pd.DataFrame(rows, columns=COLUMNS)
