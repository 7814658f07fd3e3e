"""The schema of every table: each column with its dtype and one line of meaning (the contract the tests check and
the data dictionary in README.md is generated from). Offsets are Python string indices into the decoded text."""

Schema = dict[str, tuple[str, str]]

DOC = ("str", "the document: its file name without .txt")
SENT = ("int64", "the sentence it is in (sentences.sent_id of the same document)")
START = ("int64", "where the span starts: a Python string offset into the document's decoded text")
END = ("int64", "where the span ends (exclusive): text[start:end] is the span")
IN_BODY = ("bool", "whether it is in the article's body text (not page furniture)")

DOCUMENTS: Schema = {
    "doc_id": DOC,
    "title": ("str", "the headline, as the text gives it (empty when none is found)"),
    "title_evidence": ("str", "where the title came from ('headline line', 'manifest: <source>')"),
    "author": ("str", "the writer: a 'By ...' byline, an author line at the end, or 'by X' on a date line"),
    "author_evidence": ("str", "where the author came from (the byline or line it was read from)"),
    "outlet": ("str", "the publisher: from a licence or copyright line, a site tagline or notice ('Official website of "
                      "X', 'on defense.gov'), the author bio, or the agency of a wire dateline ('TEHRAN (MNA) -')"),
    "outlet_evidence": ("str", "where the outlet came from"),
    "via": ("str", "a syndication source the text names ('(Source: X)', 'originally published by X', 'X reported', "
                   "'(Reuters)' under another outlet); never the outlet itself"),
    "via_evidence": ("str", "where via came from"),
    "published": ("str", "ISO date as precise as the evidence allows: 2017-11-22, 2017-11 or 2016"),
    "published_inferred": ("bool", "whether the date is inferred (latest dated event reported) rather than stated"),
    "published_evidence": ("str", "the dateline, dated byline or inference the date came from"),
    "body_start": ("int64", "offset of the first body sentence"),
    "body_end": ("int64", "end offset of the last body sentence"),
    "n_words": ("int64", "whitespace-separated words of body text"),
    "n_chars": ("int64", "characters of the decoded text"),
    "boilerplate_chars": ("int64", "characters of page furniture (every part whose kind is not body)"),
    "sha256": ("str", "SHA-256 of the file's bytes, as in a SHA256SUMS file"),
    "short_name": ("str", "a short display name for charts: the doc_id up to its first '_', then the outlet or author"),
}
PARAGRAPHS: Schema = {
    "doc_id": DOC, "para_id": ("int64", "the paragraph's number in its document, from 0"), "start": START, "end": END,
    "text": ("str", "the paragraph's text (= text[start:end])"),
    "kind": ("str", "body, or the page furniture it is (headline, byline, dateline, caption, share, ...)"),
    "in_body": IN_BODY,
}
SENTENCES: Schema = {
    "doc_id": DOC, "sent_id": ("int64", "the sentence's number in its document, from 0"),
    "para_id": ("int64", "the paragraph it is in"), "start": START, "end": END,
    "text": ("str", "the sentence's text (= text[start:end])"),
    "kind": ("str", "body, or the page furniture its paragraph is"), "in_body": IN_BODY,
}
SPANS: Schema = {
    "doc_id": DOC, "start": START, "end": END,
    "kind": ("str", "a sentence's kind, or 'space' for the whitespace between sentences: the spans cover the file"),
}
PROBLEMS: Schema = {
    "file": ("str", "the input file that needed a fallback or was skipped"),
    "problem": ("str", "what was wrong with it"),
    "action": ("str", "what the loader did (skipped, decoded as Windows-1252, ...)"),
}
QUOTES: Schema = {
    "doc_id": DOC, "sent_id": SENT,
    "speaker": ("str", "the speaker's actor_id when catalogued, 'unlisted:<slug>' for an actor the catalogue lacks "
                       "(as in mentions), else the speaker's own words"),
    "speaker_name": ("str", "the words naming the speaker the cue resolves to ('Qassem Soleimani')"),
    "speaker_text": ("str", "the phrase at the cue (= text[speaker_start:speaker_end]: 'He', 'the general')"),
    "speaker_start": ("int64", "where the speaker phrase at the cue starts"),
    "speaker_end": ("int64", "where the speaker phrase at the cue ends (exclusive)"),
    "cue": ("str", "the reporting cue as written (said, told, according to, ':' in a 'Name: statement' line)"),
    "cue_lemma": ("str", "the cue's dictionary form (say, tell, according to, colon)"),
    "cue_start": ("int64", "where the cue starts"), "cue_end": ("int64", "where the cue ends (exclusive)"),
    "content_start": ("int64", "where the statement starts"),
    "content_end": ("int64", "where the statement ends (exclusive)"),
    "direct": ("bool", "whether the statement is quoted word for word"),
    "kind": ("str", "direct, indirect or mixed (reported speech holding a quotation)"),
}
EVENTS: Schema = {
    "doc_id": DOC, "sent_id": SENT,
    "agent": ("str", "who acts: an actor_id (catalogued or unlisted:...); '' for a judgment with no named judge"),
    "agent_start": ("int64", "where the agent's mention starts (-1: none)"),
    "agent_end": ("int64", "where the agent's mention ends (exclusive)"),
    "verb": ("str", "the act as written ('liberated', 'carried out missile strikes', 'US crimes')"),
    "lemma": ("str", "the verb's (or act noun's) lemma"),
    "verb_start": ("int64", "where the act starts"), "verb_end": ("int64", "where the act ends (exclusive)"),
    "verb_class": ("str", "defeat, seize, advance, fight, violence, support, collude, contribute, harm, praise, "
                          "criticize or attribute (data/verb_classes.yaml)"),
    "target": ("str", "the actor_id acted on, or a short noun phrase"),
    "target_kind": ("str", "enemy, protected, actor, place, victory, harm or none"),
    "target_start": ("int64", "where the target starts (-1: none)"),
    "target_end": ("int64", "where the target ends (exclusive)"),
    "negated": ("bool", "the clause is negated ('did not fight')"),
    "modality": ("str", "asserted, possible (modal, future, purpose, condition, yes/no question, the content of an accusation or claim), demanded, denied or distanced (a verb in scare quotes)"),
    "voice": ("str", "'author', or the speaker whose statement (quotes) holds the clause"),
}
STANCE: Schema = {
    "doc_id": DOC, "actor_id": ("str", "the judgeable actor the document names in its body"),
    "role": ("str", "credited, blamed, both or neutral"),
    "score": ("float64", "(credit - blame) / (credit + blame), in [-1, 1]; 0 without a judgment"),
    "credit": ("int64", "sentences whose asserted events credit the actor"),
    "blame": ("int64", "sentences whose asserted events blame the actor"),
    "mentions": ("int64", "body mentions of the actor in the document"),
    "credit_sent_ids": ("str", "space-separated sent_ids of the credit evidence"),
    "blame_sent_ids": ("str", "space-separated sent_ids of the blame evidence"),
    "credit_voices": ("str", "who gives the credit: 'author', the speaker holding the event, or the praiser"),
    "blame_voices": ("str", "who gives the blame: 'author', the speaker holding the event, or the accuser"),
}
STANCE_EVIDENCE: Schema = {
    "doc_id": DOC, "sent_id": SENT, "actor_id": ("str", "the actor judged"),
    "stance": ("str", "credit or blame"), "cue": ("str", "the event's act as written ('liberated', 'praised')"),
    "cue_start": ("int64", "where the act starts"), "cue_end": ("int64", "where the act ends (exclusive)"),
    "mention_start": ("int64", "where the judged actor's mention starts"),
    "mention_end": ("int64", "where the judged actor's mention ends (exclusive)"),
    "voice": ("str", "'author', the speaker whose statement holds the event, or the praiser/accuser"),
    "verb_class": ("str", "the event's verb class"), "agent": ("str", "the event's agent"),
    "target": ("str", "the event's target (actor_id or phrase)"),
}
COPIES: Schema = {
    "doc_id": ("str", "a document whose body copies an earlier one"),
    "copy_of": ("str", "the first document of its cluster of copies"),
    "similarity": ("float64", "Jaccard similarity of the two bodies' word 3-grams (1.0 for the same body)"),
    "method": ("str", "how it was found: hash (the same body) or minhash"),
}
SHARED_SENTENCES: Schema = {
    "doc_a": ("str", "the first document of the pair"), "a_sent": ("int64", "its sentence"),
    "a_pos": ("int64", "that sentence's position among its document's body sentences"),
    "a_start": ("int64", "where the sentence starts in doc_a"), "a_end": ("int64", "where it ends (exclusive)"),
    "doc_b": ("str", "the second document of the pair"), "b_sent": ("int64", "its sentence"),
    "b_pos": ("int64", "that sentence's position among its document's body sentences"),
    "b_start": ("int64", "where the sentence starts in doc_b"), "b_end": ("int64", "where it ends (exclusive)"),
    "shingle_containment": ("float64", "share of the shorter sentence's word 3-grams found in the other"),
    "cosine": ("float64", "IDF-weighted cosine of the two sentences' terms (lower-case content words and numbers); "
                          "of their content-word stems, names included, for a pair found by extension"),
    "score": ("float64", "the score of the method that aligned the pair"),
    "relation": ("str", "verbatim, near_verbatim or paraphrase"),
    "method": ("str", "shingles, tfidf or extend (next to an aligned pair)"),
}
WORDS = "space-separated, sorted"
REUSE_KEYS: Schema = {
    "doc_id": DOC, "sent_id": SENT,
    "stems": ("str", f"the Snowball stems of its content words ({WORDS}): the MinHash LSH input"),
    "terms": ("str", f"the stems of its content words written in lower case, and its numbers ({WORDS})"),
    "names": ("str", f"its capitalised words after the first, lower-cased ({WORDS})"),
    "speakers": ("str", f"catalogued speakers of the statements touching it ({WORDS})"),
    "reported": ("str", f"those of them reported with a verb, not a transcript's turn ({WORDS})"),
    "signature": ("bytes", "the MinHash signature of its stems (128 32-bit hash values; empty without stems)"),
}
BODY_KEYS: Schema = {
    "doc_id": DOC, "digest": ("str", "SHA-256 of its body text (the body sentences joined by line breaks)"),
    "signature": ("bytes", "the MinHash signature of its body's word 3-grams (64 32-bit hash values; empty without)"),
}
REUSE: Schema = {
    "doc_a": ("str", "the first document of the pair"),
    "a_start": ("int64", "where the passage starts in doc_a"), "a_end": ("int64", "where it ends in doc_a (exclusive)"),
    "doc_b": ("str", "the second document of the pair"),
    "b_start": ("int64", "where the passage starts in doc_b"), "b_end": ("int64", "where it ends in doc_b (exclusive)"),
    "score": ("float64", "the score of the passage's relation (containment, cosine or copy similarity)"),
    "relation": ("str", "duplicate, verbatim, near_verbatim or paraphrase"),
    "method": ("str", "the methods that found it, '+'-joined (hash, minhash, shingles, tfidf, extend)"),
    "a_sent_ids": ("str", "space-separated sent_ids of the passage in doc_a"),
    "b_sent_ids": ("str", "space-separated sent_ids of the passage in doc_b"),
}
VOCABULARY: Schema = {
    "group": ("str", "the document (or group of documents) the term is distinctive of"),
    "term": ("str", "a lower-cased unigram or bigram"), "ngram": ("int64", "1 or 2 words"),
    "count": ("int64", "uses in the group"), "count_rest": ("int64", "uses in the rest of the corpus"),
    "log_odds": ("float64", "log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008)"),
    "z": ("float64", "the log-odds ratio's z-score"), "stopword": ("bool", "whether every word is a stop word"),
    "doc_id": ("str", "the document of the term's first occurrence in the group"),
    "start": ("int64", "where the first occurrence starts"), "end": ("int64", "where it ends (exclusive)"),
}
TERM_COUNTS: Schema = {
    "doc_id": DOC, "term": ("str", "a lower-cased unigram or bigram (a catalogued actor's name is one word)"),
    "ngram": ("int64", "1 or 2 words, as where the document first uses the term"),
    "count": ("int64", "uses in the document's body"),
    "start": ("int64", "where the document first uses the term"), "end": ("int64", "where that use ends (exclusive)"),
}
EPITHETS: Schema = {
    "doc_id": DOC, "sent_id": SENT, "start": START, "end": END, "surface": ("str", "the phrase as written"),
    "epithet": ("str", "the epithet as listed in data/epithets.yaml"),
    "side": ("str", "whom the phrase names: isis or its opponents"),
    "near_actor": ("str", "the catalogued actor named closest to it in the sentence (empty if none)"),
}
FIGURES: Schema = {
    "doc_id": DOC, "sent_id": SENT, "start": START, "end": END,
    "surface": ("str", "the number with its currency sign, scale word, unit, rate and any parenthesised conversion "
                       "('$ 500 billion', '62 mph (100 km/h)')"),
    "value": ("float64", "the value in the stated unit, or the low end of a range or vague magnitude"),
    "value_high": ("float64", "the high end of a range or vague magnitude in the same unit (empty for one value)"),
    "unit": ("str", "USD, km, GB, year, percent, ...; a rate is unit/denominator (USD/bbl); empty for a bare count"),
    "kind": ("str", "money, count, distance, area, volume, weight, duration, age, percent, speed, data, data rate, "
                    "frequency, power, energy, electricity, pressure, temperature or sound"),
    "counted": ("str", "for a count: the noun phrase counted ('ISIS fighters')"),
    "approximate": ("bool", "whether it is hedged ('around', 'at least') or a range"),
    "vague": ("bool", "whether it is a vague magnitude ('hundreds', 'thousands of')"),
    "source": ("str", "actor_id of the speaker of the statement holding it, the speaker's words, or 'author'"),
    "in_body": IN_BODY,
    "topic": ("str", "casualties, forces, money, territory and distance, ... (data/figure_topics.yaml)"),
}
DATES: Schema = {
    "doc_id": DOC, "sent_id": SENT, "start": START, "end": END, "surface": ("str", "the expression as written"),
    "normalized": ("str", "ISO at the stated precision (2017-10-04, 2017-11, 2017-W46, --11-23); empty if unresolved"),
    "relative": ("bool", "whether it is relative ('Tuesday', 'two days later', 'last week')"),
    "role": ("str", "publication (in a dateline or byline), event (in the body) or furniture"),
    "in_body": IN_BODY,
}
RECURRING_FIGURES: Schema = {
    "figure": ("str", "the key shared across documents: value and unit, or value and counted noun ('500 billion USD')"),
    "n_docs": ("int64", "documents stating it"), "doc_id": DOC,
    "short_name": ("str", "the document's short display name (documents.short_name)"), "surface": FIGURES["surface"],
    "approximate": FIGURES["approximate"], "vague": FIGURES["vague"], "source": FIGURES["source"],
    "counted": FIGURES["counted"], "sentence": ("str", "the sentence stating it"), "start": START, "end": END,
}
MENTIONS: Schema = {
    "doc_id": DOC, "sent_id": SENT, "start": START, "end": END, "surface": ("str", "the mention as written"),
    "actor_id": ("str", "the actor it names: a catalogue id, or unlisted:<slug> for a name the catalogue lacks"),
    "kind": ("str", "name, demonym ('Iranian') or metonym (a capital standing for its government)"),
    "in_body": IN_BODY, "alias": ("str", "the catalogue alias it matched (for an unlisted actor, the name)"),
    "type": ("str", "the actor's type: its catalogue type, or from the parse's entity label for an unlisted one"),
}
ACTORS: Schema = {
    "actor_id": ("str", "the actor's id"), "name": ("str", "its display name"),
    "type": ("str", "person, state, armed_group, organization, media, people, operation or place"),
    "affiliation": ("str", "the actor it belongs to or is backed by"),
    "aliases": ("str", "its names, '; '-joined"), "demonyms": ("str", "its demonyms, '; '-joined"),
    "metonym_of": ("str", "for a capital: the state it can stand for"),
    "side": ("str", "the side it fights on, when the catalogue says (isis, jihadist; inherited through affiliation)"),
}
CANDIDATES: Schema = {
    "actor_id": ("str", "the unlisted actor's id in the mentions table (unlisted:<slug>)"),
    "name": ("str", "its longest name in the corpus"), "type": ("str", "its type (person, organization, state, place)"),
    "count": ("int64", "its mentions"), "n_docs": ("int64", "documents naming it"),
    "doc_id": ("str", "the document where that name is first written"), "sent_id": SENT, "start": START, "end": END,
    "sentence": ("str", "the sentence where that name is first written"),
}
