"""Time expressions: finder spans and TIMEX3 normalization against the DCT.

Each case is (text, dct, span, type, value, mod, date_start, date_end, granularity):
the finder must report ``span`` with exactly these fields. ``DEV`` holds real
phrases from the seed cables, ../shared/corpus and the dev gold (expected values
checked by hand), ``NEWS`` ordinary news prose in TimeML conventions,
``NEVER`` text that holds no date, and ``REGRESSIONS`` one case per bug fixed.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.language import plausible_for_cable
from extractor.timex import find_time_expressions

Case = tuple[str, str, str, str, str, str, str, str, str]

DEV: list[Case] = [
    ('during an official visit to Mexico July 17-18', '2008-07-24', 'July 17-18', 'DATE', '2008-07-17', '', '2008-07-17', '2008-07-18', 'day'),
    ('He attended the GOM,s National Security Council meeting on July 18', '2008-07-24', 'July 18', 'DATE', '2008-07-18', '', '2008-07-18', '2008-07-18', 'day'),
    ('leading an interagency group on a visit to Washington the week of July 21', '2008-07-24', 'the week of July 21', 'DATE', '2008-W30', '', '2008-07-21', '2008-07-27', 'week'),
    ('the GOM would send a delegation to Cuba for meetings July 23-24', '2008-07-24', 'July 23-24', 'DATE', '2008-07-23', '', '2008-07-23', '2008-07-24', 'day'),
    ('accused of killing a Border Patrol (BP) officer six months ago', '2008-07-24', 'six months ago', 'DATE', '2008-01', '', '2008-01-01', '2008-01-31', 'month'),
    ('Mexico had already confiscated 16,000 weapons over the past year', '2008-07-24', 'the past year', 'DURATION', 'P1Y', '', '2007-07-24', '2008-07-24', 'year'),
    ('expects to expand the program later this year', '2008-07-24', 'later this year', 'DATE', '2008', '', '2008-07-24', '2008-12-31', 'year'),
    ('On October 30, Deputy Secretary Negroponte, Assistant Secretary of State Tom Shannon and party met heads of Mexico,s Secretariats', '2007-12-05', 'October 30', 'DATE', '2007-10-30', '', '2007-10-30', '2007-10-30', 'day'),
    ('Congress would not likely act until February or March of next year', '2007-12-05', 'February or March of next year', 'DATE', '2008-02', '', '2008-02-01', '2008-03-31', 'month'),
    ('by January would begin to extend down to the municipalities', '2007-12-05', 'January', 'DATE', '2008-01', 'ON_OR_BEFORE', '2008-01-01', '2008-01-31', 'month'),
    ('It is worth recalling that the May 10-12 visit of Vice President Cheney to the UAE', '2007-09-05', 'May 10-12', 'DATE', '2007-05-10', '', '2007-05-10', '2007-05-12', 'day'),
    ('Everyone we spoke to during an Oct. 7-8 trip to Ahmedabad predicted that Modi would win', '2006-11-02', 'Oct. 7-8', 'DATE', '2006-10-07', '', '2006-10-07', '2006-10-08', 'day'),
    ("the timing of UN Special Envoy for Burma Razali Ismail's October 29-31 visit to New Delhi was not coincidental", '2004-11-02', 'October 29-31', 'DATE', '2004-10-29', '', '2004-10-29', '2004-10-31', 'day'),
    ('NOC Chairman Shokri Ghanem welcomed the U.S. Trade Mission (February 20-23), saying that', '2010-02-11', 'February 20-23', 'DATE', '2010-02-20', '', '2010-02-20', '2010-02-23', 'day'),
    ('The first conference occurred September 22-26 in Phoenix, AZ.', '2009-10-28', 'September 22-26', 'DATE', '2009-09-22', '', '2009-09-22', '2009-09-26', 'day'),
    ('On October 6-7, SOUTHCOM Civilian Deputy Commander Amb. Paul Trivelli visited', '2009-10-16', 'October 6-7', 'DATE', '2009-10-06', '', '2009-10-06', '2009-10-07', 'day'),
    ('Menon mentioned planned Reprocessing Consultations March 2-4 in Delhi', '2010-02-25', 'March 2-4', 'DATE', '2010-03-02', '', '2010-03-02', '2010-03-04', 'day'),
    ('During a November 17-20 visit to all five provinces, virtually every interlocutor', '2008-12-02', 'November 17-20', 'DATE', '2008-11-17', '', '2008-11-17', '2008-11-20', 'day'),
    ('The January 25-26 meeting also helped advance cooperation', '2010-02-24', 'January 25-26', 'DATE', '2010-01-25', '', '2010-01-25', '2010-01-26', 'day'),
    ('The UK provided an outline agenda for the visit, scheduled for September 7-15, 2006.', '2006-09-14', 'September 7-15, 2006', 'DATE', '2006-09-07', '', '2006-09-07', '2006-09-15', 'day'),
    ("Mexico's Latin American Unity summit in the tourist resort of Cancun (22-23 February) was poorly conceived", '2010-02-26', '22-23 February', 'DATE', '2010-02-22', '', '2010-02-22', '2010-02-23', 'day'),
    ('SUBJECT: MEXICO: Scene setter for A/S Valenzuela (6-8 December)', '2009-12-04', '6-8 December', 'DATE', '2009-12-06', '', '2009-12-06', '2009-12-08', 'day'),
    ('Amorim announced plans to visit several Middle Eastern capitals from 11-13 January.', '2009-01-09', '11-13 January', 'DATE', '2009-01-11', '', '2009-01-11', '2009-01-13', 'day'),
    ('On 3-4 October 2007, the Preventing Nuclear Smuggling working group met', '2007-11-19', '3-4 October 2007', 'DATE', '2007-10-03', '', '2007-10-03', '2007-10-04', 'day'),
    ('Minister Gunilla Carlsson traveled to Zimbabwe on 12-13 September with an EU delegation', '2009-10-20', '12-13 September', 'DATE', '2009-09-12', '', '2009-09-12', '2009-09-13', 'day'),
    ('In a visit to Israel on 16-17 November, Treasury Under Secretary for Terrorism met', '2008-12-10', '16-17 November', 'DATE', '2008-11-16', '', '2008-11-16', '2008-11-17', 'day'),
    ('it would ship another 24,700 metric tons of fertilizer 6-7 July.', '2006-07-06', '6-7 July', 'DATE', '2006-07-06', '', '2006-07-06', '2006-07-07', 'day'),
    ('a "mother ship" for the interceptors from May 18 until June 7.', '2009-06-12', 'May 18 until June 7', 'DATE', '2009-05-18', '', '2009-05-18', '2009-06-07', 'day'),
    ('training exercise, Northern Challenge, from August 29 to September 2.', '2005-12-20', 'August 29 to September 2', 'DATE', '2005-08-29', '', '2005-08-29', '2005-09-02', 'day'),
    ('the drug trafficking route through Panama from May 19 through June 4.', '2009-06-12', 'May 19 through June 4', 'DATE', '2009-05-19', '', '2009-05-19', '2009-06-04', 'day'),
    ('relocated the 22 bodies and the three wounded from the FARC camp to Quito on March 3 and 4', '2008-03-07', 'March 3 and 4', 'DATE', '2008-03-03', '', '2008-03-03', '2008-03-04', 'day'),
    ('He returned to his home district two weeks ago and called an open meeting', '2006-02-15', 'two weeks ago', 'DATE', '2006-W05', '', '2006-01-30', '2006-02-05', 'week'),
    ('unchanged from the Paris meetings on Sahel counter-terrorism issues six months ago.', '2010-02-11', 'six months ago', 'DATE', '2009-08', '', '2009-08-01', '2009-08-31', 'month'),
    ('Chavez funded the PRD opposition during the Presidential campaign nearly four years ago.', '2009-10-23', 'four years ago', 'DATE', '2005', '', '2005-01-01', '2005-12-31', 'year'),
    ('Botelho said that five years ago, Embraer launched the Legacy aircraft', '2006-11-01', 'five years ago', 'DATE', '2001', '', '2001-01-01', '2001-12-31', 'year'),
    ('two Televisa reporters disappeared several years ago, and press colleagues', '2009-01-12', 'several years ago', 'DATE', 'PAST_REF', '', '', '', ''),
    ('a sting operation planned jointly by Slovak and Hungarian police approximately two months ago.', '2007-11-29', 'two months ago', 'DATE', '2007-09', '', '2007-09-01', '2007-09-30', 'month'),
    ('However, three or four weeks ago, it hosted the conference of rejectionists', '2008-03-03', 'three or four weeks ago', 'DATE', '2008-W07', 'APPROX', '2008-02-04', '2008-02-17', 'week'),
    ('Sarkozy is ready to act "in the coming days."', '2007-12-06', 'the coming days', 'DATE', 'FUTURE_REF', '', '', '', ''),
    ('the Ambassador has met with Getachew only twice in the past three years', '2009-06-08', 'the past three years', 'DURATION', 'P3Y', '', '2006-06-08', '2009-06-08', 'year'),
    ('The Embassy has made public diplomacy our top MSP priority in the last two years.', '2009-08-20', 'the last two years', 'DURATION', 'P2Y', '', '2007-08-20', '2009-08-20', 'year'),
    ('steps that the GOE could take in the next few weeks to demonstrate its commitment', '2005-10-11', 'the next few weeks', 'DURATION', 'PXW', '', '', '', ''),
    ('Charge said more demonstrations were likely in the coming months if the people saw no signs', '2008-01-18', 'the coming months', 'DATE', 'FUTURE_REF', '', '', '', ''),
    ('Although incidents of domestic terrorism have not increased over the past year, Mexico received threats', '2010-01-06', 'the past year', 'DURATION', 'P1Y', '', '2009-01-06', '2010-01-06', 'year'),
    ('deliveries of over 9,000 tons of food in recent weeks, more than in the past three months.', '2007-11-28', 'the past three months', 'DURATION', 'P3M', '', '2007-08-28', '2007-11-28', 'month'),
    ('bilateral security cooperation is the best that it has been in the last 16 years, since the Oslo Agreement.', '2010-01-08', 'the last 16 years', 'DURATION', 'P16Y', '', '1994-01-08', '2010-01-08', 'decade'),
    ('who was kicked out of Bahrain in mid-2006, was too closely aligned', '2010-01-10', 'mid-2006', 'DATE', '2006', 'MID', '2006-01-01', '2006-12-31', 'year'),
    ('visited Washington (White House and Pentagon) in mid-May, and has engaged senior U.S. military officials', '2007-09-05', 'mid-May', 'DATE', '2007-05', 'MID', '2007-05-01', '2007-05-31', 'month'),
    ('The Container Security Initiative will begin implementation in late July as well', '2004-07-09', 'late July', 'DATE', '2004-07', 'END', '2004-07-01', '2004-07-31', 'month'),
    ('Asked late last year whether he advocated engaging Iran or isolating it', '2009-04-02', 'late last year', 'DATE', '2008', 'END', '2008-01-01', '2008-12-31', 'year'),
    ("as further evidenced by Foreign Minister Choquehuanca's late February trip to Washington", '2007-03-02', 'late February', 'DATE', '2007-02', 'END', '2007-02-01', '2007-02-28', 'month'),
    ('The new police chiefs in Kunduz, appointed earlier this month as part of the ongoing pay reform', '2006-06-25', 'earlier this month', 'DATE', '2006-06', '', '2006-06-01', '2006-06-25', 'month'),
    ('In mid-June, police destroyed 7,000 liters of precursor chemicals.', '2009-07-01', 'mid-June', 'DATE', '2009-06', 'MID', '2009-06-01', '2009-06-30', 'month'),
    ('once the negotiations conclude -- probably in early 2008 -- and the government is forced', '2007-10-26', 'early 2008', 'DATE', '2008', 'START', '2008-01-01', '2008-12-31', 'year'),
    ('to include a mid-July visit by UAE President Sheikh Khalifa bin Zayed', '2007-09-05', 'mid-July', 'DATE', '2007-07', 'MID', '2007-07-01', '2007-07-31', 'month'),
    ('The government will make a cabinet decision on the bill by early July and present it to the Diet.', '2009-06-26', 'early July', 'DATE', '2009-07', 'ON_OR_BEFORE', '2009-07-01', '2009-07-31', 'month'),
    ('the 65-foot patrol boat, which has been out of service since October 2006 due to the lack of spare parts', '2007-12-20', 'October 2006', 'DATE', '2006-10', '', '2006-10-01', '2007-12-20', 'month'),
    ('A Labour MP since 2005, when he and fellow Labourite Saddiq Khan were elected', '2007-10-25', '2005', 'DATE', '2005', '', '2005-01-01', '2007-10-25', 'year'),
    ('the steep slide in the Russian stock markets since May, and especially since August 7, had taken a toll', '2008-09-19', 'May', 'DATE', '2008-05', '', '2008-05-01', '2008-09-19', 'month'),
    ('the steep slide in the Russian stock markets since May, and especially since August 7, had taken a toll', '2008-09-19', 'August 7', 'DATE', '2008-08-07', '', '2008-08-07', '2008-09-19', 'day'),
    ('the first conservative to be democratically elected president since 1958.', '2010-01-22', '1958', 'DATE', '1958', '', '1958-01-01', '2010-01-22', 'year'),
    ('three of the eight banks the GBRV has taken over or shut down since November 20 (refs A-D).', '2009-12-23', 'November 20', 'DATE', '2009-11-20', '', '2009-11-20', '2009-12-23', 'day'),
    ('Senegalese President Abdoulaye Wade visited Harare on Wednesday and proposed a committee', '2007-11-30', 'Wednesday', 'DATE', '2007-11-28', '', '2007-11-28', '2007-11-28', 'day'),
    ('the wave of violence that began on Friday, May 12, and lasted four days.', '2006-05-18', 'Friday, May 12', 'DATE', '2006-05-12', '', '2006-05-12', '2006-05-12', 'day'),
    ('Genaro Garcia Luna told the Ambassador that on Tuesday, January 5, President Calderon approved', '2010-01-08', 'Tuesday, January 5', 'DATE', '2010-01-05', '', '2010-01-05', '2010-01-05', 'day'),
    ('These groups will convene in Mexico City on Sunday, July 16, for a march into the Zocalo', '2006-07-11', 'Sunday, July 16', 'DATE', '2006-07-16', '', '2006-07-16', '2006-07-16', 'day'),
    ('a Qassam rocket that impacted near the Israeli city of Sderot on Thursday morning, causing no casualties.', '2005-07-15', 'Thursday morning', 'TIME', '2005-07-14TMO', '', '2005-07-14', '2005-07-14', 'day'),
    ('There were "too many" in the crowd at the Hizballah rally last Friday; this is not the time', '2006-09-28', 'last Friday', 'DATE', '2006-09-22', '', '2006-09-22', '2006-09-22', 'day'),
    ('Moreover, this winter the Icelanders have already had occasion to use their skills.', '2007-02-14', 'this winter', 'DATE', '2006-WI', '', '2006-12-01', '2007-02-28', 'quarter'),
    ("Of the 10 candidates who contested Mubarak's presidency last fall, Ayman Nour lost his seat", '2006-04-03', 'last fall', 'DATE', '2005-FA', '', '2005-09-01', '2005-11-30', 'quarter'),
    ('which should be resolved by an International Court of Justice decision this summer)', '2009-06-05', 'this summer', 'DATE', '2009-SU', '', '2009-06-01', '2009-08-31', 'quarter'),
    ('the UAE seeks congressional notification of its systems this fall', '2007-09-05', 'this fall', 'DATE', '2007-FA', '', '2007-09-01', '2007-11-30', 'quarter'),
    ('President Bouteflika told Senator Nelson last summer that the U.S. should not withdraw', '2008-02-22', 'last summer', 'DATE', '2007-SU', '', '2007-06-01', '2007-08-31', 'quarter'),
    ('His re-entry into national politics last spring brought about a palpable change', '2009-02-05', 'last spring', 'DATE', '2008-SP', '', '2008-03-01', '2008-05-31', 'quarter'),
    ('In fiscal year 2004, the Dutch did not accept any requests', '2005-12-12', 'fiscal year 2004', 'DATE', 'FY2004', '', '2003-10-01', '2004-09-30', 'year'),
    ('The GOCR has increased its spending on security and for FY10 the Ministry of Finance proposed an increase', '2009-11-10', 'FY10', 'DATE', 'FY2010', '', '2009-10-01', '2010-09-30', 'year'),
    ('If program support was restricted to the first quarter of FY 2010, then Post projects a cost', '2009-04-05', 'the first quarter of FY 2010', 'DATE', 'FY2010-Q1', '', '2009-10-01', '2009-12-31', 'quarter'),
    ("the Administration's FY08 Merida Initiative Supplemental and the FY2009 Merida Initiative request", '2007-12-20', 'FY2009', 'DATE', 'FY2009', '', '2008-10-01', '2009-09-30', 'year'),
    ('In the 1970s, Jorge Telerman was active in the Communist Youth', '2006-03-17', 'the 1970s', 'DATE', '197', '', '1970-01-01', '1979-12-31', 'decade'),
    ('the filming of a famous Michael Jackson music video from the 1990s.', '2009-10-27', 'the 1990s', 'DATE', '199', '', '1990-01-01', '1999-12-31', 'decade'),
    ('having fled Lebanon during the 1980s, settled in Brazil', '2005-07-22', 'the 1980s', 'DATE', '198', '', '1980-01-01', '1989-12-31', 'decade'),
    ('seizures of Iran-origin heroin during the first quarter of 2009 amounted to nearly 59,000 kilos', '2009-06-12', 'the first quarter of 2009', 'DATE', '2009-Q1', '', '2009-01-01', '2009-03-31', 'quarter'),
    ('In the first half of 2007, CADHAC received 43 cases', '2008-04-10', 'the first half of 2007', 'DATE', '2007-H1', '', '2007-01-01', '2007-06-30', 'quarter'),
    ('AECOM plans to send up to 30 American employees to Libya in the first half of 2008', '2007-12-18', 'the first half of 2008', 'DATE', '2008-H1', '', '2008-01-01', '2008-06-30', 'quarter'),
    ('he and his NDP colleagues had been working on the campaign since the end of June, when President Mubarak', '2005-10-11', 'the end of June', 'DATE', '2005-06', 'END', '2005-06-01', '2005-10-11', 'month'),
    ('the first gas out of Nord Stream would flow by the end of 2010.', '2007-11-29', 'the end of 2010', 'DATE', '2010', 'ON_OR_BEFORE', '2010-01-01', '2010-12-31', 'year'),
    ('In the summer of 2004 and again at the end of 2005, the President shuffled his cabinet', '2006-04-03', 'the summer of 2004', 'DATE', '2004-SU', '', '2004-06-01', '2004-08-31', 'quarter'),
    ('In the summer of 2004 and again at the end of 2005, the President shuffled his cabinet', '2006-04-03', 'the end of 2005', 'DATE', '2005', 'END', '2005-01-01', '2005-12-31', 'year'),
    ('who agreed to meet at the end of August to discuss the price issue.', '2008-08-14', 'the end of August', 'DATE', '2008-08', 'END', '2008-08-01', '2008-08-31', 'month'),
    ('but would get "out-of-hand" when the election cycle starts up at the end of the year.', '2009-10-20', 'the end of the year', 'DATE', '2009', 'END', '2009-01-01', '2009-12-31', 'year'),
    ('from Afghanistan at the end of April 2007 (Ref A).', '2007-02-14', 'the end of April 2007', 'DATE', '2007-04', 'END', '2007-04-01', '2007-04-30', 'month'),
    ('Belkovskiy told us he had been approached the week of October 2 by a longtime contact', '2006-12-01', 'the week of October 2', 'DATE', '2006-W40', '', '2006-10-02', '2006-10-08', 'week'),
    ('The roughly STG 3 million seized in Dublin and Cork the week of February 14 (ref B) is', '2005-07-27', 'the week of February 14', 'DATE', '2005-W07', '', '2005-02-14', '2005-02-20', 'week'),
    ('Once Lacognata officially greets the diplomatic corps the week of May 4, Ambassador will seek a call', '2009-04-29', 'the week of May 4', 'DATE', '2009-W19', '', '2009-05-04', '2009-05-10', 'week'),
    ('course for Customs Control Committee personnel was conducted the week of December 3, 2007, in Borovoe', '2008-01-11', 'the week of December 3, 2007', 'DATE', '2007-W49', '', '2007-12-03', '2007-12-09', 'week'),
    ('the Socialist Party through two electoral victories this year (regional and European elections)', '2005-03-14', 'this year', 'DATE', '2005', '', '2005-01-01', '2005-12-31', 'year'),
    ('resolution on Guantanamo at the Human Rights Commission last year despite concerns', '2005-08-22', 'last year', 'DATE', '2004', '', '2004-01-01', '2004-12-31', 'year'),
    ('but the GOL stated last week that it had received the letter', '2005-07-28', 'last week', 'DATE', '2005-W29', '', '2005-07-18', '2005-07-24', 'week'),
    ('employment by 2.3 percent in mining and 1.8 percent in transportation this year alone.', '2009-03-03', 'this year', 'DATE', '2009', '', '2009-01-01', '2009-12-31', 'year'),
    ('a specialist in the treatment of drug addiction spoke to Iran Watcher this week about', '2010-02-25', 'this week', 'DATE', '2010-W08', '', '2010-02-22', '2010-02-28', 'week'),
    ('with the Mainichi Shimbun and other press companies at the U.S. Embassy yesterday:', '2009-06-26', 'yesterday', 'DATE', '2009-06-25', '', '2009-06-25', '2009-06-25', 'day'),
    ('Faisal will offer Musharraf pledges of strong support in their meetings today.', '2007-11-20', 'today', 'DATE', '2007-11-20', '', '2007-11-20', '2007-11-20', 'day'),
    ('The FDP has been out of power for over 10 years and lacks experience', '2009-09-21', '10 years', 'DURATION', 'P10Y', '', '', '', ''),
    ('Vashishta noted that over the last three years, Than Shwe had repeatedly requested', '2004-11-02', 'the last three years', 'DURATION', 'P3Y', '', '2001-11-02', '2004-11-02', 'year'),
    ('for five days before they arrived in Baghdad BG Vangjel', '2005-05-03', 'five days', 'DURATION', 'P5D', '', '', '', ''),
    ('After using the first six months of the Lugo administration to quietly lay groundwork', '2009-03-28', 'the first six months', 'DURATION', 'P6M', '', '', '', ''),
    ('or for 15 years to life if the crime included serious injury', '2006-03-02', '15 years', 'DURATION', 'P15Y', '', '', '', ''),
    ('In 2004, Trimbos began a 3-year mass-media publicity campaign', '2005-12-12', '3-year', 'DURATION', 'P3Y', '', '', '', ''),
    ('an estimated 40,000- 50,000 kilos of cocaine are smuggled annually into the Netherlands', '2005-12-12', 'annually', 'SET', 'P1Y', '', '', '', ''),
    ('threatening to kill five additional police officers each day until the Secretary resigns', '2009-07-14', 'each day', 'SET', 'P1D', '', '', '', ''),
    ('Mexico,s GDP has grown just 2 percent annually over the past 10 years, totally insufficient', '2009-07-31', 'the past 10 years', 'DURATION', 'P10Y', '', '1999-07-31', '2009-07-31', 'decade'),
    ('often sending emails out as late as 2 a.m. and as early as 6 a.m. in the same day', '2009-12-02', '2 a.m.', 'TIME', '2009-12-02T02:00', '', '2009-12-02', '2009-12-02', 'day'),
    ("sent to take over the city's gas stations at 4:00 a.m. (the regular employees were", '2006-04-24', '4:00 a.m.', 'TIME', '2006-04-24T04:00', '', '2006-04-24', '2006-04-24', 'day'),
    ('the Ambassador, DCM, and Emboff, met at 5 a.m. on July 23 with Bolivian President Evo Morales', '2008-08-04', 'July 23', 'DATE', '2008-07-23', '', '2008-07-23', '2008-07-23', 'day'),
    ('Moazzam Begg met with Foreign Minister Jean Asselborn 14 January 2010 to press the government', '2010-01-15', '14 January 2010', 'DATE', '2010-01-14', '', '2010-01-14', '2010-01-14', 'day'),
    ('shall not be affected by the expiration of this agreement on 18 March 2009.', '2009-03-02', '18 March 2009', 'DATE', '2009-03-18', '', '2009-03-18', '2009-03-18', 'day'),
    ('The Solana-Patten letter of June 9, 2004, he added laid out general areas', '2004-07-09', 'June 9, 2004', 'DATE', '2004-06-09', '', '2004-06-09', '2004-06-09', 'day'),
    ('On July 29, 2008, the GOE sent a diplomatic note notifying the U.S.', '2009-08-07', 'July 29, 2008', 'DATE', '2008-07-29', '', '2008-07-29', '2008-07-29', 'day'),
    ('wartime operational control of South Korean forces to the ROK military by April 17, 2012.', '2009-08-06', 'April 17, 2012', 'DATE', '2012-04-17', 'ON_OR_BEFORE', '2012-04-17', '2012-04-17', 'day'),
    ('a Second Chamber majority urged the Government in October 2005 to approve a trial program', '2005-12-12', 'October 2005', 'DATE', '2005-10', '', '2005-10-01', '2005-10-31', 'month'),
    ('the record one ton-plus shipment of cocaine seized here in December 2004.', '2006-01-09', 'December 2004', 'DATE', '2004-12', '', '2004-12-01', '2004-12-31', 'month'),
    ('In December 2007, the Mexican Congress approved amendments', '2009-01-21', 'December 2007', 'DATE', '2007-12', '', '2007-12-01', '2007-12-31', 'month'),
    ('informed the NAC that its June 2007 tasking to the Strategic Commands', '2007-12-20', 'June 2007', 'DATE', '2007-06', '', '2007-06-01', '2007-06-30', 'month'),
    ('new legislation passed in 2005 allows intelligence-gathering to occur', '2005-12-16', '2005', 'DATE', '2005', '', '2005-01-01', '2005-12-31', 'year'),
    ('he was issued a passport in 2007.', '2009-04-01', '2007', 'DATE', '2007', '', '2007-01-01', '2007-12-31', 'year'),
    ('which unsuccessfully ran Alvaro Colom for president in 1999.', '2009-09-28', '1999', 'DATE', '1999', '', '1999-01-01', '1999-12-31', 'year'),
    ('recover this remainder of its investments by the end of 2013 or early in 2014.', '2010-01-22', 'the end of 2013', 'DATE', '2013', 'ON_OR_BEFORE', '2013-01-01', '2013-12-31', 'year'),
    ('Vigo, who served as a provincial legislator (2003-2007) for the dissident Peronist bloc', '2009-08-31', '2003-2007', 'DATE', '2003', '', '2003-01-01', '2007-12-31', 'year'),
    ('From 1985 to 1987, he served as the administrative secretary', '2009-09-10', '1985 to 1987', 'DATE', '1985', '', '1985-01-01', '1987-12-31', 'year'),
    ('Since there was no parliament from 2001 to 2003, the amendments', '2009-05-04', '2001 to 2003', 'DATE', '2001', '', '2001-01-01', '2003-12-31', 'year'),
    ('there could be a cabinet reshuffle as soon as May or June, in which Minister of Defense Tantawi', '2007-04-04', 'May or June', 'DATE', '2007-05', '', '2007-05-01', '2007-06-30', 'month'),
    ('President Tadic will travel to Brussels in June or July to open it formally', '2010-02-05', 'June or July', 'DATE', '2010-06', '', '2010-06-01', '2010-07-31', 'month'),
    ('is not a priority and will not come up for debate in committee until March or April 2011.', '2009-12-24', 'March or April 2011', 'DATE', '2011-03', '', '2011-03-01', '2011-04-30', 'month'),
    ("He stated Japan's intention to host the next ASTOP meetings in April or May 2008.", '2007-12-07', 'April or May 2008', 'DATE', '2008-04', '', '2008-04-01', '2008-05-31', 'month'),
    ('force deployment would begin in January or February 2008.', '2007-12-20', 'January or February 2008', 'DATE', '2008-01', '', '2008-01-01', '2008-02-29', 'month'),
    ('Juarez will host a countrywide H&L visa fraud conference in late January or February 2010.', '2009-10-27', 'late January or February 2010', 'DATE', '2010-01', 'END', '2010-01-01', '2010-02-28', 'month'),
    ("President Chandrika Kumaratunga's November 3-7 working visit to India", '2004-11-17', 'November 3-7', 'DATE', '2004-11-03', '', '2004-11-03', '2004-11-07', 'day'),
    ("her coalition government's victory in Parliamentary elections in April", '2004-11-17', 'April', 'DATE', '2004-04', '', '2004-04-01', '2004-04-30', 'month'),
    ('encouraged Uribe to come to Washington on his way to the UNGA in mid-September', '2005-08-04', 'mid-September', 'DATE', '2005-09', 'MID', '2005-09-01', '2005-09-30', 'month'),
    ('100,000 hectares of cocaine had been sprayed in 2005 so far', '2005-08-04', '2005', 'DATE', '2005', '', '2005-01-01', '2005-08-04', 'year'),
    ('this year GOC officials had accelerated manual eradication to complement aerial efforts', '2005-08-04', 'this year', 'DATE', '2005', '', '2005-01-01', '2005-12-31', 'year'),
    ('A Tripartite Plus Heads of State Summit will take place in Addis Ababa on December fifth', '2007-11-26', 'December fifth', 'DATE', '2007-12-05', '', '2007-12-05', '2007-12-05', 'day'),
    ('the President reached out to the opposition at the end of August to reestablish a dialogue', '2007-11-26', 'the end of August', 'DATE', '2007-08', 'END', '2007-08-01', '2007-08-31', 'month'),
    ('In September, pro-Rwasa troops attacked a contingent of dissident soldiers', '2007-11-26', 'September', 'DATE', '2007-09', '', '2007-09-01', '2007-09-30', 'month'),
    ('as it has in a series of concerted operations since last November', '2008-03-07', 'last November', 'DATE', '2007-11', '', '2007-11-01', '2008-03-07', 'month'),
    ('Ecuador did not break off relations with Peru even during two wars they fought in the last 20 years', '2008-03-07', 'the last 20 years', 'DURATION', 'P20Y', '', '1988-03-07', '2008-03-07', 'decade'),
    ('to attend the Second Bolivarian Continental Congress in Quito February 24-27', '2008-03-07', 'February 24-27', 'DATE', '2008-02-24', '', '2008-02-24', '2008-02-27', 'day'),
    ('Ten close DEA law enforcement liaison officers have been killed since 2007', '2009-01-23', '2007', 'DATE', '2007', '', '2007-01-01', '2009-01-23', 'year'),
    ('within the past two years 51 close FBI contacts have been murdered', '2009-01-23', 'the past two years', 'DURATION', 'P2Y', '', '2007-01-23', '2009-01-23', 'year'),
    ('The most high-profile death remains the May killing of Edgar Millan Gomez', '2009-01-23', 'May', 'DATE', '2008-05', '', '2008-05-01', '2008-05-31', 'month'),
    ("SCENESETTER FOR PRESIDENT OBAMA'S VISIT TO GUADALAJARA, AUGUST 9-10,2009", '2009-07-31', 'AUGUST 9-10,2009', 'DATE', '2009-08-09', '', '2009-08-09', '2009-08-10', 'day'),
    ('has sent back 63 wanted criminals already this year', '2009-07-31', 'this year', 'DATE', '2009', '', '2009-01-01', '2009-07-31', 'year'),
    ('In late 2008, the Mexican Congress approved a modest energy reform package', '2009-07-31', 'late 2008', 'DATE', '2008', 'END', '2008-01-01', '2008-12-31', 'year'),
    ('In January 2007 alone, Mexico extradited 15 fugitives to the U.S.', '2009-10-27', 'January 2007', 'DATE', '2007-01', '', '2007-01-01', '2007-01-31', 'month'),
    ('another 10 fugitives on the U.S. Most Wanted List extradited in December', '2009-10-27', 'December', 'DATE', '2008-12', '', '2008-12-01', '2008-12-31', 'month'),
    ('The next hearing will take place sometime in March', '2010-02-19', 'March', 'DATE', '2010-03', '', '2010-03-01', '2010-03-31', 'month'),
    ('Prime Minister Gilani told Senator Kerry on February 16 that Siddiqui should be transferred', '2010-02-19', 'February 16', 'DATE', '2010-02-16', '', '2010-02-16', '2010-02-16', 'day'),
    ("The Tijuana assessment was completed December 3-4 and Ciudad Juarez's January 14-15", '2010-01-29', 'January 14-15', 'DATE', '2010-01-14', '', '2010-01-14', '2010-01-15', 'day'),
    ('a dramatic set-back suffered in the July congressional elections', '2010-01-29', 'July', 'DATE', '2009-07', '', '2009-07-01', '2009-07-31', 'month'),
    ('The inauguration of the Defense Bilateral Working Group (DBWG) on February 1 comes at a key moment', '2010-01-29', 'February 1', 'DATE', '2010-02-01', '', '2010-02-01', '2010-02-01', 'day'),
    ('Uribe reportedly made ad hoc comments during a town hall discussion last weekend in the department of Meta', '2005-08-04', 'last weekend', 'DATE', '2005-W30-WE', '', '2005-07-30', '2005-07-31', 'week'),
    ('A meeting is set for 10:30 a.m. on Tuesday.', '2008-07-24', '10:30 a.m.', 'TIME', '2008-07-29T10:30', '', '2008-07-29', '2008-07-29', 'day'),
    ('The talks lasted forty minutes.', '2008-07-24', 'forty minutes', 'DURATION', 'PT40M', '', '', '', ''),
    ('He received a 20-year sentence in 1998.', '2008-07-24', '20-year', 'DURATION', 'P20Y', '', '', '', ''),
    ('The new unit will be operational in 2-3 months.', '2008-07-24', '2-3 months', 'DATE', '2008-09', 'APPROX', '2008-09-01', '2008-10-31', 'month'),
    ('The ministry will finish the review before the end of the year.', '2008-07-24', 'the end of the year', 'DATE', '2008', 'BEFORE', '2008-01-01', '2008-12-31', 'year'),
    ('Inflation has been high for years.', '2008-07-24', 'years', 'DURATION', 'PXY', '', '', '', ''),
    ('The commission meets every week.', '2008-07-24', 'every week', 'SET', 'P1W', '', '', '', ''),
    ('Sales rose three days later.', '2008-07-24', 'three days later', 'DATE', '2008-07-27', '', '2008-07-27', '2008-07-27', 'day'),
    ('Officials are now reviewing the plan.', '2008-07-24', 'now', 'DATE', 'PRESENT_REF', '', '2008-07-24', '2008-07-24', 'day'),
    ('Officials recently reviewed the plan.', '2008-07-24', 'recently', 'DATE', 'PAST_REF', '', '', '', ''),
    ('The unit was formed a couple of weeks ago.', '2008-07-24', 'a couple of weeks ago', 'DATE', '2008-W28', 'APPROX', '2008-07-07', '2008-07-13', 'week'),
    ('He will return next week.', '2008-07-24', 'next week', 'DATE', '2008-W31', '', '2008-07-28', '2008-08-03', 'week'),
    ('Violence has risen in recent years.', '2008-07-24', 'recent years', 'DATE', 'PAST_REF', '', '', '', ''),
    ('The reform passed in the 1990s.', '2008-07-24', 'the 1990s', 'DATE', '199', '', '1990-01-01', '1999-12-31', 'decade'),
    ('The budget covers the second half of 2009.', '2008-07-24', 'the second half of 2009', 'DATE', '2009-H2', '', '2009-07-01', '2009-12-31', 'quarter'),
    ('Cooperation has grown since December 2006.', '2008-07-24', 'December 2006', 'DATE', '2006-12', '', '2006-12-01', '2008-07-24', 'month'),
    ('Seizures doubled between 2006 and 2008.', '2008-07-24', 'between 2006 and 2008', 'DATE', '2006', '', '2006-01-01', '2008-12-31', 'year'),
    ('The treaty was signed 28 July 2008 in Lima.', '2008-07-24', '28 July 2008', 'DATE', '2008-07-28', '', '2008-07-28', '2008-07-28', 'day'),
    ('Talks resumed earlier this year.', '2008-07-24', 'earlier this year', 'DATE', '2008', '', '2008-01-01', '2008-07-24', 'year'),
    ('The minister will travel to Bogota on Friday.', '2008-07-24', 'Friday', 'DATE', '2008-07-25', '', '2008-07-25', '2008-07-25', 'day'),
    ('The minister travelled to Bogota on Friday.', '2008-07-24', 'Friday', 'DATE', '2008-07-18', '', '2008-07-18', '2008-07-18', 'day'),
    # an ordinal weekday of a month is that day (09BUENOSAIRES801); a fifth that the month lacks is none
    ("the presidential elections, constitutionally scheduled for the fourth Sunday in October 2011", "2009-07-12",
     "the fourth Sunday in October 2011", "DATE", "2011-10-23", "", "2011-10-23", "2011-10-23", "day"),
    ("The board meets on the last Friday of July.", "2009-07-12", "the last Friday of July", "DATE", "2009-07-31", "",
     "2009-07-31", "2009-07-31", "day"),
]

NEWS: list[Case] = [
    ("The company said Tuesday that profits fell.", "1998-02-26", "Tuesday", "DATE", "1998-02-24", "", "1998-02-24", "1998-02-24", "day"),
    ("Sales dropped sharply last year.", "1998-02-26", "last year", "DATE", "1997", "", "1997-01-01", "1997-12-31", "year"),
    ("Revenue has doubled over the past three years.", "1998-02-26", "the past three years", "DURATION", "P3Y", "", "1995-02-26", "1998-02-26", "year"),
    ("The index is now at a record high.", "1998-02-26", "now", "DATE", "PRESENT_REF", "", "1998-02-26", "1998-02-26", "day"),
    ("The firm recently hired a new chief.", "1998-02-26", "recently", "DATE", "PAST_REF", "", "", "", ""),
    ("Growth was strongest in the 1990s.", "2001-05-02", "the 1990s", "DATE", "199", "", "1990-01-01", "1999-12-31", "decade"),
    ("The board meets each week.", "1998-02-26", "each week", "SET", "P1W", "", "", "", ""),
    ("The hearing lasted three hours.", "1998-02-26", "three hours", "DURATION", "PT3H", "", "", "", ""),
    ("Trading halted at 10:30 a.m.", "1998-02-26", "10:30 a.m.", "TIME", "1998-02-26T10:30", "", "1998-02-26", "1998-02-26", "day"),
    ("The merger closed yesterday.", "1998-02-26", "yesterday", "DATE", "1998-02-25", "", "1998-02-25", "1998-02-25", "day"),
    ("Shares will be listed next month.", "1998-02-26", "next month", "DATE", "1998-03", "", "1998-03-01", "1998-03-31", "month"),
    ("Profits rose in the third quarter.", "1998-10-20", "the third quarter", "DATE", "1998-Q3", "", "1998-07-01", "1998-09-30", "quarter"),
    ("The fund was created two years ago.", "1998-02-26", "two years ago", "DATE", "1996", "", "1996-01-01", "1996-12-31", "year"),
    ("Officials met this morning.", "1998-02-26", "this morning", "TIME", "1998-02-26TMO", "", "1998-02-26", "1998-02-26", "day"),
    ("The plant will close in the coming months.", "1998-02-26", "the coming months", "DATE", "FUTURE_REF", "", "", "", ""),
    ("Prices fell 3 percent in fiscal 1997.", "1998-02-26", "fiscal 1997", "DATE", "FY1997", "", "1996-10-01", "1997-09-30", "year"),
    ("The rules take effect Jan. 1, 1999.", "1998-02-26", "Jan. 1, 1999", "DATE", "1999-01-01", "", "1999-01-01", "1999-01-01", "day"),
    ("Exports grew in the first half of 1997.", "1998-02-26", "the first half of 1997", "DATE", "1997-H1", "", "1997-01-01", "1997-06-30", "quarter"),
    ("The talks ended last weekend.", "1998-02-26", "last weekend", "DATE", "1998-W08-WE", "", "1998-02-21", "1998-02-22", "week"),
    ("The deal is worth $5 million a year.", "1998-02-26", "a year", "SET", "P1Y", "", "", "", ""),
    ("Results are published monthly.", "1998-02-26", "monthly", "SET", "P1M", "", "", "", ""),
    ("He spent decades in exile, for years in Paris.", "1998-02-26", "years", "DURATION", "PXY", "", "", "", ""),
    ("The strike began at midnight.", "1998-02-26", "midnight", "TIME", "1998-02-26T00:00", "", "1998-02-26", "1998-02-26", "day"),
    ("The law was passed in the 21st century.", "2005-02-26", "the 21st century", "DATE", "20", "", "2000-01-01", "2099-12-31", "decade"),
    # TimeML conventions for news expressions (DCT 2008-07-24 is a Thursday of ISO week 30): extents keep
    # determiners and modifiers but not prepositions; DURATION for spans, SET for rates, TIME for clock and
    # part-of-day; numeric and dashed dates are read by dateparser
    ('The minister will visit Paris on Tuesday.', '2008-07-24', 'Tuesday', 'DATE', '2008-07-29', '', '2008-07-29', '2008-07-29', 'day'),
    ('Unemployment rose last week, the ministry said.', '2008-07-24', 'last week', 'DATE', '2008-W29', '', '2008-07-14', '2008-07-20', 'week'),
    ('Sales have slowed this month.', '2008-07-24', 'this month', 'DATE', '2008-07', '', '2008-07-01', '2008-07-31', 'month'),
    ('The central bank will raise rates next year.', '2008-07-24', 'next year', 'DATE', '2009', '', '2009-01-01', '2009-12-31', 'year'),
    ('The plant closed three years ago.', '2008-07-24', 'three years ago', 'DATE', '2005', '', '2005-01-01', '2005-12-31', 'year'),
    ('The company currently employs 4,000 people.', '2008-07-24', 'currently', 'DATE', 'PRESENT_REF', '', '2008-07-24', '2008-07-24', 'day'),
    ('The ministry will review the plan in the future.', '2008-07-24', 'the future', 'DATE', 'FUTURE_REF', '', '', '', ''),
    ('Earlier this year, the government cut taxes.', '2008-07-24', 'Earlier this year', 'DATE', '2008', '', '2008-01-01', '2008-07-24', 'year'),
    ('It was the worst crisis of the 21st century.', '2008-07-24', 'the 21st century', 'DATE', '20', '', '2000-01-01', '2099-12-31', 'decade'),
    ('The report is published each year.', '2008-07-24', 'each year', 'SET', 'P1Y', '', '', '', ''),
    ('The committee meets weekly.', '2008-07-24', 'weekly', 'SET', 'P1W', '', '', '', ''),
    ('The fee is paid annually.', '2008-07-24', 'annually', 'SET', 'P1Y', '', '', '', ''),
    ('The vote is set for 10:30 a.m. Monday.', '2008-07-24', '10:30 a.m. Monday', 'TIME', '2008-07-28T10:30', '', '2008-07-28', '2008-07-28', 'day'),
    ('Protesters gathered this morning outside parliament.', '2008-07-24', 'this morning', 'TIME', '2008-07-24TMO', '', '2008-07-24', '2008-07-24', 'day'),
    ('Oil prices fell overnight in Asia.', '2008-07-24', 'overnight', 'TIME', '2008-07-23TNI', '', '2008-07-23', '2008-07-23', 'day'),
    ('Profits rose in the fourth quarter.', '1998-02-26', 'the fourth quarter', 'DATE', '1997-Q4', '', '1997-10-01', '1997-12-31', 'quarter'),
    ('The agency expects a deficit in fiscal 2009.', '2008-07-24', 'fiscal 2009', 'DATE', 'FY2009', '', '2008-10-01', '2009-09-30', 'year'),
    ('Sales were up 5 percent from a year earlier.', '2008-07-24', 'a year earlier', 'DATE', '2007', '', '2007-01-01', '2007-12-31', 'year'),
    ('The strike lasted two days.', '2008-07-24', 'two days', 'DURATION', 'P2D', '', '', '', ''),
    ('Talks could take several months.', '2008-07-24', 'several months', 'DURATION', 'PXM', '', '', '', ''),
    ('The region has been at war for decades.', '2008-07-24', 'decades', 'DURATION', 'PXDE', '', '', '', ''),
    ('Fighting resumed over the weekend.', '2008-07-24', 'the weekend', 'DATE', '2008-W29-WE', '', '2008-07-19', '2008-07-20', 'week'),
    ('Shops will be closed on Christmas.', '2008-07-24', 'Christmas', 'DATE', '2008-12-25', '', '2008-12-25', '2008-12-25', 'day'),
    ('The deal was signed on 7/17/2008.', '2008-07-24', '7/17/2008', 'DATE', '2008-07-17', '', '2008-07-17', '2008-07-17', 'day'),
    ('The election was held on 17.07.2008.', '2008-07-24', '17.07.2008', 'DATE', '2008-07-17', '', '2008-07-17', '2008-07-17', 'day'),
    ('The filing is dated 2008-07-17.', '2008-07-24', '2008-07-17', 'DATE', '2008-07-17', '', '2008-07-17', '2008-07-17', 'day'),
    ('The merger was completed on July 17th, 2008.', '2008-07-24', 'July 17th, 2008', 'DATE', '2008-07-17', '', '2008-07-17', '2008-07-17', 'day'),
    ('Shares fell sharply on Jul. 17.', '2008-07-24', 'Jul. 17', 'DATE', '2008-07-17', '', '2008-07-17', '2008-07-17', 'day'),
    ('He arrived on the 17th of July.', '2008-07-24', 'the 17th of July', 'DATE', '2008-07-17', '', '2008-07-17', '2008-07-17', 'day'),
    ('The summit opened Tuesday, July 22.', '2008-07-24', 'Tuesday, July 22', 'DATE', '2008-07-22', '', '2008-07-22', '2008-07-22', 'day'),
    ('Police said the attack took place on Tuesday, July 17.', '2008-07-24', 'Tuesday, July 17', 'DATE', '2008-07-17', '', '2008-07-17', '2008-07-17', 'day'),
    ('Voters go to the polls on Nov. 4.', '2008-07-24', 'Nov. 4', 'DATE', '2008-11-04', '', '2008-11-04', '2008-11-04', 'day'),
    ('The law takes effect in early 2009.', '2008-07-24', 'early 2009', 'DATE', '2009', 'START', '2009-01-01', '2009-12-31', 'year'),
    ('Officials met late last month.', '2008-07-24', 'late last month', 'DATE', '2008-06', 'END', '2008-06-01', '2008-06-30', 'month'),
    ('Growth slowed in the second quarter of 2008.', '2008-07-24', 'the second quarter of 2008', 'DATE', '2008-Q2', '', '2008-04-01', '2008-06-30', 'quarter'),
    ('The company was founded in 1987.', '2008-07-24', '1987', 'DATE', '1987', '', '1987-01-01', '1987-12-31', 'year'),
    ('Prices rose 4 percent in June.', '2008-07-24', 'June', 'DATE', '2008-06', '', '2008-06-01', '2008-06-30', 'month'),
    ('The government will hold elections in March.', '2008-07-24', 'March', 'DATE', '2009-03', '', '2009-03-01', '2009-03-31', 'month'),
    ('Rebels attacked the town on Sunday night.', '2008-07-24', 'Sunday night', 'TIME', '2008-07-20TNI', '', '2008-07-20', '2008-07-20', 'day'),
    ('The embargo will end at midnight Friday.', '2008-07-24', 'midnight Friday', 'TIME', '2008-07-25T00:00', '', '2008-07-25', '2008-07-25', 'day'),
    ('The index has risen for five consecutive days.', '2008-07-24', 'five consecutive days', 'DURATION', 'P5D', '', '', '', ''),
    ('The president will travel to Asia later this month.', '2008-07-24', 'later this month', 'DATE', '2008-07', '', '2008-07-24', '2008-07-31', 'month'),
    ('A decade ago, the city was bankrupt.', '2008-07-24', 'A decade ago', 'DATE', '199', '', '1990-01-01', '1999-12-31', 'decade'),
    ('The talks ended Friday without agreement.', '2008-07-24', 'Friday', 'DATE', '2008-07-18', '', '2008-07-18', '2008-07-18', 'day'),
    ('Negotiators will meet again Friday.', '2008-07-24', 'Friday', 'DATE', '2008-07-25', '', '2008-07-25', '2008-07-25', 'day'),
    ('The new rules take effect tomorrow.', '2008-07-24', 'tomorrow', 'DATE', '2008-07-25', '', '2008-07-25', '2008-07-25', 'day'),
    ('The plan was announced on Monday and approved the next day.', '2008-07-24', 'the next day', 'DATE', '2008-07-22', '', '2008-07-22', '2008-07-22', 'day'),
    ('In the past, such deals were rare.', '2008-07-24', 'the past', 'DATE', 'PAST_REF', '', '', '', ''),
    ('The boycott began in the late 1970s.', '2008-07-24', 'the late 1970s', 'DATE', '197', 'END', '1970-01-01', '1979-12-31', 'decade'),
    ('Two days later, the minister resigned.', '2008-07-24', 'Two days later', 'DATE', '2008-07-26', '', '2008-07-26', '2008-07-26', 'day'),
    ('Trading resumed at 2 p.m. local time.', '2008-07-24', '2 p.m.', 'TIME', '2008-07-24T14:00', '', '2008-07-24', '2008-07-24', 'day'),
    ('The euro traded at $1.57 late Wednesday.', '2008-07-24', 'late Wednesday', 'DATE', '2008-07-23', 'END', '2008-07-23', '2008-07-23', 'day'),
    ('The vote was delayed until next Tuesday.', '2008-07-24', 'next Tuesday', 'DATE', '2008-07-29', '', '2008-07-29', '2008-07-29', 'day'),
    ('Inflation hit 5 percent this spring.', '2008-07-24', 'this spring', 'DATE', '2008-SP', '', '2008-03-01', '2008-05-31', 'quarter'),
    ('Years of war have left the economy in ruins.', '2008-07-24', 'Years', 'DURATION', 'PXY', '', '', '', ''),
    ('It was the first rate cut in years.', '2008-07-24', 'years', 'DURATION', 'PXY', '', '', '', ''),
    ('The bank will report results by the end of the month.', '2008-07-24', 'the end of the month', 'DATE', '2008-07', 'ON_OR_BEFORE', '2008-07-01', '2008-07-31', 'month'),
    ('Output fell for the third straight month in June.', '2008-07-24', 'June', 'DATE', '2008-06', '', '2008-06-01', '2008-06-30', 'month'),
    ('The mayor resigned on Wednesday, after two weeks of protests.', '2008-07-24', 'two weeks', 'DURATION', 'P2W', '', '', '', ''),
    ('The bill could reach the floor early next week.', '2008-07-24', 'early next week', 'DATE', '2008-W31', 'START', '2008-07-28', '2008-08-03', 'week'),
    ('The company expects to return to profit within two years.', '2008-07-24', 'two years', 'DURATION', 'P2Y', '', '2008-07-24', '2010-07-24', 'year'),
    ('Analysts said the shares could rally in the weeks ahead.', '2008-07-24', 'the weeks ahead', 'DATE', 'FUTURE_REF', '', '', '', ''),
    ('The ceasefire has held since Saturday.', '2008-07-24', 'Saturday', 'DATE', '2008-07-19', '', '2008-07-19', '2008-07-24', 'day'),
    ('The court will rule on the case this fall.', '2008-07-24', 'this fall', 'DATE', '2008-FA', '', '2008-09-01', '2008-11-30', 'quarter'),
    ('The talks began on 17-Jul-2008 in Geneva.', '2008-07-24', '17-Jul-2008', 'DATE', '2008-07-17', '', '2008-07-17', '2008-07-17', 'day'),
    ('The talks opened on July 10, and the cabinet met again the following Monday.', '2008-07-24', 'the following Monday', 'DATE', '2008-07-14', '', '2008-07-14', '2008-07-14', 'day'),
    ('Prices have risen 20 percent since January.', '2008-07-24', 'January', 'DATE', '2008-01', '', '2008-01-01', '2008-07-24', 'month'),
    ('He has led the party since 2001.', '2008-07-24', '2001', 'DATE', '2001', '', '2001-01-01', '2008-07-24', 'year'),
    ("Markets were closed on New Year's Day.", '2008-01-03', "New Year's Day", 'DATE', '2008-01-01', '', '2008-01-01', '2008-01-01', 'day'),
    ('Traders expect the market to recover by Easter.', '2008-01-03', 'Easter', 'DATE', '2008-03-23', 'ON_OR_BEFORE', '2008-03-23', '2008-03-23', 'day'),
    # news-style phrases checked for the events work (values in TimeML conventions)
    ("Sales fell 5 percent from the previous year.", "2008-03-04", "the previous year", "DATE", "2007", "", "2007-01-01", "2007-12-31", "year"),
    ("So far this year, 300 people have been killed.", "2008-03-04", "So far this year", "DATE", "2008", "", "2008-01-01", "2008-03-04", "year"),
    ("The government will announce the plan in the coming weeks.", "2008-03-04", "the coming weeks", "DATE", "FUTURE_REF", "", "", "", ""),
    ("Police arrested 40 people over the past few days.", "2008-03-04", "the past few days", "DURATION", "PXD", "", "", "", ""),
    ("Gunmen attacked a bar Tuesday night.", "2008-03-06", "Tuesday night", "TIME", "2008-03-04TNI", "", "2008-03-04", "2008-03-04", "day"),
    ("The agreement was signed late Tuesday.", "2008-03-06", "late Tuesday", "DATE", "2008-03-04", "END", "2008-03-04", "2008-03-04", "day"),
    ('The plant is expected to open by mid-2009.', '2008-03-06', 'mid-2009', 'DATE', '2009', 'ON_OR_BEFORE', '2009-01-01', '2009-12-31', 'year'),
    ("The violence began last spring.", "2008-03-06", "last spring", "DATE", "2007-SP", "", "2007-03-01", "2007-05-31", "quarter"),
    ("He visited Lima in the summer of 2007.", "2008-03-06", "the summer of 2007", "DATE", "2007-SU", "", "2007-06-01", "2007-08-31", "quarter"),
    ("Prices peaked in March 2008.", "2008-06-06", "March 2008", "DATE", "2008-03", "", "2008-03-01", "2008-03-31", "month"),
    ("Security has tightened since the attacks of Sept. 11, 2001.", "2008-06-06", "Sept. 11, 2001", "DATE", "2001-09-11", "", "2001-09-11", "2001-09-11", "day"),
    # a year that modifies a noun is still a DATE
    ("Parties are preparing for the 2008 elections.", "2007-06-06", "2008", "DATE", "2008", "", "2008-01-01", "2008-12-31", "year"),
]

#: (text, dct, a piece of the text that no expression may overlap)
NEVER: list[tuple[str, str, str]] = [
    ("E.O. 12958: DECL: 07/24/2018 TAGS: PREL SNAR MX", "2008-07-24", "12958"),
    ("E.O. 12958: DECL: 07/24/2018 TAGS: PREL SNAR MX", "2008-07-24", "07/24/2018"),
    ("DECL: TWENTY YEARS", "2008-07-24", "TWENTY YEARS"),
    ("R 241258Z JUL 08 FM AMEMBASSY MEXICO", "2008-07-24", "JUL 08"),
    ("P 301001Z JUN 04", "2004-06-30", "JUN 04"),
    ("REF: A. 08 MEXICO 2276 B. 07 MEXICO 6043", "2008-07-24", "2276"),
    ("MEXICO 00002276 002 OF 004", "2008-07-24", "002 OF 004"),
    ("SUBJECT: NEGROPONTE VISIT #6043/01 CABLE", "2007-12-05", "#6043/01"),
    ("The budget includes $48 billion for security.", "2008-07-24", "$48 billion"),
    ("The court handled 20-30 cases last month.", "2008-07-24", "20-30 cases"),
    ("Police seized some 2000 weapons in the raid.", "2008-07-24", "2000"),
    ("the 2000 police officers deployed to Juarez", "2008-07-24", "2000"),
    ("a 45-year-old man was arrested", "2008-07-24", "45-year-old"),
    ("Mapiripan, now seven years old, Arauca", "2005-08-04", "seven years old"),
    ("percent of the Dutch population of 12 years and older", "2005-12-12", "12 years and older"),
    ("The GOM may decide to extradite him.", "2008-07-24", "may"),
    ("THE GOM MAY DECIDE TO EXTRADITE HIM.", "2008-07-24", "MAY"),
    ("We met one of the officials.", "2008-07-24", "one"),
    ("we believe the plan will work", "2008-07-24", "we"),
    ("He sat down with the minister.", "2008-07-24", "sat"),
    ("Protesters will march on the capital.", "2008-07-24", "march"),
    ("It was the second meeting with the minister.", "2008-07-24", "second"),
    ("He won a second term in office.", "2008-07-24", "second"),
    ("Classified By: Ambassador Antonio O. Garza, reasons 1.4 (b) and (d).", "2008-07-24", "1.4"),
    ("Article 2008 of the penal code applies.", "2008-07-24", "2008"),
    ("UN Security Council Resolution 1973 authorised force.", "2011-03-20", "1973"),
    ("Seizures rose 2008% in the period.", "2008-07-24", "2008"),
    ("SECTION 01 OF 04 MEXICO 002276", "2008-07-24", "01 OF 04"),
    ("Theresa May said the bill would pass.", "2016-07-24", "May"),
    ("The spring in the garden is dry and prices may fall.", "2008-07-24", "fall"),
    ("E.O. 12958: DNG: CO 04/08/2026", "2008-07-24", "04/08/2026"),
    ("E.o. 12958: decl: 01/07/2014 Tags: prel, pgov", "2008-07-24", "01/07/2014"),
    ("The motion needs a 3/4 majority.", "2008-07-24", "3/4"),
    ("The delegation booked an overnight stay in Lima.", "2008-07-24", "overnight"),
    ("Section 1.4.2 of the agreement applies.", "2008-07-24", "1.4.2"),
    ("The bill failed on 2/30/2008 according to the draft.", "2008-07-24", "2/30/2008"),
    # "the next day" with no day before it in the text: the caller's context (events) dates it
    ("They left the next day.", "2008-07-24", "the next day"),
    # issue 17: counts and labels that read as years, and spans the cable cannot mean
    ("an 1800-man force deployed to the border", "2008-07-24", "1800"),
    ("a 1975-man contingent arrived", "2008-07-24", "1975"),
    ("sanctions under UNSCR 1803 remain in force", "2008-07-24", "1803"),
    ("the UNSCR 1973 no-fly zone", "2011-03-20", "1973"),
    ("In 1944 the allies landed in Normandy.", "2008-07-24", "1944"),
    ("The lease runs until 2150 under the treaty.", "2008-07-24", "2150"),
    # ... but not an age or a part of a date
    ("Children under seven years of age need no visa.", "2008-07-24", "years"),
    ("In the closing months of 2008 Korea slowed.", "2009-01-10", "months"),
    ("The station extended the opening hours of the police HQ.", "2009-01-10", "hours"),
    # a day relative to one this text does not name: the caller's context knows it
    ("Chavez had called him earlier in the day.", "2005-08-04", "earlier in the day"),
]

REGRESSIONS: list[Case] = [
    # "the week of" a Sunday is the week that Sunday begins, not the ISO week it ends
    ("the joint BP-SOCAR gas working group is scheduled to meet the week of November 12.", "2006-11-15",
     "the week of November 12", "DATE", "2006-W46", "", "2006-11-12", "2006-11-18", "week"),
    # "and" before a year read as a quantity joiner and dropped the year
    ("for local elections in 2010 and 2011, as well as", "2009-12-16", "2011", "DATE", "2011", "", "2011-01-01", "2011-12-31", "year"),
    # "run-up to" read as the quantity qualifier "up to"
    ("jockeying for position in the run-up to 2010 elections", "2007-11-26", "2010", "DATE", "2010", "", "2010-01-01", "2010-12-31", "year"),
    # "already this year" is the year so far
    ("has sent back 63 wanted criminals already this year", "2009-07-31", "this year", "DATE", "2009", "", "2009-01-01", "2009-07-31", "year"),
    # "would" + a day just before the DCT: the cable was drafted days before it was sent
    ("the GOM would send a delegation to Cuba for meetings July 23-24", "2008-07-24", "July 23-24", "DATE", "2008-07-23", "", "2008-07-23", "2008-07-24", "day"),
    # the "should" of a that-clause does not set the tense of the main clause
    ("Gilani told Senator Kerry on February 16 that Siddiqui should be transferred", "2010-02-19", "February 16", "DATE", "2010-02-16", "", "2010-02-16", "2010-02-16", "day"),
    # "to come" (purpose clause) looks ahead although "encouraged" is past
    ("encouraged Uribe to come to Washington on his way to the UNGA in mid-September", "2005-08-04", "mid-September", "DATE", "2005-09", "MID", "2005-09-01", "2005-09-30", "month"),
    # a part-of-month prefix before month alternatives
    ("a conference in late January or February 2010.", "2009-10-27", "late January or February 2010", "DATE", "2010-01", "END", "2010-01-01", "2010-02-28", "month"),
    # a past reporting verb around a day a few weeks ahead
    ("Ghanem welcomed the U.S. Trade Mission (February 20-23), saying that", "2010-02-11", "February 20-23", "DATE", "2010-02-20", "", "2010-02-20", "2010-02-23", "day"),
    # "so far" after the year stops the interval at the DCT
    ("100,000 hectares had been sprayed in 2005 so far", "2005-08-04", "2005", "DATE", "2005", "", "2005-01-01", "2005-08-04", "year"),
    # "before the end of the year": BEFORE, from the DCT to December 31
    ('The ministry will finish before the end of the year.', '2008-07-24', 'the end of the year', 'DATE', '2008', 'BEFORE', '2008-01-01', '2008-12-31', 'year'),
    # a year range after "and" and inside parentheses
    ("between 2006 and 2008, (1983-1987)", "2009-12-16", "1983-1987", "DATE", "1983", "", "1983-01-01", "1987-12-31", "year"),
    # "in December" in a past clause of an October cable is last December
    ("another 10 fugitives were extradited in December", "2009-10-27", "December", "DATE", "2008-12", "", "2008-12-01", "2008-12-31", "month"),
    # a far "will" made a bare day of four weeks back the same day next year
    ("Following HHS Secretary Sebelius' successful visit to Cancun on July 2 at the W.H.O.'s H1N1 conference, your public affirmation of the GOM's strong performance will help", "2009-07-31", "July 2", "DATE", "2009-07-02", "", "2009-07-02", "2009-07-02", "day"),
    # a clock time before its day became two expressions, the time on the DCT; and "a.m."
    # followed by a capital ended the clause, hiding the future cue ("is set for") from the weekday
    ("The vote is set for 10:30 a.m. Monday.", "2008-07-24", "10:30 a.m. Monday", "TIME", "2008-07-28T10:30", "", "2008-07-28", "2008-07-28", "day"),
    # "at 5 a.m. on July 23": the time took the DCT instead of its day
    ("met at 5 a.m. on July 23 with Bolivian President Evo Morales", "2008-08-04", "5 a.m.", "TIME", "2008-07-23T05:00", "", "2008-07-23", "2008-07-23", "day"),
    # the written weekday settles the year of a yearless date half a year away (2008-01-12 is a Saturday) ...
    ("Parliament reconvenes Monday, January 12.", "2008-07-24", "Monday, January 12", "DATE", "2009-01-12", "", "2009-01-12", "2009-01-12", "day"),
    # ... but not of one a week away: a wrong weekday there is a slip (2008-07-17 is a Thursday)
    ("Police said the attack took place on Tuesday, July 17.", "2008-07-24", "Tuesday, July 17", "DATE", "2008-07-17", "", "2008-07-17", "2008-07-17", "day"),
    # a time zone between the clock time and "on" its day
    ("Camara landed in Ouagadougou before 21:45 GMT on January 12.", "2010-01-15", "21:45", "TIME", "2010-01-12T21:45", "", "2010-01-12", "2010-01-12", "day"),
    # "the middle of the week" swallowed the start of "the week of August 2"
    ("State will generate the text by the middle of the week of August 2.", "2004-07-20", "the week of August 2", "DATE", "2004-W32", "", "2004-08-02", "2004-08-08", "week"),
    # a bare plural before "of" with no number in front is a vague duration ...
    ("The country is recovering after years of war.", "2008-07-24", "years", "DURATION", "PXY", "", "", "", ""),
    # no-cue yearless dates: the nearer side wins unless the past is within twice the distance
    ("Voters go to the polls on Nov. 4.", "2008-07-24", "Nov. 4", "DATE", "2008-11-04", "", "2008-11-04", "2008-11-04", "day"),
    # a yearless quarter in a past clause is the last one that has begun
    ("Profits rose in the fourth quarter.", "1998-02-26", "the fourth quarter", "DATE", "1997-Q4", "", "1997-10-01", "1997-12-31", "quarter"),
    # numeric dates were not found at all (dateparser now reads them)
    ("EconOff spoke on 10/1/04 with the MFA", "2004-10-05", "10/1/04", "DATE", "2004-10-01", "", "2004-10-01", "2004-10-01", "day"),
    ("upcoming (1/1/05) responsibilities as G-8 Chairman", "2004-12-01", "1/1/05", "DATE", "2005-01-01", "", "2005-01-01", "2005-01-01", "day"),
    # "late" / "early" before a relative unit was left out of the extent
    ("Officials met late last month.", "2008-07-24", "late last month", "DATE", "2008-06", "END", "2008-06-01", "2008-06-30", "month"),
    # "the end of the month" was not found
    ("The bank will report results by the end of the month.", "2008-07-24", "the end of the month", "DATE", "2008-07", "ON_OR_BEFORE", "2008-07-01", "2008-07-31", "month"),
    # an adjective between the number and the unit hid the duration
    ("The index has risen for five consecutive days.", "2008-07-24", "five consecutive days", "DURATION", "P5D", "", "", "", ""),
    # a bare month in a clause with "planned" / "expected" went to last year ("officials said"
    # after it was the nearest cue; "expected" alone was no cue and the no-cue rule prefers the past)
    ("The talks are planned for June, officials said.", "2009-04-28", "June", "DATE", "2009-06", "", "2009-06-01", "2009-06-30", "month"),
    ("A second round is expected in late June.", "2009-02-10", "late June", "DATE", "2009-06", "END", "2009-06-01", "2009-06-30", "month"),
    ("Elections are tentatively scheduled for April 9.", "2005-10-26", "April 9", "DATE", "2006-04-09", "", "2006-04-09", "2006-04-09", "day"),
    # a verb of saying well before the time dates the saying, not the reported content ...
    ("Officials said the visit in June is still possible.", "2009-04-28", "June", "DATE", "2009-06", "", "2009-06-01", "2009-06-30", "month"),
    # ... but it still dates a time before it in its own clause
    ("In his meeting in October with the envoy, the president said the bill would pass.", "2010-02-16", "October", "DATE", "2009-10", "", "2009-10-01", "2009-10-31", "month"),
    ("The minister said on Monday that the plan will go ahead.", "2008-03-06", "Monday", "DATE", "2008-03-03", "", "2008-03-03", "2008-03-03", "day"),
    # "earlier in the week" was not found: the DCT's week up to the DCT
    ("He said earlier in the week that the talks had failed.", "2007-11-08", "earlier in the week", "DATE", "2007-W45", "", "2007-11-05", "2007-11-08", "week"),
    # ... and "earlier in the day" is the day the text named last
    ("Police arrived on March 3. Earlier in the day, gunmen had fired on the station.", "2008-03-07", "Earlier in the day", "DATE", "2008-03-03", "", "2008-03-03", "2008-03-03", "day"),
    # "the second half" matched alone and hid "the second half of the year"
    ("Growth should pick up in the second half of the year.", "2008-03-06", "the second half of the year", "DATE", "2008-H2", "", "2008-07-01", "2008-12-31", "quarter"),
]


def _check(text: str, dct: str, span: str, type_: str, value: str, mod: str, start: str, end: str,
           granularity: str) -> None:
    found = find_time_expressions(text, dct)
    matching = [e for e in found if e.text == span]
    assert matching, f"{span!r} not found; found {[e.text for e in found]}"
    e = matching[0]
    assert (e.type, e.value, e.mod, e.date_start, e.date_end, e.granularity) == (
        type_, value, mod, start, end, granularity)
    assert text[e.start:e.end] == e.text


@pytest.mark.parametrize("case", DEV, ids=[c[2] for c in DEV])
def test_dev(case: Case) -> None:
    _check(*case)


@pytest.mark.parametrize("case", NEWS, ids=[c[2] for c in NEWS])
def test_news(case: Case) -> None:
    _check(*case)


@pytest.mark.parametrize("case", REGRESSIONS, ids=[c[2] for c in REGRESSIONS])
def test_regressions(case: Case) -> None:
    _check(*case)


@pytest.mark.parametrize("text,dct,piece", NEVER, ids=[c[2] for c in NEVER])
def test_never_a_date(text: str, dct: str, piece: str) -> None:
    where = text.index(piece)
    overlapping = [e for e in find_time_expressions(text, dct) if e.start < where + len(piece) and where < e.end]
    assert overlapping == []


@pytest.mark.parametrize("text,dct,first", [
    ("In 1949 the republic was founded.", "2008-07-24", "1949-01-01"),  # 59 years before
    ("In 1850 the city was founded.", "", "1850-01-01"),  # no cable date: only the last year holds
])
def test_dates_within_the_cables_reach_are_kept(text: str, dct: str, first: str) -> None:
    assert [e.date_start for e in find_time_expressions(text, dct)] == [first]


@pytest.mark.parametrize("start,end,cable,plausible", [
    ("1948-07-24", "1948-07-24", "2008-07-24", True),  # 60 years to the day
    ("1948-07-23", "1948-07-23", "2008-07-24", False),
    ("1948-01-01", "2008-12-31", "2008-07-24", False),  # "since 1948" starts too early
    ("2100-12-31", "2100-12-31", "2008-07-24", True),
    ("2100-12-31", "2101-01-01", None, False),
    ("1600-01-01", "1600-12-31", None, True),
    ("1948-02-29", "1948-02-29", "2008-02-29", True),
])
def test_plausible_for_cable(start: str, end: str, cable: str | None, plausible: bool) -> None:
    day = dt.date.fromisoformat
    assert plausible_for_cable(day(start), day(end), day(cable) if cable else None) is plausible


def test_dev_set_is_large_enough() -> None:
    assert len(DEV) >= 150


@pytest.mark.parametrize("text,value", [
    ("On October 30 the minister met his counterpart.", "XXXX-10-30"),
    ("They met last year.", "PAST_REF"),
    ("They will meet next week.", "FUTURE_REF"),
    ("They meet today.", "PRESENT_REF"),
])
def test_without_dct_relative_values_have_no_interval(text: str, value: str) -> None:
    [expression] = find_time_expressions(text, "")
    assert (expression.value, expression.date_start, expression.date_end) == (value, "", "")


def test_without_dct_absolute_dates_keep_their_interval() -> None:
    [expression] = find_time_expressions("The treaty was signed on 28 July 2008.", "")
    assert (expression.date_start, expression.date_end, expression.granularity) == ("2008-07-28", "2008-07-28", "day")


def test_offsets_index_a_multi_sentence_text() -> None:
    text = "The minister visited Lima on March 3. He will return on March 20.\nTalks resumed last week."
    found = find_time_expressions(text, "2008-03-10")
    assert [(e.text, e.date_start) for e in found] == [
        ("March 3", "2008-03-03"), ("March 20", "2008-03-20"), ("last week", "2008-03-03")]
    assert all(text[e.start:e.end] == e.text for e in found)


def test_cli_prints_one_json_object_per_expression() -> None:
    from extractor import read

    if not hasattr(read, "decode_bytes"):
        pytest.skip("extractor.read.decode_bytes (used by the CLI) is not implemented yet")
    result = CliRunner().invoke(cli, ["timex", "--dct", "2008-07-24", "-"],
                                input="He visited Mexico July 17-18 and will return next week.")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["text"], r["date_start"], r["date_end"]) for r in rows] == [
        ("July 17-18", "2008-07-17", "2008-07-18"), ("next week", "2008-07-28", "2008-08-03")]


def test_dateparser_is_loaded_only_for_numeric_dates() -> None:
    """``import extractor.timex`` and text without numeric dates stay free of dateparser's import cost."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from extractor.timex import find_time_expressions\n"
        "find_time_expressions('He visited Mexico July 17-18 and will return next week.', '2008-07-24')\n"
        "assert 'dateparser' not in sys.modules, 'dateparser imported for spelled dates'\n"
        "[e] = find_time_expressions('The deal was signed on 7/17/2008.', '2008-07-24')\n"
        "assert e.value == '2008-07-17' and 'dateparser' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_every_grammar_rule_has_exactly_one_registered_normalizer() -> None:
    """Rules are registered with ``@rule(name)``: none of the grammar is left without a
    normalizer, and no normalizer names a rule the grammar lacks."""
    from extractor.timex import RULES, rule
    from extractor.timex_patterns import grammar

    assert set(RULES) == set(grammar().groups)
    with pytest.raises(ValueError, match="two normalizers"):
        rule("season")(RULES["season"])
