"""What the sentence's dependency tree says about one entity in it, for the tone model:
its relation to its governing word (subject, object, modifier …), the governor and the
words further up, negation there, the entity's own modifiers and its governor's other
dependents (who acts on whom), as named features and as Navec means placed by role (a
verb the training rows never used still lands near the ones they did).

The trees come from Slovnet's news syntax model (shipped with Natasha, over the Navec
vectors the other taggers share; run flat by `parser.py`), one call for all the
sentences that hold a toned mention."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..topics.vectors import unit_vectors
from .words import tokens, word_reading

NEGATIONS = frozenset({"не", "нет", "ни", "без", "никогда", "нельзя"})
SUBJECT = frozenset({"nsubj", "nsubj:pass", "csubj"})
OBJECT = frozenset({"obj", "iobj", "obl", "obl:agent"})
MODIFIERS = frozenset({"amod", "appos", "nmod", "acl"})
JOINED = frozenset({"conj", "appos"})
NOT_SIBLINGS = frozenset({"punct", "case", "cc"})
SPEECH = frozenset({"заявить", "сказать", "отметить", "сообщить", "подчеркнуть", "считать", "говорить",
                    "добавить", "пояснить", "рассказать", "написать", "признать", "утверждать", "объяснить",
                    "напомнить", "уточнить", "полагать", "назвать"})
# tags whose own words tell their tone («террористы», «боевики»); a person's or an
# organisation's name must not: the pipeline tones those, and a name is no opinion
WORDS_READ = frozenset({"PROFESSION", "NATIONALITY", "COUNTRY"})
CHAIN = 6                  # governors read up the tree
DIMENSIONS = 300
VECTOR_PARTS = 7           # governor as subject / object / other, path, modifiers, siblings, the entity


@dataclass(frozen=True)
class Node:
    form: str              # lower case
    lemma: str
    start: int
    end: int
    head: int              # the governing node's index, -1 at a root
    rel: str


class Tree:
    """One sentence's nodes with their children listed."""

    def __init__(self, nodes: list[Node]):
        self.nodes = nodes
        self.children: list[list[int]] = [[] for _ in nodes]
        for i, node in enumerate(nodes):
            if 0 <= node.head < len(nodes) and node.head != i:
                self.children[node.head].append(i)
        self.vectors: np.ndarray | None = None      # the nodes' Navec rows, looked up once
        self.places: dict[tuple[int, int], Place | None] = {}    # the named and the dense features both ask

    def matrix(self) -> np.ndarray:
        """Each node's unit Navec vector (zeros for punctuation and unknown words)."""
        if self.vectors is None:
            self.vectors = np.zeros((len(self.nodes), DIMENSIONS), dtype=np.float32)
            words = [i for i, node in enumerate(self.nodes) if node.form[0].isalnum()]
            for i, vector in zip(words, unit_vectors([(self.nodes[i].form, self.nodes[i].lemma) for i in words])):
                if vector is not None:
                    self.vectors[i] = vector
        return self.vectors

    def entity(self, start: int, end: int) -> tuple[list[int], int | None]:
        """The nodes inside the span, and the one among them governed from outside it."""
        inside = [i for i, node in enumerate(self.nodes) if node.start < end and node.end > start]
        held = set(inside)
        head = next((i for i in inside if self.nodes[i].head not in held), inside[0]) if inside else None
        return inside, head

    def governors(self, node: int) -> list[int]:
        chain: list[int] = []
        up = self.nodes[node].head
        while 0 <= up < len(self.nodes) and up not in chain and len(chain) < CHAIN:
            chain.append(up)
            up = self.nodes[up].head
        return chain

    def negated(self, node: int) -> bool:
        return any(self.nodes[child].lemma in NEGATIONS for child in self.children[node])


@dataclass(frozen=True)
class Place:
    """An entity's place in its sentence's tree."""

    inside: list[int]
    head: int
    rel: str
    chain: list[int]


def place(tree: Tree, start: int, end: int) -> Place | None:
    """A conjunct or an apposition takes the place of the word it joins («поздравили X и
    Y»: Y is as much the object as X)."""
    if (start, end) not in tree.places:
        tree.places[start, end] = placed(tree, start, end)
    return tree.places[start, end]


def placed(tree: Tree, start: int, end: int) -> Place | None:
    inside, head = tree.entity(start, end)
    if head is None:
        return None
    top = head
    for _ in range(CHAIN):
        up = tree.nodes[top].head
        if tree.nodes[top].rel not in JOINED or not 0 <= up < len(tree.nodes):
            break
        top = up
    return Place(inside, head, tree.nodes[top].rel, tree.governors(top))


def syntax_names(tree: Tree, start: int, end: int, tag: str) -> dict[str, float]:
    """Named features of the entity's place, weighted (words up the tree count less)."""
    at = place(tree, start, end)
    if at is None:
        return {"syn:none": 1.0}
    found = {f"rel:{at.rel}": 1.0, f"rel:{at.rel}|{tag}": 1.0}
    found.update(governor_names(tree, at))
    found.update(modifier_names(tree, at))
    if tag in WORDS_READ:
        found.update({f"ent:{tree.nodes[i].lemma}": 1.0 for i in at.inside})
    return found


def governor_names(tree: Tree, at: Place) -> dict[str, float]:
    """The governor (with the entity's relation to it), the words up the tree, negation
    on them, and the speaker of a speech verb."""
    if not at.chain:
        return {}
    lemmas = [tree.nodes[i].lemma for i in at.chain]
    found = {f"gov:{lemmas[0]}": 1.0, f"gov:{lemmas[0]}|{at.rel}": 1.0}
    if tree.negated(at.chain[0]):
        found.update({"govneg": 1.0, f"govneg:{lemmas[0]}": 1.0})
    for depth, (node, word) in enumerate(zip(at.chain, lemmas)):
        key = f"upneg:{word}" if tree.negated(node) else f"up:{word}"
        found[key] = max(found.get(key, 0.0), 1 / (1 + depth))
    if any(key.startswith("upneg:") for key in found):
        found["pathneg"] = 1.0
    if at.rel.startswith("nsubj") and lemmas[0] in SPEECH:
        found["speaker"] = 1.0
    found.update(clause_verb(tree, at))
    return found


def clause_verb(tree: Tree, at: Place) -> dict[str, float]:
    """The first verb up the tree, with the relation of the word under it: for the entity
    inside a noun phrase («потребовали отставки главы X») the verb that says what befalls it."""
    below = at.head
    for node in at.chain:
        if word_reading(tree.nodes[node].form)[1]:
            rel = tree.nodes[below].rel if below != at.head else at.rel
            return {f"vgov:{tree.nodes[node].lemma}": 1.0, f"vgov:{tree.nodes[node].lemma}|{rel}": 1.0}
        below = node
    return {}


def modifier_names(tree: Tree, at: Place) -> dict[str, float]:
    """The entity's own dependents, and its governor's other ones."""
    held = set(at.inside)
    found: dict[str, float] = {}
    own = [c for c in tree.children[at.head] if c not in held]
    own += [c for i in at.inside for c in tree.children[i] if c not in held and tree.nodes[c].rel in MODIFIERS]
    for child in own:
        node = tree.nodes[child]
        found.update({f"ch:{node.lemma}": 1.0, f"ch:{node.rel}:{node.lemma}": 1.0})
    for child in siblings(tree, at):
        node = tree.nodes[child]
        if node.rel not in NOT_SIBLINGS:
            found.update({f"sib:{node.rel}:{node.lemma}": 1.0, f"sib:{at.rel}|{node.rel}:{node.lemma}": 1.0})
    return found


def siblings(tree: Tree, at: Place) -> list[int]:
    held = set(at.inside)
    return [c for c in tree.children[at.chain[0]] if c not in held and c != at.head] if at.chain else []


def syntax_vectors(tree: Tree, start: int, end: int, tag: str) -> np.ndarray:
    """Navec means of the governor (in the slot of the entity's role), the three words up
    the tree, the entity's dependents, its governor's other dependents, and (for the tags
    whose words tell) the entity's own words; zeros where there are none."""
    parts = np.zeros((VECTOR_PARTS, DIMENSIONS), dtype=np.float32)
    at = place(tree, start, end)
    if at is None:
        return parts.ravel()
    held = set(at.inside)
    role = 0 if at.rel in SUBJECT else 1 if at.rel in OBJECT else 2
    parts[role] = mean_vector(tree, at.chain[:1])
    parts[3] = mean_vector(tree, at.chain[:3])
    parts[4] = mean_vector(tree, [c for i in at.inside for c in tree.children[i] if c not in held])
    parts[5] = mean_vector(tree, siblings(tree, at))
    if tag in WORDS_READ:
        parts[6] = mean_vector(tree, at.inside)
    return parts.ravel()


def mean_vector(tree: Tree, nodes: list[int]) -> np.ndarray:
    """The nodes' vectors summed, length one (zeros when none is known)."""
    total = tree.matrix()[nodes].sum(axis=0) if nodes else np.zeros(DIMENSIONS, dtype=np.float32)
    norm = float(np.sqrt(total.dot(total)))
    return total / norm if norm else total


def parse_trees(sentences: list[str], words: list[list[tuple[str, int, int]]] | None = None) -> list[Tree]:
    """Each sentence's tree, all parsed in one call. The words are the tone features' own
    tokens (razdel's, which the parser was trained on, cost a fifth of the stage; the
    shipped model was trained on these trees), given when the sentences are read already."""
    words = words or [tokens(sentence) for sentence in sentences]
    parsed = parser()([[sentence[start:end] for _, start, end in found] for sentence, found in zip(sentences, words)])
    return [Tree([Node(form, word_reading(form)[0], start, end, head - 1, rel)
                  for (form, start, end), (head, rel) in zip(found, heads)])
            for found, heads in zip(words, parsed)]


@lru_cache(maxsize=1)
def parser():
    """Slovnet's news syntax model over the process's one Navec model, run flat."""
    from natasha import NewsSyntaxParser

    from ..nlp.models import embedding, shared_vocabulary
    from .parser import FlatParser

    with shared_vocabulary():
        return FlatParser(NewsSyntaxParser(embedding()).infer)
