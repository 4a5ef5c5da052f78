#!/usr/bin/env bash
# Indexing throughput, Athenaeum vs the Python RAG stack it replaces, on the same markdown files in one run:
#   bench/indexing.sh CORPUS_DIR [--rounds N] [--chunk-size 512 --chunk-overlap 64]   (other options go to Java)
# --rounds N alternates the two N times (Java, Python, Java, …) so a change in machine load hits both; the
# comparison uses each side's median and the ratio of each adjacent pair.
# Java: bench IndexingThroughput (a fresh index: scan, chunk, embed in windows, write BM25 index, vectors, graph).
# Python: bench/python/index_throughput.py (RecursiveCharacterTextSplitter 1024/200 + sentence-transformers).
# Output: stdout and bench/results/indexing-DATE.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ $# -ge 1 ] || { echo "usage: bench/indexing.sh CORPUS_DIR [--rounds N] [--chunk-size N --chunk-overlap N]" >&2; exit 2; }
corpus="$(cd "$1" && pwd)"; shift
given="$*"
rounds=1
java_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    *) java_args+=("$1"); shift ;;
  esac
done
bench_build
py="$(bench_python)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
out="$(result_file indexing)"
{
  echo "command: bench/indexing.sh $corpus $given"
  echo
  for r in $(seq 1 "$rounds"); do
    [ "$rounds" -gt 1 ] && { echo "# Round $r of $rounds"; echo; }
    bench_java IndexingThroughput "$corpus" ${java_args[@]+"${java_args[@]}"} | tee "$tmp/java-$(printf %03d "$r").txt"
    echo
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 "$py" "$bench_dir/python/index_throughput.py" "$corpus" | tee "$tmp/python-$(printf %03d "$r").txt"
    echo
  done
  "$py" "$bench_dir/python/compare_indexing.py" "$tmp"/java-*.txt "$tmp"/python-*.txt
} | tee "$out"
echo "bench: results in $out" >&2
