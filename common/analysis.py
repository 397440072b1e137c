"""Text into search terms, in Korean and English, the same way for what is indexed and
for what readers type: a reader's 광주의 finds 광주, 인권도시에서 finds 인권도시 and
인권 도시, forums finds forum.

Korean attaches particles and endings to words, so a substring or a whitespace split
misses most real queries: Kiwi (kiwipiepy, its model installed from PyPI, no network)
splits words into morphemes; we keep nouns (and each compound whole as well as its
parts), verb and adjective stems as their dictionary form (열린 → 열리다), numbers and
Latin words. Latin words are case-folded and stemmed with the Snowball English stemmer
(PyStemmer): cities and city give one term. Loading Kiwi and its first analysis take
several seconds and about 500 MB, so each process loads it once, on first use (gunicorn
loads it before a worker takes requests: gunicorn.conf.py).
"""

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

NOUN_TAGS = {"NNG", "NNP", "XR", "SH"}
STEM_TAGS = {"VV", "VA"}
LATIN_TAG = "SL"
NUMBER_TAG = "SN"
# Words too common to tell posts apart; a query of only these has nothing to search.
ENGLISH_STOP_WORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of"]
    + ["on", "or", "that", "the", "this", "to", "was", "were", "with"]
)
WORD_CHARACTER = re.compile(r"\w")
LATIN_WORD = re.compile(r"[^\W_]+")
HANGUL_NOUN = re.compile(r"[가-힣]{3,}")

_kiwi = None
_kiwi_lock = threading.Lock()
# One analysis at a time per process: two threads analysing at once (gunicorn's threads)
# made one of them 50 times slower, 14 s instead of 0.25 s for 200 short queries.
_analysis_lock = threading.Lock()
_stemmer = Stemmer.Stemmer("english")
_stemmer_lock = threading.Lock()


def kiwi():
    """The process's one analyser, loaded on first use."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                analyser = Kiwi()
                # Kiwi finishes loading its model on its first analysis (seconds): done
                # here, so that no reader's search waits for it.
                analyser.tokenize("광주")
                _kiwi = analyser
    return _kiwi


@dataclass(frozen=True)
class Term:
    """A search term and where it stands in the analysed text; `joined` says the noun
    was written together with the one before it (a part of a compound)."""

    text: str
    start: int
    end: int
    joined: bool = False
    noun: bool = False


def english_stem(word):
    with _stemmer_lock:
        return _stemmer.stemWord(word.casefold())


def english_term(word):
    word = word.casefold()
    if len(word) < 2 or word in ENGLISH_STOP_WORDS:
        return None
    return english_stem(word)


def token_terms(token):
    """The search terms of one Kiwi token, as (term, start, end): none for what nobody
    searches for (particles, endings, punctuation, English stop words)."""
    tag = token.tag.split("-")[0]
    form, start, end = token.form, token.start, token.start + token.len
    if not WORD_CHARACTER.search(form):
        return []
    if tag in NOUN_TAGS:
        return [(form.casefold(), start, end)]
    if tag in STEM_TAGS:
        return [(f"{form}다", start, end)]
    if tag == NUMBER_TAG:
        return [(form, start, end)]
    if tag == LATIN_TAG:
        # Kiwi keeps a full stop or an apostrophe inside a Latin token ("forum.").
        found = [
            (english_term(word.group()), start + word.start(), start + word.end())
            for word in LATIN_WORD.finditer(form)
        ]
        return [found_term for found_term in found if found_term[0]]
    return []


def located_terms(text):
    """Each term of `text` with its place, in order."""
    if not text or not text.strip():
        return []
    analyser = kiwi()
    with _analysis_lock:
        tokens = analyser.tokenize(text)
    return terms_of_tokens(tokens)


def terms_of_tokens(tokens):
    terms = []
    previous_end = None
    previous_noun = False
    for token in tokens:
        found = token_terms(token)
        is_noun = bool(found) and token.tag.split("-")[0] in NOUN_TAGS
        for text, start, end in found:
            joined = is_noun and previous_noun and token.start == previous_end
            terms.append(Term(text, start, end, joined, is_noun))
        previous_noun = is_noun
        previous_end = token.start + token.len
    return terms


@lru_cache(maxsize=65536)
def noun_parts(noun):
    """The nouns inside a long noun Kiwi reads as one word (광주인권상 → 광주, 인권;
    자원봉사자 → 자원, 봉사자): its second-best reading splits it, and a reader searching
    for 광주 expects to find the 광주인권상."""
    analyser = kiwi()
    with _analysis_lock:
        analyses = analyser.analyze(noun, top_n=2)
    if len(analyses) < 2:
        return ()
    parts = [token.form for token in analyses[1][0] if token.tag.split("-")[0] in NOUN_TAGS and len(token.form) > 1]
    return tuple(part for part in parts if part != noun)


def with_noun_parts(terms):
    """`terms`, each long Korean noun followed by the nouns inside it (noun_parts)."""
    found = []
    for term in terms:
        found.append(term)
        if term.noun and HANGUL_NOUN.fullmatch(term.text):
            found += [Term(part, term.start, term.end) for part in noun_parts(term.text)]
    return found


def words(terms):
    """The terms grouped into written words: a compound's nouns form one group."""
    groups = []
    for term in terms:
        if term.joined and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
    return groups


def index_terms(text):
    """The terms to index for `text`: every term, each compound also whole (인권도시
    gives 인권도시, 인권 and 도시), each long noun also by its parts (noun_parts)."""
    return terms_of_words(words(located_terms(text)))


def highlight_terms(text):
    """Each term of `text` with its place, the parts of long nouns too: what
    highlighting needs."""
    return with_noun_parts(located_terms(text))


def terms_of_words(groups):
    found = []
    for group in groups:
        found += [term.text for term in with_noun_parts(group)]
        if len(group) > 1:
            found.append("".join(term.text for term in group))
    return found


@lru_cache(maxsize=4096)
def cached_index_terms(text):
    """index_terms for texts met many times (copies of posts, rebuilding the index)."""
    return tuple(index_terms(text))


def bulk_index_terms(texts):
    """index_terms of many texts, analysed together on Kiwi's worker threads."""
    texts = [text or "" for text in texts]
    results = {}
    pending = [text for text in dict.fromkeys(texts) if text.strip() and text not in results]
    analyser = kiwi()
    with _analysis_lock:
        analysed = list(analyser.tokenize(pending))
    for text, tokens in zip(pending, analysed, strict=True):
        results[text] = terms_of_words(words(terms_of_tokens(tokens)))
    return [results.get(text, []) for text in texts]


def query_requirements(text):
    """What a document must contain to match the words of `text`: a list of
    requirements, each a list of alternatives, each a list of terms that must all be
    there. A compound is found whole or by all of its parts, so that it matches
    however the document's analysis split it (인권도시: 인권도시, or 인권 and 도시)."""
    requirements = []
    for group in words(located_terms(text)):
        parts = [term.text for term in group]
        alternatives = [parts] if len(parts) == 1 else [["".join(parts)], parts]
        if alternatives not in requirements:
            requirements.append(alternatives)
    return requirements
