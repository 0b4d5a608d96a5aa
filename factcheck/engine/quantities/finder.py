"""``find_values``: applies every kind's patterns to a text in priority order and turns
the matches into normalised values (the package docstring gives their shapes).

One ``_Finder`` per text records which characters are taken, so spans never overlap
and an earlier kind (a fiscal year) wins over a later one (a count). The text is
scanned once for number starts and its lower-case words, so each pattern is tried only
where it can start and only when its trigger words are present.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator

from text_to_num import text2num

from factcheck.engine.counted_nouns import related, senses_of

from ..types import Value
from ..units import measure_of
from .addresses import _url_spans
from .counts import (
    _AGE_APPOSITIVE_RE,
    _AGE_COMPOUND_AT,
    _AGE_PHRASE_RE,
    _COUNT_AT,
    _DENOMINATORS,
    _DESIGNATORS,
    _DURATION_WORDS,
    _ELIDING_WORDS,
    _FRACTION_IN_AT,
    _FRACTION_OF_AT,
    _FRACTION_OUT_OF_AT,
    _FRACTION_SLASH_AT,
    _FRACTION_WORD_RE,
    _NOT_A_SHARE_BEFORE,
    _NOT_AGED,
    _NOT_IN_RATE,
    _ONE_PERIOD_RE,
    _ORDINAL_DIGIT_AT,
    _ORDINAL_TENS,
    _ORDINAL_TRIGGERS,
    _ORDINAL_UNITS,
    _ORDINAL_WORD_RE,
    _PART_AS_SUBJECT_RE,
    _PART_DETERMINER_AT,
    _PART_IN_WORDS_RE,
    _PART_OF_CHANGE_RE,
    _PART_OF_PRONOUN_AT,
    _PART_OF_THE_AT,
    _PERCENT_AT,
    _PERCENT_TRIGGERS,
    _POINT_FRACTION_RE,
    _POINT_WORDS,
    _POINTS_AFTER,
    _RANKING_AT,
    _SCALE_FIRST,
    _SCALE_OF_RE,
    _SIGNED_PERCENT_RE,
    _TALLY_AFTER,
    _TALLY_AT,
    _TALLY_BEFORE,
    _TALLY_TO_AT,
    _TALLY_WORDS,
    _TENS,
    _VOTES_TO_AT,
    _WHOLE_AND_BEFORE,
    _WORD_BEFORE_RE,
    AGE_UNIT,
    MAX_AGE,
    SUBJECT_VERBS,
)
from .dates import (
    _DAY_MONTH_RE,
    _DECADE_AT,
    _FISCAL_RE,
    _ISO_DATE_AT,
    _MONTH_DAY_RE,
    _MONTH_ONLY_RE,
    _MONTH_TOKENS,
    _MONTH_YEAR_RE,
    _QUARTER_ORDINALS,
    _QUARTER_RE,
    _RELATIVE_DAY_RE,
    _RELATIVE_DAYS,
    _RELATIVE_PERIOD_RE,
    _SLASH_DATE_AT,
    _TIME_PREP_PHRASES,
    _TIME_PREPS,
    _TIME_RE,
    _TIME_TRIGGERS,
    _WEEKDAY_RE,
    _WEEKDAYS,
    _YEAR_AT,
    _YEAR_EARLIER_RE,
    _YEAR_PREP_PHRASES,
    _YEAR_PREPS,
    _YEAR_RANGE_AT,
    SPOKEN_PART_AFTER_RE,
    SPOKEN_TIME_RE,
    _as_date,
    _future_tense,
    _month_number,
    _nearest_year,
    _shift,
    _valid,
    _year_back,
    before_noon,
    spoken_clock,
)
from .money import (
    _CONVERSION_BEFORE,
    _CURRENCY_CHARS,
    _CURRENCY_CODES,
    _CURRENCY_RE,
    _CURRENCY_SYMBOLS,
    _CURRENCY_WORDS,
    _DOLLARS_OF,
    _MONEY_PREFIX_AT,
    _MONEY_SUFFIX_AT,
    _RAND_AT,
    _RATE_AT,
    _RATE_PERIODS,
    UNSTATED_DOLLAR,
)
from .nouns import (
    IRREGULAR_PAST,
    STOP_WORDS,
    _head,
    following,
    following_words,
    head_noun,
    looks_plural,
    singular,
)
from .numbers import (
    _BOUND_PHRASES,
    _BOUNDS,
    _ND_BARE,
    _NUM,
    _NUM_START_RE,
    _NW_RE,
    _SCALE,
    MULTIPLE_TRIGGERS,
    NUMBER_WORDS,
    _finite,
    _lookback,
    _parse_number,
    _scale,
    has_digit,
    lower_words,
    word_set,
)

# --- the finder --------------------------------------------------------------------

# A date without a year this many days or more behind the article, told as ahead, is the
# coming one (``_Finder.ahead_if_future``).
AHEAD_AFTER_DAYS = 30


# Words without which no time is said in words ("half past six", "six o'clock").
_SPOKEN_TIME_WORDS = frozenset(
    ("past", "quarter", "minute", "minutes", "clock", "morning", "afternoon", "evening")
    + ("tonight", "night")
)
# The part of the day after a time said without one: "at 2:10 in the afternoon".
_DAY_PART_RE = re.compile(
    r"\s+(?:in\s+the\s+(?P<part>(?i:morning|afternoon|evening))\b|(?i:at\s+night|tonight)\b)"
)
# The low end of a count's range, right before its high end: "between 300 and". Not "from
# 20 to", which as often tells a change ("rose from 20 to 30 homes").
_RANGE_BEFORE_RE = re.compile(rf"\b(?i:between)\s+(?P<low>{_NUM})\s+(?i:and)\s+$")
# The high end of a count's range right after its low end, and the scale they share:
# "300-400 homes", "2–3 days", "20 to 30 km", "9,400 to 14,100 deaths", "3 to 4 million
# people". Read as a range only before what it counts (``_range_after``): "a 3-1 win" is a
# score, "1991-2020 average" two years, "from 20 to 30" a change.
_RANGE_AFTER_RE = re.compile(
    rf"(?:\s*[\-–]\s*(?P<digits>{_ND_BARE})|\s+to\s+(?P<num>{_NUM}))(?:{_SCALE})?(?![\w\-–/])"
)
# A range's low end after these is where a change starts ("rose from 20 to 30").
_CHANGE_FROM_RE = re.compile(r"\b(?i:from)\s+$")
# The most the high end of a range may be above its low end.
RANGE_SPREAD = 10
# "all but three of the 14": the part left out, before a part of a whole.
_ALL_BUT_BEFORE_RE = re.compile(r"\b(?:all|every\s+one)\s+but\s+$", re.IGNORECASE)


class _Finder:
    """Collects values by pattern priority; a character belongs to one value at most."""

    def __init__(
        self,
        text: str,
        offset: int,
        published: datetime.date | None,
        words: frozenset[str],
    ) -> None:
        self.text = text
        self.offset = offset
        self.published = published
        self.words = words
        self.taken = bytearray(len(text))
        self.values: list[Value] = []
        self.has_digit = has_digit(text)
        self.digit_starts = (
            [m.start() for m in _NUM_START_RE.finditer(text)] if self.has_digit else []
        )
        word_starts = (
            [m.start() for m in _NW_RE.finditer(text)]
            if words & NUMBER_WORDS or words & MULTIPLE_TRIGGERS
            else []
        )
        self.num_starts = sorted(self.digit_starts + word_starts)

    def free(self, start: int, end: int) -> bool:
        return start < end and self.taken.find(1, start, end) == -1

    def block(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def add(self, start: int, end: int, value: Value) -> bool:
        # Trim whitespace so ``text`` never starts or ends with a space.
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if not self.free(start, end):
            return False
        value["text"] = self.text[start:end]
        # Dates keep their ISO "start"/"end"; every value has its body offsets in
        # "span_start"/"span_end", and the other types also in "start"/"end".
        value["span_start"] = start + self.offset
        value["span_end"] = end + self.offset
        value.setdefault("start", start + self.offset)
        value.setdefault("end", end + self.offset)
        self.block(start, end)
        self.values.append(value)
        return True

    def matches(self, rx: re.Pattern[str], starts: list[int]) -> Iterator[re.Match[str]]:
        """``rx`` matched at each anchor that is still free."""
        text, taken = self.text, self.taken
        for p in starts:
            if taken[p]:
                continue
            m = rx.match(text, p)
            if m:
                yield m

    def bound_before(self, pos: int) -> tuple[str | None, int]:
        found = _lookback(self.text, pos, _BOUND_PHRASES)
        if found is None:
            return None, pos
        return _BOUNDS[found[0]], found[1]

    # Dates ----------------------------------------------------------------------

    def day_date(
        self, start: int, end: int, y: int | None, mo: int, d1: int, d2: int | None
    ) -> None:
        d2 = d2 if d2 is not None and d2 > d1 else None
        if y is None and self.published is not None:
            y = _nearest_year(mo, d1, self.published)
            if y is None:
                return
            y = self.ahead_if_future(y, mo, d1, start, end)
        if y is None:
            days = calendar.monthrange(2000, mo)[1] if 1 <= mo <= 12 else 0
            if not 1 <= d1 <= days or (d2 is not None and d2 > days):
                return
            value = {
                "type": "date",
                "start": f"{mo:02d}-{d1:02d}",
                "end": f"{mo:02d}-{(d2 or d1):02d}",
                "precision": "day-no-year",
                "bound": None,
            }
            self.add(start, end, value)
            return
        if not _valid(y, mo, d1) or (d2 is not None and not _valid(y, mo, d2)):
            return
        value = {
            "type": "date",
            "start": datetime.date(y, mo, d1).isoformat(),
            "end": datetime.date(y, mo, d2 or d1).isoformat(),
            "precision": "day",
            "bound": None,
        }
        self.add(start, end, value)

    def ahead_if_future(self, y: int, mo: int, d: int, start: int, end: int) -> int:
        """The year of a date told without one, moved a year on when the nearest year puts
        it behind the article but the sentence tells it as ahead: "the mine will close by
        Oct. 31" in an article of 2 March is the coming October, not the last one."""
        if self.published is None or not _valid(y, mo, d) or not _valid(y + 1, mo, d):
            return y
        behind = (self.published - datetime.date(y, mo, d)).days
        # A date days behind the article is one just past ("approval on December 2 of a
        # pact which will allow...").
        if behind <= AHEAD_AFTER_DAYS:
            return y
        return y + 1 if _future_tense(self.text, start, end) else y

    def month_date(self, start: int, end: int, y: int, mo: int, bound: str | None = None) -> None:
        if not (1 <= y <= 9999 and 1 <= mo <= 12):
            return
        last = calendar.monthrange(y, mo)[1]
        value = {
            "type": "date",
            "start": datetime.date(y, mo, 1).isoformat(),
            "end": datetime.date(y, mo, last).isoformat(),
            "precision": "month",
            "bound": bound,
        }
        self.add(start, end, value)

    def year_date(
        self, start: int, end: int, y1: int, y2: int | None = None, bound: str | None = None
    ) -> None:
        y2 = y1 if y2 is None else y2
        if not (1 <= y1 <= y2 <= 9999):
            return
        value = {
            "type": "date",
            "start": f"{y1:04d}-01-01",
            "end": f"{y2:04d}-12-31",
            "precision": "year",
            "bound": bound,
        }
        self.add(start, end, value)

    def clock_times(self) -> None:
        """ "11 p.m.", "6:30am", "at 14:00": a time of day, as "HH:MM" on a 24-hour clock.
        A bare "10:30" is a time only after "at", "by", "until"...; otherwise it is
        only kept from being read as numbers."""
        for m in _TIME_RE.finditer(self.text):
            hours = int(m["h"] or m["h2"] or m["h3"] or m["h4"])
            minutes = int(m["m"] or m["m2"] or m["m3"] or m["m4"] or 0)
            zone = (m["zone"] or m["zone2"] or m["zone3"] or "").lower().replace(".", "")
            # "the 14:15 aftershock", "07:05 Saturday": only a clock reads so.
            # Not after a name: "Psalm 23:14" is a verse.
            told = bool(m["zone4"]) or (
                m["h"] is not None
                and len(m["h"]) == 2
                and (m["h"][0] == "0" or hours > 12)
                and not self.after_name(m.start())
            )
            prep = _lookback(self.text, m.start(), _TIME_PREP_PHRASES)
            end = m.end()
            if not zone:
                # "at around 2:10 in the afternoon": the part of the day is the zone.
                part = _DAY_PART_RE.match(self.text, m.end())
                if part is not None:
                    end = part.end()
                    # "at 2:30 at night" is after midnight, "at 10:30 at night" before it.
                    said = (part["part"] or "night").lower()
                    zone = "am" if before_noon(said, hours) else "pm"
            if zone == "pm" and hours < 12:
                hours += 12
            elif zone == "am" and hours == 12:
                hours = 0
            bound, start = self.bound_before(m.start())
            if bound is None and prep is not None:
                bound = _TIME_PREPS[prep[0]]
                start = prep[1] if bound else m.start()
            # "12 hrs" is a duration; "17.00 hrs" a time.
            clock = zone != "hrs" or bool(m["m"] or m["m2"])
            if m["zone3"] and (
                not self.free(m.start(), m.end()) or self.text[: m.start()].rstrip().endswith("(")
            ):
                # "at 7:42 a.m. local time (0642 GMT)": the same time converted, like a
                # currency in brackets; only a time given in GMT alone is a value.
                self.block(m.start(), m.end())
                continue
            if (
                not clock
                or hours > 23
                or minutes > 59
                or (not zone and not told and prep is None and bound is None)
            ):
                self.block(m.start(), m.end())
                continue
            value = {"type": "time", "value": f"{hours:02d}:{minutes:02d}", "bound": bound}
            if not self.add(start, end, value):
                self.block(m.start(), m.end())

    def after_name(self, pos: int) -> bool:
        """Whether a capitalised word other than a function word ends right before ``pos``."""
        before = _WORD_BEFORE_RE.search(self.text, max(0, pos - 40), pos)
        return before is not None and before[1][0].isupper() and before[1].lower() not in STOP_WORDS

    def spoken_times(self) -> None:
        """ "half past six", "twelve minutes past six", "six o'clock", "at seven this
        morning": a time of day said in words. With no part of the day said, a spoken
        time may be either side of noon (``twelve_hour``)."""
        for m in SPOKEN_TIME_RE.finditer(self.text):
            if m["quarter"] and _lookback(self.text, m.start(), ("by", "by a")):
                continue  # "cut by a quarter to eight stores": a share, not a time
            prep = _lookback(self.text, m.start(), _TIME_PREP_PHRASES)
            if m["ph"] and prep is None:
                continue  # "three this morning" may count people; "at three" is a time
            hours, minutes = spoken_clock(m)
            end = m.end()
            said = (m["part"] or "").lower().split()[-1] if m["part"] else ""
            if not said:
                part = SPOKEN_PART_AFTER_RE.match(self.text, end)
                if part is not None:
                    said, end = part["part"].lower(), part.end()
            value: Value = {"type": "time", "bound": None}
            if said:
                hours = hours % 12 + (0 if before_noon(said, hours) else 12)
            else:
                value["twelve_hour"] = True
            bound, start = self.bound_before(m.start())
            if bound is None and prep is not None:
                bound = _TIME_PREPS[prep[0]]
                start = prep[1] if bound else m.start()
            value["value"] = f"{hours:02d}:{minutes:02d}"
            value["bound"] = bound
            if not self.add(start, end, value):
                self.block(m.start(), m.end())

    def fiscal(self) -> None:
        text = self.text
        if "FY" not in text and not ({"fiscal", "financial"} & self.words):
            return
        for m in _FISCAL_RE.finditer(text):
            a = m.group("a") or m.group("a2") or m.group("a3")
            b = m.group("b") or m.group("b2") or m.group("b3")
            ia = int(a)
            if b is None:
                end_year = ia if len(a) == 4 else 2000 + ia
                start_year = end_year - 1
            else:
                start_year = ia if len(a) == 4 else 2000 + ia
                ib = int(b)
                end_year = ib if len(b) == 4 else (start_year // 100) * 100 + ib
                if end_year < start_year:
                    end_year += 100
            if end_year != start_year + 1 or not 1900 <= start_year <= 2200:
                continue
            value = {
                "type": "fiscal_year",
                "start": f"{start_year}-04-01",
                "end": f"{end_year}-03-31",
                "label": f"FY{start_year}-{end_year % 100:02d}",
            }
            self.add(m.start(), m.end(), value)

    def dates(self) -> None:
        text, words = self.text, self.words
        if self.has_digit:
            if "-" in text:
                for m in self.matches(_ISO_DATE_AT, self.digit_starts):
                    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
                    if _valid(y, mo, d):
                        self.day_date(m.start(), m.end(), y, mo, d, None)
                    else:
                        self.block(m.start(), m.end())
            if "/" in text or "." in text:
                for m in self.matches(_SLASH_DATE_AT, self.digit_starts):
                    a, b, ys = int(m["a"]), int(m["b"]), m["y"]
                    y = int(ys) if len(ys) == 4 else 2000 + int(ys)
                    # Day first (Indian and British usage) unless that cannot be a date.
                    d, mo = (a, b) if b <= 12 else (b, a)
                    if _valid(y, mo, d):
                        self.day_date(m.start(), m.end(), y, mo, d, None)
                    self.block(m.start(), m.end())
        if words & _MONTH_TOKENS:
            self.month_dates()
        if self.has_digit and ("quarter" in words or "Q" in text):
            self.quarter_dates()
        if self.has_digit:
            self.year_dates()
        if self.published is not None:
            if not words.isdisjoint(_WEEKDAYS):
                self.weekdays()
            if "year" in words or "month" in words:
                self.relative_periods()
            if words & _RELATIVE_DAYS.keys():
                for m in _RELATIVE_DAY_RE.finditer(text):
                    shift = _RELATIVE_DAYS[m["w"].lower()]
                    day = _shift(self.published, shift)
                    if day is not None:
                        self.day_date(m.start(), m.end(), day.year, day.month, day.day, None)
        if "year" in words:
            self.years_earlier()

    def years_earlier(self) -> None:
        """ "a year earlier", "the year before": the period of the sentence's last date
        before it, a year back (a year, a quarter, a month or a day, as that date was
        told); "a year ago": the article's month a year back. Unread with nothing to
        count back from."""
        for m in _YEAR_EARLIER_RE.finditer(self.text):
            at = m.start() + self.offset
            told = [
                v
                for v in self.values
                if v["type"] == "date"
                and v["span_end"] <= at
                and v["precision"] in ("year", "quarter", "month", "day")
            ]
            if m["ago"] and self.published is not None:
                back = _year_back(self.published)
                if back is not None:
                    self.month_date(m.start(), m.end(), back.year, back.month)
            elif told and not m["ago"]:
                anchor = max(told, key=lambda v: v["span_end"])
                first = _year_back(datetime.date.fromisoformat(anchor["start"]))
                last = _year_back(datetime.date.fromisoformat(anchor["end"]))
                if first is None or last is None:
                    continue
                if anchor["precision"] != "day":
                    # A period ends on its month's last day, 29 February included.
                    last = last.replace(day=calendar.monthrange(last.year, last.month)[1])
                value = {
                    "type": "date",
                    "start": first.isoformat(),
                    "end": last.isoformat(),
                    "precision": anchor["precision"],
                    "bound": None,
                }
                self.add(m.start(), m.end(), value)

    def relative_periods(self) -> None:
        """ "last year", "this month", "next year" around the published date."""
        p = self.published
        assert p is not None
        for m in _RELATIVE_PERIOD_RE.finditer(self.text):
            shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0}.get(
                m["rel"].lower(), 1
            )
            if m["unit"].lower() == "year":
                self.year_date(m.start(), m.end(), p.year + shift)
            else:
                month_index = p.year * 12 + p.month - 1 + shift
                self.month_date(m.start(), m.end(), month_index // 12, month_index % 12 + 1)

    def month_dates(self) -> None:
        text = self.text
        if self.has_digit:
            for rx in (_MONTH_DAY_RE, _DAY_MONTH_RE):
                for m in rx.finditer(text):
                    d1 = int(m["d1"])
                    d2 = int(m["d2"]) if m["d2"] else None
                    y = int(m["y"]) if m["y"] else None
                    if d1:
                        self.day_date(m.start(), m.end(), y, _month_number(m["mon"]), d1, d2)
            for m in _MONTH_YEAR_RE.finditer(text):
                self.month_date(m.start(), m.end(), int(m["y"]), _month_number(m["mon"]))
        if self.published is None:
            return
        for m in _MONTH_ONLY_RE.finditer(text):
            mo = _month_number(m["mon"])
            prep = m["prep"].strip().lower()
            if prep.endswith(" of"):
                # "by the end of October" is bounded as "by October" is, "before the
                # end of" as "by"; "the start of October" is October.
                first = prep.split()[0]
                prep = {"by": "by", "before": "by", "until": "until"}.get(first, "of")
            y = self.published.year
            if prep == "last" and mo >= self.published.month:
                y -= 1
            elif prep == "next" and mo <= self.published.month:
                y += 1
            elif prep not in ("last", "next", "this"):
                y = _nearest_year(mo, 1, self.published) or y
                last_day = calendar.monthrange(y, mo)[1]
                y = self.ahead_if_future(y, mo, last_day, m.start(), m.end())
            start = m.start("mon") if prep in ("in", "during") else m.start()
            bound = {"since": "min", "from": "min", "by": "max", "until": "max", "till": "max"}
            self.month_date(start, m.end(), y, mo, bound.get(prep))

    def quarter_dates(self) -> None:
        for m in _QUARTER_RE.finditer(self.text):
            q = int(m["q"]) if m["q"] else _QUARTER_ORDINALS.get(m["ord"].lower(), 0)
            y = int(m["y"])
            if not 1 <= q <= 4 or not 1 <= y <= 9999:
                continue
            prep = _lookback(self.text, m.start(), _YEAR_PREP_PHRASES)
            bound = _YEAR_PREPS[prep[0]] if prep else None
            start = prep[1] if prep and bound in ("min", "max") else m.start()
            first = 3 * q - 2
            value = {
                "type": "date",
                "start": datetime.date(y, first, 1).isoformat(),
                "end": datetime.date(
                    y, first + 2, calendar.monthrange(y, first + 2)[1]
                ).isoformat(),
                "precision": "quarter",
                "bound": bound,
            }
            self.add(start, m.end(), value)

    def year_dates(self) -> None:
        text = self.text
        for m in self.matches(_YEAR_RANGE_AT, self.digit_starts):
            y1 = int(m["y1"])
            y2s = m["y2"]
            y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
            if y2 <= y1 or y2 - y1 > 200:
                continue
            prep = _lookback(text, m.start(), ("from", "between"))
            self.year_date(prep[1] if prep else m.start(), m.end(), y1, y2)
        for m in self.matches(_DECADE_AT, self.digit_starts):
            y = int(m["y"])
            the = _lookback(text, m.start(), ("the",))
            self.year_date(the[1] if the else m.start(), m.end(), y, y + 9)
        for m in self.matches(_YEAR_AT, self.digit_starts):
            y = int(m["y"])
            start, end = m.start(), m.end()
            if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
                self.year_date(start, end, y)
                continue
            if text[max(0, start - 4) : start].lower() == "mid-":
                self.year_date(start - 4, end, y)
                continue
            prep = _lookback(text, start, _YEAR_PREP_PHRASES)
            if prep is None:
                continue
            bound = _YEAR_PREPS[prep[0]]
            # The preposition is part of the value when it changes its meaning.
            self.year_date(prep[1] if bound in ("min", "max") else start, end, y, bound=bound)

    def weekdays(self) -> None:
        text, p = self.text, self.published
        assert p is not None
        for m in _WEEKDAY_RE.finditer(text):
            target = _WEEKDAYS.index(m["wd"].lower())
            rel = (m["rel"] or "").lower()
            if rel in ("next", "coming"):
                future = True
            elif rel in ("last", "past"):
                future = False
            else:
                future = _future_tense(text, m.start(), m.end())
            if future:
                delta = (target - p.weekday()) % 7
                if rel == "next" and delta == 0:
                    delta = 7
            else:
                delta = -((p.weekday() - target) % 7)
                if rel == "last" and delta == 0:
                    delta = -7
            day = _shift(p, delta)
            if day is not None:
                self.day_date(m.start(), m.end(), day.year, day.month, day.day, None)

    # Quantities -------------------------------------------------------------------

    def money(self) -> None:
        text, words = self.text, self.words
        if any(c in text for c in _CURRENCY_CHARS) or words & _CURRENCY_CODES:
            starts = [m.start() for m in _CURRENCY_RE.finditer(text)]
            for m in self.matches(_MONEY_PREFIX_AT, starts):
                cur = m["cur"].lower()
                self.add_money(m, _CURRENCY_SYMBOLS.get(cur, "USD"), unstated=cur == "$")
        if self.has_digit and "R" in text:
            for m in _RAND_AT.finditer(text):
                digits = m["num"].replace(" ", "").replace("\u00a0", "")
                if digits != m["num"]:
                    digits = digits.replace(",", ".")  # "R13 900,50": a decimal comma
                grouped = digits != m["num"] or "," in digits
                if m["letter"] or m["words"] or grouped or len(digits.split(".")[0]) >= 4:
                    self.add_money(m, "ZAR", number=_parse_number(digits))
        if words & _CURRENCY_WORDS.keys():
            for m in self.matches(_MONEY_SUFFIX_AT, self.num_starts):
                cw = m["cw"].lower().split()[0]
                nation = " ".join((m["nation"] or "").lower().split())
                if cw.startswith("dollar") and nation in _DOLLARS_OF:
                    self.add_money(m, _DOLLARS_OF[nation])
                else:
                    unstated = cw.startswith("dollar") and not nation
                    self.add_money(m, _CURRENCY_WORDS.get(cw, "USD"), unstated=unstated)

    def add_money(
        self,
        m: re.Match[str],
        currency: str,
        *,
        unstated: bool = False,
        number: float | None = None,
    ) -> None:
        number = _parse_number(m["num"]) if number is None else number
        if number is None:
            return
        if _CONVERSION_BEFORE.search(self.text[max(0, m.start() - 40) : m.start()]):
            # "A$1.21 billion (US$790 million)": the same amount converted, not a figure
            # of its own; left inside the first figure's claim, never compared.
            self.block(m.start(), m.end())
            return
        amount = number * _scale(m)
        if not _finite(amount):
            return
        bound, start = self.bound_before(m.start())
        if bound is None and m["plus"]:
            bound = "min"
        value = {"type": "money", "amount": float(amount), "currency": currency, "bound": bound}
        if unstated:
            value["dollar"] = UNSTATED_DOLLAR
        end = m.end()
        # A rate ("£210,000 a week", "£11m a year", "Rs 40,000 per month") keeps its period.
        rate = _RATE_AT.match(self.text, end)
        if rate:
            period = (rate["per"] or rate["adv"]).lower()
            value["per"] = _RATE_PERIODS.get(period, period)
            end = rate.end()
        self.add(start, end, value)

    def percents(self) -> None:
        if "%" not in self.text and not (self.words & _PERCENT_TRIGGERS):
            return
        for m in self.matches(_PERCENT_AT, self.num_starts):
            number = _parse_number(m["num"])
            if number is None:
                continue
            bound, start = self.bound_before(m.start())
            self.add(start, m.end(), {"type": "percent", "value": float(number), "bound": bound})
        if "%" in self.text:
            for m in _SIGNED_PERCENT_RE.finditer(self.text):
                number = _parse_number(m["num"])
                if number is not None:
                    value = {"type": "percent", "value": number, "bound": None}
                    self.add(m.start("num"), m.end(), value)

    def points(self) -> None:
        """Fractions of a point said in words: "a quarter-point", "half a percentage point";
        of one per cent: "three-quarter per cent" is 0.75%."""
        if self.words.isdisjoint(_POINT_WORDS) or self.words.isdisjoint(_DENOMINATORS):
            return
        for m in _POINT_FRACTION_RE.finditer(self.text):
            n = (m["n"] or "a").lower()
            numerator = 1 if n in ("a", "an", "one") else int(text2num(n, "en"))
            value = numerator / _DENOMINATORS[m["d"].lower()]
            start = m.start()
            whole = _WHOLE_AND_BEFORE.search(self.text, max(0, start - 40), start)
            if whole is not None and (number := _parse_number(whole["whole"])) is not None:
                value, start = number + value, whole.start()
            bound, start = self.bound_before(start)
            if m["percent"]:
                self.add(start, m.end(), {"type": "percent", "value": value, "bound": bound})
                continue
            unit = "bp" if m["basis"] else "point"
            self.add(
                start, m.end(), {"type": "count", "value": value, "unit": unit, "bound": bound}
            )

    def tallies(self) -> None:
        """A vote's tally as the part of the votes cast: "a 6-1 vote" is 6 of 7."""
        if self.words.isdisjoint(_TALLY_WORDS):
            return
        text = self.text
        found = [
            m
            for m in self.matches(_TALLY_AT, self.digit_starts)
            if _TALLY_AFTER.match(text, m.end()) or _TALLY_BEFORE.search(text, 0, m.start())
        ]
        if "to" in self.words:
            found += list(self.matches(_VOTES_TO_AT, self.num_starts))
            found += [
                m
                for m in self.matches(_TALLY_TO_AT, self.num_starts)
                if _TALLY_BEFORE.search(text, 0, m.start())
            ]
        for m in found:
            a, b = _parse_number(m["a"]), _parse_number(m["b"])
            if a is None or b is None or not a.is_integer() or not b.is_integer() or a + b == 0:
                continue
            value = {
                "type": "fraction",
                "numerator": int(a),
                "denominator": int(a + b),
                "unit": "vote",
            }
            self.add(m.start(), m.end(), value)

    def fractions(self) -> None:
        text, words = self.text, self.words
        if "out" in words:
            for m in self.matches(_FRACTION_OUT_OF_AT, self.num_starts):
                a, b = _parse_number(m["a"]), _parse_number(m["b"])
                if a is None or b is None or not (0 <= a <= b) or b == 0 or b > 1e12:
                    continue
                mid = m["mid"].split()
                if any(w.lower() in STOP_WORDS for w in mid):
                    continue
                unit = head_noun(mid, prefer_plural=True)
                if unit is None:
                    after = following_words(text, m.end(), limit=3)
                    if after and looks_plural(after[0]):
                        unit = singular(after[0])
                value = {"type": "fraction", "numerator": int(a), "denominator": int(b)}
                self.add(m.start(), m.end(), {**value, "unit": unit})
        if len(self.num_starts) >= 2 and "of" in words:
            for m in self.matches(_FRACTION_OF_AT, self.num_starts):
                a, b = _parse_number(m["a"]), _parse_number(m["b"])
                if a is None or b is None or not (0 < a < b) or b > 1e12:
                    continue
                rate = _RATE_BEFORE.search(text, 0, m.start())
                if rate and _parse_number(rate["a"]) is not None:
                    # "three in four of the 52,000 farms": the rate's second number is
                    # no part of the farms; the rate is read below.
                    continue
                phrase = following(text, m.end(), limit=4)
                if not m["det"] and not any(looks_plural(w) for w, _, _ in phrase):
                    continue
                unit, unit_end = _head(phrase, prefer_plural=True)
                # "about 2,200 of the 2,640 crew" is a rounded part: a report of 2,218
                # of them does not contradict it.
                bound, start = self.bound_before(m.start())
                but = _ALL_BUT_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
                if but:
                    # "all but three of the 14 contracts" are the other 11 of them.
                    a, bound, start = b - a, None, but.start()
                value = {"type": "fraction", "numerator": int(a), "denominator": int(b)}
                # The span runs through the unit noun ("three of the five squadrons").
                self.add(start, max(m.end(), unit_end), {**value, "unit": unit, "bound": bound})
        if "in" in words:
            for m in self.matches(_FRACTION_IN_AT, self.num_starts):
                a, b = _parse_number(m["a"]), _parse_number(m["b"])
                if a is None or b is None or not (0 < a < b) or b > 1e9:
                    continue
                if m["b"].isdigit() and len(m["b"]) == 4 and 1800 <= b <= 2100:
                    continue  # "won 3 in 2024": a year, not a whole
                phrase = following(text, m.end(), limit=4)
                first = singular(phrase[0][0].lower()) if phrase else ""
                if first in _NOT_IN_RATE or (first and measure_of(first)):
                    continue
                unit, unit_end = _head(phrase, prefer_plural=True)
                value = {"type": "fraction", "numerator": int(a), "denominator": int(b)}
                bound, start = self.bound_before(m.start())
                self.add(start, max(m.end(), unit_end), {**value, "unit": unit, "bound": bound})
        if "/" in text:
            for m in self.matches(_FRACTION_SLASH_AT, self.digit_starts):
                a, b = int(m["a"]), int(m["b"])
                if 0 <= a < b:
                    value = {"type": "fraction", "numerator": a, "denominator": b, "unit": None}
                    self.add(m.start(), m.end(), value)
        if "-" in text and words & _DENOMINATORS.keys():
            for m in _FRACTION_WORD_RE.finditer(text):
                a = int(text2num(m["a"].lower(), "en"))
                d = _DENOMINATORS[m["d"].lower()]
                if a < d:
                    value = {"type": "fraction", "numerator": a, "denominator": d, "unit": None}
                    self.add(m.start(), m.end(), value)

    def parts_in_words(self) -> None:
        """ "roughly a third of the workforce": 1 of 3 workforce, about. The span stops at
        "of", so a figure inside the whole ("the 1,050-strong workforce") is read too."""
        text = self.text
        for m in _PART_IN_WORDS_RE.finditer(text):
            if m["half"]:
                before = text[: m.start()].split()
                if before and before[-1].lower() in _NOT_A_SHARE_BEFORE:
                    continue
                a, d = 1, 2
            else:
                share = _part_said(m)
                if share is None:
                    continue
                a, d = share
            after = _PART_DETERMINER_AT.match(text, m.end())
            phrase = following(text, after.end() if after else m.end())
            # The whole is the phrase's plural noun, else its first word ("half of the
            # staff left": the staff, not "left").
            plural = next((w for w, _, _ in phrase if looks_plural(w)), None)
            unit = singular(plural or phrase[0][0]) if phrase else None
            bound, start = self.bound_before(m.start())
            value = {"type": "fraction", "numerator": a, "denominator": d, "unit": unit}
            self.add(start, m.end(), {**value, "bound": bound})
        for m in _PART_AS_SUBJECT_RE.finditer(text):
            verb = m["verb"]
            if verb not in SUBJECT_VERBS and not _is_past_verb(verb):
                continue
            share = _part_said(m)
            if share is None:
                continue
            (a, d), (bound, start) = share, self.bound_before(m.start())
            value = {"type": "fraction", "numerator": a, "denominator": d, "unit": None}
            self.add(start, m.end("d"), {**value, "bound": bound})
        for m in _PART_OF_CHANGE_RE.finditer(text):
            share = (1, 2) if m["half"] else _part_said(m)
            if share is None:
                continue
            at = m.start("a") if m["a"] else m.start("half")
            (a, d), (bound, start) = share, self.bound_before(at)
            value = {"type": "fraction", "numerator": a, "denominator": d, "unit": None}
            self.add(start, m.end("part"), {**value, "bound": bound})

    def ages(self) -> None:
        text, words = self.text, self.words
        found: list[tuple[int, int, re.Match[str]]] = []
        if "old" in words or "olds" in words:
            found += [
                (m.start(), m.end(), m) for m in self.matches(_AGE_COMPOUND_AT, self.num_starts)
            ]
        if words & {"age", "aged"}:
            found += [(m.start(), m.end(), m) for m in _AGE_PHRASE_RE.finditer(text)]
        if self.has_digit and ", " in text:
            for m in _AGE_APPOSITIVE_RE.finditer(text):
                word = m["word"].lower()
                if word in STOP_WORDS or word in _NOT_AGED or word in NUMBER_WORDS:
                    continue
                found.append((m.start("num"), m.end("num"), m))
        for start, end, m in found:
            number = _parse_number(m["num"])
            if number is None or not 0 < number <= MAX_AGE or not number.is_integer():
                continue
            age = {"type": "count", "value": number, "unit": AGE_UNIT, "bound": None}
            self.add(start, end, age)

    def ordinals(self) -> None:
        text = self.text
        found: list[tuple[re.Match[str], int]] = []
        if self.has_digit:
            found += [
                (m, int(m["digits"])) for m in self.matches(_ORDINAL_DIGIT_AT, self.digit_starts)
            ]
        if not self.words.isdisjoint(_ORDINAL_TRIGGERS):
            for m in _ORDINAL_WORD_RE.finditer(text):
                before = text[max(0, m.start() - 10) : m.start()].rstrip().lower()
                if before.endswith(("per", "a split")):
                    continue
                if m["tens"]:
                    u = m["unit1"].lower()
                    value = _TENS[m["tens"].lower()] + (1 if u == "first" else _ORDINAL_UNITS[u])
                else:
                    u = m["unit2"].lower()
                    value = _ORDINAL_UNITS.get(u) or _ORDINAL_TENS[u]
                found.append((m, value))
        for m, value in found:
            # "third-biggest signing", "second-most expensive port": the noun follows
            # the superlative.
            ranking = _RANKING_AT.match(text, m.end())
            phrase = following(text, ranking.end() if ranking else m.end(), limit=4)
            unit = singular(phrase[-1][0]) if phrase else None
            if unit is None and not m.group(0)[0].isdigit():
                # A word ordinal with no noun after it ("came second") is not a value.
                continue
            ordinal = {"type": "ordinal", "value": value, "unit": unit}
            # The span runs through the noun phrase ("22nd session") when it is free.
            if not (phrase and self.add(m.start(), phrase[-1][2], ordinal)):
                self.add(m.start(), m.end(), ordinal)

    def counts(self) -> None:
        text = self.text
        for m in self.matches(_COUNT_AT, self.num_starts):
            raw = m["num"]
            number = _parse_number(raw)
            if number is None:
                continue
            scale = _scale(m)
            is_word = not raw[0].isdigit()
            hyunit = m["hyunit"] or m["glued"]
            tonnes = _tonnes(m, number)
            if tonnes is not None:
                scale, hyunit = tonnes, "t"
            if hyunit and hyunit.lower() in STOP_WORDS:
                hyunit = None
            phrase: list[tuple[str, int, int]] = []
            unit_end = -1
            end = m.end() if hyunit else (m.end("plus") if m["plus"] else m.end("num"))
            if m["letter"] or m["words"]:
                end = max(end, m.end("letter") if m["letter"] else m.end("words"))
            least = None
            if not hyunit and not m["plus"] and scale == 1.0:
                ranged = _range_after(text, m.start(), end, number)
                if ranged is not None:
                    least, number, scale, end = ranged
            points = None if hyunit else _POINTS_AFTER.match(text, end)
            if hyunit:
                unit = hyunit.lower() if measure_of(hyunit) else singular(hyunit)
            elif points:
                unit = "bp" if points["bp"] or points["basis"] else "point"
                unit_end = points.end()
            else:
                phrase = following(text, end, limit=4)
                if phrase and (
                    phrase[-1][0].lower() in _DESIGNATORS or phrase[-1][0].lower() in _SCALE_FIRST
                ):
                    # "2,300 section 21 notices", "two category 5 hurricanes": the notices
                    # and the hurricanes are counted, the designated section or scale is not.
                    designated = _DESIGNATED_NUMBER_AT.match(text, phrase[-1][2])
                    if designated is not None:
                        phrase = phrase + following(text, designated.end(), limit=3)
                if (
                    len(phrase) == 1
                    and phrase[0][0].lower() not in _CASUALTY_WORDS
                    and (
                        phrase[0][0] in IRREGULAR_PAST
                        or (
                            _is_past_verb(phrase[0][0])
                            and (
                                _OBJECT_AFTER.match(text, phrase[0][2])
                                or _CLAUSE_END_AT.match(text, phrase[0][2])
                            )
                        )
                    )
                ):
                    # "an attendance of 41,862 filled the stadium", "1,512 completed the
                    # trial", "two were defeated and two retired", "388 rejected, 12
                    # spoiled": a verb, whose subject is the number; not what it counts.
                    phrase = []
                unit, unit_end = _head(phrase, prefer_plural=number != 1)
                if unit == "mile" and phrase[0][0].lower() == "nautical":
                    unit = "nautical-mile"
                if phrase and measure_of(phrase[0][0]):
                    # "24.6 km stretch": the unit of measure, not the noun after it.
                    word = phrase[0][0].lower()
                    unit = singular(word) if measure_of(singular(word)) else word
                    unit_end = phrase[0][2]
                    if text.startswith("/h", unit_end):
                        unit, unit_end = unit + "/h", unit_end + 2
            if unit and measure_of(unit + "/h"):
                # "95 kilometres per hour", "70 miles an hour": a speed, as "95 kph" is.
                per_hour = _PER_HOUR_AT.match(text, unit_end if unit_end >= 0 else end)
                if per_hour is not None:
                    unit, unit_end = unit + "/h", per_hour.end()
            if unit in _CASUALTY_WORDS:
                unit = _CASUALTY_WORDS[unit]  # "9 died": the verb is no noun
            elif unit is None or unit == "other" or related(unit, "person"):
                # "killing 11 people", "seven people were confirmed dead", "injured 64":
                # people counted by what happened to them are deaths or injuries, as
                # "nine deaths" and "the death toll" are.
                unit = _casualty(text, m.start(), max(end, unit_end)) or unit
            start = m.start()
            before_word = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
            plural_after = bool(phrase) and looks_plural(phrase[0][0])
            if (
                before_word
                and not before_word[2]
                and not hyunit
                and not points
                and (
                    not plural_after
                    or before_word[1].lower() in _DESIGNATORS
                    or before_word[1].lower() in _SCALE_FIRST
                )
            ):
                label = before_word[1]
                # "magnitude 6.8", "a Category 3 hurricane", "a magnitude of 7.1": the
                # scale is the unit.
                named = (
                    _SCALE_OF_RE.search(text, max(0, start - 40), start)
                    if label == "of"
                    else before_word
                )
                if named and named[1].lower() in _SCALE_FIRST:
                    count = {"type": "count", "value": number, "unit": named[1].lower()}
                    self.add(named.start(1), end, {**count, "bound": None})
                    continue
                if not is_word and _is_label(label):
                    # "Shots: Larsby 14, Orrin 5": a stat line's entry counts its label.
                    counted = (
                        _stat_line_noun(text, before_word.start(1))
                        if label.lower() not in _NOT_AGED and _ENTRY_END_AT.match(text, end)
                        else None
                    )
                    if counted is not None:
                        count = {"type": "count", "value": number, "unit": counted}
                        self.add(start, end, {**count, "bound": None})
                    # "Ward 3 gave", "Flight 214 carried": a name, not a count.
                    continue
            if unit is None and not hyunit and not m["plus"]:
                part = _PART_OF_THE_AT.match(text, end)
                plural = (
                    [w for w in following(text, part.end(), limit=3) if looks_plural(w[0])]
                    if part
                    else []
                )
                if plural:
                    unit, unit_end = singular(plural[0][0]), plural[0][2]
            if (
                unit is None
                and not hyunit
                and not m["plus"]
                and not _OF_AFTER.match(text, end)
                and not _SCORE_AFTER.match(text, end)
            ):
                # "Net migration was 32,595", "a crowd of 41,862", "headcount has fallen
                # to about 780": the number measures the noun phrase before it, which
                # says more than a count earlier in the sentence ("spoke to 1,200
                # supporters ... showed net migration of more than 60,000").
                # "The number of wounded now stands at 38" names what it counts.
                unit = self.counted_noun(m.start()) or _measured_before(
                    text, self.bound_before(m.start())[1]
                )
            if unit is None and not hyunit and (scale != 1.0 or self.bound_before(m.start())[0]):
                # "95,000 cars a day, against roughly 120,000 on the old bridge": a
                # hedged or scaled number with no noun counts what the sentence counted
                # last.
                unit = self.unit_before(m.start())
            if (
                unit is None
                and not hyunit
                and not m["plus"]
                and before_word
                and (
                    _elides(before_word[1])
                    or self.counted_noun(start) is not None
                    # "197 are in England, nine in Scotland": the next item of a list.
                    or (before_word[2] and _LIST_ITEM_AFTER.match(text, end) is not None)
                )
                and not _OF_AFTER.match(text, end)
            ):
                unit = self.unit_before(m.start())
            if unit is None and scale == 1.0 and not (is_word and number >= 1000):
                continue
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if is_word:
                if raw.lower() in ("one", "zero") and not hyunit:
                    continue
                last = before.split()[-1:] or [""]
                # "the two nations" refers back; it does not count anything.
                if not hyunit and last[0] in (
                    "the",
                    "these",
                    "those",
                    "both",
                    "all",
                    "its",
                    "their",
                ):
                    continue
            else:
                digits = re.sub(r"[,\s]", "", raw)
                year_like = raw.isdigit() and 1000 <= number <= 2199 and len(digits) == 4
                if year_like and scale == 1.0 and not (phrase and looks_plural(phrase[0][0])):
                    continue
                if before.rstrip().endswith(
                    ("no.", "#", "number", "article", "section", "chapter")
                ):
                    continue
            value = number * scale
            if not _finite(value):
                continue
            bound, start = self.bound_before(m.start())
            if bound is None and m["plus"]:
                bound = "min"
            count = {"type": "count", "value": float(value), "unit": unit, "bound": bound}
            low = _RANGE_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            if least is not None and bound in (None, "approx"):
                # "some 3 to 4 million people": the range says how rough it is.
                count = {**count, "low": float(least * scale), "bound": "range"}
            elif low is not None and bound is None:
                # "between 300 and 400 workers": the figure is the range, not its top.
                least = _parse_number(low["low"])
                if least is not None and 0 <= least * scale < value:
                    count = {**count, "low": float(least * scale), "bound": "range"}
                    start = low.start()
            # The span runs through the unit noun ("10 inter-governmental documents").
            if not (unit_end > end and self.add(start, unit_end, count)):
                self.add(start, end, count)

    def single_periods(self) -> None:
        for m in _ONE_PERIOD_RE.finditer(self.text):
            bound, start = self.bound_before(m.start("one"))
            if m["more"]:
                bound = "min"
            unit = m["unit"].lower()
            period = {"type": "count", "value": 1.0, "unit": unit, "bound": bound}
            self.add(start, m.end(), period)

    def unit_before(self, pos: int) -> str | None:
        """What the sentence counted last before ``pos``: the unit of its last count of
        things, or a noun it named as counted after that ("the death toll rose to 11",
        "the number of rejected ballots fell to 388")."""
        named = self.counted_noun(pos)
        if named is not None:
            return named
        last = self.last_count(pos)
        if last is None or not last.get("unit") or last["unit"] == AGE_UNIT:
            return None
        return str(last["unit"])

    def last_count(self, pos: int) -> Value | None:
        at = pos + self.offset
        before = [v for v in self.values if v["type"] == "count" and v["span_end"] <= at]
        return max(before, key=lambda v: v["span_start"], default=None)

    def counted_noun(self, pos: int) -> str | None:
        """A noun named as counted ("the death toll", "the number of cases") before
        ``pos`` and after the sentence's last count, in the singular."""
        if "toll" not in self.words and self.words.isdisjoint(_COUNTING_WORDS):
            return None
        last = self.last_count(pos)
        named = None
        for m in _COUNTED_NOUN_RE.finditer(self.text, 0, pos):
            if last is None or m.start() + self.offset >= last["span_end"]:
                toll = m["toll"]
                if toll is not None:
                    # "the toll rose to 12" names no noun; "the death toll" does.
                    noun = None if toll.lower() in STOP_WORDS else toll
                else:
                    noun = _counted_phrase(self.text, m.start("phrase"), pos)
                if noun:
                    # "the number of injured" counts injuries, as "64 were injured" does.
                    named = _CASUALTY_WORDS.get(singular(noun), singular(noun))
        return named

    def parts_of_counted_wholes(self) -> None:
        """ "118 samples failed, 19 of them from Punjab": 19 of 118 samples. The whole is
        the nearest count of things (not an age or a measure) before the part, in the
        same text; with none, the part is left unread rather than guessed."""
        wholes = sorted(
            (v for v in self.values if v["type"] == "count" and _is_whole(v)),
            key=lambda v: v["span_start"],
        )
        for m in self.matches(_PART_OF_PRONOUN_AT, self.num_starts):
            start = m.start() + self.offset
            before = [v for v in wholes if v["span_end"] <= start]
            a = _parse_number(m["a"])
            if not before or a is None or not a.is_integer():
                continue
            whole = before[-1]
            b = whole["value"]
            if not 0 < a < b or not b.is_integer() or b > 1e12:
                continue
            value = {
                "type": "fraction",
                "numerator": int(a),
                "denominator": int(b),
                "unit": whole["unit"],
            }
            self.add(m.start(), m.end(), value)

    def run(self) -> list[Value]:
        text = self.text
        if "://" in text or "www." in text or "@" in text:
            for start, end in _url_spans(text):
                self.block(start, end)
        if self.has_digit and (
            ":" in text or self.words & _TIME_TRIGGERS or "a.m" in text or "p.m" in text
        ):
            self.clock_times()
        if self.words & _SPOKEN_TIME_WORDS:
            self.spoken_times()
        if self.has_digit:
            self.fiscal()
        self.dates()
        if self.num_starts or self.has_digit:
            # "Rs.500" has no number start of its own: the currency anchors it.
            self.money()
        self.points()
        if self.num_starts:
            self.percents()
            self.tallies()
            self.ages()
            self.fractions()
        if self.words & _DENOMINATORS.keys():
            self.parts_in_words()
        self.ordinals()
        if self.words & _DURATION_WORDS:
            self.single_periods()
        if self.num_starts:
            self.counts()
            if "of" in self.words and len(self.num_starts) >= 2:
                self.parts_of_counted_wholes()
        self.values.sort(key=lambda v: v["span_start"])
        return self.values


_CASUALTY_WORDS = {
    **dict.fromkeys(
        ("dead", "killed", "died", "perished", "drowned", "killing", "kill", "kills"), "death"
    ),
    **dict.fromkeys(("injured", "wounded", "hurt", "injuring", "wounding", "injures"), "injury"),
    # The missing are a disaster's third count, reported, revised and disputed as the
    # dead are: "leaving 41 others missing", "nineteen remain unaccounted for".
    **dict.fromkeys(("missing", "unaccounted"), "missing"),
}
_CASUALTY_BEFORE_RE = re.compile(
    r"\b(?i:(?P<w>killing|killed|kills|injuring|injured|injures|wounding|wounded))[ \t]+"
    r"(?i:(?:at[ \t]+least|about|around|some|nearly|almost|more[ \t]+than|over|up[ \t]+to)[ \t]+)?$"
)
_CASUALTY_AFTER_AT = re.compile(
    r"[ \t]+(?i:(?:have|has|had|were|was|are|is|been|being|now|all|later|reportedly|confirmed"
    r"|feared|presumed|believed|reported|found|left|still|remain|remains|remained)[ \t]+){0,3}"
    r"(?P<w>(?i:dead|killed|died|perished|drowned|injured|wounded|hurt|missing"
    r"|unaccounted(?=[ \t]+for\b)))\b"
)


def _casualty(text: str, start: int, end: int) -> str | None:
    """ "death", "injury" or "missing" when the people counted from ``start`` to ``end``
    are told as killed, hurt or missing, by the verb before them or the words after them."""
    m = _CASUALTY_BEFORE_RE.search(text, max(0, start - 30), start)
    if m is None:
        m = _CASUALTY_AFTER_AT.match(text, end)
    return _CASUALTY_WORDS[m["w"].lower()] if m is not None else None


# A noun named as what is counted, before the figure that counts it: "the number of
# confirmed cases has risen to 264", "the death toll climbed to 149", "the number of
# injured now stands at 71". The noun phrase after "of" is read by ``_counted_phrase``.
_COUNTED_NOUN_RE = re.compile(
    r"\b(?i:number|total|tally|count)\s+of\s+(?:the\s+)?(?P<phrase>[A-Za-z])"
    r"|\b(?P<toll>[A-Za-z\-]{3,})\s+toll\b"
)
# Verbs that give a count's level or its change, and the adverbs between them and their
# subject: the noun phrase of "the number of X" ends before them ("stands" is no noun).
_LEVEL_WORDS = word_set(
    """now currently still already stands stood stand rose risen rises rising climbed climbs
    reached reaches fell falls fallen jumped jumps hit hits topped tops grew grows increased
    increases decreased decreases dropped drops doubled remains remained totals totalled
    totaled exceeded exceeds passed surpassed crossed soared surged dipped declined declines"""
)
# People named by what happened to them: "the number of missing", "the number of
# displaced" (the dead and the injured are casualties, read first: ``_CASUALTY_WORDS``).
_PERSON_STATES = word_set("missing homeless sick displaced")
_COUNTING_WORDS = frozenset(("number", "total", "tally", "count"))


def _counted_phrase(text: str, start: int, end: int) -> str | None:
    """The noun "the number of ..." counts: its first plural noun ("confirmed cases",
    "people displaced"), else a word for people in a state ("injured", "dead"); the
    phrase ends at a function word or a verb of level ("now stands at 71")."""
    phrase: list[str] = []
    for m in _PHRASE_WORD_RE.finditer(text, start, end):
        word = m.group().lower()
        if word in STOP_WORDS or word in _LEVEL_WORDS or len(phrase) == 4:
            break
        phrase.append(m.group())
    # "the number of people killed": the killed, not the people.
    casualty = next((w for w in phrase if w.lower() in _CASUALTY_WORDS), None)
    if casualty is not None:
        return casualty
    plural = next((w for w in phrase if looks_plural(w)), None)
    if plural is not None:
        return plural
    return next(
        (w for w in phrase if w.lower() in _PERSON_STATES or w.lower().endswith("ed")), None
    )


_PHRASE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# What makes a distance a speed: "per hour", "an hour", "/hr".
_PER_HOUR_AT = re.compile(r"(?:[ \t]+(?:per|an|a)[ \t]+hour|/hr?)\b", re.I)
# "9 of them", "17 of which": a part, read by ``parts_of_counted_wholes``.
_OF_AFTER = re.compile(r"\s+of\b")
# A number with no noun after a comma, then where or among whom: an item of a list whose
# first item named what is counted ("197 in England, nine in Scotland").
_LIST_ITEM_AFTER = re.compile(r"[ \t]+(?:in|at|on|from|across|among)[ \t]+(?:the[ \t]+)?[A-Z]")


# What links a measured noun phrase to the number after it: a copula, a verb of level or
# change with its preposition, "of" ("a crowd of 41,862") or a label's colon.
_LINK_WORDS = word_set("of was is were are as to by at reached hit topped totalled totaled")
# Verbs whose "at" gives a level ("stood at 780", "put the rate at 2.1"); after any other
# word "at" gives a place or an age ("joined the academy at 12").
_AT_VERBS = word_set(
    """stood stands stand stay stays stayed put puts estimated estimates pegged capped set
    peaked closed opened remained remains"""
)
# Between the measured noun and the link: auxiliaries and adverbs ("has now fallen to").
_AUXILIARIES = word_set(
    """has have had is was are were be been being now currently still already also
    officially reportedly provisionally"""
)
# Nouns that take a part or a kind of what follows, not a measure ("one of", "most of 41
# countries", "out of 42"), and "toll", which names what it counts only with a noun
# ("the death toll"; ``counted_noun``).
_NOT_MEASURED = word_set(
    """out most many some all none each both part share rest majority minority half
    total number lot lots kind type sort series set group list range any one few
    several dozens hundreds thousands millions age aged toll"""
)
# Words of a change said between a verb and the level it reached (its figure is no token).
_CHANGE_TOLD = word_set("per cent percent percentage point points pc ,")
_CLAUSE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[,;:()\[\]–—\"“”]")


def _measured_before(text: str, pos: int) -> str | None:
    """The noun a number at ``pos`` with no noun after it measures, read from the words
    before it in its clause: "Net migration was" -> migration, "attendance is announced
    as" -> attendance, "Site headcount has fallen to about" -> headcount, "a fleet of" ->
    fleet, "the population of Aldermark was" -> population, "Injuries:" -> injury.
    None when no link word ends the words before it or no noun comes before the link."""
    tokens = _CLAUSE_WORD_RE.findall(text[max(0, pos - 80) : pos])
    if not tokens:
        return None
    link = tokens.pop().lower()
    if link == ":":
        if tokens and tokens[-1] == ")" and "(" in tokens:
            # A label's qualifier in brackets: "Flights cancelled (arrivals and departures):".
            del tokens[len(tokens) - 1 - tokens[::-1].index("(") :]
        return _label_noun(tokens)
    if link == "to":
        # The level a change reached, with where it started or by how much before it:
        # "fell from 49,760 to", "rose 0.4 per cent to", "fell 3.1 per cent, from 49,760
        # to". (Where it started is left unread: in "from 20 to 35 tables" it counts
        # the tables.)
        while tokens and tokens[-1] == ",":
            # The figure's own thousands separator: "from 49,760 to".
            tokens.pop()
        if tokens and tokens[-1].lower() == "from":
            tokens.pop()
        while tokens and tokens[-1].lower() in _CHANGE_TOLD:
            tokens.pop()
    if link not in _LINK_WORDS:
        return None
    verb = None
    if link in ("to", "by", "as", "at") and tokens:
        word = tokens[-1].lower()
        if word in _LEVEL_WORDS or word in _AT_VERBS or (word.endswith("ed") and word.isalpha()):
            verb = tokens.pop().lower()
    if link == "at" and verb not in _AT_VERBS:
        return None
    if link in ("to", "as") and verb is None:
        return None
    while tokens and tokens[-1].lower() in _AUXILIARIES:
        tokens.pop()
    if len(tokens) >= 3 and tokens[-1][0].isupper() and tokens[-2].lower() == "of":
        # "the population of Aldermark was": the measure, not the place.
        tokens = tokens[:-2]
    if not tokens:
        return None
    noun = tokens[-1]
    lower = noun.lower()
    if (
        not noun[0].isalpha()
        or lower in STOP_WORDS
        or lower in NUMBER_WORDS
        or lower in _NOT_MEASURED
        or lower in _NOT_AGED
        or lower in _BOUNDS
        or lower.endswith(("'s", "’s", "ing", "ly"))
        or (noun[0].isupper() and len(tokens) > 1 and tokens[-2] not in ",;:")
    ):
        return None
    return singular(noun)


# A label line's label and colon, one of up to five words ("Homes destroyed:", "- Shots:",
# "| Crew rescued:"), and a stat line entry's name ("Larsby", "Tarn Vale"). Extraction reads
# the same lines (``LABEL_LINE_RE``, ``ENTRY_NAME_RE``): a label line is no fragment.
_LABEL = r"[\s\-–—•*|]*(?P<label>[A-Z][\w'’\-/&]*(?:[ \t]+[\w'’\-/&]+){0,4}?)[ \t]*:"
_ENTRY_NAME = r"[A-Z][\w'’\-.]*(?:[ \t]+[A-Z][\w'’\-.]*)?"
LABEL_LINE_RE = re.compile(_LABEL + r"[ \t]+")
ENTRY_NAME_RE = re.compile(_ENTRY_NAME + r"[ \t]+")
# A stat line up to the last word of an entry's name: the label, its colon and the
# entries before it ("Shots: Larsby 14, ", "Final count: Mora 9,120, Tarn "), the first
# word of a two-word name included ("Tarn " of "Tarn Vale 9").
_STAT_LINE_RE = re.compile(
    _LABEL
    + rf"(?:[ \t]+{_ENTRY_NAME}[ \t]+\d[\d.,]*[ \t]*,)*[ \t]+"
    + r"(?:[A-Z][\w'’\-.]*[ \t]+)?"
)


# What ends a stat line's entry: the next entry or the line's end.
_ENTRY_END_AT = re.compile(r"[ \t]*(?:,|[.;]?[ \t]*$)")


def _stat_line_noun(text: str, name_at: int) -> str | None:
    """What an entry of a stat line counts, when the name at ``name_at`` opens one:
    "Shots: Larsby 14, Orrin 5" -> shot (both entries), "Corners: Larsby 6" -> corner."""
    line = _STAT_LINE_RE.fullmatch(text, 0, name_at)
    if line is None:
        return None
    return _label_noun(_CLAUSE_WORD_RE.findall(line["label"]))


# Words of a label line read for its noun: "Total personnel", "Homes destroyed". A longer
# label, or a clause before a colon, is read from its last ``LABEL_TAIL_WORDS``.
LABEL_WORDS = 8
LABEL_TAIL_WORDS = 4
# Words that end a label's head and begin what modifies it: a preposition or a relative
# ("Patients admitted to intensive care with heatstroke", "Calls to the heat line",
# "Households without power"); a lower-case participle ends it too ("Homes destroyed").
_LABEL_MODIFIERS = word_set(
    """of to with in at for on from by during since after before under over per among
    into without about across within who which that"""
)
# A label starting with a determiner is a clause ("The trust confirmed the total:").
_LABEL_DETERMINERS = word_set("the a an this that these those its our their his her")


def _range_after(
    text: str, start: int, end: int, low: float
) -> tuple[float, float, float, int] | None:
    """A count's range read from its low end (``start``-``end``, the number ``low``): the
    low end, the high end, their scale and where the high end ends; None when what
    follows the low end is no range of a count.

    A range says what it counts right after it, in the plural or as a unit of measure
    ("300-400 homes", "2-3 days", "20 to 30 km"); its ends are in order and within
    ``RANGE_SPREAD`` of each other, and neither is a year ("1991-2020").
    """
    m = _RANGE_AFTER_RE.match(text, end)
    if m is None or _CHANGE_FROM_RE.search(text, max(0, start - 8), start):
        return None
    written = m["digits"] or m["num"]
    high = _parse_number(written)
    if high is None or not 0 < low < high <= low * RANGE_SPREAD:
        return None
    ends = ((text[start:end], low), (written, high))
    if any(raw.isdigit() and len(raw) == 4 and 1000 <= n <= 2199 for raw, n in ends):
        return None
    stop = m.end()
    after = following(text, stop, limit=1)
    if after and (looks_plural(after[0][0]) or measure_of(after[0][0])):
        return low, high, _scale(m), stop
    # A key-figures line's range counts what its label names: "Homes flooded: 300-400",
    # maybe with a note in brackets after it ("(provisional)").
    labelled = text[max(0, start - 3) : start].rstrip().endswith(":")
    line_end = text.find("\n", stop)
    rest = text[stop : line_end if line_end >= 0 else len(text)].strip(" \t.;,")
    if labelled and (not rest or (rest.startswith("(") and rest.endswith(")"))):
        return low, high, _scale(m), stop
    return None


def _label_noun(tokens: list[str]) -> str | None:
    """What a label line's number counts, from the label's words: "Injuries: 3" ->
    injury, "Total personnel: 1,185" -> personnel, "Homes destroyed: 61" -> home (a
    participle after the noun says what befell it), "Patients admitted to intensive
    care with heatstroke: 38" -> patient (the head, before what modifies it), "Number
    of cooling centres: 22" -> centre (a number of them), "People killed: 14" and
    "Killed: 14" -> death, as "14 people were killed" reads."""
    label: list[str] = []
    for token in reversed(tokens):
        if not token[0].isalpha() or len(label) > LABEL_WORDS:
            break
        label.append(token)
    label.reverse()
    if not label:
        return None
    if len(label) > LABEL_WORDS or label[0].lower() in _LABEL_DETERMINERS:
        label = label[-LABEL_TAIL_WORDS:]
        read = list(label)
        while len(label) > 1 and label[-1].islower() and label[-1].endswith("ed"):
            label.pop()
    else:
        head: list[str] = [label[0]]
        read = list(head)
        for word in label[1:]:
            lower = word.lower()
            if lower == "of" and head and head[-1].lower() in _NOT_MEASURED:
                head = []
                continue
            if lower in _LABEL_MODIFIERS or (word.islower() and lower.endswith("ed") and head):
                read.append(word)
                break
            head.append(word)
            read.append(word)
        label = head
    for word in read:
        if word.lower() in _CASUALTY_WORDS:
            return _CASUALTY_WORDS[word.lower()]
    if not label or label[-1].lower() in STOP_WORDS:
        return None
    return singular(label[-1])


# The "in" of a rate right before a number ("three in four", "one in every ten").
_RATE_BEFORE = re.compile(r"(?P<a>[\w,.\-]+)\s+in\s+(?:every\s+|each\s+)?$", re.I)
# "3-1", "2–0": a score, not a count of what comes before it.
_SCORE_AFTER = re.compile(r"\s*[\-–]\s*\d")
_RELATIVE_DAYS_WORDS = word_set("today yesterday tomorrow tonight")


# What ends a clause right after a verb: "and two retired.", "388 rejected, ...".
_CLAUSE_END_AT = re.compile(r"[ \t]*(?:[.,;:)—–]|$|[ \t](?:and|but|while|after|before)\b)")
# What starts the object of a verb: "filled 99% of", "completed the trial".
_OBJECT_AFTER = re.compile(r"\s+(?:\d|(?:the|a|an|its|their|his|her|our|every|all)\b)", re.I)


def _tonnes(m: re.Match[str], number: float) -> float | None:
    """The scale of a count in tonnes written onto its number, or None: "3t of steel",
    "a 40t truck", "2.59t/ha" (a trillion is money's letter: "$3t"), "640kt", "4.2mt"
    and "4.2Mt" (million tonnes, as commodity reports write them; "5,000mt" is metric
    tonnes)."""
    letter = m["letter"]
    if letter in ("t", "T"):
        return 1.0
    glued = m["glued"]
    if glued is None:
        return None
    if glued.lower() == "kt":
        return 1e3
    if glued.lower() == "mt":
        return 1e6 if glued in ("Mt", "MT") or number < 1000 else 1.0
    return None


def _is_past_verb(word: str) -> bool:
    """A lower-case past form ("filled", "completed", "retired"), not a noun that ends
    in -ed ("bed", "shed", "seed", "breed", "speed")."""
    return (
        word.islower()
        and len(word) > 5
        and word.endswith("ed")
        and not word.endswith("eed")
        and not senses_of(word)
    )


def _part_said(m: re.Match[str]) -> tuple[int, int] | None:
    """The part and whole of a share in words (groups ``a`` and ``d``: "a third", "two
    fifths"), or None when the number does not agree with the noun ("a thirds")."""
    word, d_word = m["a"].lower(), m["d"].lower()
    a = 1 if word in ("a", "an") else int(text2num(word, "en"))
    d = _DENOMINATORS[d_word]
    if (a == 1) == d_word.endswith("s") or a >= d:
        return None
    return a, d


_DESIGNATED_NUMBER_AT = re.compile(r"[ \t]+\d{1,4}[A-Za-z]?(?![\w,.])")


def _is_label(word: str) -> bool:
    """A word that names what a number right after it identifies: "Ward 3", "Route 66"."""
    lower = word.lower()
    if lower in _RELATIVE_DAYS_WORDS:
        return False  # "Yesterday 2,218 cabin crew stayed off": a time, then a count
    if lower in _NOT_AGED or lower in _DESIGNATORS:
        return True
    return (
        word[0].isupper()
        and not lower.endswith(("'s", "’s"))
        and lower not in STOP_WORDS
        and lower not in _BOUNDS
        and lower not in NUMBER_WORDS
    )


def _elides(word: str) -> bool:
    """Whether a number with no noun after ``word`` counts the sentence's last noun."""
    lower = word.lower()
    if lower in _ELIDING_WORDS or lower.endswith(("'s", "’s")):
        return True
    return word.islower() and lower not in STOP_WORDS and lower not in _NOT_AGED


def _is_whole(v: Value) -> bool:
    """A count of things a later "N of them" can take a part of."""
    unit = v.get("unit")
    return bool(unit) and unit != AGE_UNIT and measure_of(str(unit)) is None


def find_values(
    text: str,
    *,
    offset: int = 0,
    published: datetime.date | None = None,
    words: frozenset[str] | None = None,
) -> list[Value]:
    """Every normalised value in ``text``, in order; offsets are ``offset`` + index in
    ``text``. ``words`` (from ``lower_words(text)``) may be passed when already known.

    >>> [(v["type"], v["text"]) for v in find_values("trade of $68.7B in FY25")]
    [('money', '$68.7B'), ('fiscal_year', 'FY25')]
    """
    if not text:
        return []
    if words is None:
        words = lower_words(text)
    return _Finder(text, offset, _as_date(published), words).run()


def normalise_money(text: str) -> Value | None:
    """The first money value in ``text``, or None: "$68.7B" -> amount 68.7e9, USD."""
    for value in find_values(text):
        if value["type"] == "money":
            return value
    return None
