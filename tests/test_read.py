"""Stage 1 — reading: format detection, decoding and metadata.

Sets: SEEDS (the two project seeds), DECODING, DATES, TELEGRAM_METADATA,
FORMATS (each input format written by the test), REGRESSIONS."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractor.read import decode_bytes, discover, parse_date, read_file, telegram_metadata

# --------------------------------------------------------------------------- SEEDS

SEEDS = [
    # file prefix, doc_id, doc_date, origin, classification, subject, tags, dtg, format
    ("000_", "08MEXICO2276", "2008-07-24", "Embassy Mexico", "CONFIDENTIAL",
     "SECRETARY CHERTOFF AND GOM OFFICIALS DISCUSS SECURITY COOPERATION AND SHARED CHALLENGES",
     "PREL PGOV PHUM SNAR KCRM MX", "241258Z JUL 08", "cablegate-text"),
    ("004_", "07MEXICO6043", "2007-12-05", "Embassy Mexico", "CONFIDENTIAL",
     "Deputy Secretary Negroponte has Cordial Meetings", "", "052113Z DEC 07", "scraped-page"),
]


@pytest.mark.parametrize("prefix,doc_id,doc_date,origin,classification,subject,tags,dtg,fmt", SEEDS)
def test_seed_metadata(seeds_dir: Path, prefix: str, doc_id: str, doc_date: str, origin: str,
                       classification: str, subject: str, tags: str, dtg: str, fmt: str) -> None:
    path = next(seeds_dir.glob(prefix + "*"))
    docs = read_file(path, seeds_dir)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.status == "ok", doc.error
    assert (doc.doc_id, doc.doc_date, doc.origin, doc.classification) == (doc_id, doc_date, origin, classification)
    assert (doc.subject, doc.tags, doc.dtg, doc.format) == (subject, tags, dtg, fmt)
    assert doc.source_file == path.name


def test_scraped_page_boilerplate_is_not_in_the_telegram(seeds_dir: Path) -> None:
    doc = read_file(next(seeds_dir.glob("004_*")), seeds_dir)[0]
    for junk in ("Scoop", "World Headlines", "More>>", "Guterres"):
        assert junk not in doc.raw_text
    assert doc.raw_text.rstrip().endswith("Partnership Blog at /")


# --------------------------------------------------------------------------- DECODING

DECODING = [
    # bytes, expected text
    ("utf-8".encode(), "utf-8"),
    ("Mexico’s “plan”".encode("utf-8"), "Mexico’s “plan”"),
    (b"\xef\xbb\xbfIdentifier: X", "Identifier: X"),
    ("Identifier: é".encode("utf-16"), "Identifier: é"),
    ("Identifier: é".encode("utf-16-le"), "Identifier: é"),
    ("Mexico’s “plan” – done".encode("cp1252"), "Mexico’s “plan” – done"),
    ("Peña Nieto, Bogotá".encode("latin-1"), "Peña Nieto, Bogotá"),
    (b"caf\xc3\xa9 and one bad byte \xff here", "café and one bad byte \ufffd here"),
    (b"undefined in cp1252: \x81\x9d", "undefined in cp1252: \x81\x9d"),
]


@pytest.mark.parametrize("data,expected", DECODING)
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


# --------------------------------------------------------------------------- DATES

DATES = [
    ("2008-07-24 12:58", "2008-07-24"),
    ("2008-07-24 12:58:00", "2008-07-24"),
    ("12/28/2006 14:57", "2006-12-28"),
    ("8/9/2006 14:00", "2006-08-09"),
    ("R 241258Z JUL 08", "2008-07-24"),
    ("O 141611Z APR 09", "2009-04-14"),
    ("P 051717Z MAY 66", "1966-05-05"),
    ("2008-13-45", ""),  # impossible date
    ("2999-01-01", ""),  # in the future: not trusted
    ("R 3412XXZ FOO 08", ""),  # malformed DTG
    ("", ""),
]


@pytest.mark.parametrize("value,expected", DATES)
def test_parse_date(value: str, expected: str) -> None:
    assert parse_date(value) == expected


# --------------------------------------------------------------------------- TELEGRAM_METADATA

TELEGRAM_METADATA = [
    # telegram text, field, expected
    ("DE RUEHME #6043/01 3392113\nR 052113Z DEC 07\n\nC O N F I D E N T I A L SECTION 01 OF 03 MEXICO 006043\n",
     "doc_id", "07MEXICO6043"),
    ("DE RUEHTC #1739/01 2211400\nO 091400Z AUG 06\nFM AMEMBASSY THE HAGUE\n\nC O N F I D E N T I A L THE HAGUE 001739\n",
     "doc_id", "06THEHAGUE1739"),
    ("O 091400Z AUG 06\nFM AMEMBASSY THE HAGUE\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 6508\n", "origin", "Embassy The Hague"),
    ("P 091400Z AUG 06\nFM AMCONSUL MONTERREY\nTO RUEHC/SECSTATE WASHDC\n", "origin", "Consulate Monterrey"),
    ("R 091400Z AUG 06\nFM SECSTATE WASHDC\nTO ALL DIPLOMATIC POSTS\n", "origin", "Secretary of State"),
    ("VZCZC ZNY CCCCC ZZH R 241258Z JUL 08 FM AMEMBASSY MEXICO TO RUEHC/SECSTATE WASHDC 2695", "origin", "Embassy Mexico"),
    # no FM line: the routing indicator of a known post names the origin (seed 004), an unknown one nothing
    ("DE RUEHME #6043/01 3392113\nR 052113Z DEC 07\n\nC O N F I D E N T I A L SECTION 01 OF 03 MEXICO 006043\n",
     "origin", "Embassy Mexico"),
    ("DE RUEHZZ #6043/01 3392113\nR 052113Z DEC 07\n\nC O N F I D E N T I A L SECTION 01 OF 03 MEXICO 006043\n",
     "origin", ""),
    ("DE RUEHME #0512/01 0451812\nP 141812Z FEB 08\nFM AMCONSUL GUADALAJARA\nTO RUEHC/SECSTATE WASHDC\n",
     "origin", "Consulate Guadalajara"),
    ("UNCLAS SECTION 01 OF 02 MEXICO 001234\n", "classification", "UNCLASSIFIED"),
    ("S E C R E T STATE 012345\n", "classification", "SECRET"),
    ("SUBJECT: SECRETARY CHERTOFF AND GOM OFFICIALS DISCUSS\nSECURITY COOPERATION AND SHARED CHALLENGES\n"
     "Classified By: Political Minister Counselor Charles V. Barclay. Reason:\n1.4 (b),(d).\n",
     "subject", "SECRETARY CHERTOFF AND GOM OFFICIALS DISCUSS SECURITY COOPERATION AND SHARED CHALLENGES"),
    ("SUBJECT: SCENESETTER FOR PRESIDENT OBAMA'S VISIT TO MEXICO \nCITY, APRIL 16-17,2009 \n \nClassified By: X\n",
     "subject", "SCENESETTER FOR PRESIDENT OBAMA'S VISIT TO MEXICO CITY, APRIL 16-17,2009"),
    ("SUBJECT: FOO BAR\n1. (C) The minister said.\n", "subject", "FOO BAR"),
    ("SUBJECT: INTERIOR MINISTRY EAGER REF: A. CAIRO 892 Classified By: Acting DCM for reason 1.4 (b). (C) In a",
     "subject", "INTERIOR MINISTRY EAGER"),
    ("SUBJECT: NETHER...\n\n\nSUBJECT: NETHERLANDS AND THE TIP - TIER ONE \n\nCLASSIFIED BY X\n",
     "subject", "NETHERLANDS AND THE TIP - TIER ONE"),
    ("TAGS: PREL PGOV PHUM SNAR KCRM MX\n", "tags", "PREL PGOV PHUM SNAR KCRM MX"),
    ("TAGS PREL, PGOV, PTER, IZ, KU, SY, JO \n", "tags", "PREL PGOV PTER IZ KU SY JO"),
    ("REF: A. MONTERREY 101  B. 06 MEXICO 6413  C. 08 MEXICO 1840\n", "references",
     ["MONTERREY 101", "06MEXICO6413", "08MEXICO1840"]),
    ("REF: A. STATE 12345\n     B. 07 MEXICO 001234\n\n1. (C) Text.\n", "references", ["STATE 12345", "07MEXICO1234"]),
    ("ZNY CCCCC ZZH\nR 241258Z JUL 08\n", "dtg", "241258Z JUL 08"),
    ("ZNY CCCCC ZZH\nR 241258Z JUL 08\n", "classification", "CONFIDENTIAL"),
]


@pytest.mark.parametrize("text,field_name,expected", TELEGRAM_METADATA)
def test_telegram_metadata(text: str, field_name: str, expected: object) -> None:
    assert getattr(telegram_metadata(text), field_name) == expected


# --------------------------------------------------------------------------- FORMATS

CABLEGATE = """Identifier: 09MEXICO1055
Created: 2009-04-14 16:04
Released: 2011-03-02 12:12
Classification: CONFIDENTIAL//NOFORN
Origin: Embassy Mexico
Cable title: SCENESETTER FOR PRESIDENT OBAMA'S VISIT TO MEXICO
Tags: PGOV PREL PHUM SNAR KCRM MX

VZCZCXRO9431
DE RUEHME #1055/01 1041611
O 141611Z APR 09
FM AMEMBASSY MEXICO

C O N F I D E N T I A L SECTION 01 OF 04 MEXICO 001055
SUBJECT: SCENESETTER FOR PRESIDENT OBAMA'S VISIT TO MEXICO
CITY, APRIL 16-17,2009

1. (C) Text of the cable.
"""

BARE_TELEGRAM = """VZCZCXRO5103
RR RUEHCD RUEHGD
DE RUEHME #2276/01 2061258
ZNY CCCCC ZZH
R 241258Z JUL 08
FM AMEMBASSY MEXICO
TO RUEHC/SECSTATE WASHDC 2695

C O N F I D E N T I A L SECTION 01 OF 04 MEXICO 002276

E.O. 12958: DECL: 07/23/2027
TAGS: PREL PGOV
SUBJECT: SECRETARY CHERTOFF VISITS

1. (SBU) Secretary Chertoff visited Mexico July 17-18.
"""

CABLES_CSV = (
    '"1","12/28/2006 14:57","06MEXICO7101","Embassy Mexico","CONFIDENTIAL","06MEXICO7000|06STATE1234",'
    '"VZCZCXRO1\nR 281457Z DEC 06\nFM AMEMBASSY MEXICO","C O N F I D E N T I A L MEXICO 007101\n\n'
    'SUBJECT: FIRST CABLE\n\n1. (C) The ""first"" paragraph,\nwhich runs onto a second line.\n\n'
    '2. (U) Second paragraph."\n'
    '"2","2007-01-05 10:00","07BOGOTA12","Embassy Bogota","UNCLASSIFIED","",'
    '"","UNCLAS BOGOTA 000012\n\nTAGS: SNAR CO\nSUBJECT: SECOND CABLE\n\n1. Text two."\n'
    '"3","1/6/2007 9:00","07LIMA7","Embassy Lima","SECRET","","","S E C R E T LIMA 000007\n\n1. (S) Text three."\n'
)

WIKILEAKS_HTML = """<?xml version='1.0' encoding='utf-8' ?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x">
<html><head><title>Cable Viewer</title></head><body>
<div class='pane big'>
<h3>Viewing cable 08MEXICO2187, WHO ARE MEXICO'S WEALTHIEST BUSINESS LEADERS?   </h3>
<table class='cable'>
<tr><th>Reference ID</th><th>Created</th><th>Released</th><th>Classification</th><th>Origin</th></tr>
<tr><td><a href='/cable/2008/07/08MEXICO2187.html'>08MEXICO2187</a></td>
<td><a href='/date/2008-07_0.html'>2008-07-16 20:08</a></td>
<td><a href='/reldate/2011-02-14_0.html'>2011-02-14 12:12</a></td>
<td><a href='/classification/1_0.html'>CONFIDENTIAL</a></td>
<td><a href='/origin/68_0.html'>Embassy Mexico</a></td></tr>
</table>
<code><pre>VZCZCXRO9189&#x000A;DE RUEHME #2187/01 1982012&#x000A;P 162012Z JUL 08&#x000A;FM AMEMBASSY MEXICO</pre></code>
<code><pre>  C O N F I D E N T I A L SECTION 01 OF 05 MEXICO 002187 &#x000A;&#x000A;TAGS: <a href='/tag/ECON_0.html'>ECON</a> <a href='/tag/EINV_0.html'>EINV</a> <a href='/tag/MX_0.html'>MX</a>&#x000A;&#x000A;SUBJECT: WHO ARE MEXICO'S WEALTHIEST BUSINESS LEADERS?   &#x000A;&#x000A;<a id='par1' href='#par1'>¶</a>1. (SBU) Summary: Mexico &amp; its billionaires. End Summary. &#x000A;</pre></code>
</div></body></html>
"""

FORMATS = [
    # file name, content, [(doc_id, doc_date, origin, classification, subject, tags, format, source_file)]
    ("cable.txt", CABLEGATE, [("09MEXICO1055", "2009-04-14", "Embassy Mexico", "CONFIDENTIAL//NOFORN",
                               "SCENESETTER FOR PRESIDENT OBAMA'S VISIT TO MEXICO CITY, APRIL 16-17,2009",
                               "PGOV PREL PHUM SNAR KCRM MX", "cablegate-text", "cable.txt")]),
    ("noext", BARE_TELEGRAM, [("08MEXICO2276", "2008-07-24", "Embassy Mexico", "CONFIDENTIAL",
                               "SECRETARY CHERTOFF VISITS", "PREL PGOV", "telegram", "noext")]),
    # the extension lies: content decides
    ("looks.html", BARE_TELEGRAM, [("08MEXICO2276", "2008-07-24", "Embassy Mexico", "CONFIDENTIAL",
                                    "SECRETARY CHERTOFF VISITS", "PREL PGOV", "telegram", "looks.html")]),
    ("cables.csv", CABLES_CSV, [
        ("06MEXICO7101", "2006-12-28", "Embassy Mexico", "CONFIDENTIAL", "FIRST CABLE", "", "cables-csv", "cables.csv#1"),
        ("07BOGOTA12", "2007-01-05", "Embassy Bogota", "UNCLASSIFIED", "SECOND CABLE", "SNAR CO", "cables-csv",
         "cables.csv#2"),
        ("07LIMA7", "2007-01-06", "Embassy Lima", "SECRET", "", "", "cables-csv", "cables.csv#3"),
    ]),
    ("page.html", WIKILEAKS_HTML, [("08MEXICO2187", "2008-07-16", "Embassy Mexico", "CONFIDENTIAL",
                                    "WHO ARE MEXICO'S WEALTHIEST BUSINESS LEADERS?", "ECON EINV MX",
                                    "wikileaks-html", "page.html")]),
]


@pytest.mark.parametrize("name,content,expected", FORMATS, ids=[f[0] for f in FORMATS])
def test_formats(tmp_path: Path, name: str, content: str, expected: list[tuple[str, ...]]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    docs = read_file(path, tmp_path)
    got = [(d.doc_id, d.doc_date, d.origin, d.classification, d.subject, d.tags, d.format, d.source_file)
           for d in docs]
    assert got == expected
    assert all(d.status == "ok" and d.raw_text.strip() for d in docs)


def test_csv_multiline_content_and_references(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    path.write_text(CABLES_CSV, encoding="utf-8")
    first = read_file(path, tmp_path)[0]
    assert first.references == ["06MEXICO7000", "06STATE1234"]
    assert first.dtg == "281457Z DEC 06"
    assert 'The "first" paragraph,\nwhich runs onto a second line.' in first.raw_text


def test_html_is_parsed_not_regexed(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(WIKILEAKS_HTML, encoding="utf-8")
    doc = read_file(path, tmp_path)[0]
    assert "<a" not in doc.raw_text and "&amp;" not in doc.raw_text
    assert "¶1. (SBU) Summary: Mexico & its billionaires." in doc.raw_text
    assert doc.dtg == "162012Z JUL 08"


# --------------------------------------------------------------------------- discover


def test_discover_sorted_and_skips_companions(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "b").mkdir(parents=True)
    (corpus / ".hidden").mkdir()
    for name in ["b/2.txt", "a.txt", "INDEX.tsv", "SOURCE.md", "EVAL_CANDIDATES.tsv", ".DS_Store",
                 ".hidden/x.txt", "dump.csv", "page.html", "NOEXT"]:
        (corpus / name).write_text("x", encoding="utf-8")
    single = tmp_path / "single.md"
    single.write_text("x", encoding="utf-8")
    found = discover([corpus, single])
    assert [(p.relative_to(r).as_posix(), r) for p, r in found] == [
        ("NOEXT", corpus), ("a.txt", corpus), ("b/2.txt", corpus), ("dump.csv", corpus),
        ("page.html", corpus), ("single.md", tmp_path)]


# --------------------------------------------------------------------------- REGRESSIONS

REGRESSIONS = [
    # (file content, field, expected) — bugs found on the shared corpus
    # the keys-then-values header of seed 000, with no "Created:" key-value line
    ("Identifier\nCreated\nClassification\nOrigin\n08MEXICO2276\n2008-07-24 12:58:00\nCONFIDENTIAL\n"
     "Embassy Mexico\nCable title:\nSECRETARY CHERTOFF\nVZCZC R 241258Z JUL 08\n1. (C) Text.\n",
     "doc_date", "2008-07-24"),
    # no Created: the DTG gives the date
    ("Identifier: 08X1\nClassification: SECRET\n\nR 241258Z JUL 08\nFM AMEMBASSY X\n\n1. (C) Text.\n",
     "doc_date", "2008-07-24"),
    # neither Created nor DTG: the newest date of the header block
    ("Identifier: 08X1\nReleased: 2010-11-29 23:11\nClassification: SECRET\n\n1. (C) Text.\n",
     "doc_date", "2010-11-29"),
    # a Created date in the future is not trusted; the DTG is
    ("Identifier: 08X1\nCreated: 2999-01-01 10:10\n\nR 241258Z JUL 08\n\n1. (C) Text.\n", "doc_date", "2008-07-24"),
    # cable title cut at the inline REF of a flattened header
    ("Identifier: 09CAIRO1229\nCreated: 2009-07-01 07:07\nCable title: INTERIOR MINISTRY EAGER REF: A. CAIRO 892\n\n"
     "1. (C) Text.\n", "subject", "INTERIOR MINISTRY EAGER"),
]


@pytest.mark.parametrize("content,field_name,expected", REGRESSIONS)
def test_regressions(tmp_path: Path, content: str, field_name: str, expected: str) -> None:
    path = tmp_path / "cable.txt"
    path.write_text(content, encoding="utf-8")
    doc = read_file(path, tmp_path)[0]
    assert doc.status == "ok", doc.error
    assert getattr(doc, field_name) == expected


def test_ids_are_text_never_paths(tmp_path: Path) -> None:
    path = tmp_path / "weird.txt"
    path.write_text("Identifier: ../../etc/passwd x/ü\nCreated: 2008-01-01\n\n1. (C) Text.\n", encoding="utf-8")
    doc = read_file(path, tmp_path)[0]
    assert doc.doc_id == "../../etc/passwd x/ü"
    assert sorted(os.listdir(tmp_path)) == ["weird.txt"]
