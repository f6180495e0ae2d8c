"""Normalisation of Vietnamese text before anything is parsed or compared.

Reports mix Unicode normalisation forms (NFC and NFD), two conventions for
placing the tone mark in the open syllables *oa*, *oe* and *uy* ("hoà"/"hòa",
"uỷ"/"ủy"), non-breaking and other odd spaces, tabs and zero-width marks.
:func:`normalize_text` maps all of these to one canonical form, so two
spellings of the same word compare equal.

The canonical tone placement is the one most common in the seed documents:
the tone sits on the first vowel of an open *oa*, *oe*, *uy* (``hòa``,
``khỏe``, ``thủy``). Closed syllables (``hoàn``, ``thuyền``) are the same in
both conventions and are left alone; so is ``qu`` + vowel (``quý``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, Final

from ktstats.errors import ParseError, shown

__all__ = [
    "damaged",
    "did_you_mean",
    "fold_ascii",
    "letters_lost",
    "longest_first",
    "normalize_text",
    "squash_whitespace",
]

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook above, tilde, dot below

# Odd spaces become a plain space; zero-width marks disappear; the Icelandic
# eth, which looks like Vietnamese đ and turns up in badly converted files,
# becomes đ.
_SPACE_CHARS = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\x0b\x0c"
_TRANSLATE: dict[int, str | None] = {ord(c): " " for c in _SPACE_CHARS}
_TRANSLATE.update({ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"})
_TRANSLATE.update({0x00D0: "\u0110", 0x00F0: "\u0111"})
# (replaced where they are: faster than str.translate, and most texts have few)
_ODD = re.compile("[" + "".join(map(chr, _TRANSLATE)) + "]")


def _odd_to_plain(m: re.Match[str]) -> str:
    return _TRANSLATE[ord(m.group(0))] or ""


def _toned(base: str) -> str:
    return "".join(unicodedata.normalize("NFC", base + t) for t in _TONES)


def _build_tone_pattern() -> re.Pattern[str]:
    second = _toned("a") + _toned("e") + _toned("A") + _toned("E")
    second_y = _toned("y") + _toned("Y")
    # o/O + toned a/e, or u/U (not after q) + toned y, at the end of a word (one first letter to look for, then
    # the second: several times faster than two alternatives over a whole report)
    return re.compile(rf"[oOuU](?:(?<=[oO])[{second}]|(?<=[uU])(?<![qQ][uU])[{second_y}])(?![^\W\d_])")


_TONE_PATTERN = _build_tone_pattern()
_SPACE_RUN = re.compile(r" {2,}")
_TRAILING = re.compile(r" *\n *")
_ANY_WHITESPACE = re.compile(r"\s+")


def _move_tone(match: re.Match[str]) -> str:
    pair = match.group(0)
    first, second = pair[0], pair[1]
    decomposed = unicodedata.normalize("NFD", second)
    base, tone = decomposed[0], decomposed[1:]
    return unicodedata.normalize("NFC", first + tone) + base


#: a combining acute after a consonant, which no Vietnamese letter carries: what a TCVN3 → Unicode conversion makes
#: of "ì" ("ngh́n tỷ" for "nghìn tỷ", "b́nh quân" for "bình quân")
_LOST_I = re.compile(r"(?<=[bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX])\u0301")


#: the older spelling of the syllable "quý" ("quí II tăng 6,63%")
_QUI = re.compile(r"(?<![^\W\d_])([Qq]u)í(?![^\W\d_])")


def normalize_text(text: str) -> str:
    """Return ``text`` in ktstats' canonical form.

    NFC composition, canonical tone placement ("quí" spelt "quý"), odd spaces and tabs turned
    into single spaces, zero-width characters removed. Line breaks are kept.

    Examples
    --------
    >>> normalize_text("Tỉnh uỷ\\u00a0Kon\\tTum") == "Tỉnh ủy Kon Tum"
    True
    >>> normalize_text("văn hoá") == normalize_text("văn hóa")
    True
    >>> normalize_text("quý I")  # 'qu' is a consonant: nothing moves
    'quý I'
    >>> normalize_text("quí II")  # the older spelling of the same word
    'quý II'
    >>> normalize_text("32,93 ngh\u0301n tỷ")  # an "ì" left as a bare accent by a legacy font conversion
    '32,93 nghìn tỷ'

    Anything but a string is refused with :class:`~ktstats.errors.ParseError`:

    >>> normalize_text(None)
    Traceback (most recent call last):
    ...
    ktstats.errors.ParseError: text must be a str, got NoneType None
    """
    if not isinstance(text, str):
        raise _not_text(text)
    if not text.isascii():
        if "\u0301" in text:  # an "ì" a legacy font conversion left as a bare accent: "ngh́n", "b́nh"
            text = _LOST_I.sub("ì", text)
        text = unicodedata.normalize("NFC", _ODD.sub(_odd_to_plain, text))
        text = _TONE_PATTERN.sub(_move_tone, text)
        if "uí" in text:  # the older spelling "quí" of "quý" ("quí I", "quí báu"): one word, written two ways
            text = _QUI.sub(r"\1ý", text)
    elif "\t" in text or "\x0b" in text or "\x0c" in text:
        text = text.translate(_TRANSLATE)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _TRAILING.sub("\n", text)
    return text


# a Vietnamese syllable with its vowel lost: an initial and a final consonant and nothing between ("tnh" for tỉnh,
# "ngnh" for ngành, "vc" for vực), as a text decoded from a legacy encoding that dropped every accented vowel reads
# ("78.233 t đồng": "tỷ" that lost its "ỷ" is one too; alone in a sentence it is read as tỷ, a unit of the lexicon)
_SKELETON = re.compile(
    r"(?<![\w./@-])(?:(?:ngh|ng|nh|ch|th|tr|ph|kh|gi|qu|[bcdđghklmnpqrstvx])(?:ch|ng|nh|[cmnpt])(?![\w./@-])"
    r"|t(?=\s+đồng(?![^\W\d_])))"
)
# web addresses and file names ("baochinhphu.vn", "anh-1.png"): their letters are no Vietnamese syllables
_ADDRESS = re.compile(r"\S+\.(?:vn|com|net|org|html?|jpe?g|png|gif|webp)\b\S*|https?://\S+", re.IGNORECASE)


def letters_lost(sentence: str, least: int = 2) -> list[str]:
    """The syllables of ``sentence`` that lost their vowels — ``least`` or more distinct ones mean a damaged text
    ("Tổng sản phẩm trên địa bàn tnh (GRDP) … ước đạt 78.233 t đồng, … khu vc Công nghip, xây dng …"), whose
    numbers cannot be trusted to be read with their words; else ``[]``.

    >>> letters_lost("Tổng sản phẩm trên địa bàn tnh (GRDP) năm 2019, khu vc Công nghip, xây dng đạt 36.843 t đồng")
    ['dng', 't', 'tnh', 'vc']
    >>> letters_lost("GRDP của tnh ước đạt 78.233 t đồng"), letters_lost("tổng thu nội địa 5.031,287 t đồng")
    (['t', 'tnh'], [])
    >>> letters_lost("GRDP của tỉnh tăng 7,2% (ảnh: baochinhphu.vn, anh-1.png); 10 km, 5 kg")
    []
    """
    first = _SKELETON.search(sentence)  # (most sentences have none: one search)
    if first is None or (least > 1 and _SKELETON.search(sentence, first.end()) is None):
        return []
    found = sorted(set(_SKELETON.findall(_ADDRESS.sub(" ", sentence))))
    return found if len(found) >= least else []


def damaged(sentences: Iterable[str]) -> bool:
    """Whether a text lost its accented vowels — two of its sentences have (:func:`letters_lost`): then one lost
    syllable is enough to distrust a sentence ("Quy mô GRDP năm 2019 theo giá hin hành đạt 118.958 t đồng").

    >>> damaged(["tổng thu nội địa 5.031,287 t đồng", "GRDP tăng 7%"]), damaged(["tnh vc 5", "khu vc tnh 6"])
    (False, True)
    """
    return sum(bool(letters_lost(s)) for s in sentences) >= 2


def _not_text(value: object, argument: str = "text") -> ParseError:
    return ParseError(f"{argument} must be a str, got {type(value).__name__} {shown(value)}")


def squash_whitespace(text: str) -> str:
    """Normalise ``text`` and fold every run of whitespace (line breaks too)
    into one space; used to compare quotes with their source documents.

    >>> squash_whitespace("  a\\n\\n b ")
    'a b'
    """
    return _ANY_WHITESPACE.sub(" ", normalize_text(text)).strip()


def fold_ascii(text: str) -> str:
    """Vietnamese without diacritics, as people type it: "Đắk Lắk" → "Dak Lak".

    Transliteration is anyascii's (a small pure-Python table of every Unicode
    character), so "đ" becomes "d" and combining marks disappear in any form.

    >>> fold_ascii("Thừa Thiên Huế"), fold_ascii(unicodedata.normalize("NFD", "Đắk Lắk"))
    ('Thua Thien Hue', 'Dak Lak')
    """
    if not isinstance(text, str):
        raise _not_text(text)
    return text if text.isascii() else text.translate(_ASCII_OF)


class _AsciiOf(dict[int, str]):
    """anyascii's transliteration of each character, looked up once (``str.translate`` reads the table in C;
    anyascii transliterates character by character, so the result is the same)."""

    def __missing__(self, code: int) -> str:
        from anyascii import anyascii

        self[code] = folded = str(anyascii(chr(code)))
        return folded


_ASCII_OF: Final = _AsciiOf()


def did_you_mean(
    word: str, choices: Iterable[str], *, cutoff: float = 0.6, shown: Callable[[str], str] = repr
) -> str:
    """ "; did you mean 'x', 'y'?" for the closest choices, or "" — the hint of every "unknown …" error.

    >>> did_you_mean("grdp_grwth", ["grdp_growth", "gdp_growth", "poverty_rate"])
    "; did you mean 'grdp_growth', 'gdp_growth'?"
    """
    if not isinstance(word, str):
        return ""  # nothing is close to a value that is not text; the caller's message names it
    import difflib  # the standard library's matcher: enough for lists of a few hundred names

    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=cutoff)
    return f"; did you mean {', '.join(shown(c) for c in close)}?" if close else ""


def longest_first(phrases: Iterable[str], space: str = r"\ ") -> str:
    """A regular expression (without flags or word boundaries) that finds the longest of ``phrases`` that
    matches, each space of a phrase written as the expression ``space``: the phrases share their beginnings
    ("thu ngân sách(?:\\ nhà\\ nước|)") rather than standing one alternative each, which the engine would try
    one by one at every position (several times slower on the catalog's names). At each letter the longer
    phrases are tried before the one that ends there, so the match is the one an alternation sorted longest
    first finds.

    >>> re.findall(longest_first(["thu", "thu ngân sách", "thu nội địa"]), "thu ngân sách, thu nội địa, thu")
    ['thu ngân sách', 'thu nội địa', 'thu']
    """
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here

    def expression(node: dict[str, Any]) -> str:
        longer = [
            (space if char == " " else re.escape(char)) + expression(node[char])
            for char in sorted(node)
            if char
        ]
        if len(longer) == 1 and "" not in node:
            return longer[0]
        return "(?:" + "|".join(longer + ([""] if "" in node else [])) + ")" if longer else ""

    return expression(root)
