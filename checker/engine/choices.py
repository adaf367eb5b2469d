"""Choice answers: the entry and the label for a given value. Plain Python for MicroPython."""


def chosen(question, value):
    """The answer entry of a choice question for a value, or None."""
    for option in question.get("answers", []):
        if option["value"] == value:
            return option
    return None


def answer_label(question, value):
    """What an answer reads as: a choice's label, or the typed value itself, in both languages."""
    option = chosen(question, value) if question["kind"] == "choice" else None
    return option["label"] if option else {"zh": str(value), "en": str(value)}


def answer_short(question, value):
    """An answer as a note to paste: the choice's ``short`` label if it has one."""
    option = chosen(question, value) if question["kind"] == "choice" else None
    if option and "short" in option:
        return option["short"]
    return answer_label(question, value)
