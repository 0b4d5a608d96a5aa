"""Money patterns: currency marks, codes and words, amounts written before or after their
currency, rates ("£210,000 a week") and amounts converted in brackets ("€85m (£72m)").

Only the regexes and tables live here; ``_Finder.money`` in ``finder.py`` applies them,
so the order in which the kinds claim characters stays in one place.
"""

from __future__ import annotations

import re

from .numbers import _ND_BARE, _NUM, _NW, _SCALE

# --- money -------------------------------------------------------------------

_CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "s$": "SGD",
    "hk$": "HKD",
    "nz$": "NZD",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "₽": "RUB",
    "rub": "RUB",
    "cny": "CNY",
    "rmb": "CNY",
    "zar": "ZAR",
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "rupee": "INR",
    "rupees": "INR",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
    "rand": "ZAR",
    "usd": "USD",
    "inr": "INR",
    "eur": "EUR",
    "gbp": "GBP",
    "rub": "RUB",
    "cny": "CNY",
    "jpy": "JPY",
    "zar": "ZAR",
}
_CURRENCY_CHARS = "$₹€£¥₽"
_CURRENCY_CODES = frozenset(("rs", "inr", "usd", "eur", "gbp", "rub", "cny", "rmb", "jpy", "zar"))
# A dollar named by its country ("1.2 billion Australian dollars").
_DOLLARS_OF = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "australian": "AUD",
    "canadian": "CAD",
    "singapore": "SGD",
    "hong kong": "HKD",
    "new zealand": "NZD",
}
# Written with a bare "$" or "dollars", an amount names no country: an Australian paper's
# "$1.2bn" is the wire's "A$1.2 billion". Such values carry ``"dollar": "unstated"``.
UNSTATED_DOLLAR = "unstated"
_CURRENCY_RE = re.compile(
    r"(?:\b(?:US|HK|NZ|[ACS]))?\$|₹|€|£|¥|₽|\b(?:Rs\.?|INR|USD|EUR|GBP|RUB|CNY|RMB|JPY|ZAR)(?![A-Za-z])"
)
_MONEY_PREFIX_AT = re.compile(
    r"(?P<cur>(?:US|HK|NZ|[ACS])?\$|₹|€|£|¥|₽|Rs\.?|INR|USD|EUR|GBP|RUB|CNY|RMB|JPY|ZAR)"
    # Not cut short of more digits ("1,000"); a comma then a space is punctuation ("$3.75, down").
    rf"\s?(?P<num>{_ND_BARE}|(?i:{_NW}))(?!\d|,\d)"
    rf"{_SCALE}?(?P<plus>\+)?"
)
# An amount right after another, in brackets: "€85m (£72m)", "A$1.2bn (about US$790m)",
# "85 million euros (£72m)".
_CONVERSION_BEFORE = re.compile(
    r"(?:[$€£¥₹₽]\s?[\d.,]*\d\s*(?i:bn|mn|m|k|billion|million|crore|lakh|trillion)?"
    r"|\d\s*(?i:billion|million|crore|lakh|trillion)?\s*(?i:euros?|dollars?|pounds?"
    r"|rupees?|yen|yuan|roubles?|rubles?|sterling))"
    r"\s*\(\s*(?i:about|around|roughly|approximately|some|nearly|almost|or|equivalent\s+to)?\s*$"
)
_RATE_AT = re.compile(
    r"[ \t\-]*(?i:(?:a|an|per|each|every)[ \t\-]+(?P<per>hour|day|week|month|year|annum)"
    r"|(?P<adv>hourly|daily|weekly|monthly|yearly|annually))\b"
)
_RATE_PERIODS = {
    "annum": "year",
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
}
_MONEY_SUFFIX_AT = re.compile(
    rf"(?P<num>{_NUM}){_SCALE}?(?P<plus>\+)?\s+"
    r"(?:(?P<nation>US|U\.S\.|American|Indian|Australian|Canadian|Singapore|Hong\s+Kong"
    r"|New\s+Zealand)\s+)?"
    r"(?P<cw>(?i:dollars?|rupees?|euros?|pounds?(?:\s+sterling)?|roubles?|rubles?|yuan|yen|rand)"
    r"|USD|INR|EUR|GBP|RUB|CNY|JPY|ZAR)\b"
)

# The South African rand's "R" glued to its amount: "R38m", "R13,900", "R18 500" (a space
# groups thousands there). A bare "R5" or "R101" is a road or a model, so the amount must
# carry a scale, a group separator or four digits.
_RAND_AT = re.compile(
    r"(?<![\w$&])R(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)(?:[.,]\d+)?|"
    rf"{_ND_BARE})(?!\d){_SCALE}?(?P<plus>\+)?"
)
