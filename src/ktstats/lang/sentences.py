r"""A report's sentences, each with the heading it stands under.

Provincial reports are numbered outlines ("II. …", "1.3. …"), bullet lists and hard-wrapped lines as
often as prose; :func:`ktstats.data.extract.extract` reads them one sentence at a time, and a numbered
heading ("1. Chỉ tiêu chủ yếu 3 tháng cuối năm 2024") frames the sentences under it.

>>> sentences("I. Kinh tế 6 tháng đầu năm 2024\n- Thu ngân sách đạt 830 tỷ đồng. Chi 500 tỷ đồng.")
[('Kinh tế 6 tháng đầu năm 2024', 'Kinh tế 6 tháng đầu năm 2024'), ('Thu ngân sách đạt 830 tỷ đồng.', 'Kinh tế 6 tháng đầu năm 2024'), ('Chi 500 tỷ đồng.', 'Kinh tế 6 tháng đầu năm 2024')]
"""

from __future__ import annotations

import re

from ktstats.lang.text import normalize_text

__all__ = ["sentences", "split_sentences"]

# a full stop with no space after it ("… trên địa bàn.Tỉnh miền núi …", "tăng 1,57% .Thu ngân sách …": pages
# that lost their spaces) ends a sentence too, after a word of two lower-case letters or more ("kỳ.Kim"), a "%"
# or a ")" ("Tp.Hồ Chí Minh" and "TP.HCM" do not)
_SENTENCE_END = re.compile(  # (each alternative is after a stop: one quick look at every character first)
    r"(?<=[.!?;])(?:(?<=[.!?;])\s+(?=[A-ZĐÀ-Ỹ“\"(])|(?<=[.!?])\s+(?=\S)"
    r"|(?:(?<=[a-zà-ỹ]{2}\.)|(?<=[%)]\.)|(?<=\s\.))(?=[A-ZĐÀ-Ỹ][a-zà-ỹ]))"
)
# a title or an administrative unit abbreviated before a name: "TP. Đà Nẵng", "TX. Sơn Tây", "TS. Nguyễn …"
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?:TP|Tp|TX|Tx|TT|TS|ThS|GS|PGS|BS|Q)\.$")
_NUMBERING = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)*\.|[IVX]+\.)\s+")
_LONGEST = 2000  # characters: a sentence joined across ";" in parentheses is never longer (time stays linear)
# a line over a list of the goals set ("Năm 2019, Phú Yên đưa ra 5 chỉ tiêu kinh tế chủ yếu, trong đó:"), not
# over results ("Một số chỉ tiêu … năm 2023 như sau:", "Kết quả đạt được … so với năm 2017 cụ thể như sau:")
_GOALS_SET = re.compile(r"(?<![^\W\d_])(?:đưa ra|đề ra|đặt ra|phấn đấu)(?![^\W\d_])", re.IGNORECASE)
_RESULTS = re.compile(r"(?<![^\W\d_])(?:kết quả|đạt được|thực hiện|so với)(?![^\W\d_])", re.IGNORECASE)
_DASH = re.compile(r"[-–•*+]\s*")  # a bullet, not a number
_BULLET = re.compile(r"^(?:[-–•*]\s*|[0-9]+(?:\.[0-9]+)*\.\s+|[IVX]+\.\s+)")


def sentences(text: str) -> list[tuple[str, str]]:
    """The sentences of ``text`` (normalised) with the heading they stand under.

    Bullets and section numbers ("- ", "1.3. ") are removed; a line that ends
    without a full stop and holds a period phrase counts as a heading; a long line cut without
    punctuation before a line that starts in lower case or with a digit is one sentence (hard wraps).
    """
    return split_sentences(normalize_text(text))


def split_sentences(normalized: str) -> list[tuple[str, str]]:
    """:func:`sentences` of a text already normalised with :func:`~ktstats.lang.text.normalize_text`."""
    out: list[tuple[str, str]] = []
    heading = ""
    stack: list[tuple[int, str]] = []
    lines: list[str] = []
    for raw in normalized.splitlines():
        line = " ".join(raw.split())  # already normalised: fold whitespace only
        last = lines[-1] if lines else ""
        if (
            line
            and len(last) >= 50
            and not last.endswith((".", ";", ":", "!", "?"))
            and (line[0].islower() or line[0].isdigit())
            and not _NUMBERING.match(line)
        ):
            lines[-1] = f"{last} {line}"  # a hard-wrapped line ("… (GRDP) năm" / "2019 ước đạt …") goes on
        else:
            lines.append(line)
    intro = (
        ""  # a line ending on ":" over the bulleted lines after it ("… đưa ra 5 chỉ tiêu chủ yếu, trong đó:")
    )
    for line in lines:
        if not line:
            continue
        numbering = _NUMBERING.match(line)
        bulleted = _DASH.match(line) is not None
        line = _BULLET.sub("", line)
        line = _BULLET.sub("", line)
        if not line:
            continue
        if not bulleted:
            intro = ""
        if numbering and not line.rstrip().endswith((".", ";", ")")) and len(line) < 160:
            # numbered headings ("II. …", "1. Chỉ tiêu chủ yếu 3 tháng cuối năm 2024", "1.1. Về kinh tế")
            # frame what follows; deeper ones keep their parents
            label = numbering.group(0).strip()
            depth = 0 if re.match(r"[IVX]+\.", label) else label.count(".")
            stack = [(d, h) for d, h in stack if d < depth] + [(depth, line)]
        heading = " / ".join([h for _, h in stack] + ([intro] if intro else []))
        if line.endswith(":") and len(line) < 300 and _GOALS_SET.search(line) and not _RESULTS.search(line):
            intro = line
        pending, depth = "", 0
        for part in _SENTENCE_END.split(line):
            part = part.strip()
            depth += part.count("(") - part.count(")")
            part = f"{pending} {part}" if pending else part
            # "(Trung ương giao: 13.398 tỷ đồng; HĐND tỉnh giao 16.310 tỷ đồng)": a ";" in parentheses ends nothing
            if part.endswith(";") and depth > 0 and len(part) < _LONGEST:
                pending = part
                continue
            # (looked for in the last characters: it ends the part)
            if _ABBREVIATION.search(part, max(0, len(part) - 8)) and len(part) < _LONGEST:
                pending = part  # "… trên địa bàn TP. Đà Nẵng vượt hơn 20% dự toán": "TP." ends no sentence
                continue
            pending, depth = "", 0
            if part:
                out.append((part, heading))
        if pending:
            out.append((pending, heading))
    return out
