#!/usr/bin/env python3
"""Split the new conversation corpus into a public part and a held-back part.

Usage: split.py DRAFT.jsonl [DRAFT.jsonl ...] [--out tests/corpus] [--seed 20261206] [--held 0.4]

Cases are grouped by their "class" and, within a class, shuffled with a fixed seed; the first ceil(held * n) of each
class go to heldback.jsonl, the rest to public.jsonl, so every class is in both parts in the same proportion. The
split is a function of the case ids and the seed alone: rerunning it on the same drafts gives the same parts.
It prints counts only, never case content, so whoever runs it does not read the held-back part.
"""
import argparse, collections, hashlib, json, math, os, re, sys

CLASSES = {"words_not_number", "statement_for_yesno", "negation_zero", "multi_quantity", "rate_from_counts",
           "inconsistent_facts", "places", "out_of_order", "about_answer", "out_of_scope", "long_message"}


def load(paths):
    cases, errors, seen = [], [], set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    case = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{path}:{n}: not JSON ({e.msg})")
                    continue
                problem = check(case)
                if problem:
                    errors.append(f"{path}:{n}: {problem}")
                elif case["id"] in seen:
                    errors.append(f"{path}:{n}: duplicate id")
                else:
                    seen.add(case["id"])
                    cases.append(case)
    return cases, errors


def check(case):
    for key in ("id", "kind", "region", "turns", "expect", "class"):
        if key not in case:
            return f"missing {key}"
    if case["class"] not in CLASSES:
        return "unknown class"
    expect = case["expect"]
    patterns = list(expect.get("all", [])) + list(expect.get("none", [])) + [p for group in expect.get("any", []) for p in group]
    patterns += [a.get("when", "") for a in case.get("answers", [])]
    for p in patterns:
        try:
            re.compile(p)
        except re.error:
            return "a regex does not compile"
    return None


def order_key(seed, case_id):
    return hashlib.sha256(f"{seed}:{case_id}".encode("utf-8")).hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("drafts", nargs="+")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--seed", default="20261206")
    ap.add_argument("--held", type=float, default=0.4)
    args = ap.parse_args()

    cases, errors = load(args.drafts)
    for e in errors:
        print("skipped " + e, file=sys.stderr)
    by_class = collections.defaultdict(list)
    for case in cases:
        by_class[case["class"]].append(case)

    public, held = [], []
    for cls in sorted(by_class):
        group = sorted(by_class[cls], key=lambda c: order_key(args.seed, c["id"]))
        k = math.ceil(args.held * len(group))
        held += group[:k]
        public += group[k:]
        print(f"{cls}: {len(group)} cases, {k} held back")

    for name, part in (("public.jsonl", public), ("heldback.jsonl", held)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            for case in sorted(part, key=lambda c: c["id"]):
                f.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases: {len(public)} public, {len(held)} held back ({len(held) / max(1, len(cases)):.0%}); {len(errors)} skipped")


if __name__ == "__main__":
    main()
