#!/usr/bin/env bash
# Peak resident memory and parallel scaling on generated corpora of growing
# size: streaming means the peak does not grow with the corpus.
#
#   bench/memory.sh          (writes its corpora under target/bench-corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=./target/release/quotecheck
dir=target/bench-corpus
mkdir -p "$dir"
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

echo "extract --input jsonl (one process, one core):"
for mb in 10 100; do
  [ -f "$dir/news-$mb.jsonl" ] || python3 bench/gen_corpus.py jsonl "$mb" "$dir/news-$mb.jsonl"
  start=$(date +%s.%N)
  kb=$(peak "$bin" extract --input jsonl --format jsonl "$dir/news-$mb.jsonl")
  end=$(date +%s.%N)
  echo "  $mb MB: peak RSS $((kb / 1024)) MiB, $(python3 -c "print(f'{$mb/($end-$start):.1f}')") MB/s"
done

echo "check over a directory (every article without expectations, so each gets a warning):"
for mb in 10 100; do
  [ -d "$dir/news-$mb" ] || python3 bench/gen_corpus.py dir "$mb" "$dir/news-$mb"
  for jobs in 1 2; do
    start=$(date +%s.%N)
    kb=$(peak "$bin" check --quiet --jobs "$jobs" "$dir/news-$mb")
    end=$(date +%s.%N)
    echo "  $mb MB, $jobs job(s): peak RSS $((kb / 1024)) MiB, $(python3 -c "print(f'{$mb/($end-$start):.1f}')") MB/s"
  done
done
