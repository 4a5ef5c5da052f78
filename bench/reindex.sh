#!/usr/bin/env bash
# Re-indexing one edited file in a corpus of 1000 real markdown files (Node.js API docs cut at headings, npm docs):
# full build, no-change update and one-file-edited update, timed in one run.
#   bench/reindex.sh                 # 1000 files
#   bench/reindex.sh --files 200     # smaller; other options: --repeats N, --node-docs DIR, --npm-docs DIR, --keep
# Output: stdout and bench/results/reindex-DATE.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_build
out="$(result_file reindex)"
{
  echo "command: bench/reindex.sh $*"
  echo
  bench_java Reindex "$@"
} | tee "$out"
echo "bench: results in $out" >&2
