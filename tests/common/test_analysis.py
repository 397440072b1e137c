"""Text into search terms (common/analysis.py): the same for what is indexed and what
readers type."""

import pytest

from common.analysis import bulk_index_terms, index_terms, query_requirements


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("광주의", ["광주"]),
        ("인권도시에서", ["인권", "도시", "인권도시"]),
        ("포럼이 열렸습니다", ["포럼", "열리다"]),
        ("아름다운", ["아름답다"]),
        ("광주인권상", ["광주인권상", "광주", "인권"]),
        ("Gwangju's forums", ["gwangju", "forum"]),
        ("The CITIES of the forum.", ["citi", "forum"]),
        ("2024년", ["2024"]),
    ],
)
def test_index_terms_are_what_readers_search_for(text, terms):
    assert index_terms(text) == terms


def test_query_compound_matches_whole_or_by_all_its_parts():
    assert query_requirements("인권도시에서 광주의") == [[["인권도시"], ["인권", "도시"]], [["광주"]]]


def test_query_of_only_punctuation_and_stop_words_has_no_requirements():
    assert query_requirements("... the of !") == []


def test_bulk_index_terms_equal_one_by_one_analysis():
    texts = ["광주의 포럼", "", "Human rights cities", "광주의 포럼"]

    assert bulk_index_terms(texts) == [index_terms(text) for text in texts]
