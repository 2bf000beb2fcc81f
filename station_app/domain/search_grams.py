"""The words a county's search index holds for a case, and the words a search term is looked up by.

A county's register holds a million cases and cannot keep the station's trigram index up to date while it merges
the stations' packages (store/search_index.py), and a trigram index cannot answer a one- or two-character term
(王, 张伟), which is what a clerk types most. So a county's index (store/county_search.py) is built after an import,
beside the window, from words made here:

- from the short fields (number, names, phone, business, subject, pinyin initials): every piece of one, two and
  three characters — a surname, a two-character name, a fragment of a number are each one word;
- from the facts: every piece of three characters (a one- or two-character fragment of free text would match
  almost every case: the station does not search the facts for them either).

A term of one to three characters is then one word, looked up exactly; a longer one is all its three-character
pieces, and the cases holding them all are checked against the term itself (they may hold them apart).
Whitespace inside a word is written as a private-use character, so the index's tokenizer, which splits at spaces
only, keeps each word whole.
"""

from __future__ import annotations

from collections.abc import Iterable

SPACE = "\ue000"  # stands for any whitespace or control character inside a word
# Every whitespace and control character (str.isspace, category Cc): the tokenizer would split a word at them.
# Listed, not found by a scan of every code point at import (75 ms of each process's start); a test checks the list.
_CONTROLS = (*range(0x20), *range(0x7F, 0xA0))
_SPACES = (0x20, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)
BREAKS = frozenset((*_CONTROLS, *_SPACES))
SPACES = str.maketrans(dict.fromkeys(BREAKS, SPACE))
SHORT_LONGEST = 3  # the short fields give words of 1, 2 and 3 characters
FACTS_WORD = 3  # the facts give words of 3 characters
EXACT_LONGEST = 3  # a term up to this long is one word of the index: found exactly


def _pieces(text: str, sizes: Iterable[int]) -> set[str]:
    return {text[i : i + n] for n in sizes for i in range(len(text) - n + 1)}


def case_words(short_fields: Iterable[str | None], facts: str | None) -> str:
    """The words of one case, separated by spaces (what the index is given for it)."""
    words: set[str] = set()
    sizes = range(1, SHORT_LONGEST + 1)
    for value in short_fields:
        if value:
            words |= _pieces(value.translate(SPACES), sizes)
    if facts:
        words |= _pieces(facts.translate(SPACES), (FACTS_WORD,))
    return " ".join(words)


def term_words(term: str) -> list[str]:
    """The words a search term is looked up by: itself when short, else its three-character pieces in order."""
    text = term.translate(SPACES)
    if len(text) <= EXACT_LONGEST:
        return [text] if text else []
    return list(dict.fromkeys(text[i : i + FACTS_WORD] for i in range(len(text) - FACTS_WORD + 1)))


def is_exact(term: str) -> bool:
    """Is a term found exactly by its words (no check against the case's text needed)?"""
    return 0 < len(term) <= EXACT_LONGEST


def match_expression(terms: Iterable[str]) -> str:
    """The index query finding the cases that hold every word of every term (each word quoted, so that no
    character of it is read as query syntax)."""
    words = dict.fromkeys(word for term in terms for word in term_words(term))
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)
