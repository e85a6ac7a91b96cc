"""Train the Kazakh NER model shipped as ner.crfsuite (and the word-form list the
stemmer checks its cuts against, vocabulary.txt, the word classes, clusters.txt, and the
organisations the labels name, known_names.txt) from KazNERD's validation split.

    python -m sholu.lang.kk.train_ner            # grouped 5-fold CV, then the shipped model
    python -m sholu.lang.kk.train_ner --folds 0  # the shipped model only
    python -m sholu.lang.kk.train_ner --fold 2 --no-model   # one fold's figures (one process per fold)
    python -m sholu.lang.kk.train_ner --fold 1 --no-model --errors   # and what went wrong there
    python -m sholu.lang.kk.train_ner --refresh-gazetteer   # on the gazetteer's words of now

The gazetteer feature reads gazetteer_words.txt, the list the shipped model was trained
with; names added to the gazetteer since reach the model only with --refresh-gazetteer
(measured worse on fold 2 on 2026-12-07, so not done).

Cross-validation keeps all variants of one sentence (AID…, BID… of one number) in one
fold, and rebuilds the vocabulary, word classes and list of names from the training folds
alone, so the figure is what unseen text gets. Scores: exact-match F1 over PERSON, GPE+LOCATION (one class) and
ORGANISATION, as the issue measures them. Fixed seed; prints its figures."""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

from . import clusters, known_names, morphology, ner
from .ner_errors import error_kinds, error_table
from ...nlp.conll import Sentence, entity_spans, read_conll

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DATA = PACKAGE_DIR.parents[2] / "bench" / "data" / "kaznerd-valid" / "IOB2_valid2.txt"
SCORED = {"PERSON": "PERSON", "GPE": "GPE+LOCATION", "LOCATION": "GPE+LOCATION",
          "ORGANISATION": "ORGANISATION"}
PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 100, "feature.possible_transitions": True}
SEED = 17
NAME_PARTS = 5        # the training text's parts for the jackknifed list of labelled names


def load(path: Path) -> list[Sentence]:
    with path.open(encoding="utf-8") as handle:
        return [s for s in read_conll(handle) if s.lines]


def word_forms(sentences: list[Sentence]) -> list[str]:
    """Letter-only forms seen at least twice (a typo seen once is no word), lowercased,
    or capitalised when mostly written so inside a sentence (a name: Алматы, not алма)."""
    counts, capitalised = Counter(), Counter()
    for sentence in sentences:
        for i, word in enumerate(sentence.words):
            if word.isalpha():
                counts[word.lower()] += 1
                capitalised[word.lower()] += i > 0 and word[:1].isupper()
    return sorted(word.capitalize() if 2 * capitalised[word] > n else word
                  for word, n in counts.items() if n >= 2)


def use_vocabulary(forms: list[str], sentences: list[Sentence]) -> dict:
    """Stem with these word forms and class words as these sentences' words go (both in
    memory only); forget every cached feature. Returns the word classes learned."""
    morphology.use_word_forms(forms)
    learned = clusters.learn_table([s.words for s in sentences], morphology.stem)
    clusters.use_table(learned)
    ner.own_features.cache_clear()
    known_names.use_table(names_table(sentences))
    return learned


def ship_vocabulary(forms: list[str], learned: dict) -> None:
    """Write the stemmer's word list, the word classes and the list of labelled names
    shipped with the model (only the shipped model's)."""
    known_names.write_table(known_names.table(), PACKAGE_DIR / "known_names.txt")
    (PACKAGE_DIR / "vocabulary.txt").write_text(
        "# Kazakh word forms (KazNERD, CC BY 4.0), written by train_ner.py\n" + "\n".join(forms) + "\n",
        encoding="utf-8")
    (PACKAGE_DIR / "clusters.txt").write_text(
        "# Kazakh stems and their word classes (from KazNERD's words, CC BY 4.0), written by train_ner.py\n"
        + "".join(f"{root} {' '.join(found)}\n" for root, found in sorted(learned.items())), encoding="utf-8")


def tags_of(sentence: Sentence) -> list[str]:
    return [cols[-1] for cols in sentence.lines]


def names_table(sentences: list[Sentence]) -> dict:
    return known_names.learn_table(((s.words, entity_spans(tags_of(s))) for s in sentences), morphology.stem)


def jackknifed_names(sentences: list[Sentence], parts: int = NAME_PARTS) -> list[dict]:
    """For each training sentence, the list of labelled names learned from the other
    parts of the training text (groups kept together): a sentence never finds its own
    labels in the list, as unseen text will not."""
    groups = sorted({s.group for s in sentences})
    random.Random(SEED + 1).shuffle(groups)
    part_of = {group: i % parts for i, group in enumerate(groups)}
    tables = [names_table([s for s in sentences if part_of[s.group] != k]) for k in range(parts)]
    return [tables[part_of[s.group]] for s in sentences]


def train(sentences: list[Sentence], model_path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence, names in zip(sentences, jackknifed_names(sentences)):
        trainer.append(ner.sentence_features(sentence.words, names), tags_of(sentence))
    trainer.set_params(PARAMS)
    trainer.train(str(model_path))


def predict(sentences: list[Sentence], model_path: Path) -> list[list[str]]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    return [ner.repaired(tagger.tag(ner.sentence_features(s.words))) for s in sentences]


def scored_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    return {(a, b, SCORED[label]) for a, b, label in entity_spans(tags) if label in SCORED}


def count_matches(gold: list[list[str]], found: list[list[str]]) -> Counter:
    """True positives, gold and predicted entities, per scored class and overall."""
    counts: Counter = Counter()
    for gold_tags, found_tags in zip(gold, found):
        want, got = scored_spans(gold_tags), scored_spans(found_tags)
        for label in set(SCORED.values()) | {"ALL"}:
            pick = (lambda spans: spans) if label == "ALL" else (lambda spans: {s for s in spans if s[2] == label})
            counts[label, "tp"] += len(pick(want) & pick(got))
            counts[label, "gold"] += len(pick(want))
            counts[label, "found"] += len(pick(got))
    return counts


def f1_table(counts: Counter) -> dict[str, dict[str, float]]:
    table = {}
    for label in sorted({label for label, _ in counts}):
        tp, gold, found = counts[label, "tp"], counts[label, "gold"], counts[label, "found"]
        p, r = tp / found if found else 0.0, tp / gold if gold else 0.0
        table[label] = {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}
    return table


def grouped_folds(sentences: list[Sentence], folds: int) -> list[list[Sentence]]:
    groups = sorted({s.group for s in sentences})
    random.Random(SEED).shuffle(groups)
    fold_of = {group: i % folds for i, group in enumerate(groups)}
    return [[s for s in sentences if fold_of[s.group] == k] for k in range(folds)]


def cross_validate(sentences: list[Sentence], folds: int, which: list[int] | None = None,
                   errors: Counter | None = None) -> dict:
    """Per-class P/R/F1 over the held-out folds (only those numbered in `which`, 1-based,
    for a quick look or to spread the folds over processes); `errors`, when given, gets
    what went wrong there (ner_errors.py)."""
    counts: Counter = Counter()
    parts = grouped_folds(sentences, folds)
    with tempfile.TemporaryDirectory() as tmp:
        for k, held_out in enumerate(parts):
            if which and k + 1 not in which:
                continue
            training = [s for i, part in enumerate(parts) if i != k for s in part]
            use_vocabulary(word_forms(training), training)
            model = Path(tmp) / f"fold{k}.crfsuite"
            train(training, model)
            gold, found = [tags_of(s) for s in held_out], predict(held_out, model)
            fold = count_matches(gold, found)
            for pair in zip(gold, found) if errors is not None else ():
                errors.update(error_kinds(*pair, SCORED))
            figures = " ".join(f"{label} {row['f1']:.4f}" for label, row in f1_table(fold).items())
            print(f"fold {k + 1}/{folds}: F1 {figures}", file=sys.stderr)
            counts += fold
    return f1_table(counts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5, help="grouped CV folds (0: no CV)")
    parser.add_argument("--fold", type=int, action="append", help="score only this fold (1-based; repeatable)")
    parser.add_argument("--no-model", action="store_true", help="cross-validate only; keep the shipped model")
    parser.add_argument("--errors", action="store_true", help="print what went wrong in the folds, per class")
    parser.add_argument("--refresh-gazetteer", action="store_true",
                        help="train on the gazetteer's words of now (rewrites gazetteer_words.txt); by default the "
                             "shipped list, so that a retrain makes the shipped model again")
    args = parser.parse_args(argv)
    sentences = load(args.data)
    print(f"{len(sentences)} sentences, {len({s.group for s in sentences})} groups; params {PARAMS}")
    if args.refresh_gazetteer:        # the new model, and its cross-validation, read the gazetteer of now
        ner.write_gazetteer_words(PACKAGE_DIR / ner.GAZETTEER_WORDS_FILE)
    if args.folds > 1:
        errors: Counter | None = Counter() if args.errors else None
        for label, row in cross_validate(sentences, args.folds, args.fold, errors).items():
            print(f"CV {label:14} P {row['p']:.4f} R {row['r']:.4f} F1 {row['f1']:.4f}")
        if errors:
            print("\n".join(error_table(errors)))
    if args.no_model:
        return
    forms = word_forms(sentences)
    learned = use_vocabulary(forms, sentences)
    train(sentences, PACKAGE_DIR / ner.MODEL_FILE)
    ship_vocabulary(forms, learned)
    print(f"model written: {PACKAGE_DIR / ner.MODEL_FILE}")


if __name__ == "__main__":
    main()
