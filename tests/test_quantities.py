"""Why a number is not a quantity: the reasons of ``extractor.quantities.EXCLUSIONS``.

The reason a candidate is dropped is ``Quantity.excluded`` and, for a weak claim, ``Claim.rule``
("q:<reason>"): a feature of the learned decision. The checks are tried in order and the first
that holds names the reason, so these cases (real lines of the shared corpus) pin both the names
and the order.
"""

from __future__ import annotations

import pytest

from extractor.claims import extract_claims
from extractor.clean import split_sentences
from extractor.model import Document, Paragraph
from extractor.quantities import find_quantities


def _excluded(text: str, written: str) -> str:
    found = [q for q in find_quantities(text, keep_excluded=True) if text[q.start:q.end] == written]
    assert len(found) == 1, [(text[q.start:q.end], q.excluded) for q in find_quantities(text, keep_excluded=True)]
    return found[0].excluded


@pytest.mark.parametrize("text,written,reason", [
    ("201247Z Jan 04", "201247", "glued to a word"),  # 04ANKARA348
    ("McGEE 0 11/30/2007", "30", "part of a code or date"),  # 07HARARE1073
    ('Berlijn explained, however, that the program has stalled as the French have taken a "90 degree turn".',
     "90 degree", "figure of speech"),  # 05THEHAGUE2064
    ("Question 2:", "2", "part of a code, date or time"),  # 07TASHKENT2081
    ("A. Date and time of alarm: 29.12.2007 at 02:16:18 (Comment: This is probably an error that should "
     "read 29.11.2007.", "29.12", "version or section number"),  # 08TASHKENT43
    ("Warning fire: 0 d.", "0", "bare zero (a code, not a count)"),  # 06BRASILIA2002
    ("201247Z Jan 04", "04", "leading zero (reference or code)"),  # 04ANKARA348
    ("1.4 (b) and (d).", "1.4", "legal reference like 1.4 (b)"),  # 05MUSCAT679
    ("Fax- (965) 259-1190", "965", "phone number"),  # 06KUWAIT3201
    ("Iraq; (2) concrete U.S. actions against the PKK in Iraq; and (3) clear USG support for his government.",
     "2", "list marker"),  # 04ANKARA348
    ("-- 5) Regulate better: aggesively develop the initiative the Commission launched in 2002.",
     "5", "list marker"),  # 04BRUSSELS1868
    ("The Italian government official statement following the visit is contained in para 11 below.",
     "11", "label number"),  # 04ROME902
    ("ESDP ---- 5.", "5", "paragraph number"),  # 04BRUSSELS4944
    ("STATE 7443", "7443", "cable reference"),  # 08KUWAIT128
    # a post outside the old city list, and a list of references lettered a), b), c) (gold/train extras)
    ("b) PARAMARIBO 470 c) PARAMARIBO 444", "470", "cable reference"),  # 08PARAMARIBO242
    ("b) PARAMARIBO 470 c) PARAMARIBO 444", "444", "cable reference"),  # 08PARAMARIBO242
    ("Since March 17, 2003, doctors are allowed to prescribe their patients medicinal cannabis.",
     "17", "day of month"),  # 04THEHAGUE4
    ("I just spoke with Ben Bot and found him well-prepared for his February 9 visit to Washington.",
     "9", "day of month"),  # 04THEHAGUE281
    ("August 2006", "2006", "year"),  # 06TRIPOLI498
    ("Third Cycle: 2005-2035?", "2005-2035", "years"),  # 06PARIS2772
    ("B, (U) ACTIVITY DATE/TIME: July 27, 2004 at approximately 1250 hrs.", "1250 hrs",
     "time of day"),  # 04THEHAGUE1903
    # a bare 24-hour clock after "at" (gold/train extras)
    ("At approximately 2300, the Presidents each addressed the crowd and called for Georgians to unite.", "2300",
     "time of day"),  # 08TBILISI1372
    ("On August 12, Parliament convened a special session, and President Saakashvili led a rally at 1500 in front "
     "of Parliament on Rustaveli.", "1500", "time of day"),  # 08TBILISI1372
    # "UN 1267": a resolution's number, not a count
    ("The Information Secretary pleaded ignorance that UN 1267 sanctions applied to broadcast and print media.",
     "1267", "label number"),  # 06ISLAMABAD22174
    ("The Netherlands remains one of the world's largest producers of synthetic drugs.",
     "one", "pronoun one"),  # 04THEHAGUE4
    ("This message is a global one.", "one", "pronoun one"),  # 06LONDON5958
    ("Oil revenue accounts for about one third of the GOM budget.", "one", "fraction"),  # 06MEXICO2220
    ("Married, one child.", "one", "one as a determiner or pronoun"),  # 05ANKARA3199
    ("CHINA ARMS EMBARGO: MORE THAN ONE OPTION?", "ONE", "number inside a name"),  # 04THEHAGUE1833
    ("The NBB has transferred Djem-Bank's management rights for a three- month period to BelGazPromBank.",
     "three", "spelled number without a noun"),  # 05MINSK851
    ('"Syria wants a long-term dialogue, not 1,2,3,4," he said.', "2",
     "glued to punctuation (mangled quote)"),  # 07DAMASCUS389
    ("In practice, some prisons are forced to hold up to ten times their capacity.",
     "ten", "multiplier"),  # 08SAOPAULO56
    ("The vote was an overwhelming 96 to 14.", "96 to 14", "not a range (score or reversed)"),  # 05GUATEMALA659
    ("2005-11-28", "2005-11-28", "hyphenated adjective"),  # 05DUSHANBE1870
])
def test_exclusion_reason(text: str, written: str, reason: str) -> None:
    assert _excluded(text, written) == reason


@pytest.mark.parametrize("text,written", [
    ("The GOM seized 5.8 tons of cocaine on July 17.", "5.8 tons"),
    ("Approx. 1500 SIAs are filed annually.", "1500"),
])
def test_quantities_are_not_excluded(text: str, written: str) -> None:
    assert _excluded(text, written) == ""


def test_a_weak_claim_carries_the_exclusion_reason_as_its_rule() -> None:
    text = "The Netherlands remains one of the world's largest producers of synthetic drugs."
    paragraph = Paragraph(number="1", marking="", heading="", text=text, sentences=split_sentences(text))
    doc = Document(doc_id="04THEHAGUE4", source_file="04THEHAGUE4.txt", doc_date="2004-01-02", paragraphs=[paragraph])
    assert [(c.text, c.rule) for c in extract_claims(doc, weak=True)] == [("one", "q:pronoun one")]
    assert extract_claims(doc) == []


@pytest.mark.parametrize("text, written", [
    # a clock-like number that counts something stays a quantity
    ("They met at 1500 offices nationwide.", "1500"),
    ("The army deployed 2300 soldiers.", "2300"),
    ("Police arrested 1500 protesters at 1400 local time.", "1500"),
])
def test_clock_like_counts_stay(text, written):
    assert _excluded(text, written) == ""
