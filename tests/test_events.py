"""Events (who does what to whom) read from the parse: agents through passives, relative clauses, coordination,
"thanks to", "with the help of" and "X-backed"; modality; and what each event means for credit and blame.

The sentences are written for these tests (general wordings of war reporting, from no article)."""

from types import SimpleNamespace

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.stages.events import AUTHOR, COLUMNS, Actors, _voice, _voices, is_enemy, sides, verb_classes
from tests.stance_scores import DEV_CORPUS, FIXTURES, dev_corpus, event_recall, tables

SENTENCES = [
    "Mosul was liberated by the Iraqi Army last year.",
    "The government, which is backed by Russia and Iran, dismissed the offensive.",
    "The victory was achieved thanks to the sacrifices of the Popular Mobilization Units.",
    "With the help of Jordan, the Syrian Arab Army recaptured Palmyra.",
    "US-backed Syrian Democratic Forces drove ISIS out of Raqqa.",
    "Hezbollah, which defeated ISIS in Qalamoun, sent more fighters.",
    "Egypt and Libya fought the militants for months.",
    "Turkey did not fight ISIS.",
    "Did Qatar fund the militants?",
    "If Kuwait arms the jihadists, the war will go on.",
    "Pakistan denied supporting ISIS.",
    "Vladimir Putin praised the Peshmerga.",
    "Iran accused Saudi Arabia of funding terrorists.",
    "Israel bombed a hospital in the south.",
    "Because Bahrain was arming the militants, the talks should stop.",
    "French jets unleashed fire upon the jihadist camps.",
    "Backed by Canadian advisers, the Kurdish fighters retook the town.",
    "Germany and Italy fought the militants for years, and they were backed by Japan.",
    "Belgian jets  struck the\n   militants near the border.",
    "In the end those who made the difference in the war against ISIS were the Lebanese Army and Oman, with the help of Norway.",
    "The force that freed the village was Spain.",
    "Greece proved itself a bitter enemy of the jihadists.",
    "Sweden was the architect of the liberation of the province.",
    "The accusations that India is a sponsor of terrorism are false.",
    "Australia destroyed the Danish plan of a long war.",
    "Officials admit that 2,000 Dutch troops are in the country \u201cfighting\u201d the militants.",
    "Leaders of the Iraqi Army announced Tuesday they had launched an offensive to liberate Mosul.",
    "Kuwait condemned the attack by Lebanon against Syria's northern region.",
    "The line held for a year.",
    "\u201cIt dealt a blow to the tyrants,\u201d said the Russian government.",
    "It is clear that Morocco and Tunisia have fought the militants and they were also backed by Algeria.",
    "The minister expressed his gratitude to the government of Finland for its help.",
    "Portugal fought on. It temporarily stopped all of its attacks on the militants.",
    "Austria stopped bombing the militants.",
    "Officials noted the strong and steady presence of Poland.",
    "The arrogant Hungarian government ignored the warnings.",
    "Observers said Ireland played a disastrous role.",
    "Analysts called the defeat a blow to plots by Argentina and its allies.",
    "Armenia helped Baghdad defeat the jihadists.",
    "Azerbaijan let the ISIS fighters escape from the town.",
    "The liberation of the city would not have happened without Kazakhstan.",
    "The rise of the jihadists would not have happened without Uzbekistan.",
    "Indonesia violated international law.",
    "The town would not have been quiet without Malaysia.",
    "Iraqi troops, backed by Philippines-led air strikes, battled the jihadists.",
    "Nigeria sent an envoy. The minister congratulated Sudan on its victory over the militants.",
    "Dozens of civilians were killed as a result of Tajikistan's airstrikes.",
    "Repeated mistakes by Turkmenistan caused deaths among the villagers.",
    "Nigeria was silent. Somalia along with its allies liberated the town from the hands of ISIS terrorists.",
    "Several states, such as Mali and Albania, have been fighting against the jihadists.",
    "Estonia was silent for weeks. Observers accused it of arming the jihadists.",
    'Amnesty International said Latvia "ignored every warning," blaming it for killing dozens of villagers.',
    "Lithuania entered the village and destroyed it.",
    "Slovakia failed to defeat the militants.",
    "Croatia drove the militants out of the town. On Monday, Serbia praised it warmly.",
    '"We drove the militants out of the town," said a Kenyan officer.',
    'Maltese spokeswoman Anna Borg said: "Our forces liberated the village."',
    '"We have defeated the jihadists," said Jonas Berg, a spokesman for the Icelandic army.',
    '"We have defeated the jihadists," said Peter Holm.',
    "Mexico provided air cover and logistic support to Colombian forces. Colombian forces defeated the militants.",
    "Haiti gave weapons to the jihadists.",
    "Jamaica supported Panamanian troops in their fight against the jihadists.",
    "Dozens of villagers were killed as a result of Honduras's airstrikes on the militants.",
    "Belarus never stopped fighting the jihadists.",
    "Moldova will never stop fighting the jihadists.",
    "Mongolia not only armed the militants but also trained them.",
    "Bhutan's fight against terrorism was long.",
    "Samoa reported to parliament on the operation to free the town.",
    "Ecuador accused the Peruvian government of arming the militants.",
    "Chile called Uruguay a sponsor of terrorism.",
    "Rwandan YPG fighters destroyed the village.",
    "Benin supported Togolese forces in the fight against the jihadists.",
    "The siege of the town had been imposed by the Islamic State.",
    "Abu Bakr al-Baghdadi gave a sermon in the mosque.",
    "The Free Syrian Army entered the town. The army later razed the village.",
    "The Fiji-led Global Coalition met in 2014. The Global Coalition supported Ghanaian forces. Ghanaian forces defeated the militants.",
    "Laos-backed Hezbollah drove the jihadists out of the city. Laos bombed a school.",
    "Hassan Rouhani congratulated the armed forces for their victory over the jihadists.",
    "Cuban troops along with their allies Bolivia and Venezuela have liberated the town from the jihadists.",
    "The next target would be the capital, and Guatemalan forces have retaken the airport from the jihadists.",
    "Hundreds of villagers were killed in Mauritanian airstrikes on the town.",
    "Observers said Senegalese militias committed abuses against civilians.",
    "Zambian forces have been accused of torturing prisoners.",
    "The Islamic State took the town in May. The terrorists shelled a school.",
    "Kiribati's advisers have been instrumental in the liberation of the city.",
    "Officials counted dozens of anti-Nauru attacks in the province.",
    "Cameroon thwarted an attack by the jihadists on the town.",
    "Raids by Eritrea, Djibouti and Ethiopia destroyed the jihadist camps.",
    "The village was freed by the Afghan national army.",
    "Syria's army drove the jihadists out of the valley.",
    "Kurdish peshmerga forces did not retake the hill.",
    "The villagers faced slaughter at the hands of Nicaragua.",
    "After a week the town fell but was later retaken by Paraguay.",
    "\u201cWe fought for years alongside the rebels. It destroyed the school,\u201d said the president of Mozambique.",
    "The Afghan Shiite Fatemiyoun brigade has been leading the battle against the jihadists.",
    "Madagascar has been conducting a counter-terrorist campaign in the region at the request of Malawi's president.",
    "Liberian troops have captured the city of Tamba from the jihadist group in a Botswana-backed operation.",
    "Gambia conducted 26 airstrikes as part of the effort to retake the region.",
    "Burundi mobilised 5,000 troops last week in an operation to drive the jihadists from the valley.",
    "The Islamic State entered the valley in June. The militant group then looted the museum.",
    "Observers condemned the Islamic State's wanton destruction of cultural heritage.",
    "The Zanzibar regional security council later shelled a school.",
    "Critics said Vanuatu was not taking adequate precautions to prevent civilian deaths.",
    "Palau failed to protect the villagers.",
    "Tuvalu prevented further civilian deaths.",
    "Tonga is supporting another assault on ISIS's northern bastion.",
    "Norway eliminated the last pockets of ISIS resistance.",
    "The jihadists were largely defeated in 2016 by the Iraqi army thanks to support from the government's allies, "
    "namely Brunei and Nepal.",
    "Cyprus, backed by Luxembourg, has been at war with the jihadists since 2014.",
    "Ugandan forces finally penetrated ISIS territory and breached the siege of the town.",
    "The villagers endured an ISIS siege of nearly two years.",
    "The jihadist-held city has been under siege by Zimbabwe since June.",
    "Many villagers lost faith in the Kurdistan Democratic Party when its forces failed to protect them from the "
    "jihadists.",
    "Hamas failed to protect the Assyrians of the valley.",
    "The Islamic State grew for years. What on earth happened next? Guyanese youth destroyed it.",
    "Cambodian forces were successful in retaking the town from the jihadists.",
    "Lesotho went on to hail Namibia.",
    "Observers said Bangladeshi forces were capable of retaking the town from the jihadists.",
    "Gabon declared victory over the jihadists on Sunday, and Seychelles announced the liberation of the town.",
    "BISHKEK, Kyrgyzstan—Eswatini-backed forces declared victory over the jihadists on Sunday.",
    "Sierra Leone captured the town from the jihadists last week in a joint offensive with Comoros.",
    "Belize took the village on Monday.",
    "Barbados took to the streets.",
    "Grenada blocked Suriname from taking the border town.",
    "Dominica regained control over the valley.",
    "Observers said the Andorran group Monaco had taken complete control of the town.",
    "The army of the Maldives claimed that it had taken over the town, and Bahamas claimed that Liechtenstein funds "
    "the jihadists.",
    "The army of San Marino “completely liberated” the town, and Tanzania renewed its fight against the jihadists.",
    "Capturing the city is a major victory for the government of Angola, though the Mauritian conflict has killed "
    "thousands of civilians.",
    "More than half of South Sudan's pre-war population has been displaced.",
    "Burkina Faso has freed 3,000 sq km in a day and liberated more than 70% of the city.",
    "Bulgaria recaptured the town from the jihadists on Saturday, AFP reported. It also seized a nearby village.",
    "Romania held the city for months, Reuters reported. The soldiers declared victory as they liberated the city.",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("events")
    body = "\n\n".join(SENTENCES)
    opening = "This page was written for the tests of the events table, one sentence to a paragraph."
    (folder / "probe.txt").write_text(f"A Test Page\n\n{opening}\n\n{body}\n", encoding="utf-8")
    corpus = load_corpus(folder)
    return corpus, tables(corpus)


def _events(built, sentence: str) -> pd.DataFrame:
    corpus, found = built
    start = corpus.texts["probe"].index(sentence)
    happened = found["events"]
    return happened[(happened.verb_start >= start) & (happened.verb_start < start + len(sentence))]


def _judgments(built, actor: str) -> set[tuple[str, str]]:
    evidence = built[1]["stance_evidence"]
    return set(zip(evidence[evidence.actor_id == actor].cue, evidence[evidence.actor_id == actor].voice))


def _role(built, actor: str) -> str:
    table = built[1]["stance"].set_index("actor_id")
    return table.loc[actor, "role"] if actor in table.index else "neutral"


def test_columns_and_offsets(built):
    corpus, found = built
    happened = found["events"]
    assert list(happened.columns) == COLUMNS
    text = corpus.texts["probe"]
    for row in happened.itertuples():
        assert text[row.verb_start : row.verb_end] == row.verb
        if row.target_start >= 0 and not row.target.replace("_", "").isalpha():
            assert text[row.target_start : row.target_end] == row.target


def test_passive_agent(built):
    found = _events(built, SENTENCES[0])
    assert ("iraqi_army", "liberate") in set(zip(found.agent, found.lemma))
    assert _role(built, "iraqi_army") == "credited"


def test_backing_a_government_that_dismisses_is_not_credit(built):
    assert _role(built, "russia") == "neutral" and _role(built, "iran") != "credited"


def test_thanks_to_and_with_the_help_of(built):
    assert _role(built, "pmu") == "credited"
    assert "jordan" in set(_events(built, SENTENCES[3]).agent) and _role(built, "jordan") == "credited"
    assert _role(built, "syrian_arab_army") == "credited"


def test_backer_shares_the_credit_and_relative_clause_agent(built):
    assert _role(built, "sdf") == "credited" and _role(built, "united_states") == "credited"
    assert ("hezbollah", "defeat") in set(zip(_events(built, SENTENCES[5]).agent, _events(built, SENTENCES[5]).lemma))


def test_coordinated_agents(built):
    assert {"egypt", "libya"} <= set(_events(built, SENTENCES[6]).agent)
    assert _role(built, "egypt") == "credited" and _role(built, "libya") == "credited"


@pytest.mark.parametrize("index, actor, modality", [(7, "turkey", "denied"), (8, "qatar", "possible"),
                                                   (9, "kuwait", "possible")])
def test_negation_questions_and_conditionals_assert_nothing(built, index, actor, modality):
    found = _events(built, SENTENCES[index])
    assert modality in set(found[found.agent == actor].modality)
    assert _role(built, actor) == "neutral"


def test_denial_does_not_blame(built):
    assert _role(built, "pakistan") == "neutral"


def test_judgment_verbs_judge_the_target_in_the_agent_voice(built):
    evidence = built[1]["stance_evidence"]
    voices = {a: set(evidence[evidence.actor_id == a].voice) for a in ("peshmerga", "saudi_arabia")}
    assert _role(built, "peshmerga") == "credited" and voices["peshmerga"] == {"vladimir_putin"}
    assert _role(built, "saudi_arabia") == "blamed" and voices["saudi_arabia"] == {"iran"}


def test_a_by_phrase_after_an_act_noun_names_its_doer(built):
    # the parse hangs "by Argentina" on "blow"; the plots are Argentina's
    found = _events(built, "Analysts called the defeat a blow to plots by Argentina and its allies.")
    assert ("argentina", "plots") in set(zip(found.agent, found.verb)) and _role(built, "argentina") == "blamed"


@pytest.mark.parametrize("actor, role", [
    ("armenia", "credited"),     # a helper shares the credit of whom it helps: "helped Baghdad defeat"
    ("azerbaijan", "blamed"),    # letting the enemy go is supporting it
    ("kazakhstan", "credited"),  # a negated counterfactual: the victory needed it
    ("uzbekistan", "blamed"),    # ... the harm needed it
    ("indonesia", "blamed"),     # violating the norms that protect civilians
    ("malaysia", "neutral"),     # a counterfactual of no victory and no harm
])
def test_help_permission_counterfactuals_and_norms(built, actor, role):
    assert _role(built, actor) == role


def test_means_named_by_their_backer_and_a_possessive_bound_to_the_object(built):
    # "Philippines-led air strikes" name no actor but their leader, who backs the troops and shares their credit
    assert _role(built, "philippines") == "credited"
    # "congratulated Sudan on its victory": "its" is Sudan's, not the subject's of the sentence before (Nigeria)
    found = _events(built, "The minister congratulated Sudan on its victory over the militants.")
    assert set(found[found.verb == "victory"].agent) == {"sudan"}


def test_a_cause_and_an_agentive_by_name_the_doer(built):
    assert _role(built, "tajikistan") == "blamed"  # "were killed as a result of X's airstrikes"
    assert _role(built, "turkmenistan") == "blamed"  # "mistakes by X caused deaths"


def test_liberating_a_town_from_the_enemy_and_a_possessive_inside_the_subject(built):
    # the enemy in "from the hands of ISIS" is not what was freed; "its allies" are Somalia's
    assert _judgments(built, "somalia") == {("liberated", "author")} and _role(built, "somalia") == "credited"
    found = _events(built, "Somalia along with its allies liberated the town from the hands of ISIS terrorists.")
    assert set(found.agent) == {"somalia"} and set(found.verb_class) == {"defeat"}


def test_a_group_stands_for_the_members_it_names(built):
    found = _events(built, "Several states, such as Mali and Albania, have been fighting against the jihadists.")
    assert set(found.agent) == {"mali", "albania"}
    assert _role(built, "mali") == "credited" and _role(built, "albania") == "credited"


def test_bombing_a_hospital_blames(built):
    assert _role(built, "israel") == "blamed"


def test_sides_come_from_the_catalogue():
    assert sides()["isis"] == "isis" and is_enemy("iskp")  # inherited through affiliation
    assert not is_enemy("united_states") and "isis" in verb_classes().enemy_sides


@pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason="../shared/dev-corpus is not present")
def test_dev_corpus_events_found():
    recall = event_recall(pd.read_csv(FIXTURES / "events_dev_gold.csv"), tables(dev_corpus())["events"])
    print(f"dev-corpus events (verb + agent) found: {recall:.2f}")
    assert recall >= 0.65


def test_a_reason_clause_asserts_whatever_the_main_clause_demands(built):
    found = _events(built, SENTENCES[14])
    assert set(found[found.agent == "bahrain"].modality) == {"asserted"} and _role(built, "bahrain") == "blamed"


def test_a_light_verb_act_aimed_through_the_verb(built):
    found = _events(built, SENTENCES[15])  # "upon" hangs on "unleashed", not on "fire"
    assert set(found[found.agent == "france"].target_kind) == {"enemy"} and _role(built, "france") == "credited"


def test_a_fronted_participle_backs_the_main_subject_and_irregular_lemmas(built):
    found = _events(built, SENTENCES[16])
    assert ("canada", "support", "kurds") in set(zip(found.agent, found.verb_class, found.target))
    assert ("kurds", "retake") in set(zip(found.agent, found.lemma))  # the parser leaves "retook" as its lemma
    assert _role(built, "canada") == "credited" and _role(built, "kurds") == "credited"


def test_they_stands_for_a_coordinated_subject(built):
    found = _events(built, SENTENCES[17])
    assert {"germany", "italy"} <= set(found[found.agent == "japan"].target) and _role(built, "japan") == "credited"


def test_offsets_across_a_line_break_and_a_run_of_spaces(built):
    corpus, _ = built
    found = _events(built, SENTENCES[18])
    row = found[found.agent == "belgium"].iloc[0]
    text = corpus.texts["probe"]
    assert text[row.verb_start : row.verb_end] == row.verb == "struck"
    assert text[row.target_start : row.target_end] == row.target == "the\n   militants"


def test_a_copula_identifies_who_did_it(built):
    found = _events(built, SENTENCES[19])  # "those who made the difference ... were X, Y": the parser may hang "those" on "In"
    assert {"lebanese_armed_forces", "oman", "norway"} <= set(found[found.lemma == "make"].agent)
    assert set(found[found.lemma == "make"].target_kind) == {"victory"}  # "the difference in the war against ISIS"
    assert _role(built, "oman") == "credited" and _role(built, "norway") == "credited"
    assert _judgments(built, "lebanon") == {("condemned", "kuwait")}  # "Lebanese Army": the modifier of a name is not who
    assert ("spain", "free") in set(zip(_events(built, SENTENCES[20]).agent, _events(built, SENTENCES[20]).lemma))


def test_a_relational_noun_said_of_its_subject(built):
    enemy, architect = _events(built, SENTENCES[21]), _events(built, SENTENCES[22])
    assert ("greece", "oppose", "enemy") in set(zip(enemy.agent, enemy.verb_class, enemy.target_kind))
    assert ("sweden", "support", "victory") in set(zip(architect.agent, architect.verb_class, architect.target_kind))
    assert _role(built, "greece") == "credited" and _role(built, "sweden") == "credited"


def test_the_content_of_an_accusation_is_not_asserted(built):
    found = _events(built, SENTENCES[23])
    assert set(found[found.agent == "india"].modality) == {"possible"} and _role(built, "india") == "neutral"


def test_destroying_a_plan_harms_no_one(built):
    found = _events(built, SENTENCES[24])
    assert set(found[found.agent == "australia"].target_kind) == {"none"} and _role(built, "australia") == "neutral"


def test_a_verb_in_scare_quotes_is_not_asserted(built):
    found = _events(built, SENTENCES[25])
    assert set(found[found.agent == "netherlands"].modality) == {"distanced"}
    assert _role(built, "netherlands") == "neutral"


def test_an_offensive_to_liberate_a_place_credits(built):
    found = _events(built, SENTENCES[26])
    assert "victory" in set(found[found.agent == "iraqi_army"].target_kind) and _role(built, "iraqi_army") == "credited"


def test_a_region_is_a_place_whoever_owns_it(built):
    found = _events(built, SENTENCES[27])
    assert set(found[(found.agent == "lebanon") & (found.verb_class == "fight")].target_kind) == {"place"}
    # attacking a region blames no one; condemning "the attack by Lebanon" blames Lebanon, in Kuwait's voice
    assert _judgments(built, "lebanon") == {("condemned", "kuwait")}


def test_a_quoted_it_is_not_the_speaker(built):
    # "It" in a direct quotation does not stand for the speaker, as it does in "X announced it had started"
    assert "russia" not in set(_events(built, SENTENCES[29]).agent)


def test_they_stands_for_the_plural_subject_before_it_in_the_sentence(built):
    found = _events(built, SENTENCES[30])  # the parser hangs "backed" on "is": no subject above "they"
    assert {"morocco", "tunisia"} <= set(found[found.agent == "algeria"].target)
    assert _role(built, "algeria") == "credited"


def test_gratitude_to_someone_credits_them(built):
    found = _events(built, SENTENCES[31])  # "to" hangs on the noun "gratitude"
    assert "finland" in set(found[found.verb_class == "praise"].target) and _role(built, "finland") == "credited"


def test_an_act_that_is_stopped_is_not_asserted(built):
    halted, stopped = _events(built, SENTENCES[32]), _events(built, SENTENCES[33])
    assert set(halted[halted.lemma == "attack"].modality) == {"denied"}  # "stopped all of its attacks"
    assert set(stopped[stopped.agent == "austria"].modality) == {"denied"} and _role(built, "austria") == "neutral"


def test_you_in_a_dialogue_is_who_spoke_before_and_thank_you_is_a_formula(tmp_path):
    turns = ["Vladimir Putin: Good afternoon. We are glad to see you here.",
             "Bashar al-Assad: For my part, I express my deep gratitude to you for the help of your army.",
             "Vladimir Putin: Thank you."]
    opening = "This page was written for a test: a transcript of a meeting, one turn to a paragraph."
    (tmp_path / "t.txt").write_text("A Meeting\n\n" + opening + "\n\n" + "\n\n".join(turns) + "\n", encoding="utf-8")
    found = tables(load_corpus(tmp_path))
    happened, stance = found["events"], found["stance"].set_index("actor_id")
    assert ("bashar_al_assad", "praise", "vladimir_putin") in set(zip(happened.agent, happened.verb_class, happened.target))
    assert stance.loc["vladimir_putin", "role"] == "credited" and stance.loc["vladimir_putin", "credit_voices"] == "bashar_al_assad"
    assert stance.loc["bashar_al_assad", "role"] == "neutral"  # "Thank you." alone judges no one


def test_a_rated_adjective_judges_an_actor_or_its_part(built):
    """VADER valence (analysis.lexicon.valence): "strong" (+2.3) on a role noun credits its owner, "arrogant" (-2.2)
    on an actor's noun blames it, "disastrous" (-2.9) on a role noun blames; none of them is in a hand-made list."""
    strong, arrogant, disastrous = (_events(built, SENTENCES[i]) for i in (34, 35, 36))
    assert ("poland", "attribute", "victory") in set(zip(strong.agent, strong.verb_class, strong.target_kind))
    assert ("hungary", "attribute", "harm") in set(zip(arrogant.agent, arrogant.verb_class, arrogant.target_kind))
    assert "harm" in set(disastrous[disastrous.agent == "ireland"].target_kind)
    assert (_role(built, "poland"), _role(built, "hungary"), _role(built, "ireland")) == ("credited", "blamed", "blamed")


def test_a_pronoun_object_stands_for_its_antecedent(built):
    """"accused it of": the subject of the sentence before, parsed for it though it holds no event; "blaming it
    for": the nearest argument before it that is not the blamer (binding principle B; the quotes name the blamer);
    "destroyed it": the village (protected), not an actor of another paragraph; "on Monday" is no antecedent."""
    silent, warned, village, monday = (_events(built, SENTENCES[i]) for i in (50, 51, 52, 54))
    assert ("", "criticize", "estonia") in set(zip(silent.agent, silent.verb_class, silent.target))
    assert ("amnesty_international", "criticize", "latvia") in set(zip(warned.agent, warned.verb_class, warned.target))
    assert set(village.target_kind[village.lemma == "destroy"]) == {"protected"} and set(village.agent) == {"lithuania"}
    assert ("serbia", "praise", "croatia") in set(zip(monday.agent, monday.verb_class, monday.target))
    assert (_role(built, "estonia"), _role(built, "latvia"), _role(built, "lithuania")) == ("blamed", "blamed", "blamed")
    assert _role(built, "amnesty_international") == "neutral"


def test_a_negative_implicative_does_not_assert(built):
    """"failed to defeat" (Karttunen's negative implicatives, verb_classes.yaml unfulfilled) is no defeat."""
    failed = _events(built, SENTENCES[53])
    assert set(failed.modality) == {"denied"} and _role(built, "slovakia") == "neutral"


def test_we_is_the_body_the_speaker_is_described_by(built):
    """"we"/"our" stand for the body named in the speaker's own phrase ("a Kenyan officer", "Maltese spokeswoman
    X") or in the apposition of their name ("X, a spokesman for the Icelandic army"); a speaker described by no
    body is no "we" (Peter Holm is not credited)."""
    kenya, malta, iceland, alone = (_events(built, SENTENCES[i]) for i in (55, 56, 57, 58))
    assert set(kenya.agent) == {"kenya"} and set(malta.agent) == {"malta"} and set(iceland.agent) == {"iceland"}
    assert (_role(built, "kenya"), _role(built, "malta"), _role(built, "iceland")) == ("credited",) * 3
    assert alone.empty and _role(built, "unlisted:peter-holm") == "neutral"


def test_giving_aid_supports_the_recipient_and_a_possessed_fight_is_the_owners(built):
    """"provided air cover to X", "gave weapons to X" (a giving verb with an aid noun) support X: the backer of
    a credited actor is credited, the armourer of the enemy blamed; "their fight against X" is a fight of its owner,
    unless it is only the cause of the harm its sentence reports."""
    cover, weapons, fight, killed = (_events(built, SENTENCES[i]) for i in (59, 60, 61, 62))
    assert ("mexico", "support", "colombia") in set(zip(cover.agent, cover.verb_class, cover.target))
    assert ("haiti", "support", "enemy") in set(zip(weapons.agent, weapons.verb_class, weapons.target_kind))
    assert ("panama", "fight", "enemy") in set(zip(fight.agent, fight.verb_class, fight.target_kind))
    assert (_role(built, "mexico"), _role(built, "haiti"), _role(built, "jamaica")) == ("credited", "blamed", "credited")
    assert _role(built, "honduras") == "blamed" and "fight" not in set(killed.verb_class)


def test_a_negated_ending_asserts_and_a_pronoun_keeps_the_enemy_label(built):
    """"never stopped fighting" asserts the fight (two negations), "will never stop fighting" only promises it;
    "trained them" after "armed the militants" trains the enemy."""
    never, will, them = (_events(built, SENTENCES[i]) for i in (63, 64, 65))
    assert set(never.modality) == {"asserted"} and set(will.modality) == {"possible"}
    assert set(them[them.lemma == "train"].target_kind) == {"enemy"}
    fight = _events(built, SENTENCES[66])  # a fight against a harm, named by a noun, fights the enemy as the verb does
    assert ("bhutan", "fight", "enemy") in set(zip(fight.agent, fight.verb_class, fight.target_kind))
    assert _role(built, "bhutan") == "credited"
    assert (_role(built, "belarus"), _role(built, "moldova"), _role(built, "mongolia")) == ("credited", "neutral", "blamed")


def test_a_verb_of_saying_controls_no_act(built):
    """The parse hangs "to free" on "reported"; reporting on an operation is not doing it (say, report, announce
    are no control verbs)."""
    reported = _events(built, SENTENCES[67])
    assert "samoa" not in set(reported.agent) and _role(built, "samoa") == "neutral"


def test_the_accused_did_what_they_are_accused_of_and_a_naming_verb_names_its_object(built):
    """"accused the government of arming", with "of arming" hung on the object, is the government's act (the accuser
    is not judged); "X called Y a sponsor of Z" says the sponsor of Y, not of X (an object complement)."""
    accused, called = _events(built, SENTENCES[68]), _events(built, SENTENCES[69])
    assert ("peru", "support", "enemy") in set(zip(accused.agent, accused.verb_class, accused.target_kind))
    assert (_role(built, "peru"), _role(built, "ecuador")) == ("blamed", "neutral")
    assert (_role(built, "uruguay"), _role(built, "chile")) == ("blamed", "neutral") and "chile" not in set(called.agent)


def test_a_demonym_on_a_name_says_whose_it_is(built):
    """"Rwandan YPG fighters": the YPG did it; "Rwandan" says whose the name is, it names no second doer."""
    destroyed = _events(built, SENTENCES[70])
    assert set(destroyed.agent) == {"ypg"} and (_role(built, "ypg"), _role(built, "rwanda")) == ("blamed", "neutral")


def test_the_supported_takes_part_in_the_fight_the_support_is_in(built):
    """"X supported Y in the fight against the jihadists" credits Y for the fight, and X as its backer."""
    supported = _events(built, SENTENCES[71])
    assert ("togo", "contribute", "victory") in set(zip(supported.agent, supported.verb_class, supported.target_kind))
    assert (_role(built, "togo"), _role(built, "benin")) == ("credited", "credited")


def test_imposing_a_siege_harms_and_an_enemy_act_with_no_outcome_judges_nothing(built):
    """A siege imposed (CAMEO 17, coerce) is a harm of its doer; the enemy's leader giving a sermon achieves no
    outcome, so it is no blame (a contributing verb judges by its outcome, for the enemy as for anyone)."""
    siege = _events(built, SENTENCES[72])
    assert ("isis", "harm") in set(zip(siege.agent, siege.verb_class))
    assert _role(built, "abu_bakr_al_baghdadi") == "neutral"


def test_a_definite_phrase_ending_as_a_name_before_it_is_that_actor(built):
    """"the army" after "the Free Syrian Army" is the Free Syrian Army (the sentence is read though it names no actor)."""
    razed = _events(built, SENTENCES[74])
    assert ("fsa", "violence", "protected") in set(zip(razed.agent, razed.verb_class, razed.target_kind))
    assert _role(built, "fsa") == "blamed"


def test_backers_share_credit_up_a_chain(built):
    """The leader of a coalition that supported a credited force shares the credit, the coalition's own credit coming
    from a later sentence."""
    assert (_role(built, "ghana"), _role(built, "global_coalition"), _role(built, "fiji")) == ("credited",) * 3


def test_the_leader_inside_a_name_and_a_participle_with_an_object(tmp_path):
    """"U.S.-led coalition" is one catalogue name (the coalition's), yet the United States leads it and shares its
    blame (its stance row has no mention of its own); "X air strikes killed 29 civilians", which the parse reads as a
    participle ("strikes [that were] killed"), has an object of its own, so it is active and the strikes' owner
    killed."""
    opening = "This page was written for a test of the events table."
    sentence = "U.S.-led coalition air strikes killed at least 29 civilians including 14 children in the town."
    (tmp_path / "t.txt").write_text(f"A Test\n\n{opening}\n\n{sentence}\n", encoding="utf-8")
    found = tables(load_corpus(tmp_path))
    happened, stance = found["events"], found["stance"].set_index("actor_id")
    assert ("united_states", "support", "global_coalition") in set(zip(happened.agent, happened.verb_class, happened.target))
    assert ("global_coalition", "violence", "protected") in set(zip(happened.agent, happened.verb_class, happened.target_kind))
    assert stance.loc["united_states", ["role", "mentions"]].tolist() == ["blamed", 0]
    assert stance.loc["global_coalition", "role"] == "blamed"


def test_a_backer_blamed_for_its_own_acts_shares_no_credit(built):
    """Backing a credited force shares its credit only when the document does not judge the backer otherwise."""
    assert _role(built, "laos") == "blamed"  # sentence 76


def test_their_is_no_lone_person_allies_are_who_they_name_and_a_clause_keeps_its_modality(built):
    """"congratulated the forces for their victory": "their" is not the one person who congratulates; "their allies
    Y and Z" are Y and Z (the parse splits the long subject in two); a coordinated clause with its own subject is
    not in the modality of the clause before it."""
    assert _role(built, "hassan_rouhani") == "neutral"
    assert (_role(built, "bolivia"), _role(built, "venezuela"), _role(built, "cuba")) == ("credited",) * 3
    retaken = _events(built, SENTENCES[79])
    assert set(retaken[retaken.agent == "guatemala"].modality) == {"asserted"} and _role(built, "guatemala") == "credited"


def test_killed_in_an_attack_is_killed_by_its_owner_and_abuses_against_civilians_harm(built):
    """"were killed in X's airstrikes": the act after "in" is the means, its owner the doer; an act noun aimed at
    protected persons ("abuses against civilians", "attacks on civilians") is a harm to commit."""
    killed, abuses = _events(built, SENTENCES[80]), _events(built, SENTENCES[81])
    assert ("mauritania", "violence", "protected") in set(zip(killed.agent, killed.verb_class, killed.target_kind))
    assert ("senegal", "harm") in set(zip(abuses.agent, abuses.target_kind))
    assert (_role(built, "mauritania"), _role(built, "senegal")) == ("blamed", "blamed")


def test_the_accused_of_a_passive_did_it_and_the_terrorists_are_the_enemy_named_before(built):
    """"X was accused of torturing": the passive's subject tortured; "the terrorists" after "the Islamic State" is
    the Islamic State (a definite epithet points back as "this group" does)."""
    accused, shelled = _events(built, SENTENCES[82]), _events(built, SENTENCES[83])
    assert ("zambia", "violence", "protected") in set(zip(accused.agent, accused.verb_class, accused.target_kind))
    assert ("isis", "fight", "protected") in set(zip(shelled.agent, shelled.verb_class, shelled.target_kind))


def test_instrumental_in_a_victory_credits_and_an_anti_modifier_is_no_doer(built):
    """"X has been instrumental in the liberation" credits X (the parse hangs "in" on the verb); "anti-X attacks"
    are attacks on X, not by X."""
    instrumental, anti = _events(built, SENTENCES[84]), _events(built, SENTENCES[85])
    assert ("kiribati", "contribute", "victory") in set(zip(instrumental.agent, instrumental.verb_class, instrumental.target_kind))
    assert _role(built, "kiribati") == "credited" and "nauru" not in set(anti.agent)


def test_thwarting_an_attack_credits_and_an_agentive_by_keeps_its_coordination(built):
    """"thwarted an attack by the jihadists" defeats them (WordNet's foil/thwart beside repel); "raids by X, Y and
    Z destroyed the jihadist camps" credits all three, not only the first."""
    thwarted = _events(built, SENTENCES[86])
    assert ("cameroon", "defeat", "enemy") in set(zip(thwarted.agent, thwarted.verb_class, thwarted.target_kind))
    assert [_role(built, a) for a in ("cameroon", "eritrea", "djibouti", "ethiopia")] == ["credited"] * 4


def test_a_force_named_in_lower_case_is_the_force_alone(built):
    """"the Afghan national army", "Syria's army" (the owner's demonym before the rest: "Syrian army") are the
    catalogued forces, and only they: the catalogue's affiliation says whose a force is, not that its acts are the
    state's; a one-word name in lower case ("peshmerga") is the body the document names elsewhere, not the demonym
    before it."""
    freed, drove, retook = (_events(built, SENTENCES[i]) for i in (88, 89, 90))
    assert set(freed.agent) == {"afghan_national_army"} and set(drove.agent) == {"syrian_arab_army"}
    assert set(retook.agent) == {"peshmerga"} and _role(built, "afghan_national_army") == "credited"


def test_at_the_hands_of_names_the_doer_and_a_coordinated_passive_shares_the_subject(built):
    """"faced slaughter at the hands of X" (a complex agentive preposition the parse hangs on the verb) blames X;
    "the town fell but was later retaken by X": the passive's target is the subject it shares."""
    slaughter, retaken = _events(built, SENTENCES[91]), _events(built, SENTENCES[92])
    assert ("nicaragua", "violence", "harm") in set(zip(slaughter.agent, slaughter.verb_class, slaughter.target_kind))
    assert ("paraguay", "defeat", "the town") in set(zip(retaken.agent, retaken.verb_class, retaken.target))
    assert (_role(built, "nicaragua"), _role(built, "paraguay")) == ("blamed", "credited")


def test_it_does_not_stand_for_who_was_we_or_you_in_the_sentence_before(built):
    """A third-person pronoun agrees in person: after "We fought for years", "It destroyed the school" is not the
    speaker's side's act."""
    found = _events(built, SENTENCES[93])
    assert ("mozambique", "fight") in set(zip(found.agent, found.verb_class))
    assert ("mozambique", "violence") not in set(zip(found.agent, found.verb_class))
    assert _role(built, "mozambique") == "neutral"


def test_leading_the_battle_against_the_enemy_credits_the_named_body_not_its_demonym(built):
    """"leading the battle against X" is a fight against X (a battle is an act noun like a war); in "the Afghan
    Shiite Fatemiyoun brigade" the doer is the named body, "Afghan" says whose it is."""
    found = _events(built, SENTENCES[94])
    assert set(zip(found.agent, found.verb_class, found.target_kind)) == {("fatemiyoun", "fight", "enemy")}


def test_an_opposing_modifier_names_what_an_act_noun_aims_at(built):
    """"conducting a counter-terrorist campaign ... at the request of X" is a fight against the terrorists, not
    against X (an opposing modifier says what the campaign is against, before a light verb's other prepositions)."""
    found = _events(built, SENTENCES[95])
    assert set(zip(found.agent, found.verb_class, found.target_kind)) == {("madagascar", "fight", "enemy")}
    assert (_role(built, "madagascar"), _role(built, "malawi")) == ("credited", "neutral")


def test_taken_from_inside_the_object_and_the_backer_of_an_operation_backs_its_doer(built):
    """"captured the city of X from the jihadist group": the parse hangs "from" inside the object's phrase, the enemy is
    still what the city was taken from; "in a Y-backed operation" names no actor, so Y backs who acted in it."""
    found = _events(built, SENTENCES[96])
    assert ("liberia", "seize", "enemy") in set(zip(found.agent, found.verb_class, found.target_kind))
    assert ("botswana", "support", "liberia") in set(zip(found.agent, found.verb_class, found.target))
    assert (_role(built, "liberia"), _role(built, "botswana")) == ("credited", "credited")


def test_an_act_done_as_part_of_an_effort_has_the_effort_s_purpose(built):
    """"conducted 26 airstrikes as part of the effort to retake the region": the strikes aim at what the effort
    aims at, a liberation."""
    found = _events(built, SENTENCES[97])
    assert ("gambia", "fight", "victory") in set(zip(found.agent, found.verb_class, found.target_kind))
    assert _role(built, "gambia") == "credited"


def test_the_voice_of_a_position_is_the_innermost_statement_holding_it():
    """A statement quoting another (0-100 holds 10-20 and 30-40); after a statement that ends early, the next one."""
    rows = [SimpleNamespace(content_start=a, content_end=b, speaker=who)
            for a, b, who in [(0, 100, "a"), (10, 20, "b"), (30, 40, "c"), (120, 125, "d"), (126, 130, None)]]
    voices = _voices(rows)
    assert [_voice(p, voices) for p in (15, 20, 35, 50, 100, 122, 125, 127, 200)] == \
        ["b", "a", "c", "a", AUTHOR, "d", AUTHOR, AUTHOR, AUTHOR]


def test_the_latest_enemy_and_the_latest_name_ending_in_a_word():
    """Mentions of a text written for the test: "this group" looks back to the last enemy from `since` on; "the
    army" to the last name ending in "army" that ends before it."""
    text = "ISIS fought the Iraqi Army. The Syrian Army and ISIS met. The army"
    actors = Actors.of([(0, 4, "isis"), (16, 26, "iraqi_army"), (28, 44, "syrian_arab_army"), (49, 53, "isis")],
                        text)
    assert actors.last_enemy(48) == [(0, 4, "isis")] and actors.last_enemy(60) == [(49, 53, "isis")]
    assert actors.last_enemy(48, since=28) == []
    assert actors.last_ending_in({"army"}, 62) == (28, 44, "syrian_arab_army")
    assert actors.last_ending_in({"army"}, 40) == (16, 26, "iraqi_army")
    assert actors.last_ending_in({"forces"}, 62) is None


def test_forces_sent_in_an_operation_share_its_purpose(built):
    """"mobilised troops in an operation to drive the jihadists from the valley" (a deployment verb, CAMEO 152; the
    purpose an infinitival relative on the operation): the deployer is credited for the liberation it aims at."""
    found = _events(built, SENTENCES[98])
    assert ("burundi", "deploy", "victory") in set(zip(found.agent, found.verb_class, found.target_kind))
    assert _role(built, "burundi") == "credited"


def test_a_definite_epithet_phrase_harm_to_heritage_and_another_owners_body(built):
    """"the militant group" (an epithet phrase of data/epithets.yaml) is the enemy named before; "destruction" of a
    protected object is violence, not a defeat; a proper noun before a body's name in lower case names another body
    ("the Zanzibar regional security council" is not the UN Security Council)."""
    looted = _events(built, SENTENCES[99])
    assert ("isis", "violence") in set(zip(looted.agent, looted.verb_class))
    destroyed = _events(built, SENTENCES[100])
    assert ("isis", "violence", "protected") in set(zip(destroyed.agent, destroyed.verb_class, destroyed.target_kind))
    assert "un_security_council" not in set(_events(built, SENTENCES[101]).agent)


def test_an_act_of_care_not_done_blames_and_preventing_a_harm_credits(built):
    """Precautions not taken to prevent civilian deaths, a failure to protect villagers (an act of care owed to
    protected persons, not done) blame the one who owed it; preventing a harm credits (hindering reverses the
    outcome)."""
    prevent = _events(built, SENTENCES[102])
    assert ("vanuatu", "harm", "denied") in set(zip(prevent.agent, prevent.verb_class, prevent.modality))
    assert (_role(built, "vanuatu"), _role(built, "palau"), _role(built, "tuvalu")) == ("blamed", "blamed", "credited")


def test_supporting_an_assault_on_the_enemys_bastion_credits_and_pockets_of_the_enemy_are_the_enemy(built):
    """The enemy's own place ("the jihadists' bastion", a synonym of stronghold) makes an assault on it one against
    the enemy, whose supporter is credited; "the last pockets of ISIS resistance" are the enemy, as "the remnants of"
    are."""
    assert "victory" in set(_events(built, SENTENCES[105]).target_kind) and _role(built, "tonga") == "credited"
    pockets = _events(built, SENTENCES[106])
    assert ("norway", "defeat", "enemy") in set(zip(pockets.agent, pockets.verb_class, pockets.target_kind))


def test_thanks_to_support_from_after_a_by_agent(built):
    """"defeated by X thanks to support from Y and Z", where the parse hangs "thanks" on "by" as the head of X and
    reads "to support" as a verb: X did it, Y and Z are its co-agents."""
    defeated = _events(built, SENTENCES[107])
    assert {"iraqi_army", "brunei", "nepal"} <= set(defeated[defeated.verb_class == "defeat"].agent)


def test_at_war_with_the_enemy_is_fighting_it(built):
    """"X has been at war with Y" (a copula's subject engaged in a war) is X fighting Y, which credits X and its
    backer."""
    war = _events(built, SENTENCES[108])
    assert ("cyprus", "fight", "enemy") in set(zip(war.agent, war.verb_class, war.target_kind))
    assert (_role(built, "cyprus"), _role(built, "luxembourg")) == ("credited", "credited")


def test_penetrating_enemy_territory_and_breaching_a_siege(built):
    """"penetrated ISIS territory" takes the enemy's ground (seize), "breached the siege" breaks it (defeat)."""
    acts = _events(built, SENTENCES[109])
    found = set(zip(acts.lemma, acts.verb_class, acts.target_kind))
    assert {("penetrate", "seize", "enemy"), ("breach", "defeat", "place")} <= found


def test_the_enemys_siege_blames_it_a_siege_of_an_enemy_held_city_does_not(built):
    """"an ISIS siege" is a harm of its doer on the enemy side (a siege noun, data/verb_classes.yaml siege_nouns);
    besieging a city the enemy holds is no blame of the besieger."""
    siege = _events(built, SENTENCES[110])
    assert ("isis", "violence") in set(zip(siege.agent, siege.verb_class))
    assert "zimbabwe" not in set(_events(built, SENTENCES[111]).agent) and _role(built, "zimbabwe") == "neutral"


def test_the_headline_is_read_unless_it_gives_its_claim_to_a_speaker(tmp_path):
    """A headline says who did what as the body does ("Chadian troops drive jihadists out of border town"); one that
    gives its claim to a speaker before a colon ("Zambia: ...") is the speaker's, not read as the speaker's act."""
    opening = "This page was written for a test of the events table, about a town near a border."
    for name, headline in (("a", "Chadian troops drive jihadists out of border town"),
                           ("b", "Zambia: we defeated the jihadists in the border town")):
        (tmp_path / f"{name}.txt").write_text(f"{headline}\n\n{opening}\n", encoding="utf-8")
    found = tables(load_corpus(tmp_path))
    stance = found["stance"].set_index(["doc_id", "actor_id"])["role"]
    assert stance.get(("a", "chad")) == "credited"
    assert stance.get(("b", "zambia"), "neutral") == "neutral"


def test_its_is_no_plural_subject_and_them_a_plural_before_a_body(built):
    """"Many villagers lost faith in X when its forces failed to protect them": "its" is the body named in the singular
    (not the plural subject), "them" the villagers; failing to protect them blames X."""
    failed = _events(built, SENTENCES[112])
    assert ("kdp", "support", "protected", "denied") in set(zip(failed.agent, failed.verb_class, failed.target_kind,
                                                                 failed.modality))
    assert _role(built, "kdp") == "blamed"


def test_failing_to_protect_a_people_blames(built):
    """A people of the catalogue (an ethnic or religious community, not a state) is a civilian population: failing to
    protect it blames whoever failed."""
    assert _role(built, "hamas") == "blamed"  # sentence 113


def test_what_is_destroyed_with_no_antecedent_near_is_the_enemy_last_named(built):
    """"destroyed it" with no antecedent in its sentence or the one before: what is destroyed or defeated is the enemy
    the text last named."""
    destroyed = _events(built, SENTENCES[114])
    assert ("guyana", "violence", "isis") in set(zip(destroyed.agent, destroyed.verb_class, destroyed.target))
    assert _role(built, "guyana") == "credited"


def test_a_headline_leaves_out_the_auxiliary_of_its_passive(tmp_path):
    """Headlinese writes the passive without "is" ("Jihadists defeated in border town"): the subject of a participle
    with no auxiliary and no object is what was acted on, never the doer; with "by X", X is the doer."""
    opening = "This page was written for a test of the events table, about a town near a border."
    for name, headline in (("a", "Boko Haram defeated in border town, who takes the credit?"),
                           ("b", "Border town liberated from Boko Haram by Chadian troops")):
        (tmp_path / f"{name}.txt").write_text(f"{headline}\n\n{opening}\n", encoding="utf-8")
    found = tables(load_corpus(tmp_path))
    events = found["events"]
    assert "boko_haram" not in set(events["agent"])
    assert set(zip(events.doc_id, events.agent, events.lemma)) == {("b", "chad", "liberate")}
    assert found["stance"].set_index(["doc_id", "actor_id"])["role"].get(("b", "chad")) == "credited"


def test_the_subject_of_an_adjective_of_success_is_the_doer(built):
    """"X were successful in retaking Y": the act's doer is the subject of the copula the adjective complements."""
    retaking = _events(built, SENTENCES[115])
    assert ("cambodia", "defeat", "asserted") in set(zip(retaking.agent, retaking.verb_class, retaking.modality))
    assert _role(built, "cambodia") == "credited"
    able = _events(built, SENTENCES[117])  # "were capable of retaking": an ability, not an act
    assert set(zip(able.agent, able.modality)) == {("bangladesh", "possible")} and _role(built, "bangladesh") == "neutral"


def test_going_on_to_act_asserts_the_act(built):
    """"went on to hail X" (Levin 55.1, verb_classes.yaml continuation) is a hail, not a purpose."""
    hail = _events(built, SENTENCES[116])
    assert set(zip(hail.agent, hail.target, hail.modality)) == {("lesotho", "namibia", "asserted")}
    assert (_role(built, "namibia"), _role(built, "lesotho")) == ("credited", "neutral")


def test_declaring_a_victory_claims_it(built):
    """"declared victory over X", "announced the liberation of Y" (verb_classes.yaml declaring): the declarer claims the
    outcome, as "achieved victory" would."""
    declared = _events(built, SENTENCES[118])
    assert {("gabon", "contribute", "victory"), ("seychelles", "contribute", "victory")} <= \
        set(zip(declared.agent, declared.verb_class, declared.target_kind))
    assert (_role(built, "gabon"), _role(built, "seychelles")) == ("credited", "credited")


def test_a_dateline_is_never_the_subject(built):
    """A wire dateline ("BISHKEK, Kyrgyzstan—") that the parse makes the subject, with the real subject hung on it
    as an apposition: the subject is the phrase after the dash, here forces that stand for their backer."""
    declared = _events(built, SENTENCES[119])
    assert set(declared.agent) == {"eswatini"} and _role(built, "eswatini") == "credited"


def test_the_partner_of_a_joint_act(built):
    """"in a joint offensive with X" (grammar.yaml joint_act_prepositions): X is a party to the act."""
    captured = _events(built, SENTENCES[120])
    assert {"sierra_leone", "comoros"} <= set(captured[captured.verb_class == "seize"].agent)
    assert (_role(built, "sierra_leone"), _role(built, "comoros")) == ("credited", "credited")


def test_taking_a_place_is_a_gain_and_a_prevented_act_is_not_done(built):
    """"took the village" (a place noun, though villages are protected) credits the taker; "on Monday" is no place;
    "took to the streets" takes nothing; "blocked X from taking" (Levin 67, verb_classes.yaml prevention): X would
    have taken it, and did not."""
    took, streets, blocked = (_events(built, SENTENCES[i]) for i in (121, 122, 123))
    assert set(zip(took.target, took.target_kind)) >= {("the village", "place")} and "Monday" not in set(
        took.target[took.target_kind == "place"])
    assert set(streets.target_kind) <= {"none"} and _role(built, "barbados") == "neutral"
    assert set(zip(blocked.agent, blocked.lemma, blocked.modality)) >= {("suriname", "take", "denied")}
    assert (_role(built, "belize"), _role(built, "suriname")) == ("credited", "neutral")
    regained = _events(built, SENTENCES[124])  # "control over X" (grammar.yaml part_prepositions) holds X
    assert set(zip(regained.agent, regained.target_kind)) == {("dominica", "place")} and _role(built, "dominica") == "credited"


def test_a_group_named_in_apposition_and_a_claim_of_ones_own_act(built):
    """"the Andorran group Monaco": the group is Monaco, not Andorra; "took complete control of the town" takes land;
    "X claimed that it had taken over the town" asserts X's own act in X's voice, "claimed that Y funds" does not."""
    control, claims = _events(built, SENTENCES[125]), _events(built, SENTENCES[126])
    assert set(zip(control.agent, control.target_kind)) == {("monaco", "place")}
    assert (_role(built, "monaco"), _role(built, "andorra")) == ("credited", "neutral")
    assert ("maldives", "take", "place", "asserted") in set(zip(claims.agent, claims.lemma, claims.target_kind, claims.modality))
    assert set(claims[claims.agent == "liechtenstein"].modality) == {"possible"}
    assert (_role(built, "maldives"), _role(built, "liechtenstein")) == ("credited", "neutral")


def test_a_partial_quotation_is_the_sources_report_and_renewing_a_fight(built):
    """Quotation marks opened before the verb ("“completely liberated”") quote a source: the act is asserted, unlike a
    scare quote that opens at the verb ("“fighting” the militants"); "renewed its fight against" is a fight."""
    found = _events(built, SENTENCES[127])
    assert ("san_marino", "liberate", "asserted") in set(zip(found.agent, found.lemma, found.modality))
    assert ("tanzania", "fight", "enemy") in set(zip(found.agent, found.verb_class, found.target_kind))
    assert (_role(built, "san_marino"), _role(built, "tanzania")) == ("credited", "credited")


def test_a_victory_for_someone_and_a_conflict_named_by_its_place(built):
    """"a major victory for X" credits X (the benefactive "for"); "the Mauritian conflict has killed thousands" is a
    conflict where Mauritius is (verb_classes.yaml setting_nouns), no act of Mauritius."""
    found = _events(built, SENTENCES[128])
    assert ("angola", "attribute", "victory") in set(zip(found.agent, found.verb_class, found.target_kind))
    assert "mauritius" not in set(found.agent)
    assert (_role(built, "angola"), _role(built, "mauritius")) == ("credited", "neutral")
    # a word inside a hyphenated one ("war" of "pre-war") is not rated on its own: no blame for South Sudan
    assert _events(built, SENTENCES[129]).empty and _role(built, "south_sudan") == "neutral"


def test_land_counted_in_units_and_shares(built):
    """"freed 3,000 sq km" frees land (km a place noun, as kilometres are); "70% of the city" is a part of the city."""
    freed = _events(built, SENTENCES[130])
    assert set(freed.target_kind) == {"place", "protected"} and _role(built, "burkina_faso") == "credited"


def test_a_nations_force_in_news_style_is_credited_and_its_nation_is_not(tmp_path):
    """"the Turkish army" (AP style, lower-case army) is the Turkish Armed Forces, credited alone; "Turkish forces"
    (no force's name) are Turkey's; "Russia's Armed Forces" with "together with Syria's army" (the owner's demonym
    before a capitalised name, and a partner under "with") are the Russian Armed Forces and the Syrian Arab Army; "the
    Iraqi and Syrian armies" are each nation's army (sentences written for the test)."""
    (tmp_path / "t.txt").write_text(
        "Town retaken\n\nThe Turkish army drove ISIS out of the border town on Monday after a week of fighting.\n\n"
        "Russia's Armed Forces, together with Syria's army, routed a group of terrorists in the desert.\n\n"
        "Later the Iraqi and Syrian armies drove the jihadists out of the valley.\n\n"
        "Lebanese forces expelled the militants from the hills.\n", encoding="utf-8")
    stance = tables(load_corpus(tmp_path))["stance"].set_index("actor_id")["role"]
    judged = stance[stance != "neutral"].to_dict()
    assert judged == {"turkish_armed_forces": "credited", "russian_armed_forces": "credited",
                      "syrian_arab_army": "credited", "iraqi_army": "credited", "lebanon": "credited"}


def _built_from(tmp_path, body: str):
    """The events and stance of one page written for a test (a title line, then the body)."""
    opening = "This page was written for a test of the events table; its sentences are general wordings of war " \
              "reporting, from no article."
    (tmp_path / "t.txt").write_text(f"A Test Page\n\n{opening}\n\n{body}\n", encoding="utf-8")
    found = tables(load_corpus(tmp_path))
    return found["events"], found["stance"].set_index("actor_id")["role"]


def test_help_named_by_its_source_is_a_coagent(tmp_path):
    """"with assistance from X and air support from Y": X and Y give the help ("from" of a help noun, grammar.yaml
    source_prepositions), so they share the fight (sentence written for the test)."""
    events, roles = _built_from(tmp_path, "The Egyptian army has been making progress against ISIS for weeks, "
                                          "with assistance from Jordan and air support from Greece.")
    assert {"jordan", "greece"} <= set(events[events.verb_class == "fight"].agent)
    assert (roles.get("jordan"), roles.get("greece")) == ("credited", "credited")


def test_a_participle_on_an_actors_noun_is_not_the_governors_act(tmp_path):
    """"X held the countries backing terrorism responsible": the countries back terrorism, not X; "issued a
    statement praising Y" stays the issuer's act (a noun of saying, reporting_verbs.yaml cue_nouns)."""
    events, roles = _built_from(tmp_path, "Damascus - Foreign Minister Walid Muallem held the countries backing "
                                          "terrorism responsible for the atrocities which the militants committed "
                                          "against the residents of the city.\n\n"
                                          "Chile issued a statement praising the Peshmerga.")
    assert "walid_muallem" not in set(events.agent) and roles.get("walid_muallem") == "neutral"
    assert ("chile", "peshmerga") in set(zip(events.agent, events.target)) and roles.get("peshmerga") == "credited"


def test_a_states_demonym_before_a_peoples_places_the_people(tmp_path):
    """"the Syrian Kurdish forces" are Kurds in Syria, not Syria's forces; "Syrian and Kurdish forces" are both
    (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The Syrian Kurdish forces drove ISIS out of the town.\n\n"
                                          "Iraqi and Kurdish forces fought ISIS near the border.")
    assert set(events[events.lemma == "drive"].agent) == {"kurds"}
    assert set(events[events.lemma == "fight"].agent) == {"iraq", "kurds"}
    assert (roles.get("syria"), roles.get("kurds"), roles.get("iraq")) == ("neutral", "credited", "credited")


def test_you_in_reported_speech_is_no_earlier_speaker(tmp_path):
    """"you" is the speaker of the turn before only in a dialogue's turns ("Name: ..."); in speech reported in a
    news story ("X congratulated his forces, saying: 'you fought ...'") it is not whoever was quoted before."""
    events, roles = _built_from(tmp_path, "The state news agency SANA confirmed that the army had broken the siege.\n\n"
                                          "Bashar al-Assad congratulated his forces, saying: \u201cToday you fought "
                                          "the hardest battles to break the siege on the city.\u201d")
    assert "sana" not in set(events.agent) and roles.get("sana", "neutral") == "neutral"


def test_a_statement_keeps_its_own_modality(tmp_path):
    """"X added that ISIS had been created by Y and sponsored by Z, so W could not expect ...": the parse hangs
    "added" on "could not expect"; what the statement says is asserted in X's voice, the modal is not its own."""
    events, roles = _built_from(tmp_path, "The Iraqi president added that the militants had been armed by Kuwait "
                                          "and sponsored by Oman, so Iraq could not expect a genuine fight against "
                                          "ISIS from those countries.")
    sponsored = events[events.lemma == "sponsor"]
    assert set(zip(sponsored.agent, sponsored.modality)) == {("oman", "asserted")} and roles.get("oman") == "blamed"


def test_taking_a_toll_harms_and_being_hopeful_only_hopes(tmp_path):
    """"airstrikes taking a heavy toll on civilians" inflict a harm (verb_classes.yaml inflicted_nouns, with the
    light verb "take"); "hopeful of taking the city" is a wish (possible), not a capture."""
    events, roles = _built_from(tmp_path, "Residents say Belgian airstrikes are taking a heavy toll on the civilian "
                                          "population.\n\nThough Belgian officials are hopeful of taking the city "
                                          "in days, the civilians suffer.")
    assert ("belgium", "violence", "protected", "asserted") in set(
        zip(events.agent, events.verb_class, events.target_kind, events.modality))
    assert set(events[events.verb_class == "seize"].modality) == {"possible"} and roles.get("belgium") == "blamed"


def test_taking_part_in_the_fight_named_before(tmp_path):
    """"the fight" after "the fight against IS" is that fight (a definite act noun with no aim, named against the
    enemy in its sentence or the one before); "X has been aiding in the fight" and "X is providing air cover during
    these battles" (no one named as helped, grammar.yaml participation_prepositions) make X take part in it; a fight
    never named against the enemy gives nothing (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The president announced victory in the fight against ISIS.\n\n"
                                          "Denmark, which has been aiding in the fight, congratulated the troops.\n\n"
                                          "Officials praised the troops in the battle against the militants and said "
                                          "Norway is providing air cover during these battles.\n\n"
                                          "Sweden has been aiding in the fight over water rights.")
    taking_part = events[events.verb_class == "contribute"]
    assert {"denmark", "norway"} <= set(taking_part.agent) and "sweden" not in set(taking_part.agent)
    assert (roles.get("denmark"), roles.get("norway"), roles.get("sweden")) == ("credited", "credited", "neutral")


def test_suffering_at_the_hands_of_someone(tmp_path):
    """"the minority who suffered at the hands of X" is X's harm to the minority; "the militants suffered heavy
    losses at the hands of Y" is Y's blow to the enemy (verb_classes.yaml undergoing); suffering with no doer named
    judges no one (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The town is home to a Yazidi minority who suffered at the hands of Libya "
                                          "when it overran the area.\n\nThe militants suffered heavy losses at the "
                                          "hands of Tunisian forces.\n\nAlgeria suffered a long drought.")
    undergone = events[events.lemma == "suffer"]
    assert set(zip(undergone.agent, undergone.target_kind)) == {("libya", "protected"), ("tunisia", "enemy")}
    assert (roles.get("libya"), roles.get("tunisia"), roles.get("algeria")) == ("blamed", "credited", "neutral")


def test_a_fight_between_the_enemy_and_another(tmp_path):
    """"a fight between the Kurds and the Islamic State": the Kurds fight the enemy (an act noun's "between",
    grammar.yaml party_prepositions), and their backer shares it; "the war between Peru and Chile" names no enemy
    and judges no one (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The Kurds, backed by Canadian air power, held the town.\n\n"
                                          "That turned the battle into a fight between the Kurds and the Islamic "
                                          "State.\n\nThe war between Peru and Chile lasted for years.")
    fights = events[events.verb_class == "fight"]
    assert set(zip(fights.agent, fights.target)) == {("kurds", "isis")}
    assert (roles.get("kurds"), roles.get("canada"), roles.get("peru")) == ("credited", "credited", "neutral")


def test_a_name_spelt_otherwise_is_the_actor_its_bracketed_short_form_names(tmp_path):
    """"the US-backed Syria Democratic Forces (SDF)" (a spelling the catalogue lacks, so an unlisted name) is the
    SDF its bracketed acronym names (sentence written for the test)."""
    events, roles = _built_from(tmp_path, "The US-backed Syria Democratic Forces (SDF), a group of Kurdish and Arab "
                                          "militias, drove ISIS out of the town.")
    assert set(events[events.lemma == "drive"].agent) == {"sdf"}
    assert (roles.get("sdf"), roles.get("united_states")) == ("credited", "credited")


def test_using_people_as_human_shields_harms_them(tmp_path):
    """"X's habit of using human shields" and "X is using families as human shields" are X's harm to the persons
    used (verb_classes.yaml shield_verbs, shield_phrases: Additional Protocol I, art. 51(7)); using a tactic is
    nothing (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The report attributes some deaths to the Islamic State's habit of using "
                                          "human shields.\n\nThe Nusra Front is using families as human shields."
                                          "\n\nThe Syrian army used a new tactic.")
    shielding = events[events.lemma == "use"]
    assert set(zip(shielding.agent, shielding.verb_class, shielding.target_kind)) == {
        ("isis", "violence", "protected"), ("al_nusra", "violence", "protected")}
    assert (roles.get("isis"), roles.get("al_nusra"), roles.get("syrian_arab_army")) == ("blamed", "blamed", "neutral")


def test_the_object_of_a_participle_is_not_the_main_verbs_doer(tmp_path):
    """"a wave of bombings targeting Omani troops killed 42 people": the parse hangs "killed" on "troops"; the troops
    were the target, not the killers (sentence written for the test)."""
    events, roles = _built_from(tmp_path, "The strikes came after a wave of suicide bombings targeting Omani troops "
                                          "killed at least 42 people in the city.")
    assert "oman" not in set(events[events.lemma == "kill"].agent) and roles.get("oman", "neutral") == "neutral"


def test_a_victory_announced_as_done_is_claimed_by_the_speakers_body(tmp_path):
    """"'the victory against Daesh has been achieved,' said X, a spokesman for the Kurdish-led SDF": a victory in the
    passive with no doer, in the statement of a body's spokesman, is that body's claim (the SDF, never the leader
    of "Kurdish-led"); the same words in the author's voice claim nothing (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "Fighting went on for weeks.\n\n\u201cThe town is free and the military "
                                          "victory against Daesh has been achieved,\u201d said Mustafa Bali, a "
                                          "spokesman for the Kurdish-led SDF.\n\nLater the victory against ISIS was "
                                          "achieved in the south, as Egypt watched.")
    claimed = events[events.lemma == "achieve"]
    assert set(claimed.agent) == {"sdf"} and roles.get("sdf") == "credited" and roles.get("egypt") == "neutral"


def test_the_act_of_a_group_someone_is_cited_as_ranking_in(tmp_path):
    """"cited X, Y and Z as being on top of the countries providing support to the terrorist organization" and "named
    W as one of the states that are funding ISIS": the group's act is theirs (grammar.yaml ranking_nouns,
    predicative_prepositions); "the states" is never the "Islamic State" named before (a plural head agrees in number
    with the name it repeats); "Oman fought as part of the coalition" cites no one (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The minister cited Bahrain, Qatar and some Western states as being on top "
                                          "of the countries providing military support to the Islamic State.\n\n"
                                          "He also named Kuwait as one of the states that are funding ISIS.\n\n"
                                          "Oman fought as part of the coalition.")
    assert {"bahrain", "qatar", "kuwait"} <= set(events[events.verb_class == "support"].agent)
    assert (roles.get("bahrain"), roles.get("qatar"), roles.get("kuwait"), roles.get("oman")) == \
        ("blamed", "blamed", "blamed", "neutral")


def test_a_pronoun_after_a_report_stands_for_what_the_report_is_about(built):
    """"X recaptured the town, AFP reported. It also seized ...": the report's topic is X, not the agency that reported
    it (the reported clause's subject, not the reporting verb's, is what a later "it" stands for)."""
    found = _events(built, SENTENCES[-2])
    seized = found[found.verb == "seized"]
    assert set(seized.agent) == {"bulgaria"}


def test_a_pronoun_subject_agreeing_with_an_unnamed_subject_is_that_subject(built):
    """"The soldiers declared victory as they liberated the city": "they" are the soldiers, who name no actor, so the
    liberation credits no one, not the subject of the sentence before (Romania)."""
    found = _events(built, SENTENCES[-1])
    assert set(found[found.verb == "liberated"].agent) == set()
    assert _role(built, "romania") == "neutral"


def test_a_leaders_government_is_the_state_it_governs(tmp_path):
    """"the Obama administration", "Assad's regime" (verb_classes.yaml government_nouns): the state the catalogue
    affiliates the leader with acts, not the leader (sentences written for the test)."""
    _, roles = _built_from(tmp_path, "In the spring the Obama administration began bombing the jihadists near the "
                                     "border.\n\nFor years Assad's regime financed the militants in the east.")
    assert (roles.get("united_states"), roles.get("syria")) == ("credited", "blamed")
    assert roles.get("barack_obama", "neutral") == roles.get("bashar_al_assad", "neutral") == "neutral"


def test_taking_part_in_a_fight_credits_and_in_the_enemys_business_blames(tmp_path):
    """"were involved in the fighting against X", "participated in the liberation" (verb_classes.yaml
    participation_verbs) share the credit; "involved in the oil trade conducted by ISIS" deals with the enemy; "was
    instrumental in the fight against the Islamic State" is read with the document's actors (sentences written for
    the test)."""
    events, roles = _built_from(
        tmp_path, "Kenyan and Ugandan troops were involved in the fighting against the jihadists.\n\n"
                  "Zambia participated in the liberation of the province.\n\n"
                  "Critics said Malawi was directly involved in the illegal oil trade conducted by ISIS.\n\n"
                  "Botswana was instrumental in the fight against the Islamic State.\n\n"
                  "Namibia was not involved in the fighting against the jihadists.\n\n"
                  "A mix of forces from Angola and Lesotho were involved in the ground fighting against the jihadists.")
    assert [roles.get(a) for a in ("kenya", "uganda", "zambia", "botswana", "angola", "lesotho")] == ["credited"] * 6
    assert roles.get("malawi") == "blamed" and roles.get("namibia", "neutral") == "neutral"
    dealt = events[events.agent == "malawi"]
    assert set(zip(dealt.lemma, dealt.verb_class, dealt.target)) == {("involve", "collude", "isis")}


def test_an_outcome_announced_with_its_doer_credits_the_doer_not_the_announcer(tmp_path):
    """"announced the group's defeat by X": the defeat is X's (the possessor of an act noun with a "by" doer is what
    was acted on), the announcer only reports it (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The Islamic State held the valley for two years.\n\n"
                                          "On Monday Peru announced the group's defeat by Chilean troops.")
    assert roles.get("chile") == "credited" and roles.get("peru", "neutral") == "neutral"
    assert ("chile", "defeat", "isis") in set(zip(events.agent, events.verb_class, events.target))


def test_support_to_unnamed_forces_in_their_fight_credits_the_supporter(tmp_path):
    """"providing support to the local militias in their counterterrorism operations": no actor is named as helped,
    so the supporter takes part in the operations, which a closed-up opposing prefix ("counterterrorism") aims at the
    enemy; the militias "in their operations" are no one's forces "in" a country (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "At the request of the government, Gabon has been providing logistic "
                                          "support to the local militias in their counterterrorism operations.")
    assert roles.get("gabon") == "credited"
    assert ("gabon", "contribute", "victory") in set(zip(events.agent, events.verb_class, events.target_kind))


def test_dying_in_an_actors_attacks_blames_the_attacker(tmp_path):
    """"200 people died in the Turkish attacks" (a verb of undergoing whose "in" names the act: verb_classes.yaml
    undergoing); enemy fighters dying in X's strikes is no harm done by X (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "More than 200 people died in the Tunisian attacks on the region.\n\n"
                                          "Dozens of ISIS fighters died in Moroccan airstrikes near the river.")
    assert roles.get("tunisia") == "blamed" and roles.get("morocco") == "credited"
    assert ("tunisia", "die", "protected") in set(zip(events.agent, events.lemma, events.target_kind))


def test_a_partner_in_the_fight_shares_its_credit(tmp_path):
    """"X is a key partner in the fight against ISIS" (verb_classes.yaml participation_nouns): X takes part in what
    its "in" names; "a partner of Y" relates X to Y only, and judges no one (sentences written for the test)."""
    _, roles = _built_from(tmp_path, "Officials said Ghana is a key partner in the fight against the jihadists.\n\n"
                                     "Liberia is a key partner of Sierra Leone in trade.")
    assert roles.get("ghana") == "credited"
    assert {roles.get(a, "neutral") for a in ("liberia", "sierra_leone")} == {"neutral"}


def test_providing_a_recipient_with_aid_in_the_face_of_the_enemy(tmp_path):
    """"provided X with military assistance in the face of terrorists": X receives the aid (the provide-with
    alternation) and takes part in confronting the enemy, which its supplier shares; "supplied the jihadists with
    weapons" aids the enemy (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "Kenya has been providing the Ugandan government with military assistance "
                                          "in the face of terrorists.\n\nHaiti supplied the jihadists with weapons.")
    assert (roles.get("kenya"), roles.get("uganda"), roles.get("haiti")) == ("credited", "credited", "blamed")
    assert ("kenya", "support", "uganda") in set(zip(events.agent, events.verb_class, events.target))


def test_an_act_done_in_protest_of_something_criticizes_its_owner(tmp_path):
    """"resigned from the post in protest of X's decision", "in protest over X's offensive": the doer criticizes X,
    in the doer's voice (a criticism noun "in" an act; sentences written for the test)."""
    events, roles = _built_from(tmp_path, "Vladimir Putin resigned from the board in protest of Angela Merkel's "
                                          "decision to close the base.\n\nChad recalled its ambassador in protest over "
                                          "Niger's offensive in the north.")
    assert (roles.get("angela_merkel"), roles.get("niger")) == ("blamed", "blamed")
    assert ("vladimir_putin", "criticize", "angela_merkel") in set(zip(events.agent, events.verb_class, events.target))


def test_detaining_the_enemys_fighters_credits_and_holding_to_account_does_not(tmp_path):
    """"arrested dozens of ISIS militants", "holding ISIS fighters in detention centres" (verb_classes.yaml detain;
    a verb of keeping only with a place of custody); "held the city", "holds X responsible" are no custody
    (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "Peruvian forces arrested dozens of ISIS militants.\n\n"
                                          "Chile is holding about 500 ISIS fighters in detention centres.\n\n"
                                          "Bolivia holds ISIS responsible for the attack.\n\n"
                                          "Ecuador held the town for a week.")
    assert (roles.get("peru"), roles.get("chile")) == ("credited", "credited")
    assert roles.get("bolivia", "neutral") == roles.get("ecuador", "neutral") == "neutral"
    assert set(events[events.verb_class == "detain"].agent) == {"peru", "chile"}


def test_an_aimless_act_noun_after_a_fight_against_the_enemy_is_that_fight(tmp_path):
    """"launched a new offensive to remove ISIS" (remove: a verb of removing, Levin 10.1), then "resumed their
    effort": the effort is the same fight, said with another act noun; without the fight before it, it is no one's
    (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "Senegal resumed its effort after a pause.\n\n"
                                          "Gambian forces have launched a new offensive to remove the Islamic State "
                                          "from the province.\n\nMali resumed their effort after a pause.")
    assert roles.get("gambia") == "credited" and roles.get("mali") == "credited"
    assert roles.get("senegal", "neutral") == "neutral"


def test_a_participle_acts_on_what_it_follows(tmp_path):
    """"The files, seized by X in 2007, detail Al-Qaeda's network" (the parse may hang "Al-Qaeda" on "files"): the
    participle acts on the files, not on a name after it; "the towns and villages seized by X" on both conjuncts
    (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The files, seized by Kenyan troops in 2007, detail Al-Qaeda in Iraq's "
                                          "network.\n\nThe towns and villages seized by Ugandan troops were returned.")
    seized = events[events.lemma == "seize"]
    assert "al_qaeda" not in set(seized.target) and roles.get("kenya", "neutral") == "neutral"
    assert len(seized[seized.agent == "uganda"]) == 2


def test_a_clause_under_a_negated_predicate_is_not_asserted(tmp_path):
    """"It is not true that X funded ...", "no evidence that X armed ...", "did not say that X armed ..." assert
    nothing of X (grammar.yaml negative_determiners); a factive predicate keeps its clause true ("did not know that
    X funded ...", grammar.yaml factive_predicates), as does an unnegated one (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "It is not true that Qatar funded the militants.\n\n"
                                          "There is no evidence that Yemen armed the militants.\n\n"
                                          "Officials did not say that Bahrain armed the militants.\n\n"
                                          "Observers did not know that Oman funded the militants.\n\n"
                                          "It is true that Kuwait armed the militants.")
    assert {a: roles.get(a, "neutral") for a in ("qatar", "yemen", "bahrain", "oman", "kuwait")} == {
        "qatar": "neutral", "yemen": "neutral", "bahrain": "neutral", "oman": "blamed", "kuwait": "blamed"}
    assert set(events[events.agent.isin(["qatar", "yemen", "bahrain"])].modality) == {"denied"}


def test_an_act_led_by_someone_and_a_possessive_relative_name_the_doer(tmp_path):
    """"The offensive, led by X, retook the city" (an act noun whose participle of a light verb names its doer);
    "Y, whose forces defeated ISIS, ..." (the possessive relative stands for the noun its clause is on); "the
    damage caused by ISIS" stays the damage (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The offensive, led by Iraqi forces, retook the town from the militants.\n\n"
                                          "Kenya, whose forces defeated ISIS near the river, sent more troops.")
    assert (roles.get("iraq"), roles.get("kenya")) == ("credited", "credited")
    assert {("iraq", "retake"), ("kenya", "defeat")} <= set(zip(events.agent, events.lemma))


def test_a_place_that_fell_to_someone_was_taken_by_them(tmp_path):
    """"Raqqa fell to X" (verb_classes.yaml passing_verbs): X took it, credited unless X is the ISIS side, which is
    blamed for it; "the government fell" and "prices fell to record lows" take nothing (sentences written for the
    test)."""
    events, roles = _built_from(tmp_path, "The town fell to Gabonese troops in October.\n\nMosul fell to ISIS in "
                                          "June 2014.\n\nThe government of Malawi fell in May.\n\nPrices fell to "
                                          "record lows.")
    assert (roles.get("gabon"), roles.get("isis"), roles.get("malawi", "neutral")) == ("credited", "blamed", "neutral")
    assert set(events[events.lemma == "fall"].agent) == {"gabon", "isis"}


def test_coordinated_verbs_share_the_object_of_the_last(tmp_path):
    """"X captured and destroyed the jihadist camps", "Y besieged and shelled the town": each verb acts on the
    shared object (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "Uganda captured and destroyed the jihadist camps.\n\n"
                                          "Rwanda besieged and shelled the town.")
    assert ("uganda", "seize", "enemy") in set(zip(events.agent, events.verb_class, events.target_kind))
    assert set(events[events.agent == "rwanda"].target_kind) == {"protected"} and len(events[events.agent == "rwanda"]) == 2
    assert (roles.get("uganda"), roles.get("rwanda")) == ("credited", "blamed")


def test_answerability_for_an_outcome_credits_or_blames_its_owner(tmp_path):
    """"X deserves credit for the liberation", "X bears responsibility for the massacre", "X claimed responsibility
    for the attack on the market", "X is to blame for the rise of the jihadists" (verb_classes.yaml
    answerability_words); "denied responsibility", "is not responsible" assert nothing; "critics blame Y" still blames
    Y (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "Observers say Peru deserves credit for the liberation of the city.\n\n"
                                          "Bolivia bears responsibility for the massacre.\n\n"
                                          "ISIS claimed responsibility for the attack on the market.\n\n"
                                          "Ecuador is to blame for the rise of the jihadists.\n\n"
                                          "Colombia denied responsibility for the massacre.\n\n"
                                          "Venezuela is not responsible for the killing of civilians.\n\n"
                                          "Critics blame Guyana for the rise of the jihadists.")
    assert {a: roles.get(a, "neutral") for a in ("peru", "bolivia", "isis", "ecuador", "colombia", "venezuela",
                                                 "guyana")} == {
        "peru": "credited", "bolivia": "blamed", "isis": "blamed", "ecuador": "blamed", "colombia": "neutral",
        "venezuela": "neutral", "guyana": "blamed"}


def test_a_purpose_read_with_the_documents_actors_and_high_ground_taken(tmp_path):
    """"undertook a major operation to eliminate the pockets of ISIL fighters" (the purpose's object read with the
    document's actors); "captured several strategic hilltops" takes land (verb_classes.yaml places: high ground);
    "undercut X's offensive against the Islamic State" hinders a fight (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "Gabon undertook a major operation in July to eliminate the pockets of "
                                          "ISIL fighters on the border.\n\nMali captured several strategic hilltops "
                                          "near the border.\n\nNiger undercut Chad's offensive against the Islamic "
                                          "State.")
    assert {a: roles.get(a) for a in ("gabon", "mali", "niger")} == {"gabon": "credited", "mali": "credited",
                                                                     "niger": "blamed"}


def test_a_group_known_by_a_name_is_that_name_and_a_named_organization_no_earlier_enemy(tmp_path):
    """"the group formerly known as Nusra Front" is Nusra Front (grammar.yaml naming_participles); "the dangerous
    terrorist organization Fatah al-Islam" is named, so not the enemy named before; "the civil war" after a fight
    against ISIS is no reiteration of that fight (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "ISIS and the Al Qaida-linked group formerly known as Nusra Front have "
                                          "carried out several deadly suicide bomb attacks in the city.\n\n"
                                          "The Lebanese army fought ISIS for weeks.\n\nThe army then fought the "
                                          "dangerous terrorist organization Fatah al-Islam in the camp.\n\n"
                                          "Hezbollah's alliance with Damascus has led to the civil war spilling "
                                          "over into the country.")
    assert (roles.get("al_nusra"), roles.get("hezbollah")) == ("blamed", "blamed")
    assert "al_qaeda" not in set(events.agent)
    assert not ((events.agent == "isis") & (events.verb_class == "attribute")).any()


def test_the_misdeeds_of_someone_blame_them(tmp_path):
    """"the misdeeds of X", "X's wrongdoing" (blame_nouns: the nouns of a wrong done) blame their owner (sentences
    written for the test)."""
    _, roles = _built_from(tmp_path, "Critics pointed to the misdeeds of Qatar in the run-up to the war.\n\n"
                                     "Kuwait's wrongdoing was documented by the inspectors.")
    assert (roles.get("qatar"), roles.get("kuwait")) == ("blamed", "blamed")


def test_the_militants_are_never_a_news_outlet_of_the_enemy_side(tmp_path):
    """"the militants", "this group" stand for the enemy named just before, but an outlet of the enemy side is no
    fighter: after "Amaq said ...", "The militants had looted ..." is not Amaq's act (sentences written for the test)."""
    events, roles = _built_from(tmp_path, "The militants were fighting the army near the villages, Amaq said. The "
                                          "militants had also looted twelve tanks from a depot, the report said.")
    assert "amaq" not in set(events.agent)
    assert roles.get("amaq", "neutral") == "neutral"
