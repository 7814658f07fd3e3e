"""Actor mentions and document metadata on the real articles of ../shared/dev-corpus, against the hand annotation
(tests/fixtures/dev_mentions_gold.csv, dev_metadata_gold.csv); skipped when the corpus is absent."""

import warnings

import pytest

from analysis import load_corpus
from analysis.stages import actors
from tests.dev_scores import DEV_CORPUS, metadata_scores, mention_scores

# Floors reached on the dev corpus (README, "Accuracy on real articles"): one more wrong span or field fails.
MENTIONS_F1_FLOOR = 0.99
METADATA_RIGHT_FLOOR = 111
METADATA_FALSE_CEILING = 0

pytestmark = pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason=f"dev corpus not found at {DEV_CORPUS}")


@pytest.fixture(scope="module")
def dev():
    """The dev corpus, loaded once."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(DEV_CORPUS)


def test_actor_mentions_against_the_hand_annotation(dev):
    p, r, f1, false, missed = mention_scores(actors.mentions(dev))
    print(f"\ndev mentions name+metonym: P={p:.3f} R={r:.3f} F1={f1:.3f}")
    assert f1 >= MENTIONS_F1_FLOOR, (sorted(false), sorted(missed))


def test_metadata_against_the_hand_annotation(dev):
    right, false, wrong = metadata_scores(dev.documents)
    print(f"\ndev metadata: {right}/{4 * len(dev.documents)} right, {false} false")
    assert right >= METADATA_RIGHT_FLOOR and false <= METADATA_FALSE_CEILING, wrong
