"""Stage 2 — cleaning: paragraphs, headings, dropped lines, repairs, sentences.

Sets: SEEDS, PARAGRAPHS, REPAIRS, SENTENCES, REGRESSIONS, HEADING_REGRESSIONS; plus a Hypothesis
property test (cleaning arbitrary text never raises; offsets are exact)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.clean import clean_document, clean_text, repair_text, split_sentences
from extractor.model import Document
from extractor.read import read_file

# --------------------------------------------------------------------------- SEEDS

SEEDS = [
    # prefix, [(number, marking)], [(number, heading)] spot checks
    ("000_", [("1", "SBU"), ("2", "C"), ("3", "SBU"), ("4", "SBU"), ("5", "SBU"), ("6", "SBU"), ("7", "SBU"),
              ("8", "C"), ("9", "C"), ("10", "C"), ("11", "C"), ("12", "C"), ("13", "SBU"), ("14", "C"),
              ("15", "C"), ("16", "C"), ("17", "C"), ("18", "SBU")],
     [("1", ""), ("2", "Merida Initiative"), ("3", "Cooperation on Semi-Submersible Intercept"),
      ("15", "HALCON"), ("18", "Weapons Smuggling")]),
    ("004_", [("1", ""), ("2", "C"), ("3", "C"), ("4", "SBU"), ("5", "SBU"), ("6", "SBU"), ("7", "SBU"),
              ("8", "SBU"), ("9", "SBU"), ("10", "SBU"), ("11", "SBU"), ("12", "SBU"), ("13", "SBU"),
              ("14", "SBU"), ("15", "SBU"), ("16", "SBU")],
     [("1", ""), ("2", "Interior Secretary, Staff Discuss New Intel Center"),
      ("11", "Attorney General Lauds Improved Law Enforcement Relationship and Outlines Its Results")]),
]


def _clean_seed(seeds_dir: Path, prefix: str) -> Document:
    path = next(seeds_dir.glob(prefix + "*"))
    return clean_document(read_file(path, seeds_dir)[0])


@pytest.mark.parametrize("prefix,markings,headings", SEEDS)
def test_seed_paragraphs(seeds_dir: Path, prefix: str, markings: list[tuple[str, str]],
                         headings: list[tuple[str, str]]) -> None:
    doc = _clean_seed(seeds_dir, prefix)
    assert doc.status == "ok"
    assert [(p.number, p.marking) for p in doc.paragraphs] == markings
    by_number = {p.number: p for p in doc.paragraphs}
    assert [(n, by_number[n].heading) for n, _ in headings] == headings
    texts = [p.text for p in doc.paragraphs]
    assert len(texts) == len(set(texts))
    joined = "\n".join(texts)
    for junk in ("Scoop", "World Headlines", "More>>", "VZCZC", "SIPDIS", "E.O. 12958", "TAGS", "SUBJECT",
                 "Classified By", "OF 004", "OF 003", "GARZA", "Classified Web Site", "DEPARTMENT FOR INL"):
        assert junk not in joined


def test_seed_000_body_occurs_once(seeds_dir: Path) -> None:
    doc = _clean_seed(seeds_dir, "000_")
    joined = "\n".join(p.text for p in doc.paragraphs)
    assert joined.count("Department of Homeland Security (DHS) Michael Chertoff met") == 1
    assert doc.raw_text.count("Department of Homeland Security (DHS) Michael") == 2  # raw_text untouched


SEED_TEXT = [
    # prefix, paragraph number, expected substring of the cleaned paragraph text
    ("000_", "1", "He attended the GOM's National Security Council meeting on July 18"),
    ("000_", "6", "improves security for both nations. GOM counterparts echoed"),  # across a page break
    ("000_", "7", 'his "Platform Mexico" command center - a state of the art facility'),
    ("000_", "10", 'to avoid an "irrational reaction" by the U.S.'),
    ("000_", "18", 'confiscated 16,000 weapons over the past year, but that the Federal Police still find themselves '
                   '"outgunned" by the cartels.'),
    ("004_", "1", "Summary: On October 30, Deputy Secretary Negroponte"),
    ("004_", "9", 'the establishment of "Plataforma Mexico," the billion-dollar scheme'),
    ("004_", "16", "hold seized contraband in the U.S."),
]


@pytest.mark.parametrize("prefix,number,expected", SEED_TEXT)
def test_seed_text(seeds_dir: Path, prefix: str, number: str, expected: str) -> None:
    doc = _clean_seed(seeds_dir, prefix)
    paragraph = next(p for p in doc.paragraphs if p.number == number)
    assert expected in paragraph.text


# --------------------------------------------------------------------------- PARAGRAPHS

PARAGRAPHS = [
    # raw telegram text, [(number, marking, heading, text)]
    ("C O N F I D E N T I A L SECTION 01 OF 02 MEXICO 001234\n\nSIPDIS\n\nDEPARTMENT FOR INL\n"
     "E.O. 12958: DECL: 07/23/2027\nTAGS: PREL\nSUBJECT: A SUBJECT\nTHAT WRAPS\n\n"
     "Classified By: Someone. Reason:\n1.4 (b),(d).\n\n1. (C) First para\ncontinues.\n\n"
     "Second Heading\n2. (SBU) Second\nMEXICO 00001234 002 OF 002\npara.\n",
     [("1", "C", "", "First para continues."), ("2", "SBU", "Second Heading", "Second para.")]),
    # dash-boxed heading, ¶ marks, S/NF marking, a mark without a space
    ("-------\nSUMMARY\n-------\n\n¶1. (S/NF) Summary text. END SUMMARY.\n\n------------\nPOLITICS\n------------\n\n"
     "¶2.(C)Text two.\n\n¶3. (C) Text three.\n",
     [("1", "S/NF", "SUMMARY", "Summary text. END SUMMARY."), ("2", "C", "POLITICS", "Text two."),
      ("3", "C", "POLITICS", "Text three.")]),
    # unnumbered paragraphs split on blank lines, leading marking kept as marking
    ("UNCLAS HELSINKI 000374\n\nSUBJECT: X\n\n(SBU) Poloff delivered points\non August 12.\n\n"
     "She stated that the FM met Lavrov.\n",
     [("", "SBU", "", "Poloff delivered points on August 12."), ("", "", "", "She stated that the FM met Lavrov.")]),
    # a numbered paragraph keeps its later blocks (bullets); the sender's name is dropped
    ("1. (C) Points:\n\n-- one point;\n\n-- another point.\n\nSMITH\n",
     [("1", "C", "", "Points:\n-- one point;\n-- another point.")]),
    # a heading underlined on the same line
    ("1. (C) One.\n\nArticle 98 Negotiations -----------------------\n\n2. (C) Two.\n",
     [("1", "C", "", "One."), ("2", "C", "Article 98 Negotiations", "Two.")]),
    # a body that a file holds twice yields each paragraph once
    ("1. (C) Alpha text here.\n2. (C) Beta text here.\nGARZA\nSIPDIS\nTAGS: X\n1. (C) Alpha text here.\n"
     "2. (C) Beta text here.\n",
     [("1", "C", "", "Alpha text here."), ("2", "C", "", "Beta text here.")]),
    # a "12." that does not continue the numbering is text, not a paragraph
    ("1. (C) The cost rose to\n12. percent of GDP.\n2. (C) Next.\n",
     [("1", "C", "", "The cost rose to 12. percent of GDP."), ("2", "C", "", "Next.")]),
    # all capitals
    ("UNCLAS MEXICO 000001\n\nSUBJECT: ALL CAPS\n\n1. THE MINISTER ARRIVED ON JULY 5. HE MET THE\nAMBASSADOR.\n\n"
     "2. THE U.S. DELEGATION LEFT. END TEXT.\n",
     [("1", "", "", "THE MINISTER ARRIVED ON JULY 5. HE MET THE AMBASSADOR."),
      ("2", "", "", "THE U.S. DELEGATION LEFT. END TEXT.")]),
]


@pytest.mark.parametrize("raw,expected", PARAGRAPHS)
def test_paragraphs(raw: str, expected: list[tuple[str, str, str, str]]) -> None:
    got = [(p.number, p.marking, p.heading, p.text) for p in clean_text(raw)]
    assert got == expected


# --------------------------------------------------------------------------- REPAIRS

REPAIRS = [
    ("the GOM,s National Security Council", "the GOM's National Security Council"),
    ("Mexico,s, and Calderon,s push", "Mexico's, and Calderon's push"),
    ("a, b, and c,s are letters", "a, b, and c's are letters"),  # letter + ",s" + boundary
    ("to avoid an &irrational reaction8 by the U.S.", 'to avoid an "irrational reaction" by the U.S.'),
    ("the establishment of &Plataforma Mexico,8 the", 'the establishment of "Plataforma Mexico," the'),
    ("AT&T and R&D stay", "AT&T and R&D stay"),
    ("&in 2008 the8 plan", '"in 2008 the" plan'),
    ("command center ) a state of the art", "command center - a state of the art"),
    ("program )- and hoped", "program - and hoped"),
    ("(dry-foot policy) and", "(dry-foot policy) and"),
    ("Grupo   MEXICO 00002187 002 OF 005    Bursatil Mexicano", "Grupo Bursatil Mexicano"),
    ("Ambassador SIPDIS said", "Ambassador said"),
]


@pytest.mark.parametrize("raw,expected", REPAIRS)
def test_repairs(raw: str, expected: str) -> None:
    assert repair_text(raw) == expected


# --------------------------------------------------------------------------- SENTENCES

SENTENCES = [
    ("He met Gen. Galvan and Adm. Saynez on Jan. 5. The U.S. Embassy agreed.",
     ["He met Gen. Galvan and Adm. Saynez on Jan. 5.", "The U.S. Embassy agreed."]),
    ("Classified by Counselor Charles V. Barclay. He left.",
     ["Classified by Counselor Charles V. Barclay.", "He left."]),
    ("Dr. Smith, i.e. the envoy, met Sen. Jones and Rep. Lee. E.O. 12958 applies.",
     ["Dr. Smith, i.e. the envoy, met Sen. Jones and Rep. Lee.", "E.O. 12958 applies."]),
    ("Mr. and Mrs. Ruiz met Ms. Vega, Lt. Col. Diaz of Acme Corp. and Foo Inc. in Sept. 2008.",
     ["Mr. and Mrs. Ruiz met Ms. Vega, Lt. Col. Diaz of Acme Corp. and Foo Inc. in Sept. 2008."]),
    ("It was sent to the U.N. Security Council. No. 5 was next.",
     ["It was sent to the U.N. Security Council.", "No. 5 was next."]),
    ("prosecution in the U.S. In response, he left.", ["prosecution in the U.S.", "In response, he left."]),
    ('He called MI "the biggest step forward since NAFTA." The Foreign Relations Secretariat agreed.',
     ['He called MI "the biggest step forward since NAFTA."', "The Foreign Relations Secretariat agreed."]),
    ("THE MINISTER ARRIVED. HE SAID NO. 5 WAS OK.", ["THE MINISTER ARRIVED.", "HE SAID NO. 5 WAS OK."]),
    ("Costs rose 2.5 percent. Why? Nobody knows!", ["Costs rose 2.5 percent.", "Why?", "Nobody knows!"]),
    ("Points:\n-- one point;\n-- another point.", ["Points:", "-- one point;", "-- another point."]),
    # regression: a list whose lines the cleaner joined is still one item per sentence (07ALGIERS1809);
    # a dash after a word or a comma is a clause, not an item
    ("The list shows the tactics: -- Summer 2006: ambushes; -- October 2006: car bombs. The coup -- in 1980 -- "
     "failed; it was bad, -- he said.",
     ["The list shows the tactics: -- Summer 2006: ambushes;", "-- October 2006: car bombs.",
      "The coup -- in 1980 -- failed; it was bad, -- he said."]),
    ("the (U.S.) plan. (Note: see below.) End.", ["the (U.S.) plan.", "(Note: see below.)", "End."]),
    # regression: an abbreviation at the start of a line was read with the line before (09MEXICO193)
    ("SEDENA and SEMAR took measures.\nU.S. Personnel and Institutions Targets?",
     ["SEDENA and SEMAR took measures.", "U.S. Personnel and Institutions Targets?"]),
]


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_long_run_on_sentence_is_bounded() -> None:
    text = "word " * 5000
    sentences = split_sentences(text)
    assert len(sentences) > 1 and all(len(s.text) <= 1200 for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)


# --------------------------------------------------------------------------- REGRESSIONS

TABLE_AFTER_RULE = (
    "¶2. (C) SEDENA estimates a total of\napproximately 10,700 intentional homicides.\n\n"
    "(S/NF) Table I: Organized Crime-Related Killings, By Year*\n--------------------------------------------- ----------\n"
    "2005 1855\n2006 2489\n----------------------------------------\n*Source: SEDENA\n\n"
    "(S/NF) Table II: 2008 OC-Related Killings, By Month*\n--------------------------------------------- -----\n"
    "Jan 282\nFeb 283\n--------------------------------------------- ------\n*Source: SEDENA\n\n"
    "------------------------------------------\nSpike in Violence Concentrated at the Border\n"
    "------------------------------------------\n\n¶3. (C) Violence continued.\n")
BLANK_IN_SENTENCE = (
    "¶10. (S) The\nBolivarian Congress was also attended by three Basque\n\nHomeland and Freedom (ETA) members from "
    "Spain.  A video\naddress by Raul Reyes was played.\n\nQUITO BOLIVARIAN CONGRESS TIES TO FARC\n\n¶11. (S) Next.\n")
PARTICIPANTS = (
    "¶2. (U) Participants:\n\nU.S.\n---\n\n¶R. Nicholas Burns, U/S for Political Affairs\nAmbassador William B. Wood\n\n"
    "Colombia\n--------\n\nAlvaro Uribe Velez, President\nCamilo Ospina, Minister of Defense\n\n-------\nSummary\n"
    "-------\n\n¶3. (S) During a warm, productive and candid meeting, U/S Burns told President Uribe.\n")
QUESTION_HEADINGS = (
    "¶11. (S/NF) SEDENA and SEMAR have instructed regional commanders to\nreduce the risk of future incidents.\n\n"
    "----------------------------------------\nU.S. Personnel and Institutions Targets?\n"
    "----------------------------------------\n\n¶12. (C) We have observed a significant up-tick in threats.\n\n"
    "¶13. (C) Next.\n\nWHAT CAN THE UNITED STATES DO?\n\n¶14. (C) Last.\n")

REGRESSIONS = [
    # (raw telegram, [(number, text)]) — bugs found on the shared corpus
    # a page break between blank lines in the middle of a sentence (07AMMAN4693)
    ("1. (C) Nueimi is also\n\nAMMAN 00004693 004 OF 007\n\n\nvice president of the Center.\n",
     [("1", "Nueimi is also vice president of the Center.")]),
    # WikiLeaks turned "November\n25." into "¶25." (07AMMAN4693)
    ("¶1. (U) The cabinet was sworn in on November\n¶25. Bios follow.\n¶2. (C) Next.\n",
     [("1", "The cabinet was sworn in on November 25. Bios follow."), ("2", "Next.")]),
    # double-spaced cable: one blank line is a line break, two end a paragraph (05BUENOSAIRES496)
    ("".join(f"{i}. (C) Line one of para {i}\n\ncontinues on line two\n\nand ends here.\n\n\n" for i in range(1, 13)),
     [(str(i), f"Line one of para {i} continues on line two and ends here.") for i in range(1, 13)]),
    # flattened header: SUBJECT, REF, Classified By and the text on one line (09CAIRO1229)
    ("SUBJECT: INTERIOR MINISTRY EAGER REF: A. CAIRO 892 B. CAIRO 694 Classified By: Acting DCM Haynes Mahoney "
     "for reason 1.4 (b). (C) In a June 30 meeting with Interior Ministry officials, the Acting DCM urged a "
     "positive response. SCOBEY\n",
     [("", "In a June 30 meeting with Interior Ministry officials, the Acting DCM urged a positive response. "
           "SCOBEY")]),
    # the database record repeated before the text (tab-separated, backslash-continued lines)
    ("VZCZCXRO1\nFM AMEMBASSY BERN\n\n75837\t2006-08-23 08:46:00\t06BERN1553\tEmbassy Bern\tCONFIDENTIAL\t\t"
     "VZCZCXRO8379\\\nFM AMEMBASSY BERN\tC O N F I D E N T I A L BERN 001553 \\\n \\\n1.(SBU) Summary text.\\\n",
     [("1", "Summary text.")]),
    # the database record as plain lines, after a truncated first copy
    ("C O N F I D E N T I A L THE HAGUE 001049\n\nSUBJECT: NETHER...\n\n\n16331\n\n2004-04-26\n\n04THEHAGUE1049\n\n"
     "Embassy The Hague\n\nCONFIDENTIAL\n\n\n\nC O N F I D E N T I A L THE HAGUE 001049\n\n"
     "SUBJECT: NETHERLANDS AND THE TIP - TIER ONE\n\n¶1. (C) Mr. Secretary: You will shortly receive it.\n",
     [("1", "Mr. Secretary: You will shortly receive it.")]),
    # a truncated copy of a paragraph and its full text count once
    ("¶1. (C) The minister told the Ambassador that the talks were frank and...\n\n"
     "¶1. (C) The minister told the Ambassador that the talks were frank and productive.\n",
     [("1", "The minister told the Ambassador that the talks were frank and productive.")]),
    # "(U) Classified by" and "E.O. 12958" inside the classification line (04ANKARA7106)
    ("SUBJECT: X\n\n(U) Classified by CDA Robert Deutsch; reasons: E.O. 12958 1.4\n(a,b,c,d).\n\n¶1. (S/NF) Text.\n",
     [("1", "Text.")]),
    # the reason of "Classified By" wrapped onto a short second line (07ASMARA850)
    ("Classified By: Ambassador X for reasons 1.4 (b)\nand (d).\n\n1. (C) Text.\n", [("1", "Text.")]),
    # "=====CABLE ENDS=====" and the signature before it are not text (04BOGOTA2313)
    ("1. (C) Text.\n\nWOOD\n\n=======================CABLE ENDS============================\n", [("1", "Text.")]),
    # a dump's trailing backslashes are not text (06BERN1280)
    ("1. (C) Text \\\nagain. \\\nURBAN \\", [("1", "Text again.")]),
    # form fields are text, not headings (10CAIRO108)
    ("1. (U) Candidates follow.\n\nRank/Name: COL Mohamed Khadous\n\nDOB: 9/15/1962\n",
     [("1", "Candidates follow.\nRank/Name: COL Mohamed Khadous\nDOB: 9/15/1962")]),
    # a table row under a rule is no heading, no row is lost, rows keep their lines (09MEXICO193)
    (TABLE_AFTER_RULE,
     [("2", "SEDENA estimates a total of approximately 10,700 intentional homicides."),
      ("", "Table I: Organized Crime-Related Killings, By Year*\n2005 1855\n2006 2489\n*Source: SEDENA"),
      ("", "Table II: 2008 OC-Related Killings, By Month*\nJan 282\nFeb 283\n*Source: SEDENA"),
      ("3", "Violence continued.")]),
    # a blank line inside a sentence is no paragraph break (08QUITO228)
    (BLANK_IN_SENTENCE,
     [("10", "The Bolivarian Congress was also attended by three Basque Homeland and Freedom (ETA) members from "
             "Spain. A video address by Raul Reyes was played."), ("11", "Next.")]),
    # a body on one line: split before each numbered paragraph, the sender's name dropped (05DUBLIN143, 08CAIRO2210)
    ("¶7. (C) The GOI's all-out verbal offensive against Sinn Fein has tongues wagging about domestic politics. "
     "Martin Mansergh said no party could make progress north or south of the Border until the IRA is off the "
     "pitch.\u201d 8. (C) Another idea sporadically under consideration is that Fianna Fail could stand candidates "
     "in Northern Ireland. Mooney provides campaign advice to SDLP. He said that Arab states' support of the GOI "
     "will be critical once the SOFA agreement is finalized. SCOBEY\n",
     [("7", "The GOI's all-out verbal offensive against Sinn Fein has tongues wagging about domestic politics. "
            "Martin Mansergh said no party could make progress north or south of the Border until the IRA is off the "
            "pitch.\u201d"),
      ("8", "Another idea sporadically under consideration is that Fianna Fail could stand candidates in Northern "
            "Ireland. Mooney provides campaign advice to SDLP. He said that Arab states' support of the GOI will be "
            "critical once the SOFA agreement is finalized.")]),
    # prose after a header line is no addressing line of a lower-cased header (08BUENOSAIRES1635)
    ("REF: STATE 103810\n\nThis cable contains draft-sensitive information.  Not for internet\n"
     "distribution until fully cleared.\n\n¶1. (C) Text.\n",
     [("", "This cable contains draft-sensitive information. Not for internet distribution until fully cleared."),
      ("1", "Text.")]),
    # a lone number line ends a wrapped sentence; it is no table row (05PARIS7360)
    ("¶10. (C) He warned that Iraq\nwould descend into civil war if the U.S. left before\n2010-2012.\n",
     [("10", "He warned that Iraq would descend into civil war if the U.S. left before 2010-2012.")]),
    # a participants list is text of its paragraph, one item a line; a "¶" without number goes (05BOGOTA7402)
    (PARTICIPANTS,
     [("2", "Participants:\nU.S.\nR. Nicholas Burns, U/S for Political Affairs\nAmbassador William B. Wood\n"
            "Colombia\nAlvaro Uribe Velez, President\nCamilo Ospina, Minister of Defense"),
      ("3", "During a warm, productive and candid meeting, U/S Burns told President Uribe.")]),
    # a page break retyped in lower case, between blank lines mid-sentence (08ALGIERS787)
    ("¶3. (C) His son left in a boat with nine other passengers, ranging in age\nfrom 21 to 39. The manager of the\n"
     "\nAlgiers 00000787 002 of 004\n\n\nfirm, and a university graduate with computer skills.\n",
     [("3", "His son left in a boat with nine other passengers, ranging in age from 21 to 39. The manager of the "
            "firm, and a university graduate with computer skills.")]),
    # a lower-cased header: caveats, addressing, Tags and Ref lines are dropped (08KINSHASA189)
    ("S e c r e t section 01 of 02 kinshasa 000189\n\nSipdis\n\nNoforn\nsipdis\n\n"
     "Department for isn/ness dfenstermacher\naf/c\n\nE.o. 12958: decl: 02/22/2018\n"
     "Tags: emin, enrg, etrd, knnp, pgov, pinr, pins\nSubject: congolese uranium: gdrc looks to china for help\n\n"
     "Ref: 07 kinshasa 798\n\nClassified By: Acting DCM Craig Cloud for reasons 1.4 (b), (c), and (f)\n\n"
     "¶1. (S/NF) Summary: Minister X briefed the Ambassador.\n",
     [("1", "Summary: Minister X briefed the Ambassador.")]),
]


@pytest.mark.parametrize("raw,expected", REGRESSIONS)
def test_regressions(raw: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.number, p.text) for p in clean_text(raw)] == expected


HEADING_REGRESSIONS = [
    # (raw telegram, [(number, heading)])
    # table rows are never headings; the boxed heading after the table still is (09MEXICO193)
    (TABLE_AFTER_RULE, [("2", ""), ("", ""), ("", ""), ("3", "Spike in Violence Concentrated at the Border")]),
    # a boxed or lone question is a heading, not the end of the paragraph before (09MEXICO193, 05DUSHANBE1812)
    (QUESTION_HEADINGS, [("11", ""), ("12", "U.S. Personnel and Institutions Targets?"),
                         ("13", "U.S. Personnel and Institutions Targets?"), ("14", "WHAT CAN THE UNITED STATES DO?")]),
    # the capitals line after a paragraph broken by a blank line is still a heading (08QUITO228)
    (BLANK_IN_SENTENCE, [("10", ""), ("11", "QUITO BOLIVARIAN CONGRESS TIES TO FARC")]),
    # participants are no headings; the boxed "Summary" after them is (05BOGOTA7402)
    (PARTICIPANTS, [("2", ""), ("3", "Summary")]),
    # a heading is repaired like text; "3.." is paragraph 3 (10BAGHDAD167, 05PARIS4760)
    ("¶2. (C) He made a trip to Iran. End Summary.\n\nA new twist on &what happens in vegas, stays in vegas8\n"
     "--------------------------------------------- ---------\n¶3. (S) Sheikh X met us.\n\nFuture of the EU\n"
     "----------------\n3.. (SBU) All elections within Europe have an EU dimension.\n",
     [("2", ""), ("3", 'A new twist on "what happens in vegas, stays in vegas"'), ("3", "Future of the EU")]),
    # the publisher's date-time line before the banner is no heading (07KAMPALA1848)
    ("Thursday, 06 December 2007, 12:56\nS E C R E T SECTION 01 OF 02 KAMPALA 001848\nSIPDIS\n"
     "EO 12958 DECL: 06/18/17\n\n¶1. (S/NF) Summary: Post has considered reftel.\n", [("1", "")]),
    # the database record repeated after a ">" line (08KINSHASA189), also with a dotted date (09ABUJA2170):
    # its origin line is no heading
    ("S E C R E T KINSHASA 000189\n\n>\n2/22/2008 14:46\n08KINSHASA189\nEmbassy Kinshasa\nSECRET//NOFORN\n"
     "07KINSHASA798\nVZCZCXRO4862\nOO RUEHDU RUEHMR RUEHRN\nDE RUEHKI #0189/01 0531446\n\n"
     "¶1. (S/NF) Summary: Minister X briefed the Ambassador.\n", [("1", "")]),
    ("C O N F I D E N T I A L ABUJA 002170\n\n>\n12.02.2009 11:16\n09ABUJA2170\nEmbassy Abuja\nCONFIDENTIAL\n"
     "09ABUJA2100\nVZCZCXRO5095\nRR RUEHCN RUEHGH\n\n¶1. (C) Two officials volunteered it.\n", [("1", "")]),
]


@pytest.mark.parametrize("raw,expected", HEADING_REGRESSIONS)
def test_heading_regressions(raw: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.number, p.heading) for p in clean_text(raw)] == expected


def test_header_only_telegram_parses_to_no_paragraphs() -> None:
    """Its metadata is good, so the row is ``ok``; it just has nothing to extract."""
    doc = Document(doc_id="X", source_file="x.txt", raw_text="UNCLAS X 000001\n\nSIPDIS\n\nTAGS: PREL\nSUBJECT: X\n")
    doc = clean_document(doc)
    assert (doc.status, doc.error, doc.paragraphs) == ("ok", "", [])


def test_raw_text_is_not_changed(seeds_dir: Path) -> None:
    path = next(seeds_dir.glob("004_*"))
    doc = read_file(path, seeds_dir)[0]
    before = doc.raw_text
    assert clean_document(doc).raw_text == before


# --------------------------------------------------------------------------- properties

CABLE_ALPHABET = st.sampled_from(list("abcXYZ .,;:()&8)-¶\n\n\t0123456789'\"") +
                                 ["SIPDIS", "1. (C) ", "U.S.", "SUBJECT: ", "TAGS: ", "VZCZC", "E.O. 12958",
                                  " MEXICO 00001234 002 OF 004 ", "Classified By: ", "-----", "Gen.", "GOM,s ",
                                  "C O N F I D E N T I A L ", "\u2028", "é"])


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=400), st.lists(CABLE_ALPHABET, max_size=200).map("".join)))
def test_clean_never_raises_and_offsets_are_exact(text: str) -> None:
    doc = clean_document(Document(doc_id="x", source_file="x", raw_text=text))
    assert doc.status in {"ok", "error"}
    for paragraph in doc.paragraphs:
        assert paragraph.text.strip()
        previous_end = 0
        for sentence in paragraph.sentences:
            assert paragraph.text[sentence.start:sentence.end] == sentence.text
            assert sentence.start >= previous_end and sentence.text.strip() == sentence.text
            previous_end = sentence.end
    keys = [re.sub(r"[^a-z0-9]", "", p.text.lower()) for p in doc.paragraphs]
    assert len(keys) == len(set(keys))
