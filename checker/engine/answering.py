"""One answer at a time: is it usable, and if not, what to tell the reader in both languages.

Messages speak of the question as the reader sees it (its ``ask`` and its answers' labels),
never of internal ids. Plain Python for MicroPython too: %-formatting, no f-strings needed.
"""

from .choices import answer_label
from .dates import civil, format_date, format_datetime, parse_date, parse_datetime
from .numbers import parse_number

LANGS = ("zh", "en")


class AnswerError(Exception):
    """An answer the flow cannot use: the question id, ``text`` ({"zh", "en"}) for people and
    ``message`` (the English text) for logs and validator messages."""

    def __init__(self, question_id, text):
        if not isinstance(text, dict):
            text = {"zh": str(text), "en": str(text)}
        super().__init__(text["en"])
        self.question_id = question_id
        self.text = text
        self.message = text["en"]

    def shown(self, lang):
        """The text for a reader of ``lang``: zh, en, or both (Chinese line, then English)."""
        if lang in self.text:
            return self.text[lang]
        return self.text["zh"] + "\n" + self.text["en"]


def _ask(question, lang):
    ask = question.get("ask")
    return ask[lang] if isinstance(ask, dict) else question["id"]


def refuse(question, zh, en, values=()):
    """An AnswerError for ``question``: each template gets the question's ask, then ``values``
    (a value may be a {"zh", "en"} pair)."""
    text = {}
    for lang, template in (("zh", zh), ("en", en)):
        shown = tuple(value[lang] if isinstance(value, dict) else value for value in values)
        text[lang] = template % ((_ask(question, lang),) + shown)
    return AnswerError(question["id"], text)


def _shown(raw):
    """An answer as quoted back in a message: long typing is cut, not echoed whole."""
    text = str(raw)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(value):
    """Whole numbers as int, so 24 and 24.0 compare and print the same everywhere."""
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def _choices(question):
    """Each answer as its label with the value a case file writes, in both languages."""
    out = {}
    for lang, joiner in (("zh", "、"), ("en", ", ")):
        out[lang] = joiner.join(
            "%s (%s)" % (answer_label(question, answer["value"])[lang], answer["value"]) for answer in question["answers"]
        )
    return out


def normalise_answer(question, raw):
    """Check one raw answer (text from a form, a case file or a URL) and return its value."""
    kind = question["kind"]
    if raw is None or raw == "":
        raise refuse(question, "「%s」还没有回答", 'No answer given for "%s"')
    if kind == "choice":
        value = str(raw)
        if value not in [answer["value"] for answer in question["answers"]]:
            raise refuse(
                question,
                "「%s」：“%s”不是可选的答案；请选择：%s",
                '"%s": "%s" is not one of the answers; choose one of: %s',
                (_shown(value), _choices(question)),
            )
        return value
    if kind == "date":
        if parse_date(str(raw)) is None:
            raise refuse(
                question,
                "「%s」：“%s”不是日期；请写成 YYYY-MM-DD",
                '"%s": "%s" is not a date; write it as YYYY-MM-DD',
                (_shown(raw),),
            )
        return str(raw)
    if kind == "datetime":
        minute = parse_datetime(str(raw))
        if minute is None:
            raise refuse(
                question,
                "「%s」：“%s”不是日期和时间；请写成 YYYY-MM-DDTHH:MM",
                '"%s": "%s" is not a date and time; write it as YYYY-MM-DDTHH:MM',
                (_shown(raw),),
            )
        return format_datetime(minute)
    return _normalise_number(question, raw)


def _normalise_number(question, raw):
    if isinstance(raw, bool):
        raise refuse(question, "「%s」：需要一个数字，不是 %s", '"%s": needs a number, not %s', (raw,))
    if isinstance(raw, (int, float)):
        number = raw
    else:
        number, reason = parse_number(raw)
        if reason is not None:
            raise refuse(question, "「%s」：“%s”不是数字；%s", '"%s": "%s" is not a number; %s', (_shown(raw), reason))
    if number != number or number in (float("inf"), float("-inf")):
        raise refuse(question, "「%s」：“%s”不是数字", '"%s": "%s" is not a number', (_shown(raw),))
    if "min" in question and number < question["min"]:
        limit = _number(question["min"])
        raise refuse(question, "「%s」：至少为 %s，不能是 %s", '"%s": must be at least %s, not %s', (limit, _number(number)))
    if "max" in question and number > question["max"]:
        limit = _number(question["max"])
        raise refuse(question, "「%s」：最多为 %s，不能是 %s", '"%s": must be at most %s, not %s', (limit, _number(number)))
    return _number(number)


def day_of(kind, value):
    """The day number of a normalised date or date-time answer."""
    return parse_date(value) if kind == "date" else parse_datetime(value) // 1440


def check_when(question, value, calendar, today):
    """Refuse a date no one means: years far outside the shop's calendar (more than one year
    before or after the years it covers), or after ``today`` on a question marked
    ``not_after: today``. ``today`` ('YYYY-MM-DD' or None) comes from the caller, never the clock."""
    day = day_of(question["kind"], value)
    covers = calendar.get("covers") if calendar else None
    if covers:
        first, last = civil(parse_date(covers["from"]))[0], civil(parse_date(covers["to"]))[0]
        if not first - 1 <= civil(day)[0] <= last + 1:
            raise refuse(
                question,
                "「%s」：%s 不在店铺日历覆盖的年份内（%d–%d）；请检查年份",
                '"%s": %s is outside the years the shop\'s calendar covers (%d-%d); check the year',
                (value, first, last),
            )
    limit = parse_date(today) if question.get("not_after") == "today" and today else None
    if limit is not None and day > limit:
        raise refuse(
            question,
            "「%s」：%s 晚于今天（%s）；这件事应已发生，请检查日期",
            '"%s": %s is after today (%s); this has already happened, so check the date',
            (value, format_date(limit)),
        )


def check_order(question, value, other, earlier):
    """Refuse an answer that comes before the answer it may not precede (``not_before``)."""
    if day_key(question["kind"], value) < day_key(question["kind"], earlier):
        text = {
            "zh": "「%s」的答案（%s）早于「%s」的答案（%s）；请检查这两个日期"
            % (_ask(question, "zh"), value, _ask(other, "zh"), earlier),
            "en": 'The answer to "%s" (%s) is before the answer to "%s" (%s); check both dates'
            % (_ask(question, "en"), value, _ask(other, "en"), earlier),
        }
        raise AnswerError(question["id"], text)


def day_key(kind, value):
    """A comparable key for a date (day number) or date-time (minute number) answer."""
    return parse_date(value) if kind == "date" else parse_datetime(value)
