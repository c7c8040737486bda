"""Event extraction, price-parser style: real sentences and the exact events
they must yield, as ``(type, status, date_start, date_end)``.

DEV: sentences of the dev cables (../shared/gold/dev) with their gold events.
REGRESSIONS: wrong senses, non-events and bugs met on the way.
DOCUMENTS: several sentences that must merge, inherit a date or stay apart.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

import pytest

from extractor.events import extract_events, find_triggers
from extractor.events_attrs import find_actors, make_summary
from extractor.model import Document, Paragraph, Sentence


def _doc(paragraphs: list[list[str]], doc_date: str, subject: str = "") -> Document:
    paras = []
    for number, sentences in enumerate(paragraphs, 1):
        text = " ".join(sentences)
        objs, offset = [], 0
        for s in sentences:
            start = text.index(s, offset)
            objs.append(Sentence(s, start, start + len(s)))
            offset = start + len(s)
        paras.append(Paragraph(str(number), "", "", text, objs))
    return Document("TEST", "test.txt", doc_date=doc_date, subject=subject, paragraphs=paras)


def _events(sentence: str, doc_date: str) -> list[tuple[str, str, str, str]]:
    events = extract_events(_doc([[sentence]], doc_date))
    return [(e.type, e.status, e.date_start, e.date_end) for e in events]


DEV = [
    ("Department of Homeland Security (DHS) Michael Chertoff met with GOM security cabinet officials during an "
     "official visit to Mexico July 17-18 to discuss issues related to U.S.-Mexico law enforcement cooperation.",
     "2008-07-24",
     [("meeting", "occurred", "2008-07-17", "2008-07-18"), ("visit", "occurred", "2008-07-17", "2008-07-18")]),
    ("The Foreign Relations Secretariat (SRE) is leading an interagency group on a visit to Washington the week "
     "of July 21 to discuss next steps on MI.", "2008-07-24",
     [("delegation", "planned", "2008-07-21", "2008-07-27")]),
    ("GOM counterparts expressed great appreciation for the information DHS provided to the Mexican Navy which "
     "resulted in the seizure of the semi-submersible packed with 5.8 tons of cocaine.", "2008-07-24",
     [("seizure", "occurred", "", "")]),
    ("The GOM is planning a new offensive against these groups which will include an aggressive front in "
     "Sinaloa while maintaining pressure in Tamaulipas and Michoacan.", "2008-07-24",
     [("operation", "planned", "", "")]),
    ("He is deploying 10,000 new, vetted police along the border, and expressed appreciation for DHS help with "
     "the vetting.", "2008-07-24", [("operation", "ongoing", "", "")]),
    ("He informed Chertoff that the GOM would send a delegation to Cuba for meetings July 23-24 that would "
     "include a discussion of illegal immigration.", "2008-07-24",
     [("delegation", "planned", "2008-07-23", "2008-07-24")]),
    ("He said that the judge had ruled that the Mexican immigration official who filed the complaint lacked "
     "the legal authority to do so and as a result the case was dismissed.", "2008-07-24",
     [("legal", "occurred", "", "")]),
    ("Secretary Chertoff remarked that he was pleased that the Merida Initiative (MI) had been approved and said "
     "that the USG was ready to engage in detailed discussions on implementing the various elements of the "
     "package.", "2008-07-24", [("agreement", "occurred", "", "")]),
    ("In September 2006, President Nkurunziza's government signed a cease-fire agreement with the FNL, the sole "
     "remaining rebel group.", "2007-11-26", [("agreement", "occurred", "2006-09-01", "2006-09-30")]),
    ("In September, pro-Rwasa troops attacked a contingent of dissident soldiers near the capital of Bujumbura, "
     "leaving at least 20 dead.", "2007-11-26", [("violence", "occurred", "2007-09-01", "2007-09-30")]),
    ("A Tripartite Plus Heads of State Summit will take place in Addis Ababa on December fifth to take advantage "
     "of the momentum of the November Nairobi Agreement between Rwanda and the DRC that calls for a cooperative "
     "military plan of action to eliminate negative forces in eastern DRC.", "2007-11-26",
     [("meeting", "planned", "2007-12-05", "2007-12-05"), ("agreement", "occurred", "2007-11-01", "2007-11-30")]),
    ("In January, the National Assembly passed new Anti-Money Laundering (AML) legislation; the bill is "
     "currently awaiting Senate action.", "2010-02-19", [("agreement", "occurred", "2010-01-01", "2010-01-31")]),
    ("Separately, during a February 12 meeting in Islamabad, Assistant Treasury Secretary David Cohen provided "
     "the Pakistanis with a compilation of tearline information on the financial activities of terrorist "
     "organizations in Pakistan.", "2010-02-19", [("meeting", "occurred", "2010-02-12", "2010-02-12")]),
    ("On November 25, an Anti-Terrorism Court finally framed the charges against the seven defendants.",
     "2010-02-19", [("legal", "occurred", "2009-11-25", "2009-11-25")]),
    ("On October 12, a Pakistani court quashed all remaining cases against Hafiz Saeed.", "2010-02-19",
     [("legal", "occurred", "2009-10-12", "2009-10-12")]),
    ("On March 6, thirteen opposition Assembly members visited the FOL and received a full tour and command "
     "briefing.", "2008-03-07", [("visit", "occurred", "2008-03-06", "2008-03-06")]),
    # "the Colombian operation" refers back (undated here; in the cable it merges with the March 1 operation)
    ("Five suspected FARC insurgents were captured near the site of the Colombian operation on March 6.",
     "2008-03-07", [("arrest", "occurred", "2008-03-06", "2008-03-06"), ("operation", "occurred", "", "")]),
    ("The Ambassador plans to host another regular meeting of the NGOs, UN agencies and donor groups to discuss "
     "the situation.", "2007-11-28", [("meeting", "planned", "", "")]),
    ("Medina Mora also had several mayors arrested on charges of corruption, though this operation was marred "
     "by accusations that political considerations had influenced the arrests.", "2009-10-27",
     [("arrest", "occurred", "", "")]),
    ("Uribe said he was scheduled to meet the mother of Colombian-French hostage Ingrid Betancourt later in "
     "the day.", "2005-08-04", [("meeting", "planned", "", "")]),
    ("He encouraged Uribe to visit Washington en route to the UNGA to make his case directly to the Congress "
     "on both issues.", "2005-08-04", [("visit", "planned", "", "")]),
    ("After Burundi's 2005 democratic elections, the U.S. lifted sanctions on Burundi.", "2007-11-26",
     [("election", "occurred", "2005-01-01", "2005-12-31")]),
]

REGRESSIONS = [
    # a verb's object premodified by its own month: "attended the January course" is in January
    ("Provincial Anti-Drug Police officers who attended the January Basic Counternarcotics course reported "
     "uniformly enthusiastic assessments to an embassy follow-up survey.", "2006-05-23",
     [("meeting", "occurred", "2006-01-01", "2006-01-31")]),
    # a generic plural tied to nothing: "controlled delivery operations with DEA" keeps its partner,
    # "additional agreements to the list" has none
    ("The fourth bilateral law enforcement talks, which were held in Washington in April 2005, resulted in "
     "additional agreements to the Agreed Steps list of action.", "2005-12-12",
     [("meeting", "occurred", "2005-04-01", "2005-04-30")]),
    # wrong senses
    ("Visit Mexico City's Classified Web Site at http://www.state.sgov.gov/p/wha/mexicocity.", "2008-07-24", []),
    ("The Ambassador said he would revisit the issue next year.", "2008-07-24", []),
    ("The center is expected to reach full operational capability in 2-3 months.", "2008-07-24", []),
    ("This has met with criticism from the Colombian Congress and presidential candidates.", "2005-08-04", []),
    ("He called on the President to make a public, renewed commitment to adjudicate the cases.", "2005-08-04", []),
    ("The Caribbean Bloc Coordinator passed the funds for the Congress to the organizers.", "2008-03-07", []),
    ("Maria Augusta Calle signed a petition along with numerous others.", "2008-03-07", []),
    ("Medina Mora also took unprecedented steps to attack corruption within PGR.", "2009-10-27", []),
    ("SEDENA lacks arrest authority and is incapable of processing evidence.", "2010-01-29", []),
    ("The GOM,s success in attacking the \"logistics\" and \"capacity\" of organized criminal gangs.",
     "2008-07-24", []),
    # "concluded" is not an agreement; "the meeting" merges, in a document, with the meeting already named
    ("In an aside after the meeting concluded, Rico said that SRE would like more details.", "2008-07-24",
     [("meeting", "occurred", "", "")]),
    # not events: habits, statistics, opinions, advice, hypotheses, categories
    ("Medina Mora said that the GOM is apprehending approximately 1500 SIAs annually.", "2008-07-24", []),
    ("CENAPI reports 280 killings for the first 20 days of January.", "2009-01-23", []),
    ("Only 2 percent of those arrested in Ciudad Juarez have even been charged with a crime.", "2010-01-29", []),
    ("You should press the Pakistanis to follow through on their prosecution of the seven Mumbai defendants.",
     "2010-02-19", []),
    ("They argue that the crackdown on police corruption has put compromised police officials in a bind.",
     "2009-01-23", []),
    ("Because the Federal Police are now moving into areas historically controlled by the drug cartels, "
     "violence is expected to increase.", "2008-07-24", []),
    ("He said air smugglers are landing in the Northern border, making interdiction much more difficult.",
     "2008-07-24", []),
    ("If approved, this massive restructuring will broaden the authority of the federal police.", "2007-12-05", []),
    ("Allegations of human rights abuses by soldiers deployed on counterdrug missions threaten public support.",
     "2009-07-31", []),
    ("We are making progress on protocols to expand our access to seized weapons.", "2009-07-31", []),
    ("The military remains engaged in fighting drugs through its aggressive eradication program and "
     "significant seizures.", "2008-07-24", []),
    ("New Counter Narcotics Offensive", "2008-07-24", []),
    # status cues that are not what they look like
    ("His party emerged seriously weakened from a dramatic set-back suffered in the July congressional "
     "elections.", "2010-01-29", [("election", "occurred", "2009-07-01", "2009-07-31")]),
    ("The most high-profile death remains the May killing of Edgar Millan Gomez.", "2009-01-23",
     [("violence", "occurred", "2008-05-01", "2008-05-31")]),
    ("Congress would not likely act until February or March of next year.", "2007-12-05",
     [("agreement", "expected", "2008-02-01", "2008-03-31")]),
    # a date between two triggers follows the first, unless it pre-modifies the second
    ("USAID Administrator Henrietta Fore and Assistant Administrator Almquist visited Gode November 25, meeting "
     "with local officials, NGOs and UN agencies.", "2007-11-28",
     [("visit", "occurred", "2007-11-25", "2007-11-25"), ("meeting", "occurred", "2007-11-25", "2007-11-25")]),
    # "government's victory in Parliamentary elections" is not a back-reference; "The visit" and "trip" are one
    ("The visit marked the President's first trip to India since her coalition government's victory in "
     "Parliamentary elections in April.", "2004-11-17",
     [("visit", "occurred", "", ""), ("election", "occurred", "2004-04-01", "2004-04-30")]),
    # a possessive subject with an object names a new happening
    ("Many welcomed Mexico's adoption of a TIP law in 2008.", "2009-10-27",
     [("agreement", "occurred", "2008-01-01", "2008-12-31")]),
    # a long determiner phrase still determines the noun
    ("A recent Inter-American Human Rights Court ruling found Article 57 of Mexico’s code of military justice in "
     "violation of the constitution.", "2010-01-29", [("legal", "occurred", "", "")]),
    # "could" far before the trigger does not make it hypothetical; two elections, two dates
    ("Meanwhile, the opposition PRI is cautiously managing its illusory unity in an effort to dominate the twelve "
     "gubernatorial contests this year and avoid missteps that could jeopardize its front-runner status in the "
     "run-up to the 2012 presidential elections.", "2010-01-29",
     [("election", "occurred", "2010-01-01", "2010-12-31"), ("election", "planned", "2012-01-01", "2012-12-31")]),
    # a conditional opening makes the whole clause hypothetical
    ("If the National Action Party (PAN) is re-elected it would certainly press for a fiscal reform.",
     "2006-04-10", []),
    # an infinitive after a request is planned, however far the request
    ("He urged Defense Minister Santos and Foreign Minister Araujo to visit Washington soon.", "2006-11-07",
     [("visit", "planned", "", "")]),
    # a date that pre-modifies another noun does not date the trigger
    ("In December, the Supreme Court ruled unconstitutional the November 2007 National Reconciliation Ordinance.",
     "2010-02-19", [("legal", "occurred", "2009-12-01", "2009-12-31")]),
    # a date next to another trigger belongs to that one; the second meeting inherits the narrative's date
    ("He attended the GOM,s National Security Council meeting on July 18 and met separately with Secretary of "
     "Public Security Garcia Luna.", "2008-07-24",
     [("meeting", "occurred", "2008-07-18", "2008-07-18"), ("meeting", "occurred", "2008-07-18", "2008-07-18")]),
    # an if-clause is hypothetical wherever it starts in the sentence
    ("He also predicted that the FARC would be more inclined to negotiate seriously now for such an exchange if the "
     "Constitutional Court approved presidential re-election.", "2005-08-04", []),
    # a clause whose subject is "the numbers of ..." is a count; "record numbers" as an object is not
    ("Uribe acknowledged that the numbers of kidnappings, homicides, and drugs eradicated or seized remained high in "
     "absolute terms.", "2005-08-04", []),
    ("Mexico has extradited record numbers of criminals over the last two years and has sent back 63 wanted "
     "criminals already this year.", "2009-07-31",
     [("extradition", "occurred", "2007-07-31", "2009-07-31"), ("extradition", "occurred", "2009-01-01", "2009-07-31")]),
    # forecasts, policy "attacks", inability, goals and habits are not happenings
    ("Given their powerful weaponry, further attacks against security forces and government officials seem all but "
     "inevitable.", "2009-01-23", []),
    ("Calderon has aggressively attacked Mexico’s drug trafficking organizations but has struggled with an unwieldy "
     "interagency.", "2010-01-29", []),
    ("They simply lack the necessary numbers of trained federal police to deploy them in such numbers in more than a "
     "few cities.", "2010-01-29", []),
    ("SEDENA has come to be seen slow and risk averse even where it should succeed: the mission to capture HVTs.",
     "2010-01-29", []),
    ("In the article, Calle was quoted as saying she had met many people as a journalist.", "2008-03-07", []),
    # a short parenthesis does not cut the date off; inaugurating a body is its first meeting
    ("Summary: The inauguration of the Defense Bilateral Working Group (DBWG) on February 1 comes at a key moment in "
     "our efforts.", "2010-01-29", [("meeting", "planned", "2010-02-01", "2010-02-01")]),
    # a dated conversation between two parties is a meeting
    ("Prime Minister Gilani told Senator Kerry on February 16 that Siddiqui should be transferred to Pakistan.",
     "2010-02-19", [("meeting", "occurred", "2010-02-16", "2010-02-16")]),
    # "currently" says under way, not when
    ("Pakistan's military is currently engaged in combat operations against militant groups in the Malakand "
     "Division.", "2010-02-19", [("operation", "ongoing", "", "")]),
    # a date premodifying one listed incident does not open the sentence for the next; different figures, different incidents
    ("Incidents, such as the August beheadings of 12 in Yucatan, the execution style killing of 24 on the outskirts "
     "of Mexico City in September, contributed to growing public concern.", "2009-01-23",
     [("violence", "occurred", "2008-08-01", "2008-08-31"), ("violence", "occurred", "2008-09-01", "2008-09-30")]),
    # a far "will" of the main clause does not push a recent bare day into next year
    ("Following HHS Secretary Sebelius' successful visit to Cancun on July 2 at the W.H.O.'s H1N1 conference, your "
     "public affirmation of the GOM's strong performance will help.", "2009-07-31",
     [("visit", "occurred", "2009-07-02", "2009-07-02"), ("meeting", "occurred", "2009-07-02", "2009-07-02")]),
    # "call upon <someone> to <verb>" urges, it is not a call on someone (and once crashed the anaphora check)
    ("We plan to follow up on North Korea's - We call upon the Syrian regime to reveal the full", "2008-04-24", []),
    ("The Minister called on the international community to increase its support.", "2008-04-24", []),
    # "to come to <Place>" is a trip
    ("He encouraged Uribe to come to Washington on his way to the UNGA in mid-September.", "2005-08-04",
     [("visit", "planned", "2005-09-01", "2005-09-30")]),
    # --- met on cables outside the dev gold (generalisation sample)
    # an all-caps trigger in mixed-case text is an acronym; a capitalised one inside a body's name is the name
    ("On regional cooperation, the Mobile Enforcement Team (MET) coordinated 8 cross-border operations.", "2005-12-08", []),
    ("Poloff urged Spain to support the International Mission for Iraq Elections (IMIE).", "2005-01-15", []),
    ("Russia is a signatory to the 1957 European Convention on Extradition.", "2007-05-24", []),
    # a label names a topic; the verb after it reports
    ("-- Extradition: Uribe has extradited over 380 Colombians to the U.S.", "2006-11-09",
     [("extradition", "occurred", "", "")]),
    # trends and comparisons are not happenings
    ("Interdictions continue at a rapid pace, and seizures of money and other assets are increasing.", "2006-11-09", []),
    ("Seizures of amphetamine-type stimulants are more than double last year's levels.", "2006-05-23", []),
    ("The number of partnerships and U.S. military assistance agreements with Arab partners in the Gulf had "
     "increased significantly.", "2009-07-20", []),
    ("While increased smuggling activity may account for some of the increased seizures and arrests, the government "
     "is turning up the heat.", "2006-05-23", []),
    # an adjective "increased" far after the trigger is no trend
    ("Casajuana said the GOS supported the January 30 elections because the increased legitimacy of the new Iraqi "
     "authorities would lead to improved security.", "2005-01-15", [("election", "planned", "2005-01-30", "2005-01-30")]),
    # a participle after a quantity describes it
    ("Post DEA reports that the amount seized in the raid was closer to USD 300,000.", "2005-07-22",
     [("operation", "occurred", "", "")]),
    # wrong senses
    ("Spain met a USG request to press Arab governments to encourage Sunni participation.", "2005-01-15", []),
    ("The Iranians had promised their nuclear program is only to help meet domestic energy needs.", "2007-06-03", []),
    ("The Commission has been seized with organizational issues, and has launched few concrete programs.",
     "2006-11-09", []),
    ("The GOM will keep its head down regarding the case that has captured local media attention.", "2006-02-06", []),
    ("The ruling APRA party is the most fully structured.", "2010-01-28", []),
    ("Nationwide, security has been the top election issue.", "2009-06-05", []),
    ("We still see the race as too close to call.", "2007-10-09", []),
    ("Another measure of poverty is what Mexicans call nutritional poverty.", "2009-07-27", []),
    ("Cordero called on the Congress to  increase funding for the social programs.", "2009-07-27", []),
    ("The area of operation of the Gary was in this area.", "2009-06-12", []),
    ("He is a member of the Italian Parliamentary delegation to NATO.", "2009-04-28", []),
    ("Socialist Secretary Trinidad Jimenez' attack on the opposition Popular Party drew comment.", "2005-01-15", []),
    ("Egypt's unregistered voters were enthusiastic to register to vote.", "2005-10-11", []),
    ("Specific initiatives include continuing to implement the bilateral Maritime Counterdrug Cooperation Agreement.",
     "2005-12-08", []),
    ("Some protest votes also went to Just Russia.", "2007-12-06", []),
    # hypotheses, prohibitions, calls, questions, habits
    ("He called for new elections to produce leaders who would work for Iraq's interests.", "2007-06-03", []),
    ("Biwott has been banned from travel to the United States for corruption.", "2007-10-09", []),
    ("Both the Russian Constitution and the Criminal Code prohibit the GOR from extraditing Russian citizens.",
     "2007-05-24", []),
    ("None of these cases led to a conviction.", "2007-05-24", []),
    ("It is possible that they were arrested in an attempt to pressure them.", "2009-06-05", []),
    ("The fifth section allows for visits and increased military cooperation in the region.", "2009-12-01", []),
    ("Alternative Approaches: New Elections in Iraq?", "2007-06-03", []),
    ("The two have met on a number of occasions and discussed public security.", "2008-06-25", []),
    ("It is not uncommon for low-ranking police officials to be arrested for drug trafficking.", "2006-05-23", []),
    ("The GOM planned to host the anniversary commemoration of the signing of the Ohrid Framework Agreement.",
     "2006-02-06", []),
    # status: the verb's own tense beats a planning noun in a phrase; "was able to" happened
    ("At Gamal's invitation, the PDAS and DAS later attended the gala reception on September 29.", "2005-10-11",
     [("meeting", "occurred", "2005-09-29", "2005-09-29")]),
    ("In response to Israeli requests, PASF arrested specific Hamas figures in the West Bank.", "2009-01-27",
     [("arrest", "occurred", "", "")]),
    ("In both cases the police were able to apprehend suspects.", "2009-02-18", [("arrest", "occurred", "", "")]),
    ("Buckovski said he was hopeful the parliament would have passed important judicial reform laws.", "2006-02-06",
     [("agreement", "planned", "", "")]),
    # a planned month already past is next year's; "likely would be held" is expected
    ("PM Buckovski said parliamentary elections likely would be held in late June.", "2006-02-06",
     [("election", "expected", "2006-06-01", "2006-06-30")]),
    # "to go to <Place>" is a trip
    ("He said he also plans to go to Washington to meet with the World Bank.", "2008-06-25",
     [("visit", "planned", "", ""), ("meeting", "planned", "", "")]),
    # a dated conversation, however long the list of listeners
    ("Caretaker Prime Minister Fouad Siniora told visiting General David Petraeus and the Ambassador June 30 that he "
     "was satisfied.", "2009-07-20",
     [("meeting", "occurred", "2009-06-30", "2009-06-30"), ("visit", "occurred", "2009-06-30", "2009-06-30")]),
    # a date naming another noun, or the date of a report, does not date the trigger
    ("The visit afforded the Ambassador the opportunity to highlight the ECA/Embassy June 3 announcement of a new "
     "investment.", "2008-06-25", [("visit", "occurred", "", "")]),
    ("Antiguan PM Spencer's February 17 announcement of March 12 as the date for parliamentary elections was "
     "overshadowed.", "2009-02-18", [("election", "planned", "2009-03-12", "2009-03-12")]),
    ("Regarding the elections in Honduras, President Correa announced from Brussels on November 27 that they would "
     "not be recognized.", "2009-12-01", [("election", "occurred", "", "")]),
    # "today November 9, 2008": the explicit date of the apposition
    ("Mrs. Rose Kabuye was arrested in Germany today November 9, 2008 while on official business.", "2008-11-10",
     [("arrest", "occurred", "2008-11-09", "2008-11-09")]),
    # negated, refused or unwanted: no happening
    ("The EU does not expect to export its best weapons to China should t ban be lifted, and it does not want "
     "European weapons to be used or deployed against U.S. forces.", "2004-07-16", []),
    ("At these meetings the Georgian proposal of a November three-way gas-focused Turkish-Azerbaijani-Georgian "
     "ministerial-level meeting in Tblisi or Ankara was discussed, although nothing definite had been agreed to by "
     "all parties.", "2006-11-15", []),
    ("Portugal's Parliament has established an ad hoc committee to continue hearings on the subject and a delegation "
     "from the European Parliament is scheduled to visit Portugal in December to interview Amado, who has declined "
     "to visit Brussels to meet with Euro Deputies.", "2006-10-20",
     [("delegation", "planned", "2006-12-01", "2006-12-31"), ("meeting", "planned", "2006-12-01", "2006-12-31")]),
    # habits and counts, not happenings
    ("An interagency task force continues to meet on an ad hoc basis, chaired by National Security and Defense "
     "Council First Deputy Havrysh.", "2008-10-23", []),
    ("Repeated visits by the company's leadership to praise the president's economic policies and to stay in his "
     "good graces helps to guarantee a stream of \"grandiose\" projects.", "2010-01-04", []),
    ("Three high level visits to India by Australian officials have had only a limited impact on cooling tempers "
     "still hot from a spike in violence against Indian students in Melbourne.", "2009-10-20", []),
    # wrong senses: "the ruling ... party", "is met by blank stares", "carbon dioxide capture"
    ("The March 4 meeting occurred ten days before the chief prosecutor filed the closure case in the "
     "Constitutional Court against the ruling Justice and Development Party (AKP).", "2008-06-25",
     [("meeting", "occurred", "2008-03-04", "2008-03-04")]),
    ("Meanwhile, the political arm of the ruling Frente Amplio (FA) party issued a six-point declaration that "
     "included a \"total rejection and condemnation of the military incursion by the Colombian government into "
     "Ecuador.\"", "2008-03-10", []),
    ("Bouygues consistently seeks input on what the university directors want in their buildings, but the company "
     "is met by blank stares and a vague order to \"submit whatever you think, and we'll review it.\"",
     "2010-01-04", []),
    ("He has been involved with the IPCC since 1993 and was a lead author on the IPCC Special Report on Carbon "
     "dioxide Capture and Storage.", "2008-08-15", []),
    # one happening named twice in a sentence: a noun in a noun, a visit by a delegation
    ("The first hearing in the prosecution of Captain Ashraf Mostafa on June 20, 2006 was closed to all but SSIS "
     "officials.", "2006-06-21", [("legal", "occurred", "2006-06-20", "2006-06-20")]),
    ("Soliman detailed Egypt's efforts to press Hamas to adopt realistic and responsible positions, most recently "
     "during an early February visit to Cairo by a delegation of senior Hamas leaders.", "2006-02-15",
     [("delegation", "occurred", "2006-02-01", "2006-02-28")]),
    # dates: a second verb of the same subject shares the first's day; a range is not a clause dash;
    # the day of a report or of an urging is not the day of what it speaks of
    ("Bouygues' leadership visited Ashgabat on December 29 and signed a number of contracts with President "
     "Berdimuhammedov, reported in the newspapers as, \"giving start to a whole complex of grandiose projects.\"",
     "2010-01-04", [("visit", "occurred", "2009-12-29", "2009-12-29"), ("agreement", "occurred", "2009-12-29", "2009-12-29")]),
    ("The United Nations High Commissioner for Refugees (UNHCR) and the United Kingdom - current chair - convened a "
     "meeting of the Working Group on Resettlement (WGR) at the Palais des Nations in Geneva February 24 - 25.",
     "2009-03-11", [("meeting", "occurred", "2009-02-24", "2009-02-25")]),
    ("General Basbug on June 14 confirmed the meeting has happened but stated its purpose was limited to discussing "
     "the CBO; he denied other allegations.", "2008-06-25", [("meeting", "occurred", "", "")]),
    ("On June 10, Poloff urged MFA Disarmament Affairs official Heba Negm to support a positive discussion of "
     "\"Assurance of Supply\" at the upcoming IAEA Board of Governors meeting (reftel).", "2009-06-16",
     [("meeting", "planned", "", "")]),
    # "in the lead up to ... elections": ahead
    ("Post notes that MEPI funding for NDI programming in Bahrain is running out, and strongly supports renewed MEPI "
     "funding for NDI activities in the lead up to parliamentary and municipal council elections in the fall (ref E).",
     "2010-01-10", [("election", "planned", "2009-09-01", "2009-11-30")]),
    # a person described by a past verdict; a ship taken by pirates is no arrest; polls, "press the attack"
    ("During the meeting, Saleh accepted Townsend's request for USG interrogation of Jamal al-Badawi, convicted "
     "architect of the bombing of the USS Cole.", "2007-10-30",
     [("meeting", "occurred", "", ""), ("violence", "occurred", "", "")]),
    ("In an October 22 diplomatic note, the Government of Ukraine requested U.S. assistance in supplying food, water, "
     "and fuel to the crew of the MV Faina, which was captured by Somali pirates on September 25.", "2008-10-23", []),
    ("Polls in 2006 showed that a strong majority of Ecuadorians opposed \"foreign troops\" on national soil.",
     "2008-01-16", []),
    ("These operations demonstrate previously uncharacteristic resolve and coordination by the Ecuadorian military "
     "to press the attack and to continue surveillance and patrolling its border to engage additional FARC camps.",
     "2008-01-16", []),
    # a company moving staff, a company's operations, members of a delegation, a body named "... House Delegation"
    ("SUMMARY: Bouygues Batiment International, a major French construction company, has relocated large numbers of "
     "its staff to Turkmenistan from other international operations that have closed due to the international "
     "economic downturn.", "2010-01-04", []),
    ("According to XXXXXXXXXXX, most of the French company's international operations have shuttered, or greatly "
     "reduced staffing, due to lack of projects worldwide.", "2010-01-04", []),
    ("In response to reftel, Poloff spoke with Oyvind Christophersen and Marit Viktoria Pettersen, lead members of "
     "the Norwegian delegation to the next IPCC Plenary.", "2008-08-15", []),
    ("f) Julian Incarroca: Incarroca is director of the ALBA house located in Cusco's San Sebastian district, "
     "according to two local sources, and is described on the ALBA website as the local government representative "
     "for the Cusco ALBA House Delegation.", "2008-03-04", []),
    # "would not participate ... in negotiations"; the shipowner's talks are real
    ("The statement explained that the GoU would not participate directly in negotiations with the pirates and the "
     "shipowner is engaging in talks.", "2008-10-23", [("meeting", "occurred", "", "")]),
]


def test_a_wide_time_frames_no_narrative() -> None:
    """ "During the Dutch presidency of the EU (June-December 2004)" dates no later trip or meeting."""
    doc = _doc([["During the Dutch presidency of the EU (June-December 2004), Foreign Minister Bot pushed the EU to "
                 "engage more actively in Iraq, guided the EU to set a date for accession negotiations with Turkey, "
                 "helped stiffen the EU's spine to face down Russia over Ukraine, and pressed for increased "
                 "U.S.-European cooperation in the Middle East.",
                 "This was the main reason for his request to meet with Secretary Rice in Washington prior to the "
                 "President's European trip."]], "2005-03-24")
    trip = [e for e in extract_events(doc) if e.trigger == "trip"]
    assert [(e.date_start, e.date_end) for e in trip] == [("", "")]


@pytest.mark.parametrize("sentence,doc_date,expected", DEV, ids=[c[0][:40] for c in DEV])
def test_dev_sentences(sentence: str, doc_date: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert sorted(_events(sentence, doc_date)) == sorted(expected)


@pytest.mark.parametrize("sentence,doc_date,expected", REGRESSIONS, ids=[c[0][:40] for c in REGRESSIONS])
def test_regressions(sentence: str, doc_date: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert sorted(_events(sentence, doc_date)) == sorted(expected)


DOCUMENTS = [
    # the same record seizure told twice is one incident; the later report dates it
    ("record seizure",
     [["Not only did it make the largest cocaine seizure ever in the Netherlands, it also dismantled a lab."],
      ["In August 2005, the Rotterdam police seized 4,500 kilos of cocaine - the largest cocaine seizure ever "
       "in the Netherlands."]],
     "2005-12-12", "",
     [("seizure", "occurred", "2005-08-01", "2005-08-31", True)]),
    # the same figure twice is one incident; a different figure is another
    ("same figure",
     [["Police arrested over 500 protesters on March 3."],
      ["Over 500 were arrested, the minister said."],
      ["In a separate sweep, 20 were arrested on March 9."]],
     "2008-03-20", "",
     [("arrest", "occurred", "2008-03-03", "2008-03-03", False),
      ("arrest", "occurred", "2008-03-09", "2008-03-09", False)]),
    # "the cocaine seized here", "what was seized": participles naming the thing of the seizure already told
    ("participle back-reference",
     [["Police seized a record one ton-plus shipment of cocaine in December 2004."],
      ["Officials have not decided how to destroy the cocaine seized here."],
      ["Nobody confirmed that what was seized was cocaine."]],
     "2006-01-09", "",
     [("seizure", "occurred", "2004-12-01", "2004-12-31", False)]),
    # a suspect's travel around his arrest is not a visit
    ("suspect travel",
     [["Chen Hsin Hung, 57, was arrested on May 19 carrying 4.75 kg of heroin.",
       "Hung, who was due to travel to Taiwan via Kuala Lumpur, had arrived in Phnom Penh the previous day."]],
     "2006-05-23", "",
     [("arrest", "occurred", "2006-05-19", "2006-05-19", False)]),
    # a date set by the summary governs the meetings that follow (inherited)
    ("narrative date",
     [["On October 30, Deputy Secretary Negroponte and party met heads of Mexico,s Secretariats of Gobernacion "
       "and Public Security."],
      ["Ambassador Negroponte,s first meeting was with Secretary of Government Ramirez Acuna."],
      ["In an follow-on meeting with Genaro Garcia Luna, Deputy Secretary Negroponte asked for details."]],
     "2007-12-05", "",
     [("meeting", "occurred", "2007-10-30", "2007-10-30", False),
      ("meeting", "occurred", "2007-10-30", "2007-10-30", True),
      ("meeting", "occurred", "2007-10-30", "2007-10-30", True)]),
    # a trip frames the meetings held during it, even when a sentence dates another meeting
    ("trip frame",
     [["Michael Chertoff met with GOM security cabinet officials during an official visit to Mexico July 17-18.",
       "He attended the GOM,s National Security Council meeting on July 18 and met separately with Secretary of "
       "Public Security Garcia Luna."]],
     "2008-07-24", "",
     [("meeting", "occurred", "2008-07-17", "2008-07-18", False),
      ("visit", "occurred", "2008-07-17", "2008-07-18", False),
      ("meeting", "occurred", "2008-07-18", "2008-07-18", False),
      ("meeting", "occurred", "2008-07-17", "2008-07-18", True)]),
    # "the intercept" names again the seizure already reported
    ("anaphora",
     [["The information DHS provided resulted in the seizure of the semi-submersible packed with 5.8 tons of "
       "cocaine.", "The intercept reinforced the importance of close cooperation."]],
     "2008-07-24", "",
     [("seizure", "occurred", "", "", False)]),
    # a repeated body adds nothing
    ("repeated text",
     [["In January, the National Assembly passed new legislation."],
      ["In January, the National Assembly passed new legislation."]],
     "2010-02-19", "",
     [("agreement", "occurred", "2010-01-01", "2010-01-31", False)]),
    # the subject line announces the visit the body describes
    ("subject",
     [["Embassy Islamabad warmly welcomes your February 24 visit to Pakistan."]],
     "2010-02-19", "SCENESETTER FOR FBI DIRECTOR MUELLER'S FEBRUARY 24 VISIT",
     [("visit", "planned", "2010-02-24", "2010-02-24", False)]),
    # an undated event stays undated
    ("undated",
     [["An outstanding recent success was scored in the Zhenli arrest."]],
     "2007-12-05", "",
     [("arrest", "occurred", "", "", False)]),
    # "earlier in the day", "the following day" count from the narrative's day
    ("relative days",
     [["July 26, 2005, 4:00 pm, Casa de Narino."],
      ["U/S Burns said he had met with human rights NGOs earlier in the day."],
      ["The election was the following day and Moreno needed one more country."]],
     "2005-08-04", "",
     [("meeting", "occurred", "2005-07-26", "2005-07-26", True),
      ("election", "occurred", "2005-07-27", "2005-07-27", True)]),
    # a relative day cut off by a comma belongs to another verb
    ("relative day elsewhere",
     [["On October 9, the Chief briefed us.",
       "The German assistance, according to the Chief with whom he had spoken earlier that day, would be deployed "
       "at once."]],
     "2005-10-10", "",
     [("meeting", "occurred", "2005-10-09", "2005-10-09", False), ("operation", "planned", "", "", False)]),
    # a later report of an incident on the same day is the same incident
    ("same day incident",
     [["Five suspected FARC insurgents were captured near the border on March 6."],
      ["That same day, the Ecuadorian military captured five presumed FARC members."]],
     "2008-03-07", "",
     [("arrest", "occurred", "2008-03-06", "2008-03-06", False)]),
    # the summary's trip and the body's: same traveller, same place, same status
    ("same trip",
     [["Burns encouraged newly-appointed Minister of Defense Ospina to also visit Washington soon."],
      ["He encouraged newly-appointed Minister of Defense Camilo Ospina to visit Washington soon for discussions."]],
     "2005-08-04", "",
     [("visit", "planned", "", "", False)]),
    # "since the September 7 visit" is a point of reference, not the narrative's date
    ("reference point",
     [["Fore visited Gode November 25.",
       "Local officials said that the two major developments since the September 7 visit to Gode by Assistant "
       "Secretary Frazer were the need for trucks."],
      ["In a separate meeting with NGOs, the common plea was for more food."]],
     "2007-11-28", "",
     [("visit", "occurred", "2007-11-25", "2007-11-25", False), ("visit", "occurred", "2007-09-07", "2007-09-07", False),
      ("meeting", "occurred", "2007-11-25", "2007-11-25", True)]),
    # the sentence's own trip dates the meeting held on it
    ("own trip",
     [["In January, the Minister met the Ambassador."],
      ["However, after Hamas political chief Khaled Meshaal visited Abu Dhabi on March 22 and met with UAE Minister "
       "Sheikh Mansour, the UAE changed course."]],
     "2006-04-30", "",
     [("meeting", "occurred", "2006-01-01", "2006-01-31", False), ("visit", "occurred", "2006-03-22", "2006-03-22", False),
      ("meeting", "occurred", "2006-03-22", "2006-03-22", True)]),
    # a dated subject line names the visit
    ("dated subject",
     [["Embassy Mexico welcomes you."]],
     "2009-07-31", "SCENESETTER FOR PRESIDENT OBAMA'S VISIT TO GUADALAJARA, AUGUST 9-10,2009",
     [("visit", "planned", "2009-08-09", "2009-08-10", False)]),
    # "his recent visit" has its own time: it does not take the narrative's
    ("own time",
     [["On October 30, Negroponte met Ramirez Acuna."],
      ["Uribe said he had met Garzon during his recent visit in Spain."]],
     "2007-12-05", "",
     [("meeting", "occurred", "2007-10-30", "2007-10-30", False), ("meeting", "occurred", "2007-10-30", "2007-10-30", True),
      ("visit", "occurred", "", "", False)]),
    # "in the weeks since the Faina was seized" points back to the seizure already told
    ("since it was seized",
     [["Begin Text of Note: the Ministry has the honor to request facilitation with the case of the Faina cargo ship "
       "seized by Somalia pirates."],
      ["Our interlocutors clarified the coordinating process that has developed in the weeks since the Faina was "
       "seized."]],
     "2008-10-23", "",
     [("seizure", "occurred", "", "", False)]),
    # two seizures of different amounts in one paragraph stay apart
    ("different amounts",
     [["The GOM announced a recent record-setting cocaine seizure of 11.5 metric tons in one container.",
       "This amount was to be surpassed later the same day by the seizure of 23.5 metric tons, a world record."]],
     "2007-12-05", "",
     [("seizure", "occurred", "", "", False), ("seizure", "occurred", "", "", False)]),
]


@pytest.mark.parametrize("name,paragraphs,doc_date,subject,expected", DOCUMENTS, ids=[c[0] for c in DOCUMENTS])
def test_documents(name: str, paragraphs: list[list[str]], doc_date: str, subject: str,
                   expected: list[tuple[str, str, str, str, bool]]) -> None:
    events = extract_events(_doc(paragraphs, doc_date, subject))
    assert [(e.type, e.status, e.date_start, e.date_end, e.date_inherited) for e in events] == expected


ACTORS = [
    ("Department of Homeland Security (DHS) Michael Chertoff met with GOM security cabinet officials.",
     ["Department of Homeland Security", "DHS", "Michael Chertoff", "GOM"]),
    ("Ambassador Negroponte,s first meeting was with Secretary of Government Ramirez Acuna.",
     ["Negroponte", "Ramirez Acuna"]),
    ("SSP Secretary Garcia Luna provided a tour of his command center.", ["SSP", "Garcia Luna"]),
    # all-caps text: short acronyms and the name after a title, not the words around them
    ("SECRETARY CHERTOFF AND GOM OFFICIALS DISCUSS SECURITY", ["CHERTOFF", "GOM"]),
    ("THE LETTER ALSO APPROVED OUR FOUR EMBASSY OFFICES.", []),
    ("CHAVEZ WOULD ONLY HAVE AGREED TO THE RECALL IF HE THOUGHT HE WOULD WIN.", []),
    # labels, sentence-initial words, demonyms, redactions, currencies and places are no actors
    ("Summary and Introduction: On October 8, the Political Counselor met with John Michuki.", ["John Michuki"]),
    ("(Comment: Reflecting commonly-held thinking by UAE seniors, he implied that al-Maliki had been elected.",
     ["UAE"]),
    ("In a separate conversation with Emboff, XXXXXXXXXXXX confirmed Samson's death.", ["Emboff", "Samson"]),
    ("Following the October 13 assassination attempt on Colonel Simon Ghebrendenghil, Samson (LNU) fled.",
     ["Simon Ghebrendenghil", "Samson"]),
    ("Three Americans were arrested on drug charges in Istanbul.", []),
    ("Post DEA reports that the amount seized was closer to USD 300,000.", ["DEA"]),
    ("Brazilian Federal Police arrested 17 members of a Lebanese-organized drug ring.", ["Brazilian Federal Police"]),
    ("The visit to Colombia by U/S for Political Affairs R. Nicholas Burns was a success.", ["R. Nicholas Burns"]),
]


@pytest.mark.parametrize("sentence,expected", ACTORS, ids=[c[0][:30] for c in ACTORS])
def test_actors(sentence: str, expected: list[str]) -> None:
    assert find_actors(sentence) == expected


def test_summary_reads_as_a_line() -> None:
    sentence = "The GOM seized 5.8 tons of cocaine."
    assert make_summary("visit", "visit", "x", 1, ["Chertoff"], "Mexico") == "Chertoff visits Mexico"
    assert make_summary("meeting", "met", "x", 1, ["Negroponte", "Ramirez Acuna"], "") == \
        "Meeting: Negroponte with Ramirez Acuna"
    end = sentence.index("seized") + len("seized")
    assert make_summary("seizure", "seized", sentence, end, ["GOM"], "").startswith("Seizure")


SUMMARIES = [
    # a place premodifying a noun ("the U.S. presence") is not where a visit goes
    ("The Minister met with visiting Commander General John Abizaid of CENTCOM on March 3 to discuss the U.S. presence.",
     "visit", "Visit by John Abizaid of CENTCOM"),
    # the traveller comes after "by" / "of"; the place a visit verb names is the location
    ("He said that during the recent visit of Iranian President Ahmadinejad to the UAE the Iranians promised.",
     "visit", "Ahmadinejad visits UAE"),
    ("Ambassador visited the Binational Center in Mendoza and presented certificates.", "visit",
     "Ambassador visits Mendoza"),
    ("The Secretary visited Bangladesh to assess the RAB.", "visit", "Secretary visits Bangladesh"),
    # a nominalised trigger with its object; a verb with its object; the kind of an election
    ("He would be charged with the murder of Aleksandr Litvinenko last year.", "violence",
     "Murder of Aleksandr Litvinenko"),
    ("Costa Rican authorities seized a record 6,749 kilos of cocaine in 2005.", "seizure",
     "Seizure of a record 6,749 kilos of cocaine"),
    ("He was charged with abetting the kidnapping of 3 U.S. citizens.", "violence", "Kidnapping of 3 U.S. citizens"),
    ("Siniora was satisfied with the outcome of Lebanon's June 7 parliamentary elections.", "election",
     "Parliamentary elections"),
]


@pytest.mark.parametrize("sentence,kind,expected", SUMMARIES, ids=[c[2] for c in SUMMARIES])
def test_summaries(sentence: str, kind: str, expected: str) -> None:
    events = [e for e in extract_events(_doc([[sentence]], "2009-07-20")) if e.type == kind]
    assert [e.summary for e in events] == [expected]


def test_event_fields() -> None:
    doc = _doc([["Department of Homeland Security (DHS) Michael Chertoff met with GOM officials during an "
                 "official visit to Mexico July 17-18."]], "2008-07-24")
    visit = [e for e in extract_events(doc) if e.type == "visit"][0]
    assert visit.trigger == "visit"
    assert visit.sentence[visit.trigger_start:visit.trigger_end] == "visit"
    assert visit.location == "Mexico"
    assert visit.paragraph == "1"
    assert visit.date_text == "July 17-18"
    assert visit.granularity == "day"
    assert "Michael Chertoff" in visit.actors
    assert visit.summary == "Michael Chertoff visits Mexico" or visit.summary.endswith("visits Mexico")
    # stable ids
    assert visit.event_id == [e for e in extract_events(doc) if e.type == "visit"][0].event_id


def test_triggers_cover_word_forms() -> None:
    text = ("They met; the talks, the trip, toured, seized, confiscation, intercept, apprehended, detained, "
            "extradited, deployed, offensive, signed, approved, killed, ambush, indicted, ruled, elected, vote.")
    kinds = {k for _s, _e, k, _v in find_triggers(text)}
    assert kinds == {"meeting", "visit", "seizure", "arrest", "extradition", "operation", "agreement",
                     "violence", "legal", "election"}


def test_lexicon_is_data() -> None:
    from extractor.events_lexicon import DATA_FILE
    from extractor.language import EVENT_TYPES

    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    assert set(EVENT_TYPES) <= set(data["triggers"])


def test_dev_gold_documents(dev_gold) -> None:
    """Every dev cable that the reader handles yields events of the known types only."""
    from extractor.language import EVENT_TYPES

    for path in sorted(dev_gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert {e["type"] for e in gold["events"]} <= set(EVENT_TYPES)


# --------------------------------------------------------------------------- fast paths
# Each fast path is checked against the plain computation it replaces.

from hypothesis import given, settings, strategies as st  # noqa: E402

from extractor import events as events_module  # noqa: E402
from extractor.events_attrs import _is_trigger_word  # noqa: E402
from extractor.events_lexicon import DATA_FILE, _trie, lexicon  # noqa: E402


#: a word start: not inside a word or after a hyphen (as trigger forms begin)
_PLAIN_WORD_START = re.compile(r"(?<![\w-])\w")


def _plain_trigger_spans(text: str) -> set[tuple[int, int, str, bool]]:
    """Every type's whole verb and noun pattern tried at every word start."""
    found = set()
    for start in _PLAIN_WORD_START.finditer(text):
        for kind, (verbs, nouns) in lexicon().triggers.items():
            for is_verb, pattern in ((True, verbs), (False, nouns)):
                m = pattern.match(text, start.start()) if pattern is not None else None
                if m:
                    found.add((m.start(), m.end(), kind, is_verb))
    return found


def _trigger_text_words() -> list[str]:
    """The literal words of the trigger forms ("visit(?:s|ed)?" → "visit", "s", "ed")."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    words: set[str] = set()
    for entry in data["triggers"].values():
        if not isinstance(entry, dict):
            continue  # a comment
        for form in entry.get("verbs", []) + entry.get("nouns", []):
            words.update(w for w in re.findall(r"[A-Za-z]+", form) if len(w) > 1)
    return sorted(words)


_TRIGGER_WORDS = _trigger_text_words()
_TEXT_PIECES = st.lists(st.one_of(
    st.sampled_from(_TRIGGER_WORDS),
    st.sampled_from([w.upper() for w in _TRIGGER_WORDS[:60]] + [w.title() for w in _TRIGGER_WORDS[:60]]),
    st.sampled_from(["the", "a", "of", "re-", "-", ",", ".", "(", ")", "  ", "\n", "İ", "K", "ſ", "\xa0",
                     "visits", "meeting", "arrested", "go", "gone", "goes", "talks", "was", "signed"]),
    st.text(alphabet="abcdefgilmnoprstuvwxyzAEIKS-' ", max_size=8)), max_size=25)


@settings(max_examples=400, deadline=None)
@given(_TEXT_PIECES)
def test_indexed_trigger_scan_finds_what_every_pattern_at_every_word_finds(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert set(events_module.trigger_spans(text)) == _plain_trigger_spans(text)


def test_indexed_trigger_scan_on_the_seed_cables(seeds_dir) -> None:
    from extractor import read_corpus

    sentences = [s.text for d in read_corpus([seeds_dir]) for p in d.paragraphs for s in p.sentences]
    assert len(sentences) > 50
    for text in sentences:
        assert set(events_module.trigger_spans(text)) == _plain_trigger_spans(text), text


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_TRIGGER_WORDS + [w.title() for w in _TRIGGER_WORDS] + ["Go", "Visits", "Xyz", "Ab"]))
def test_trigger_word_check_agrees_with_every_pattern(word: str) -> None:
    every = any(p is not None and p.fullmatch(word) for pair in lexicon().triggers.values() for p in pair)
    assert _is_trigger_word(word) == every


@settings(max_examples=300, deadline=None)
@given(_TEXT_PIECES, st.data())
def test_exclusion_pre_check_never_hides_an_exclusion(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    spans = events_module.trigger_spans(text)
    if not spans:
        return
    start, end, kind, _verb = data.draw(st.sampled_from(spans))
    lex = lexicon()
    plain = any(m.start() <= start and m.end() >= end
                for p in lex.exclusions[kind]
                for m in p.finditer(text, max(0, start - 120), min(len(text), end + 120)))
    assert events_module._covered(lex.exclusions[kind], lex.any_exclusion[kind], text, start, end) == plain


_WORD_LISTS = st.lists(st.text(alphabet="abAB .-", min_size=1, max_size=5), min_size=1, max_size=12, unique=True)


@settings(max_examples=500, deadline=None)
@given(_WORD_LISTS, st.text(alphabet="abAB .-x", max_size=40))
def test_a_trie_matches_like_longest_first_alternatives(words: list[str], text: str) -> None:
    flat = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")(?![ab])")
    trie = re.compile("(?:" + _trie(words) + ")(?![ab])")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    for at in range(len(text) + 1):
        a, b = trie.match(text, at), flat.match(text, at)
        assert (a.span() if a else None) == (b.span() if b else None)


def test_the_checks_that_join_reports_of_one_happening_are_a_named_table() -> None:
    """Each join the rules make is one named check of ``SAME_HAPPENING``, tried in order."""
    from extractor.events import SAME_HAPPENING

    names = [name for name, _check in SAME_HAPPENING]
    assert names == ["refers_back", "named_again", "subject_line", "later_report", "same_trip",
                     "same_day_incident", "same_incident", "same_time_and_actor"]
    assert all(callable(check) and check.__doc__ for _name, check in SAME_HAPPENING)


def test_the_meeting_named_again_in_the_next_sentence_is_one_event() -> None:
    events = extract_events(_doc([["Deputy Secretary Negroponte met Foreign Minister Espinosa on July 17.",
                                   "The meeting focused on border security."]], "2008-07-24"))
    meetings = [e for e in events if e.type == "meeting"]
    assert len(meetings) == 1 and meetings[0].date_start == "2008-07-17"


@pytest.mark.parametrize("sentence, doc_date, expected", [
    # ANNOTATION.md: a dated conversation the cable reports is a meeting, whatever the verb of speech
    ("Water Resources Minister Abdelmalek Sellal warned Ambassador on December 16 that it would be easy to imagine "
     "car bombs.", "2007-12-20", [("meeting", "occurred", "2007-12-16", "2007-12-16")]),
    ("A senior aide to the Foreign Minister reiterated to CDA November 24 that the GOI wanted the talks to continue.",
     "2008-11-26", [("meeting", "occurred", "2008-11-24", "2008-11-24")]),
    ("Ambassador asked Interior Secretary Qamar Zaman the same question on February 26.", "2009-03-02",
     [("meeting", "occurred", "2009-02-26", "2009-02-26")]),
    # undated, or said to nobody in particular: no meeting
    ("He confirmed that the shipment remains in the port.", "2006-12-01", []),
    ("The minister reiterated that the GOI wants a solution.", "2006-12-01", []),
    # plural run-offs are elections too (gold/train miss)
    ("The final run-offs will be held on December 7.", "2008-11-20", [("election", "planned", "2008-12-07", "2008-12-07")]),
])
def test_dated_conversations_are_meetings(sentence, doc_date, expected):
    assert _events(sentence, doc_date) == expected


@pytest.fixture
def lexicon_file(tmp_path, monkeypatch):
    """Point the lexicon at a copy of ``events.json`` the test may extend (the cached
    lexicon is rebuilt before and after)."""
    from extractor import events_lexicon

    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    path = tmp_path / "events.json"

    def write(extend: Callable[[dict[str, Any]], None]) -> None:
        extend(data)
        path.write_text(json.dumps(data), encoding="utf-8")
        lexicon.cache_clear()

    monkeypatch.setattr(events_lexicon, "DATA_FILE", path)
    yield write
    monkeypatch.undo()
    lexicon.cache_clear()


def test_an_event_type_added_to_the_lexicon_file_is_found(lexicon_file) -> None:
    """Every type under "triggers" in events.json is read, not only a fixed list of them."""
    def add_protest(data: dict[str, Any]) -> None:
        data["triggers"]["protest"] = {"verbs": ["protested"], "nouns": ["protests?"]}

    lexicon_file(add_protest)
    events = extract_events(_doc([["Farmers protested in Quito on July 17."]], "2008-07-24"))
    assert ("protest", "occurred", "2008-07-17", "2008-07-17") in \
        [(e.type, e.status, e.date_start, e.date_end) for e in events]


# -- actors from the parse: the trigger's arguments, not every name in the sentence --------

@pytest.mark.parametrize("sentence,expected", [
    # the subject of the verb, countries included (train cables)
    ("Pakistan and Turkey signed three economic agreements during Musharraf's visit.",
     [("agreement", ["Pakistan", "Turkey"])]),
    # a relative clause's subject is the noun it hangs from; titles are dropped
    ("PM Martin, who met with President al-Bashir in Sudan last week, supports the plan.",
     [("meeting", ["al-Bashir", "Martin"])]),
    # a passive's subject is shared by the infinitive ("are scheduled to visit")
    ("Spanish Foreign Minister Miguel Angel Moratinos and Minister of Defense Jose Bono are scheduled to visit "
     "Washington this spring.", [("visit", ["Miguel Angel Moratinos", "Jose Bono"])]),
    # who told is the meeting's actor, not the arrest's; the police arrested
    ("On June 10, police arrested four traffickers in Lima, Interior Minister Alva told the Ambassador.",
     [("arrest", ["police", "traffickers"]), ("meeting", ["Alva"])]),
])
def test_parsed_actors_are_the_triggers_arguments(sentence, expected):
    from extractor.pipeline import extract_document

    events = extract_document(_doc([[sentence]], "2005-03-01")).events
    assert [(e.type, e.actors) for e in events] == expected
