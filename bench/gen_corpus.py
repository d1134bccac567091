"""Write a deterministic news-like corpus for the memory and scaling benchmarks.

  python3 gen_corpus.py jsonl MEGABYTES OUT.jsonl     one {"id", "text"} record per article
  python3 gen_corpus.py dir   MEGABYTES OUT_DIR       one .txt article per file, with expectations

Articles are about 4 KB of paragraphs in the shapes news copy takes: quotes
before and after their attribution, partial quotes, paragraphs with none.
"""
import json
import os
import random
import sys

NAMES = ["Ana Ruiz", "Tom Greer", "Dana Holt", "Lee Park", "Sam Okafor", "Maria O'Brien"]
VERBS = ["said", "told reporters", "added", "wrote", "insisted", "warned"]
WORDS = ("the council plan would cost more than expected and the vote was close but the city "
         "needs safer streets before winter so officials will review it again next year").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize()


def paragraph(rng):
    name, verb = rng.choice(NAMES), rng.choice(VERBS)
    a, b = sentence(rng, rng.randint(6, 20)), sentence(rng, rng.randint(3, 10))
    shape = rng.randrange(6)
    if shape == 0:
        return f"“{a},” {name} {verb}. “{b}.”"
    if shape == 1:
        return f"{name} {verb} the plan was “{b.lower()}” and {a.lower()}."
    if shape == 2:
        return f"\"{a},\" {verb} {name}."
    return f"{a}. {b}, and {a.lower()}."


def article(rng):
    paras, size = [], 0
    while size < 4000:
        p = paragraph(rng)
        paras.append(p)
        size += len(p) + 2
    return "\n\n".join(paras) + "\n"


def main():
    mode, megabytes, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    rng = random.Random(42)
    target, written, n = int(megabytes * 1e6), 0, 0
    if mode == "jsonl":
        with open(out, "w", encoding="utf-8") as f:
            while written < target:
                text = article(rng)
                f.write(json.dumps({"id": f"a{n}", "text": text}, ensure_ascii=False) + "\n")
                written += len(text.encode())
                n += 1
    else:
        os.makedirs(out, exist_ok=True)
        while written < target:
            text = article(rng)
            with open(os.path.join(out, f"a{n:06}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
            written += len(text.encode())
            n += 1
    print(f"{n} articles, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
