"""Credit and blame: the role each document gives each actor in the war against ISIS, derived from its events.

Each asserted event (analysis/stages/events.py) means something for credit or blame by its verb class and the
kind of its target (data/verb_classes.yaml): defeating or fighting the ISIS side credits the agent, killing
civilians or supporting the ISIS side blames it, praising credits the target in the agent's voice, accusing
blames it. Supporting an actor ("X-backed Y", "helped Y") shares in what Y is credited or blamed for. A
question, a negation, a conditional, an intention or a denial asserts nothing, except that an act of care owed
to protected persons not done ("failed to protect civilians", data/verb_classes.yaml `neglect`) blames its agent.
Each judgment keeps its event, sentence and voice as evidence.
"""

from collections.abc import Iterable

import pandas as pd

from analysis.stages.catalogue import catalogue
from analysis.stages.corpus import Corpus, rows_by_document
from analysis.stages.events import actor_type, is_enemy, verb_classes

EVIDENCE_COLUMNS = ["doc_id", "sent_id", "actor_id", "stance", "cue", "cue_start", "cue_end",
                    "mention_start", "mention_end", "voice", "verb_class", "agent", "target"]
COLUMNS = ["doc_id", "actor_id", "role", "score", "credit", "blame", "mentions", "credit_sent_ids",
           "blame_sent_ids", "credit_voices", "blame_voices"]
AUTHOR = "author"
_NOT_JUDGED = frozenset({"place", "operation"})


def _effect(event) -> str:
    """What an asserted event says: credit_agent, blame_agent, credit_target, blame_target, support or none."""
    vc = verb_classes()
    kind = "outcome" if event.target_kind in ("victory", "harm") else event.target_kind
    meaning = vc.enemy_agent[event.verb_class] if is_enemy(event.agent) else vc.meaning[event.verb_class].get(kind, "none")
    if meaning in ("outcome", "hinder"):
        good, bad = ("credit_agent", "blame_agent") if meaning == "outcome" else ("blame_agent", "credit_agent")
        return good if event.target_kind == "victory" else bad if event.target_kind == "harm" else "none"
    return meaning


def _neglected(event) -> bool:
    """An act of care owed to protected persons that is negated or did not happen ("failed to protect civilians"); a
    people of the catalogue (an ethnic or religious community, not a state: "failed to protect the Yazidis") is a
    civilian population."""
    kinds = verb_classes().neglect.get(event.verb_class, frozenset())
    people = "protected" in kinds and actor_type(event.target) == "people"
    return (event.negated or event.modality == "denied") and not is_enemy(event.agent) \
        and (event.target_kind in kinds or people)


def _judgment(event, actor: str, stance: str, start: int, end: int, voice: str) -> dict:
    """One evidence row."""
    return dict(doc_id=event.doc_id, sent_id=event.sent_id, actor_id=actor, stance=stance, cue=event.verb,
                cue_start=event.verb_start, cue_end=event.verb_end, mention_start=start, mention_end=end, voice=voice,
                verb_class=event.verb_class, agent=event.agent, target=event.target)


def document_evidence(events: list) -> list[dict]:
    """Every credit or blame judgment one document's asserted events (its rows of the events table) make,
    supporters judged by whom they support."""
    rows, support = [], []
    for e in events:
        if e.agent and _neglected(e):
            rows.append(_judgment(e, e.agent, "blame", e.agent_start, e.agent_end, e.voice))
            continue
        if e.negated or e.modality != "asserted":
            continue
        effect = _effect(e)
        if effect in ("credit_agent", "blame_agent") and e.agent and not (effect == "credit_agent" and is_enemy(e.agent)):
            rows.append(_judgment(e, e.agent, effect.split("_")[0], e.agent_start, e.agent_end, e.voice))
        elif effect in ("credit_target", "blame_target") and e.target_start >= 0 and not is_enemy(e.target):
            voice = e.agent or e.voice
            if e.target != voice:
                rows.append(_judgment(e, e.target, effect.split("_")[0], e.target_start, e.target_end, voice))
        elif effect == "support" and e.agent:
            support.append(e)
    shared: set[tuple[str, str, str]] = set()
    direct = {(r["actor_id"], r["stance"]) for r in rows}
    while True:  # "X-backed Y drove ISIS out": X shares Y's credit, backing the blamed shares the blame; and so on up
        # a chain of backers ("the X-led coalition supported Y"), whatever order the sentences come in; once for each
        # backed actor, however often the backing is named ("the US-led coalition" in every paragraph), and never
        # against what the document says of the backer itself (a backer blamed for its own acts shares no credit)
        judged = {(r["actor_id"], r["stance"]) for r in rows}
        new = {(e.agent, e.target, stance): e for e in support for stance in ("credit", "blame")
               if (e.target, stance) in judged and (e.agent, e.target, stance) not in shared
               and (e.agent, "blame" if stance == "credit" else "credit") not in direct}
        if not new:
            return rows
        for (_, _, stance), e in new.items():
            rows.append(_judgment(e, e.agent, stance, e.agent_start, e.agent_end, e.voice))
        shared |= new.keys()


def evidence(corpus: Corpus, events: pd.DataFrame) -> pd.DataFrame:
    """Every credit or blame judgment in the corpus, one row per (event, judged actor)."""
    rows = [r for mine in rows_by_document(events).values() for r in document_evidence(mine)]
    table = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS).drop_duplicates()
    return table.sort_values(["doc_id", "cue_start", "mention_start"]).reset_index(drop=True)


def role(credit: int, blame: int) -> str:
    """credited, blamed, both or neutral from the number of credit and blame judgments."""
    if credit and blame:
        return "both" if min(credit, blame) * 3 >= max(credit, blame) else ("credited" if credit > blame else "blamed")
    return "credited" if credit else "blamed" if blame else "neutral"


def _ids(values: Iterable) -> str:
    """Sorted unique values joined by spaces."""
    return " ".join(str(v) for v in sorted(set(values)))


def _judgeable(mentions: pd.DataFrame) -> pd.DataFrame:
    """Body mentions of actors that can be credited or blamed (not places or operations)."""
    cat = catalogue()
    types = dict(zip(cat["actor_id"], cat["type"]))
    body = mentions[mentions["in_body"]]
    return body[~body["actor_id"].map(lambda a: types.get(a, "")).isin(_NOT_JUDGED)]


def stance(corpus: Corpus, stance_evidence: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """For each document and each actor it names in its body (or that its evidence names inside another name: the
    United States in "the US-led coalition", mentions 0): role, score in [-1, 1] and the evidence."""
    counts = _judgeable(mentions).groupby(["doc_id", "actor_id"]).size()
    types = dict(zip(catalogue()["actor_id"], catalogue()["type"]))
    inside = {k for k in zip(stance_evidence["doc_id"], stance_evidence["actor_id"])
              if k not in counts.index and types.get(k[1], "") not in _NOT_JUDGED}
    counts = pd.concat([counts, pd.Series(0, index=pd.MultiIndex.from_tuples(sorted(inside)), dtype=counts.dtype)]) \
        if inside else counts
    sents: dict[tuple, set] = {}
    voices: dict[tuple, set] = {}
    for doc_id, actor_id, kind, sent_id, voice in zip(stance_evidence["doc_id"], stance_evidence["actor_id"],
                                                      stance_evidence["stance"], stance_evidence["sent_id"],
                                                      stance_evidence["voice"]):
        sents.setdefault((doc_id, actor_id, kind), set()).add(int(sent_id))  # sentences, not events
        voices.setdefault((doc_id, actor_id, kind), set()).add(voice)
    rows = []
    for (doc_id, actor_id), n in counts.items():
        credit, blame = sents.get((doc_id, actor_id, "credit"), set()), sents.get((doc_id, actor_id, "blame"), set())
        total = len(credit) + len(blame)
        rows.append(dict(
            doc_id=doc_id, actor_id=actor_id, role=role(len(credit), len(blame)),
            score=round((len(credit) - len(blame)) / total, 3) if total else 0.0,
            credit=len(credit), blame=len(blame), mentions=int(n),
            credit_sent_ids=_ids(credit), blame_sent_ids=_ids(blame),
            credit_voices=_ids(voices.get((doc_id, actor_id, "credit"), ())),
            blame_voices=_ids(voices.get((doc_id, actor_id, "blame"), ())),
        ))
    return pd.DataFrame(rows, columns=COLUMNS)
