#!/usr/bin/env bash
# Large single files (a table, paragraph lines, a list, a code block; --mb each, real sentences): parse time with
# flexmark's own heading parser and with Athenaeum's HeadingStarts side by side, then chunking time.
#   bench/large-files.sh [--mb 5] [--repeats 3] [--docs testdata/npm-docs]
# Output: stdout and bench/results/large-files-DATE.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_build
out="$(result_file large-files)"
{
  echo "command: bench/large-files.sh $*"
  echo
  bench_java LargeFiles "$@"
} | tee "$out"
echo "bench: results in $out" >&2
