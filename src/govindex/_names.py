"""How agency names are compared (so sánh tên): exactly, without diacritics, or as a PDF copy loses letters.

Private to :mod:`govindex.directory`, which exports :func:`name_key` and
:func:`fold_name`.
"""

from __future__ import annotations

import re
import unicodedata

from govindex.agency import nfc

__all__ = ["fold_name", "loose_deletions", "name_key", "skeleton"]

_PUNCT = re.compile(r"(?:[^\w\u0300-\u036f]|_)+")
_COMMITTEE = (("ubnd",), ("uy", "ban", "nhan", "dan"))


def _strip(text: str) -> str:
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


def _tokens(name: str) -> tuple[list[str], list[str]]:
    """Exact and folded word lists of a name, without a leading 'UBND' / 'Ủy ban nhân dân'."""
    exact = [t for t in _PUNCT.split(nfc(name).casefold()) if t]
    folded = [_strip(t) for t in exact]
    for prefix in _COMMITTEE:
        if len(folded) > len(prefix) and tuple(folded[: len(prefix)]) == prefix:
            return exact[len(prefix) :], folded[len(prefix) :]
    return exact, folded


def name_key(name: str) -> str:
    """The key names are matched on exactly: case, punctuation, spacing and Unicode form ignored.

    >>> name_key("Sở Lao động-Thương binh và Xã hội") == name_key("sở lao động - thương binh và xã hội")
    True
    """
    return " ".join(_tokens(name)[0])


def fold_name(name: str) -> str:
    """The key of :func:`name_key` without diacritics (dấu) and with 'đ' as 'd'.

    >>> fold_name("UBND huyện Mộc Châu")
    'huyen moc chau'
    """
    return " ".join(_tokens(name)[1])


def skeleton(name: str) -> tuple[str, tuple[bool, ...]]:
    """The folded letters of a name without spaces, and which of them carried a diacritic."""
    exact, _folded = _tokens(name)
    letters: list[str] = []
    marked: list[bool] = []
    for token in exact:
        for ch in token:
            plain = _strip(ch)
            if not plain:
                continue
            letters.append(plain)
            marked.append(plain != ch)
    return "".join(letters), tuple(marked)


def loose_deletions(text: str, target: str, marked: tuple[bool, ...]) -> int | None:
    """How many marked letters of ``target`` must be deleted to obtain ``text``; None if impossible."""
    n, m = len(text), len(target)
    if n > m:
        return None
    # reachable[i]: text[:i] can be obtained from target[:j] deleting only marked letters
    reachable = [True] + [False] * n
    for j in range(m):
        nxt = [False] * (n + 1)
        for i in range(n + 1):
            if not reachable[i]:
                continue
            if marked[j]:
                nxt[i] = True
            if i < n and text[i] == target[j]:
                nxt[i + 1] = True
        reachable = nxt
    return m - n if reachable[n] else None
