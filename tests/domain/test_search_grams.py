"""The words of a case and of a search term (domain/search_grams.py)."""

from station_app.domain import search_grams


def test_short_fields_give_pieces_of_one_to_three_characters_and_the_facts_of_three():
    words = set(search_grams.case_words(["张伟华", None, ""], "手机屏幕").split())
    assert {"张", "伟", "华", "张伟", "伟华", "张伟华"} <= words
    assert {"手机屏", "机屏幕"} <= words and not {"手", "手机"} & words


def test_whitespace_inside_a_word_is_kept_in_it():
    words = search_grams.case_words(["华联 超市\t一店"], None).split(" ")
    assert f"联{search_grams.SPACE}超" in words and all(" " not in w and "\t" not in w for w in words)
    assert search_grams.term_words("联 超") == [f"联{search_grams.SPACE}超"]


def test_a_short_term_is_one_word_and_a_long_one_its_three_character_pieces():
    assert search_grams.term_words("王") == ["王"] and search_grams.is_exact("张伟华")
    assert search_grams.term_words("华联超市") == ["华联超", "联超市"] and not search_grams.is_exact("华联超市")
    assert search_grams.term_words("") == []


def test_the_query_quotes_every_word_so_nothing_is_read_as_syntax():
    assert search_grams.match_expression(['a"b', "OR"]) == '"a""b" AND "OR"'


def test_the_listed_breaks_are_every_whitespace_and_control_character():
    found = {c for c in range(0x110000) if chr(c).isspace() or c < 0x20 or 0x7F <= c < 0xA0}
    assert found == search_grams.BREAKS
