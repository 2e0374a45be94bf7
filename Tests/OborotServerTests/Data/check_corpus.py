#!/usr/bin/env python3
"""Reference model of Oborot's document search, used to check search-corpus.json.

For every query of the corpus it computes the hit set from the documents and prints the queries whose
computed set differs from "expect"; the exit status is 1 when any does (2 when the corpus itself is malformed).

    pip install snowballstemmer
    python3 Tests/OborotServerTests/Data/check_corpus.py [path/to/search-corpus.json] [-v]

Semantics modelled here:
- The text of a document is title, correspondent, notes, fileText and resolution. Tokens are maximal runs of
  Unicode letters and digits, lowercased, with «ё» folded to «е». Tokens without digits are words and are
  reduced by the Snowball Russian stemmer; tokens with a digit are number keys.
- A whitespace-separated chunk of the text that holds a digit and several tokens ("01-15/123", "44-ФЗ") gives
  number keys like a registration number does.
- `number` and `correspondentNumber` are split into their alphanumeric parts; the joined suffixes starting at
  every part are number keys too ("01-15/123" gives "0115123", "15123", "123").
- A query is split on whitespace. A term with a digit is a number term: its letters and digits, lowercased,
  form a key that must be a prefix of one of the document's number keys. Any other term is tokenized like the
  text, stop words are dropped, and every remaining word's stem must be among the document's stems.
- A document is a hit when every term matches and the viewer may see it:
  clerk and minister see organizations "ministry" and "department", governor sees every organization;
  a restricted document is visible only to a viewer named in its "access", and such a grant opens the
  document wherever it belongs.
"""

import json
import os
import re
import sys

import snowballstemmer

STOP_WORDS = set("""
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня
еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там
потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе
под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были
куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них
какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда
конечно всю между
""".split())

ORGANIZATIONS = {"ministry", "department", "district", "otherDistrict"}
KINDS = {"incoming", "outgoing", "internal", "directive", "legalAct"}
VIEWERS = {"clerk", "minister", "governor"}
TEXT_FIELDS = ("title", "correspondent", "notes", "fileText", "resolution")
NUMBER_FIELDS = ("number", "correspondentNumber")
ALLOWED_FIELDS = {"key", "organization", "kind", "restricted", "access", *TEXT_FIELDS, *NUMBER_FIELDS}

_stemmer = snowballstemmer.stemmer("russian")
_TOKEN = re.compile(r"[^\W_]+")  # runs of Unicode letters and digits


def normalize(text):
    return text.lower().replace("ё", "е")


def tokens(text):
    return _TOKEN.findall(normalize(text))


def has_digit(text):
    return any(ch.isdigit() for ch in text)


def stem(word):
    return _stemmer.stemWord(word)


def number_keys(number):
    parts = tokens(number)
    return {"".join(parts[i:]) for i in range(len(parts))}


class Indexed:
    def __init__(self, doc):
        self.doc = doc
        self.stems = set()
        self.keys = set()
        for field in TEXT_FIELDS:
            text = doc.get(field) or ""
            for token in tokens(text):
                if has_digit(token):
                    self.keys.add(token)
                else:
                    self.stems.add(stem(token))
            # A number written in the text is keyed like a registration number: by its whole
            # whitespace-separated chunk ("письмо № 01-15/123" is found by "01-15/123").
            for chunk in text.split():
                if has_digit(chunk) and len(tokens(chunk)) > 1:
                    self.keys |= number_keys(chunk)
        for field in NUMBER_FIELDS:
            if doc.get(field):
                self.keys |= number_keys(doc[field])

    def visible_to(self, viewer):
        doc = self.doc
        # An explicit grant opens a document to that person wherever it belongs; a restricted (ДСП) document
        # is open to nobody else.
        if viewer in (doc.get("access") or []):
            return True
        if doc.get("restricted"):
            return False
        return viewer == "governor" or doc["organization"] in ("ministry", "department")


def parse_query(q):
    """Returns a list of ("number", key) and ("words", [stems]) terms."""
    terms = []
    for term in q.split():
        if has_digit(term):
            terms.append(("number", "".join(ch for ch in normalize(term) if ch.isalnum())))
        else:
            words = [w for w in tokens(term) if w not in STOP_WORDS]
            terms.append(("words", [stem(w) for w in words]))
    return terms


def matches(indexed, terms):
    for kind, value in terms:
        if kind == "number":
            if not any(key.startswith(value) for key in indexed.keys):
                return False
        elif not all(s in indexed.stems for s in value):
            return False
    return True


def validate(corpus):
    problems = []
    seen = set()
    for doc in corpus["documents"]:
        key = doc.get("key")
        if not key or key in seen:
            problems.append(f"document key missing or repeated: {key!r}")
        seen.add(key)
        if set(doc) - ALLOWED_FIELDS:
            problems.append(f"{key}: unknown fields {sorted(set(doc) - ALLOWED_FIELDS)}")
        if doc.get("organization") not in ORGANIZATIONS:
            problems.append(f"{key}: bad organization {doc.get('organization')!r}")
        if doc.get("kind") not in KINDS:
            problems.append(f"{key}: bad kind {doc.get('kind')!r}")
        if not (doc.get("title") or "").strip():
            problems.append(f"{key}: no title")
        if not set(doc.get("access") or []) <= VIEWERS:
            problems.append(f"{key}: bad access {doc.get('access')!r}")
        if doc.get("access") and not doc.get("restricted"):
            problems.append(f"{key}: access given on a document that is not restricted")
    for query in corpus["queries"]:
        q = query.get("q", "")
        if not q.strip():
            problems.append("empty query")
            continue
        if query.get("as") not in VIEWERS:
            problems.append(f"{q!r}: bad viewer {query.get('as')!r}")
        if not query.get("why"):
            problems.append(f"{q!r}: no why")
        unknown = set(query.get("expect", [])) - seen
        if unknown:
            problems.append(f"{q!r}: expects unknown documents {sorted(unknown)}")
        if len(set(query.get("expect", []))) != len(query.get("expect", [])):
            problems.append(f"{q!r}: repeated keys in expect")
        for kind, value in parse_query(q):
            if kind == "words" and not value:
                problems.append(f"{q!r}: a term has no words left (only separators or stop words)")
    return problems


def main(argv):
    verbose = "-v" in argv
    paths = [a for a in argv if a != "-v"]
    path = paths[0] if paths else os.path.join(os.path.dirname(os.path.abspath(__file__)), "search-corpus.json")
    with open(path, encoding="utf-8") as f:
        corpus = json.load(f)

    problems = validate(corpus)
    for problem in problems:
        print("corpus:", problem)
    if problems:
        return 2

    indexed = [Indexed(doc) for doc in corpus["documents"]]
    failures = 0
    for query in corpus["queries"]:
        terms = parse_query(query["q"])
        got = {ix.doc["key"] for ix in indexed if ix.visible_to(query["as"]) and matches(ix, terms)}
        want = set(query["expect"])
        if got != want:
            failures += 1
            print(f"MISMATCH {query['q']!r} as {query['as']}: terms {terms}")
            if want - got:
                print("   expected but not found:", sorted(want - got))
            if got - want:
                print("   found but not expected:", sorted(got - want))
        elif verbose:
            print(f"ok {query['q']!r} as {query['as']}: {len(got)} hits")
    print(f"{len(corpus['documents'])} documents, {len(corpus['queries'])} queries, {failures} mismatching")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
