"""Telegram layout that both the reader (metadata) and the cleaner (body) must
recognise; kept in one place so the two stages agree on it."""

from __future__ import annotations

import re

#: a line that ends a wrapped SUBJECT: a reference, the classification authority,
#: E.O./TAGS/SIPDIS lines, a paragraph marker or number, a rule, a summary heading
SUBJECT_STOP_LINE = re.compile(
    r"^\s*(?:REFS?\b|REFTEL\b|REFERENCES?\s*:|Classified\s+By|CLASSIFIED\s+BY|E\.?\s?O\.?\s*1|TAGS\b|SIPDIS"
    r"|¶|\d{1,3}\s*[.)]\s|\(\s*[A-Z/]{1,8}\s*\)|[-=_]{3,}|Summary\b|SUMMARY\b|(?:[A-Z] ){3,})")
