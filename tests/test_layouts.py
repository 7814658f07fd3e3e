"""Page layouts the seeds do not have, written by hand to check the loader on new articles: a blog post, a wire
story on a news site, an opinion piece, an agency story with a standfirst, a newspaper analysis, a page with a
dated byline, a press release. Expected kinds and metadata were read off the texts."""

import warnings
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.stages import actors
from analysis.stages.figures import figures
from analysis.stages.quotes import quotes
from analysis.stages.segment import byline_name

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"


@pytest.fixture(scope="module")
def layouts():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(LAYOUTS)


def _furniture(corpus, doc_id: str) -> list[tuple[str, str]]:
    """(kind, text) of a document's sentences that are not body text."""
    rows = corpus.sentences[(corpus.sentences["doc_id"] == doc_id) & ~corpus.sentences["in_body"]]
    return [(kind, text.split("\n")[0]) for kind, text in zip(rows["kind"], rows["text"])]


def _metadata(corpus, doc_id: str) -> dict:
    """A document's title, author, outlet, via and publication date."""
    row = corpus.documents.set_index("doc_id").loc[doc_id]
    return {k: (row[k] if isinstance(row[k], str) else None) for k in ("title", "author", "outlet", "via", "published")}


def test_a_blog_post_with_a_posted_on_line_and_a_comment_section(layouts):
    assert _furniture(layouts, "blog_post") == [
        ("section", "The Frontline Observer"),  # a short line above a longer headline-like one: a site name or kicker
        ("headline", "Mosul after the battle: what comes next for Iraq?"),
        ("dateline", "Posted on July 12, 2017 by Sarah Levine"),
        ("related", "Read more: How the battle for Mosul was fought"),
        ("share", "Share this:"),
        ("tags", "Tags: Iraq, Mosul, Islamic State"),
        ("comments", '3 thoughts on "Mosul after the battle: what comes next for Iraq?"'),
        ("comments", "Leave a Reply"),
        ("comments", "Your email address will not be published."),
        ("comments", "Required fields are marked *"),
    ]
    assert _metadata(layouts, "blog_post") == {"title": "Mosul after the battle: what comes next for Iraq?",
                                               "author": "Sarah Levine",
                                               "outlet": None, "via": None, "published": "2017-07-12"}


def test_a_wire_story_under_a_section_breadcrumb_with_two_writers_and_an_advert(layouts):
    assert _furniture(layouts, "news_site") == [
        ("section", "World | Middle East"),
        ("headline", "Syrian army retakes Deir ez-Zor from Islamic State"),
        ("byline", "By Ahmed Rasheed and Tom Perry"),
        ("dateline", "November 3, 2017 / 4:12 PM / Updated 2 hours ago"),
        ("dateline", "BEIRUT (Reuters) -"),
        ("advert", "Advertisement"),
        ("credits", "Additional reporting by Lisa Barrington in Beirut; Editing by Janet Lawrence"),
    ]
    # The wire dateline names the agency whose story this is; nothing names another outlet, so it is the outlet (it
    # would be `via` under another outlet's licence or masthead; an agency is never its own via).
    assert _metadata(layouts, "news_site") == {
        "title": "Syrian army retakes Deir ez-Zor from Islamic State", "author": "Ahmed Rasheed and Tom Perry",
        "outlet": "Reuters", "via": None, "published": "2017-11-03"}


def test_an_opinion_piece_with_a_standfirst_above_its_byline_and_a_closing_bio(layouts):
    assert _furniture(layouts, "opinion") == [
        ("section", "OPINION"),
        ("headline", "Who really defeated ISIS?"),
        ("standfirst", "The credit belongs to those who fought on the ground, not to the politicians who claim it."),
        ("byline", "By Dr. Karim Nasser"),
        ("dateline", "Published: 14 December 2017"),
        ("author_bio", "Karim Nasser is a political analyst based in Beirut."),
        ("author_bio", "He writes about Iraqi politics."),
        ("licence", "© 2017 Regional Review."),
        ("licence", "All rights reserved."),
    ]
    assert _metadata(layouts, "opinion") == {"title": "Who really defeated ISIS?", "author": "Dr. Karim Nasser",
                                             "outlet": "Regional Review", "via": None, "published": "2017-12-14"}


def test_a_body_sentence_that_starts_with_by_is_not_a_byline(layouts, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Troops Enter Raqqa\n\nThe army entered the city on Monday after months of fighting along the river banks.\n\n"
        "By then it was over.\n\nResidents began to return within days, officials said on Tuesday afternoon.\n",
        encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert list(corpus.paragraphs["kind"]) == ["headline", "body", "body", "body"]


def test_an_agency_story_with_a_standfirst_above_its_wire_dateline_and_a_source_line(layouts):
    assert _furniture(layouts, "agency") == [
        ("dateline", "Tuesday 21 November 2017 10:15 GMT"),
        ("headline", "Iraq says it has driven IS from last town"),
        ("standfirst", "Iraqi forces recaptured Rawa, the last town in the country held by the Islamic State group, "
                       "the military said on Friday."),
        ("dateline", "RAWA, Iraq (AFP) —"),
        ("caption", "(Photo by Ahmad Al-Rubaye/AFP via Getty Images)"),
        ("source_line", "This article was originally published by Agence France-Presse."),
        ("share", "Follow us on Twitter and Facebook"),
        ("promo", "Subscribe to our newsletter"),
    ]
    assert _metadata(layouts, "agency") == {"title": "Iraq says it has driven IS from last town", "author": None,
                                            "outlet": None, "via": "Agence France-Presse", "published": "2017-11-21"}


def test_a_newspaper_analysis_with_a_kicker_a_role_byline_and_topics(layouts):
    assert _furniture(layouts, "newspaper") == [
        ("headline", "The defeat of Islamic State is not the end of the story"),
        ("section", "Analysis"),
        ("byline", "Martin Chulov Middle East correspondent"),
        ("dateline", "Sun 10 Dec 2017 18.44 GMT"),
        ("caption", "Photograph: Ahmad Al-Rubaye/AFP/Getty Images"),
        ("tags", "Topics"),
    ]  # not caught: the site's "Since you're here ..." appeal reads as three body sentences
    assert _metadata(layouts, "newspaper") == {
        "title": "The defeat of Islamic State is not the end of the story", "author": "Martin Chulov", "outlet": None,
        "via": None, "published": "2017-12-10"}


def test_a_page_with_a_dated_byline_and_related_and_comment_links(layouts):
    assert _furniture(layouts, "mixed") == [
        ("section", "Home » Middle East » Syria"),
        ("headline", "Raqqa falls: the end of the caliphate's capital"),
        ("byline", "By John Smith | October 17, 2017"),
        ("related", "Related: Who are the Syrian Democratic Forces?"),
        ("caption", "Image: A fighter waves a flag in Raqqa's stadium"),
        ("comments", "Comments (12)"),
        ("related", "Most Read"),
    ]
    assert _metadata(layouts, "mixed") == {"title": "Raqqa falls: the end of the caliphate's capital",
                                           "author": "John Smith", "outlet": None, "via": None,
                                           "published": "2017-10-17"}
    row = layouts.documents.set_index("doc_id").loc["mixed"]
    assert not row["published_inferred"] and row["published_evidence"] == "byline 'By John Smith | October 17, 2017'"


def test_a_press_release(layouts):
    assert _furniture(layouts, "statement") == [
        ("section", "FOR IMMEDIATE RELEASE"),
        ("headline", "Statement by the Foreign Minister on the liberation of Mosul"),
        ("dateline", "10 July 2017"),
        ("link", "Media contact: press@example.org"),
        ("link", "###"),
    ]
    assert _metadata(layouts, "statement")["published"] == "2017-07-10"


@pytest.mark.parametrize("byline,name", [
    ("By Dr. Karim Nasser", "Dr. Karim Nasser"),
    ("by Ahmed Rasheed and Tom Perry", "Ahmed Rasheed and Tom Perry"),
    ("Martin Chulov Middle East correspondent", "Martin Chulov"),
    ("Jane Smith Defence editor", "Jane Smith"),
    ("By John Smith | October 17, 2017", "John Smith"),
])
def test_byline_name(byline, name):
    assert byline_name(byline) == name


def test_statements_are_found_in_text_not_in_furniture(layouts):
    said = quotes(layouts)
    assert list(zip(said["doc_id"], said["speaker_text"], said["cue"])) == [
        ("agency", "Iraq", "says"),  # the headline
        ("agency", "the military", "said"),  # the standfirst
        ("agency", "Joint Operations Command", "said"),
        ("agency", "Abdul Amir Yarallah", "said"),  # "said in a statement" is one statement
        ("blog_post", "Abadi", "said"),
        ("blog_post", "Aid groups", "say"),
        ("mixed", "US-backed fighters", "said"),
        ("mixed", "The Syrian Democratic Forces", "said"),
        ("news_site", "state media", "said"),
        ("news_site", "The army", "said"),
        ("opinion", "Washington", "praised"),
        ("opinion", "Tehran", "praised"),
        ("opinion", "Moscow", "praised"),
        ("statement", "The Foreign Minister", "welcomed"),  # welcomed the announcement that ...: supportive
        ("statement", "the Minister", "said"),
    ]  # not "Additional reporting by ..." (credits) nor "He writes about ..." (author bio)


def test_a_time_on_a_date_line_is_not_a_figure(layouts):
    found = figures(layouts, quotes(layouts))
    assert "18.44" not in set(found["surface"])
    assert set(found.loc[found["doc_id"] == "newspaper", "surface"]) == {"hundreds of thousands"}


# --- layouts of real outlets (issue 11), written for the tests -------------------------------------------------------

def _page(tmp_path, text: str):
    """A one-file corpus of a hand-written page, and its (kind, first line) furniture and metadata."""
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(tmp_path)
    return _furniture(corpus, "page"), _metadata(corpus, "page"), corpus


def test_a_government_page_under_its_site_banner(tmp_path):
    furniture, meta, corpus = _page(tmp_path, (
        "An official website of the United States Government \nHere's how you know\n\n"
        "Official websites use .gov\n\nAccessibility links\n\n"
        "Coalition Strikes Hit Targets Near Mosul\n\n"
        "You have accessed part of a historical collection on defense.gov. Some of the information may be outdated.\n\n"
        "Soldiers walk through a street in Mosul, Iraq, March 3, 2017. (J. Smith/Army)\n\n"
        "Coalition forces conducted twelve strikes near Mosul on Tuesday, officials said in a statement from Baghdad.\n\n"
        "The strikes destroyed four fighting positions and two vehicles used by the militants, the officials added in"))
    assert [kind for kind, _ in furniture] == ["navigation"] * 3 + ["headline"] + ["navigation"] * 2 + ["caption"] * 2
    # the site's own notice names it; the photo credit is not the outlet; the caption dates the latest event
    assert meta == {"title": "Coalition Strikes Hit Targets Near Mosul", "author": None,
                    "outlet": "U.S. Department of Defense", "via": None, "published": "2017-03"}
    assert corpus.paragraphs["kind"].iloc[-1] == "body"  # a text cut off mid-sentence ends in body text


def test_an_agency_page_with_a_kicker_and_a_date_line_above_its_wire_dateline(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Sep 18, 2017, 3:32 PM\n\nJohn Doe:\n\nReferendum would split the region, analyst says\n\n"
        "TEHRAN, Sep. 18 (MNA) – Political analyst John Doe said on Monday that the referendum would split the "
        "region and start a war.\n\nHe added that no neighbour would accept the result of the vote.\n"))
    assert furniture[:3] == [("dateline", "Sep 18, 2017, 3:32 PM"), ("section", "John Doe:"),
                             ("headline", "Referendum would split the region, analyst says")]
    # the agency of the wire dateline is the outlet (nothing names another), so it is not also the via
    assert meta == {"title": "Referendum would split the region, analyst says", "author": None,
                    "outlet": "Mehr News Agency", "via": None, "published": "2017-09-18"}


def test_an_official_site_with_view_settings_a_slash_breadcrumb_and_a_place_after_the_date(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "View settings\n\nFont size:\n\nSite colours:\n\nOfficial website of the President of Russia\n\nNews   /\n\n"
        "Meeting with the President of Turkey\n\nNovember 13, 2017, Sochi\n\n"
        "The two presidents discussed the situation in Syria and trade between the two countries at length.\n"))
    assert furniture == [("navigation", "View settings"), ("navigation", "Font size:"),
                         ("navigation", "Site colours:"), ("tagline", "Official website of the President of Russia"),
                         ("section", "News   /"), ("headline", "Meeting with the President of Turkey"),
                         ("dateline", "November 13, 2017, Sochi")]
    assert (meta["title"], meta["outlet"], meta["published"]) == (
        "Meeting with the President of Turkey", "President of Russia", "2017-11-13")


def test_a_date_on_the_last_of_the_lines_under_a_headline_and_a_public_domain_notice(tmp_path):
    _, meta, _ = _page(tmp_path, (
        "Originally posted by the Voice of America.\nVoice of America content is produced by the Voice of America,\n"
        "a United States federal government-sponsored entity, and is in\nthe public domain.\n\n"
        "Readout of the Envoy's Trip to Iraq\n\nMedia Note\nOffice of the Spokesperson\nWashington, DC\n"
        "October 28, 2016\n\nThe envoy met officials in Baghdad and Erbil to discuss the coming operation in Mosul.\n"))
    assert meta == {"title": "Readout of the Envoy's Trip to Iraq", "author": None, "outlet": "Voice of America",
                    "via": None, "published": "2016-10-28"}


def test_a_transcript_line_is_no_headline_and_a_category_line_is_a_section(tmp_path):
    _, meta, _ = _page(tmp_path, "President Jane Roe: Good afternoon, everyone.\nThank you for coming here today to "
                                 "talk about the operation and what comes next for the region.\n")
    assert meta["title"] is None
    furniture, meta, _ = _page(tmp_path, "News / Middle East\n\nForces Retake Town\n\nForces retook the town on "
                                         "Friday after a week of fighting, the army said in a statement.\n")
    assert furniture == [("section", "News / Middle East"), ("headline", "Forces Retake Town")]


def test_via_an_agency_named_with_news_agency_in_lower_case(tmp_path):
    _, meta, _ = _page(tmp_path, "Forces Retake Town\n\nKurdish fighters retook the town on Monday, the Firat news agency "
                                 "reported, after a week of fighting.\n\nIran's semi-official Tasnim news agency "
                                 "reported the same on Tuesday.\n")
    assert meta["via"] == "Firat News Agency"
    _, meta, _ = _page(tmp_path, "Forces Retake Town\n\nIran's semi-official Tasnim news agency reported on Tuesday "
                                 "that the town had fallen after a week of fighting.\n")
    assert meta["via"] == "Tasnim News Agency"


def test_a_byline_run_into_a_wire_dateline(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Congo approves vaccine to fight outbreak\n\nBy Jane Roe KINSHASA (Reuters) - The health ministry approved the "
        "use of a new vaccine on Monday, a spokesman said.\n\nThe vaccine is not yet licensed but was shown to be "
        "protective in trials.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.sentences["kind"].tolist()[:3] == ["headline", "dateline", "body"]
    assert corpus.sentences["text"].tolist()[1] == "By Jane Roe KINSHASA (Reuters) -"
    assert corpus.documents["outlet"].tolist() == ["Reuters"]


# --- lines above the story, each its own thing (issue 11: unseen pages) ---------------------------------------------

def test_a_menu_a_bulleted_date_line_and_a_bulleted_headline_in_one_block(tmp_path):
    # a numbered menu and a bulleted one, then a date line with a comma after the month and the headline, all in one
    # blank-line block: each line is labelled alone, so the menu is never the title
    furniture, meta, _ = _page(tmp_path, (
        "1. Home\n  2. Politics\n  3. World\n    • RSS\n  • Contact Us\n\n"
        "• March, 4, 2019 - 08:15\n  • World news\n• Ministers meet over the port deal: spokesman\n\n"
        "ADEN (Reuters) – Ministers from both sides met on Monday to discuss the port deal, a spokesman said.\n\n"
        "The talks will resume next week.\n"))
    kinds = dict((line.strip(), kind) for kind, line in furniture)
    assert {kinds[w] for w in ("Home", "Politics", "World", "• RSS", "• Contact Us", "• World news")} == {"navigation"}
    assert kinds["• March, 4, 2019 - 08:15"] == "dateline"
    assert meta["title"] == "Ministers meet over the port deal: spokesman"  # the bullet is not the title's
    assert meta["published"] == "2019-03-04" and meta["outlet"] == "Reuters"


def test_a_date_line_above_the_headline_and_a_labelled_date_glued_to_its_label(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Publish date04 Mar 2019 - 08:15\nStory Code : 1234\nNews ID: 5678\n\nMinisters meet over the port deal\n\n"
        "Ministers from both sides met on Monday to discuss the port deal and the road to the airport.\n"))
    assert furniture[0] == ("dateline", "Publish date04 Mar 2019 - 08:15")
    assert meta["title"] == "Ministers meet over the port deal" and meta["published"] == "2019-03-04"
    furniture, meta, _ = _page(tmp_path, (
        "April 2, 2019 - 18:48 AMT\nMinisters meet over the port deal\n\n"
        "Ministers from both sides met on Monday to discuss the port deal and the road to the airport.\n"))
    assert furniture[0] == ("dateline", "April 2, 2019 - 18:48 AMT")
    assert meta["title"] == "Ministers meet over the port deal" and meta["published"] == "2019-04-02"


def test_a_short_label_ending_in_a_date_is_a_date_line_and_a_long_one_a_photo_caption(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "This Story Is From Apr 05, 2019\n\nMinisters meet over the port deal\n\n"
        "Ministers from both sides met on Monday to discuss the port deal and the road to the airport.\n"))
    assert furniture[:2] == [("dateline", "This Story Is From Apr 05, 2019"),
                             ("headline", "Ministers meet over the port deal")]
    assert meta["published"] == "2019-04-05"
    furniture, meta, _ = _page(tmp_path, (
        " date 2019-04-06 Register\n10:12 GMT +3\n"
        "    A cargo ship is unloaded at the port in the southern city of Aden, Yemen, May 3, 2018\n\n"
        "    Ministers Meet Over the Port Deal\n\n"
        "    © REUTERS/ Jane Roe\n    Middle East\n    Topic:\n    Ports (12)\n\n"
        "    Ministers from both sides met on Monday to discuss the port deal and the road to the airport.\n"))
    assert ("caption", "A cargo ship is unloaded at the port in the southern city of Aden, Yemen, May 3, 2018") \
        in furniture
    # the photo's date is not the page's, and the photo's agency is not the outlet
    assert meta == {"title": "Ministers Meet Over the Port Deal", "author": None, "outlet": None, "via": None,
                    "published": "2019-04-06"}


def test_a_date_stamp_before_a_date_line_leaves_no_title(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        " date 2019-04-06 April 6, 2019\nMinisters from both sides met on Monday to discuss the port deal and the "
        "road.\nThe talks will resume next week, officials from both sides said after the meeting ended.\n"))
    assert furniture[:2] == [("dateline", "date 2019-04-06"), ("dateline", "April 6, 2019")]
    assert meta["title"] is None and meta["published"] == "2019-04-06"


def test_a_photo_credit_with_the_copyright_sign_is_no_outlet(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\n© Jane Roe/TASS\n\n"
        "Ministers from both sides met on Monday to discuss the port deal and the road to the airport.\n"))
    assert ("caption", "© Jane Roe/TASS") in furniture and meta["outlet"] is None


def test_agency_datelines_with_slashes_or_a_bare_agency_name_the_outlet(tmp_path):
    _, meta, corpus = _page(tmp_path, (
        "Ministers meet over the port deal\n\nMOSCOW, March 4. /TASS/. Ministers from both sides met on Monday to "
        "discuss the port deal. The talks will resume next week.\n"))
    assert meta["outlet"] == "TASS" and meta["via"] is None and meta["published"] is None  # no year: no date
    assert corpus.sentences["text"].iloc[1] == "MOSCOW, March 4. /TASS/."
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nTehran, Mar 4, IRNA – Ministers from both sides met on Monday to "
        "discuss the port deal. The talks will resume next week.\n"))
    assert meta["outlet"] == "Islamic Republic News Agency" and meta["via"] is None


def test_an_agency_correspondent_or_a_closing_credit_is_the_via(tmp_path):
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nADEN - Ministers from both sides met on Monday to discuss the port deal, "
        "a Reuters correspondent reported from the port. The talks will resume next week.\n"))
    assert meta["via"] == "Reuters"
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nMinisters from both sides met on Monday to discuss the port deal.\n\n"
        "The talks will resume next week, a statement said. (AA)\n"))
    assert meta["via"] == "Anadolu Agency"


def test_a_date_line_after_the_body_dates_the_page(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nMinisters from both sides met on Monday to discuss the port deal.\n\n"
        "The talks will resume next week, a statement said.\n\nMar 5, 2019 14:03 UTC\n"))
    assert furniture[-1] == ("dateline", "Mar 5, 2019 14:03 UTC") and meta["published"] == "2019-03-05"


@pytest.mark.parametrize("opening, outlet", [
    ("Harbour Times - ", "Harbour Times"), ("Coast News / ", "Coast News"), ("(PortWire) – ", "PortWire"),
    ("Harbour.Net - ", "Harbour.Net")])
def test_a_publisher_opening_its_story_before_a_dash_is_the_outlet(tmp_path, opening, outlet):
    _, meta, corpus = _page(tmp_path, (
        "Ministers meet over the port deal\n\n" + opening + "Ministers from both sides met on Monday to discuss the "
        "port deal. The talks will resume next week.\n"))
    assert meta["outlet"] == outlet and meta["via"] is None
    assert corpus.sentences["kind"].iloc[1] == "dateline"


def test_a_date_line_with_dashes_names_its_publisher_and_a_sign_up_line_is_no_title(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Enter Your Email to Get Our Newsletter\n\nministers meet over the port deal\n\n"
        "Ministers Meet Over the Port Deal\n\nMarch 2, 2019 – Harbour Daily News – Jane Roe\n\n"
        "Ministers from both sides met on Monday to discuss the port deal, a Reuters report said.\n"))
    assert furniture[0] == ("promo", "Enter Your Email to Get Our Newsletter")
    assert meta == {"title": "Ministers Meet Over the Port Deal", "author": None, "outlet": "Harbour Daily News",
                    "via": "Reuters", "published": "2019-03-02"}


def test_a_name_over_a_date_line_is_the_byline_not_an_actor(tmp_path):
    furniture, meta, corpus = _page(tmp_path, (
        "Ministers meet over the port deal\n\nTalks on the port resume, spokesman says\n\n"
        "Zoran Ćelić\n09:43 - 2/01/2017 Monday\n\n"
        "Ministers from both sides met on Monday to discuss the port deal and the road to the airport.\n"))
    assert ("byline", "Zoran Ćelić") in furniture
    assert meta["author"] == "Zoran Ćelić" and meta["published"] == "2017-01-02"
    assert "Zoran Ćelić" not in set(actors.mentions(corpus)["surface"])


def test_a_bare_year_of_history_gives_no_year_to_a_year_less_date(tmp_path):
    # "in 2014" is history: "August 20" is not dated 2014; nor by a month-and-year date, background as well ("held
    # since June 2014 ... on November 1"); a full date gives its year
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nThe talks began on August 20 after the port was cut off in 2014, and "
        "ministers from both sides met again on Monday.\n"))
    assert meta["published"] is None
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nThe talks began on August 20 after the port was cut off in June 2017, and "
        "ministers from both sides met again on Monday.\n"))
    assert meta["published"] is None
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nThe talks began on August 20 after the port was cut off on June 3, 2017, "
        "and ministers from both sides met again on Monday.\n"))
    assert meta["published"] == "2017-08"
    # a month is background too ("began in March 2011"): without a day the body names, the page has no date
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nMinisters from both sides met on Monday to discuss the port deal.\n\n"
        "The dispute began in March 2011 and has cost the port thousands of jobs.\n"))
    assert meta["published"] is None


def test_a_source_line_without_brackets_is_the_via_unless_it_names_the_page_itself(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nMinisters from both sides met on Monday to discuss the port deal.\n\n"
        "The talks will resume next week, a statement said.\n\nSource: Harbour Wire Service\n"))
    assert furniture[-1] == ("source_line", "Source: Harbour Wire Service") and meta["via"] == "Harbour Wire Service"
    # the site's own name under the headline is the outlet; its photo credit is a caption; its own credit line
    # ("Reporting by: ... | Source: <itself>") names no other source
    furniture, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\n"
        "In this file photo, ministers walk to the port. Credit: Jane Roe/Harbour News\n\nHarbour News\n\n"
        "Ministers from both sides met on Monday to discuss the port deal.\n\n"
        "The talks will resume next week, a statement said.\n\nReporting by: John Doe | Source: Harbour News\n"))
    assert furniture[1:3] == [("caption", "In this file photo, ministers walk to the port."),
                              ("caption", "Credit: Jane Roe/Harbour News")]
    assert meta["outlet"] == "Harbour News" and meta["via"] is None


def test_a_section_label_before_a_date_line_with_a_time_zone(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nPort News 3 March 2019 14:05 (UTC +03:00)\n\n"
        "Ministers from both sides met on Monday to discuss the port deal and the road to the airport.\n"))
    assert furniture[1] == ("dateline", "Port News 3 March 2019 14:05 (UTC +03:00)")
    assert meta["published"] == "2019-03-03"


def test_a_breadcrumb_run_into_a_repeated_headline_and_a_text_without_headline(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Home Business Port Deal Signed After Long Talks\n\nPort Deal Signed After Long Talks\n\nLong Talks\n\n"
        "Ministers from both sides signed the port deal on Monday after two years of talks.\n"))
    assert furniture[:2] == [("section", "Home Business Port Deal Signed After Long Talks"),
                             ("headline", "Port Deal Signed After Long Talks")]
    assert meta["title"] == "Port Deal Signed After Long Talks"
    # a first paragraph of several sentences is running text (cut off by a blank line), not a headline
    _, meta, corpus = _page(tmp_path, (
        "Ministers from both sides signed the port deal on Monday, the state television said.  Unions said the deal "
        "would cost jobs at the\n\nport. No date was set for the next round of talks.\n\nAdvertisement\n"))
    assert meta["title"] is None and corpus.sentences["in_body"].iloc[0]


def test_a_dateline_crediting_the_paper_and_its_agencies_and_a_lead_closing_on_an_agency(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nKARACHI, (Harbour Post+APP/AFP) – Ministers from both sides met on "
        "Monday to discuss the port deal. The talks will resume next week.\n"))
    assert furniture[1] == ("dateline", "KARACHI, (Harbour Post+APP/AFP) –")
    assert meta["outlet"] == "Harbour Post" and meta["via"] == "Associated Press of Pakistan"
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nMinisters from both sides met on Monday to discuss the port deal, the "
        "state television reported, according to TASS.\n\nThe talks will resume next week, a statement said.\n"))
    assert meta["outlet"] is None and meta["via"] == "TASS"
    # a source named later in the story is a speaker's, not the story's
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nMinisters from both sides met on Monday to discuss the port deal.\n\n"
        "The talks will resume next week, according to TASS.\n"))
    assert meta["via"] is None


def test_a_place_and_a_colon_opening_the_story_is_its_dateline_but_speaker_labels_are_not(tmp_path):
    furniture, _, corpus = _page(tmp_path, (
        "Ministers meet over the port deal\n\nDamascus : Ministers from both sides met on Monday to discuss the port "
        "deal, Councilman Fred Bell said.\n\nThe talks will resume next week, Bell added.\n"))
    assert furniture[1] == ("dateline", "Damascus :")
    found = actors.mentions(corpus)
    # the place of a dateline is the city, not its government; a civic title is no part of a name
    assert ("Damascus", "damascus", "name") in set(zip(found["surface"], found["actor_id"], found["kind"]))
    assert set(found[found["surface"].str.contains("Bell")]["actor_id"]) == {"unlisted:fred-bell"}
    furniture, _, _ = _page(tmp_path, (
        "Briefing on the port deal\n\nMODERATOR: Good afternoon, everyone, and thank you for joining us today.\n\n"
        "JANE ROE: Thank you. The ministers met on Monday to discuss the port deal.\n"))
    assert "dateline" not in [kind for kind, _ in furniture]


@pytest.mark.parametrize("lead, tail, expected", [
    ("By Jane Roe, Reuters\n\n", "", {"author": "Jane Roe", "outlet": None, "via": "Reuters"}),
    ("By The Associated Press\n\n", "", {"author": None, "outlet": None, "via": "Associated Press"}),
    ("", "\n\nThis article first appeared on Harbour News.", {"author": None, "outlet": None, "via": "Harbour News"}),
    ("", "\n\n(With inputs from PTI)", {"author": None, "outlet": None, "via": "Press Trust of India"}),
    ("", "\n\n— Reuters", {"author": None, "outlet": None, "via": "Reuters"}),
    ("Harbour News Desk\n\n", "", {"author": None, "outlet": "Harbour News", "via": None}),
    ("", "\n\nReuters| Last Updated: Monday, March 4, 2019 - 15:55", {"via": "Reuters", "published": "2019-03-04"}),
    ("", "\n\nSource: PortWire2", {"via": "PortWire2"}),
    ("", "\n\n(Harbour TV with AFP and REUTERS)", {"outlet": "Harbour TV", "via": "Agence France-Presse"}),
    # a writer and paper byline, a copyright sign before the year, a dateline of two places
    ("By By Jane Roe / Harbour Press\n\n", "", {"author": "Jane Roe", "outlet": "Harbour Press", "via": None}),
    ("", "\n\n©2019 Harbour Times. All rights reserved", {"author": None, "outlet": "Harbour Times", "via": None}),
    ("KARACHI, Pakistan/LONDON (Reuters) - ", "", {"author": None, "outlet": "Reuters", "via": None}),
    # an agency byline with the date after a bar, a closing credit line, a correspondent's line naming the channel
    # and the city filed from, the publisher's own dateline with a desk before a colon
    ("By AFP | Published: 4th March 2019 10:15 AM |\n\n", "",
     {"author": None, "outlet": None, "via": "Agence France-Presse", "published": "2019-03-04"}),
    ("", "\n\nWith additional reporting from Reuters", {"outlet": None, "via": "Reuters"}),
    ("Jane Roe\nHarbour TV, Tripoli\n\n", "", {"outlet": "Harbour TV", "via": None}),
    ("Harbour Press/World: ", "", {"outlet": "Harbour Press", "via": None}),
])
def test_credits_in_bylines_desk_lines_datelines_and_closing_lines(tmp_path, lead, tail, expected):
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\n" + lead + "Ministers from both sides met on Monday to discuss the port "
        "deal, officials said.\n\nThe talks will resume next week." + tail + "\n"))
    assert {k: meta[k] for k in expected} == expected


def test_a_dateline_pooling_several_agencies_names_no_outlet(tmp_path):
    # a story credited to two agencies was put together by a third publisher: both are sources, neither the outlet
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nAMMAN/BEIRUT (REUTERS, AFP) – Ministers from both sides met on "
        "Monday to discuss the port deal. The talks will resume next week.\n"))
    assert meta["outlet"] is None and meta["via"] == "Reuters"
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nBEIRUT (Reuters) – Ministers from both sides met on "
        "Monday to discuss the port deal. The talks will resume next week.\n"))
    assert meta["outlet"] == "Reuters" and meta["via"] is None


def test_national_news_agencies_in_a_dateline_a_bracketed_acronym_and_a_bar_credit_line(tmp_path):
    """A state agency's dateline with a date in it names the outlet, "the X Agency (ABC) reported" the via, and a
    credit line of cells with a labelled date ("Agency | City | Updated: ...") the via (pages written for the test)."""
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nBy Jane Roe\n\nDOHA, Nov 9 (KUNA) -- Ministers from both sides met on "
        "Thursday to discuss the port deal. The talks will resume next week.\n"))
    assert meta["outlet"] == "Kuwait News Agency" and meta["via"] is None and meta["author"] == "Jane Roe"
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal at a session in Geneva, the Saudi Press Agency (SPA) reported. The talks "
        "will resume next week, a minister said.\n"))
    assert meta["via"] == "Saudi Press Agency" and meta["outlet"] is None
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nReuters | Geneva | Updated: 04-12-2023 14:26 IST | Created: 04-12-2023 "
        "14:15 IST\n\nMinisters from both sides met on Monday to discuss the port deal, the news agency WAFA "
        "reported.\n"))
    assert meta["via"] == "Reuters" and meta["outlet"] is None



@pytest.mark.parametrize("text, expected", [
    # an agency's dateline naming the agency before the place and the date
    ("Ministers meet over the port deal\n\nANF – Harbourtown 21.05.2016 – Ministers from both sides met on Tuesday to "
     "discuss the port deal. The talks will resume next week.\n",
     {"outlet": "Firat News Agency", "published": "2016-05-21"}),
    # a line under the headline crediting an agency after the place
    ("Ministers meet over the port deal\n\nGENEVA – Anadolu Agency\n\nMinisters from both sides met on Monday to "
     "discuss the port deal, officials said. The talks will resume next week.\n",
     {"via": "Anadolu Agency", "outlet": None}),
    # a bracketed agency closing a paragraph of a post
    ("Ministers meet over the port deal\n\nThe minister said that the talks on the port deal should continue and both "
     "sides should return to the table. (Sputnik)\n\nThe talks will resume next week, a diplomat said.\n",
     {"via": "Sputnik"}),
    # a photo caption between the date line and "CITY - " opening the story is no body: its credit is no source
    ("Port talks resume as ministers meet\n\nMonday 18/03/2019\n\nMinisters walk past the harbour before the talks in "
     "the port of Harbourtown on March 17. (Reuters)\n\nGENEVA - Ministers from both sides met on Monday to discuss "
     "the port deal. The talks will resume next week, officials said.\n",
     {"via": None, "published": "2019-03-18"}),
    # a publisher credit under the headline, with any -ly adverb
    ("Port talks resume as ministers meet\n\nThis story initially appeared on The Harbour Line.\n\nMinisters from both "
     "sides met on Monday to discuss the port deal. The talks will resume next week, officials said.\n",
     {"via": "The Harbour Line"}),
])
def test_agency_credits_of_real_layouts(tmp_path, text, expected):
    """Credits and date lines of pages written for the test, in the layouts of agencies, papers copying them and
    blogs."""
    _, meta, _ = _page(tmp_path, text)
    assert {k: meta[k] for k in expected} == expected


def test_an_agency_named_bare_after_the_place_of_a_title_case_dateline_is_the_outlet(tmp_path):
    _, meta, corpus = _page(tmp_path, (
        "Ministers meet over the port deal\n\nSanaa, SABA – Ministers from both sides met on Monday to discuss the "
        "port deal. The talks will resume next week.\n"))
    assert meta["outlet"] == "Saba News Agency" and meta["via"] is None
    assert corpus.sentences["text"].iloc[1] == "Sanaa, SABA –"
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nWashington, DC – Ministers from both sides met on Monday to discuss the "
        "port deal. The talks will resume next week.\n"))
    assert meta["outlet"] is None and meta["via"] is None  # a place's abbreviation names no outlet


def test_a_known_outlet_bracketed_at_the_end_of_the_headline_is_the_via(tmp_path):
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal (Reuters)\n\nMinisters from both sides met on Monday to discuss the "
        "port deal. The talks will resume next week.\n"))
    assert meta["title"] == "Ministers meet over the port deal" and meta["via"] == "Reuters"
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal (Video)\n\nMinisters from both sides met on Monday to discuss the "
        "port deal. The talks will resume next week.\n"))
    assert meta["title"] == "Ministers meet over the port deal (Video)" and meta["via"] is None


def test_a_caption_closed_by_a_picture_qualifier_and_a_glued_credit_is_no_title(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Ships in the port (illustration)\nShips in the port (illustration)Shutterstock\n\n"
        "Ministers from both sides met on Monday to discuss the port deal. The talks will resume next week.\n"))
    assert furniture[0] == ("caption", "Ships in the port (illustration)") and meta["title"] is None
    furniture, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nShips in the port (file photo)\n\nMinisters from both sides met on "
        "Monday to discuss the port deal. The talks will resume next week.\n"))
    assert ("caption", "Ships in the port (file photo)") in furniture
    assert meta["title"] == "Ministers meet over the port deal"


@pytest.mark.parametrize("opening, outlet", [
    ("KABUL (Harbour Post) - ", "Harbour Post"), ("Kabul (HP)- ", "HP"), ("Aden, March 3 (Harbour Post) – ", "Harbour Post"),
    ("Kabul (Reuters) - ", "Reuters"), ("KABUL (Reuters, AFP) - ", None)])
def test_a_wire_dateline_crediting_one_unknown_name_names_its_publisher(tmp_path, opening, outlet):
    _, meta, corpus = _page(tmp_path, (
        "Ministers meet over the port deal\n\n" + opening + "Ministers from both sides met on Monday to discuss the "
        "port deal. The talks will resume next week.\n"))
    assert meta["outlet"] == outlet
    assert corpus.sentences["kind"].iloc[1] == "dateline"


@pytest.mark.parametrize("prompt", [
    "Get the latest news delivered to your inbox", "Never miss a story: subscribe to our daily newsletter",
    "Stay informed with our daily digest"])
def test_a_line_offering_the_sites_mailings_is_no_title(tmp_path, prompt):
    furniture, meta, _ = _page(tmp_path, (
        prompt + "\n\nMinisters meet over the port deal\n\nMinisters from both sides met on Monday to discuss the "
        "port deal. The talks will resume next week.\n"))
    assert furniture[0] == ("promo", prompt) and meta["title"] == "Ministers meet over the port deal"


@pytest.mark.parametrize("opening, outlet, published", [
    ("HarbourWatch, August 18, 2016— ", "HarbourWatch", "2016-08-18"), ("HarbourWatch – ", "HarbourWatch", None),
    ("Harbour Times, 18 August 2016 - ", "Harbour Times", "2016-08-18"), ("Tarvan, August 18, 2016 – ", None, "2016-08-18"),
    ("MacDonald – ", None, None)])
def test_a_name_and_a_full_date_before_a_dash_date_the_story_and_a_web_name_is_its_publisher(tmp_path, opening, outlet,
                                                                                              published):
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\n" + opening + "Ministers from both sides met on Monday to discuss the "
        "port deal. The talks will resume next week.\n"))
    assert (meta["outlet"], meta["published"]) == (outlet, published)


def test_a_page_title_with_the_sites_name_after_a_dash_gives_title_and_outlet(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal - HARBOURNEWS\n\nBreaking\n\nMinisters meet over the port deal\n\n"
        "Ministers from both sides met on Monday to discuss the port deal. The talks will resume next week.\n"))
    assert meta["title"] == "Ministers meet over the port deal" and meta["outlet"] == "HARBOURNEWS"
    _, meta, _ = _page(tmp_path, (  # a dash inside a headline that the page does not repeat is the headline's own
        "Port deal - the talks resume\n\nMinisters from both sides met on Monday to discuss the port deal. The talks "
        "will resume next week.\n"))
    assert meta["title"] == "Port deal - the talks resume" and meta["outlet"] is None


def test_a_feed_footer_naming_where_the_post_appeared_first_is_the_via(tmp_path):
    furniture, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nMinisters from both sides met on Monday to discuss the port deal. The "
        "talks will resume next week.\n\nThe post Ministers meet over the port deal appeared first on Harbour Minute.\n"))
    assert furniture[-1][0] == "source_line" and meta["via"] == "Harbour Minute"


def test_a_state_before_news_agency_makes_no_agency_name(tmp_path):
    _, meta, _ = _page(tmp_path, (
        "Ministers meet over the port deal\n\nMinisters from both sides met on Monday to discuss the port deal.\n\n"
        "The DW Germany news agency reported that the talks will resume next week.\n"))
    assert meta["via"] is None


def test_a_sections_name_before_a_bar_opening_a_long_headline_is_no_part_of_the_title(tmp_path):
    _, meta, _ = _page(tmp_path, (
        "Harbour | Ministers meet over the port deal after a week of talks\n\nMinisters from both sides met on Monday "
        "to discuss the port deal. The talks will resume next week.\n"))
    assert meta["title"] == "Ministers meet over the port deal after a week of talks"
