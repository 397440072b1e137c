"""What a reader typed, as what the index must hold."""

import re
from dataclasses import dataclass

from common.analysis import query_requirements

# Longer queries are cut: nobody types more, and each word is one more condition.
MAX_QUERY_LENGTH = 100
# A query needs this many letters or digits: one letter matches too much to help anyone.
MIN_QUERY_CHARACTERS = 2
PHRASE = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")


@dataclass(frozen=True)
class Query:
    text: str
    requirements: list
    phrases: list

    @property
    def is_useful(self):
        letters = sum(character.isalnum() for character in self.text)
        return letters >= MIN_QUERY_CHARACTERS and bool(self.requirements)

    @property
    def terms(self):
        """Every term that can match, for highlighting."""
        return {term for alternatives in self.requirements for terms in alternatives for term in terms}


def parse(text):
    """The reader's query: whitespace collapsed, cut to MAX_QUERY_LENGTH (before the word
    that would be cut); quoted words are an exact phrase as well as words that must all
    be there."""
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0][:MAX_QUERY_LENGTH]
    phrases = [" ".join(phrase.split()).casefold() for phrase in PHRASE.findall(text) if phrase.strip()]
    requirements = query_requirements(text.replace('"', " ").replace("“", " ").replace("”", " "))
    return Query(text=text, requirements=requirements, phrases=phrases)
