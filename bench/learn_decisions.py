"""Can a learned classifier find decisions on pages of councils it has not seen? A grouped cross-validation.

    python bench/learn_decisions.py                 # 5 folds by council over the dev-side real pages
    python bench/learn_decisions.py --folds 10 --with-challenge

Every line of a page, and every sentence and every list item inside one, is a *candidate*: its text after any list
marker. A candidate is positive when the evaluator would match it to a gold decision (its first words are the gold
decision's first eight normalised words, ``caregraph.evaluate``'s rule). A logistic regression over the candidate's
opening words, its list marker, the words just before it (a "RESOLVED" or "Decision" heading) and the page's genre is
trained on the pages of some councils and scored on the pages of the others (``GroupKFold`` by council), so every
figure is for councils the model never saw: the honest counterpart of the blind split, without opening it.

Only the dev-side gold is read (dev, dev2, dev3; the made-up challenge pages with ``--with-challenge``, always in
training, never scored). Needs scikit-learn (``pip install scikit-learn``): an experiment, not a dependency.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from caregraph.evaluate import DECISION_PREFIX_WORDS, Counts, load_gold, score_document  # noqa: E402
from caregraph.gold import decision_words  # noqa: E402
from caregraph.pipeline.extract.doc import sentences  # noqa: E402
from caregraph.pipeline.segment import detect_genre  # noqa: E402

SETS = {
    "dev": (ROOT / "bench" / "gold-dev", ROOT.parent / "shared" / "corpus"),
    "dev2": (ROOT / "bench" / "gold-real2-dev", ROOT.parent / "realpages"),
    "dev3": (ROOT / "bench" / "gold-real3-dev", ROOT.parent / "realpages3"),
}
CHALLENGE = (ROOT / "bench" / "challenge" / "gold", ROOT / "bench" / "challenge")

_MARKER = re.compile(
    r"^\s*(?:(?P<num>\(?\d{1,2}(?:\.\d{1,2})*[.):]?(?=\s))|(?P<roman>\(?[ivx]{1,5}[.)])|(?P<letter>\(?[a-zA-Z][.)])"
    r"|(?P<bullet>[•·*▪‣–-]))\s*"
)
_INLINE = re.compile(r"(?<=[\s;:])\((?:[a-h]|[ivx]{1,4}|\d{1,2})\)\s+")
_WORD = re.compile(r"[A-Za-z]+")
_PASSIVE = re.compile(r"\bbe\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", re.IGNORECASE)


def candidates(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, marker kind, text) of every line, sentence and list item of ``text``."""
    seen: set[int] = set()
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        body = line.strip(" \t|")
        if not body:
            continue
        offset = start + line.index(body)
        marker = _MARKER.match(body)
        kind = next((k for k, v in marker.groupdict().items() if v), "none") if marker else "none"
        inner = body[marker.end() :] if marker else body
        at = offset + (marker.end() if marker else 0)
        if at not in seen:
            seen.add(at)
            yield at, kind, inner
        for m in _INLINE.finditer(body):
            at = offset + m.end()
            if at not in seen:
                seen.add(at)
                yield at, "inline", body[m.end() :]
    for s, e in sentences(text):
        if s not in seen:
            seen.add(s)
            yield s, "sentence", text[s:e]


def features(text: str, at: int, kind: str, body: str, genre: str) -> dict[str, float]:
    words = [w.lower() for w in _WORD.findall(body)[:14]]
    before = [w.lower() for w in _WORD.findall(text[max(0, at - 160) : at])][-12:]
    f: dict[str, float] = {f"marker={kind}": 1.0, f"genre={genre}": 1.0}
    for i in range(3):
        if i < len(words):
            f[f"w{i}={words[i]}"] = 1.0
    if len(words) >= 2:
        f[f"w01={words[0]}_{words[1]}"] = 1.0
    for w in set(words):
        f[f"bag={w}"] = 0.3
    for w in set(before):
        f[f"ctx={w}"] = 0.5
    for w in before[-3:]:
        f[f"near={w}"] = 1.0
    f["passive"] = 1.0 if _PASSIVE.search(body[:200]) else 0.0
    f["upper_start"] = 1.0 if body[:1].isupper() else 0.0
    f["len<4"] = 1.0 if len(words) < 4 else 0.0
    f["pos"] = at / max(1, len(text))
    return f


def page_rows(text: str, gold: dict) -> tuple[list[dict], list[int], list[str], int]:
    """Features, labels and texts of a page's candidates, and how many gold decisions no candidate can match."""
    prefixes = [decision_words(d.get("text"))[:DECISION_PREFIX_WORDS] for d in gold.get("decisions", [])]
    prefixes = [p for p in prefixes if p]
    genre = str(detect_genre(text))
    rows, labels, texts, hit = [], [], [], set()
    for at, kind, body in candidates(text):
        words = decision_words(body)
        if len(words) < 3:
            continue
        match = next((i for i, p in enumerate(prefixes) if words[: len(p)] == p), None)
        rows.append(features(text, at, kind, body, genre))
        labels.append(0 if match is None else 1)
        texts.append(body)
        if match is not None:
            hit.add(match)
    return rows, labels, texts, len(prefixes) - len(hit)


def load_pages(with_challenge: bool) -> tuple[list[tuple[str, str, str, str, dict]], list[tuple[str, dict]]]:
    """The dev-side real pages as (set, file, council, text, gold), and the made-up pages as (text, gold)."""
    pages = []
    for name, (gold_dir, corpus) in SETS.items():
        if not corpus.is_dir():
            print(f"note: {name} left out ({corpus} missing)", file=sys.stderr)
            continue
        for file, gold in load_gold(gold_dir).items():
            text = (corpus / file).read_text(encoding="utf-8")
            pages.append((name, file, (gold.get("council") or ["?"])[0], text, gold))
    made_up = []
    if with_challenge:
        made_up = [((CHALLENGE[1] / f).read_text(encoding="utf-8"), g) for f, g in load_gold(CHALLENGE[0]).items()]
    return pages, made_up


def train(rows: list[dict], labels: list[int]):  # -> (DictVectorizer, LogisticRegression)
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    model = LogisticRegression(C=0.5, max_iter=3000, class_weight="balanced")
    model.fit(vectoriser.fit_transform(rows), labels)
    return vectoriser, model


def scored(vectoriser, model, text: str) -> list[tuple[float, str]]:
    """(probability, text) of each candidate of ``text``, one per decision prefix (its most probable)."""
    rows, _, texts, _ = page_rows(text, {})
    if not rows:
        return []
    best: dict[tuple[str, ...], tuple[float, str]] = {}
    for p, body in zip(model.predict_proba(vectoriser.transform(rows))[:, 1], texts, strict=True):
        key = tuple(decision_words(body)[:DECISION_PREFIX_WORDS])
        if key not in best or p > best[key][0]:
            best[key] = (float(p), body)
    return list(best.values())


def decisions_f1(gold: dict, texts: list[str]) -> Counts:
    """The evaluator's decisions counts for ``texts`` predicted on a page with ``gold``."""
    return score_document(gold, {"decisions": [{"number": None, "text": t} for t in texts]})["decisions"]


def cross_validate(pages, made_up, folds: int, thresholds: list[float]) -> None:
    from sklearn.model_selection import GroupKFold

    per_page = [page_rows(text, gold) for _, _, _, text, gold in pages]
    extra = [page_rows(text, gold) for text, gold in made_up]
    gold_total = sum(len(p[4]["decisions"]) for p in pages)
    unreachable = sum(r[3] for r in per_page)
    print(f"{len(pages)} real dev-side pages, {gold_total} gold decisions, {unreachable} no candidate can match")
    groups = [council for _, _, council, _, _ in pages]
    totals: dict[tuple[str, float], Counts] = {}
    for train_at, test_at in GroupKFold(n_splits=folds).split(pages, groups=groups):
        vectoriser, model = train(
            [x for i in train_at for x in per_page[i][0]] + [x for r in extra for x in r[0]],
            [y for i in train_at for y in per_page[i][1]] + [y for r in extra for y in r[1]],
        )
        for i in test_at:
            name, _, _, text, gold = pages[i]
            candidates_i = scored(vectoriser, model, text)
            for t in thresholds:
                counts = decisions_f1(gold, [body for p, body in candidates_i if p >= t])
                for key in ((name, t), ("all", t)):
                    totals[key] = totals.get(key, Counts()) + counts
    print(f"{folds}-fold cross-validation by council ({len(set(groups))} councils): each page scored by a model")
    print("that never saw its council (the evaluator's matching; P R F1 of all pages, then F1 by set)")
    for t in thresholds:
        c = totals[("all", t)]
        sets = "  ".join(f"{n} {totals[(n, t)].f1:.3f}" for n in SETS if (n, t) in totals)
        print(
            f"p >= {t:<4}  P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  ({c.tp} tp, {c.fp} fp, {c.fn} fn)  {sets}"
        )


def load_dump(path: Path) -> dict[str, dict]:
    """The predicted pages of a ``bench/quality.py --dump all`` output (JSON documents one after another, then the
    score table, which ends the reading)."""
    decoder, text, at, out = json.JSONDecoder(), path.read_text(encoding="utf-8"), 0, {}
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return out
        try:
            document, at = decoder.raw_decode(text, at)
        except json.JSONDecodeError:
            return out
        if isinstance(document, dict):
            out[document["file"]] = document


def beside_rules(pages, made_up, test: str, dump: Path, thresholds: list[float]) -> None:
    """The learned classifier beside, added to, and vetoing the rules of ``dump`` on the pages of ``test``."""
    rules = load_dump(dump)
    train_pages = [p for p in pages if p[0] != test]
    rows_labels = [page_rows(text, gold) for _, _, _, text, gold in train_pages] + [
        page_rows(text, gold) for text, gold in made_up
    ]
    vectoriser, model = train([x for r in rows_labels for x in r[0]], [y for r in rows_labels for y in r[1]])
    totals: dict[str, Counts] = {}
    for name, file, _, text, gold in pages:
        if name != test:
            continue
        own = [d["text"] for d in (rules.get(file) or {}).get("decisions", [])]
        own_keys = [tuple(decision_words(t)[:DECISION_PREFIX_WORDS]) for t in own]
        candidates_i = scored(vectoriser, model, text)
        probability = {tuple(decision_words(body)[:DECISION_PREFIX_WORDS]): p for p, body in candidates_i}
        variants = {"rules": own}
        for t in thresholds:
            learned = [body for p, body in candidates_i if p >= t]
            variants[f"learned {t}"] = learned
            variants[f"rules + learned {t}"] = own + [
                body
                for body in learned
                if not any(_overlap(tuple(decision_words(body)[:DECISION_PREFIX_WORDS]), k) for k in own_keys)
            ]
            variants[f"rules vetoed below {t / 3:.2f}"] = [
                t_ for t_, k in zip(own, own_keys, strict=True) if probability.get(k, 1.0) >= t / 3
            ]
        for label, texts in variants.items():
            totals[label] = totals.get(label, Counts()) + decisions_f1(gold, texts)
    print(
        f"{test}: rules of {dump}; the classifier trained on the other sets{' and the made-up pages' * bool(made_up)}"
    )
    for label, c in totals.items():
        print(f"{label:<26} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  ({c.tp} tp, {c.fp} fp, {c.fn} fn)")


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return a[: len(b)] == b or b[: len(a)] == a


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG
    )
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation (default 5)")
    parser.add_argument("--with-challenge", action="store_true", help="train on the made-up pages too")
    parser.add_argument("--threshold", type=float, nargs="*", default=[0.5, 0.7, 0.9], help="probabilities to keep")
    parser.add_argument("--rules", type=Path, help="a --dump all of older rules, to compare on --test")
    parser.add_argument("--test", choices=list(SETS), help="the set the --rules had not seen")
    args = parser.parse_args(argv)
    if bool(args.rules) != bool(args.test):
        parser.error("--rules and --test go together")
    pages, made_up = load_pages(args.with_challenge)
    if args.rules:
        beside_rules(pages, made_up, args.test, args.rules, args.threshold)
    else:
        cross_validate(pages, made_up, args.folds, args.threshold)
    return 0


EPILOG = """\
The rules of a commit that had not seen a set, for --rules (dev2 was first seen after e71fe44, dev3 after 05a9571):
  git worktree add /tmp/old e71fe44 && cd /tmp/old && PYTHONPATH=/tmp/old/src python bench/quality.py \\
      --corpus ../realpages --gold "$OLDPWD/bench/gold-real2-dev" --dump all > /tmp/rules-e71fe44.json
  python bench/learn_decisions.py --with-challenge --rules /tmp/rules-e71fe44.json --test dev2
"""


if __name__ == "__main__":
    sys.exit(main())
