#!/usr/bin/env bash
# Retrieval quality on the two question sets: indexes the npm docs (testdata/npm-docs) and the Node.js API docs
# (/usr/share/doc/nodejs/api, *.md only) with ./athenaeum, then runs './athenaeum eval' on each:
# recall@1/5/10 and MRR@10 per search mode.
#   bench/retrieval.sh [--node-docs DIR] [--npm-docs DIR] [extra './athenaeum index' options, e.g. --chunk-size 256]
# Output: stdout and bench/results/retrieval-DATE.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
given="$*"
node_docs=/usr/share/doc/nodejs/api
npm_docs="$repo/testdata/npm-docs"
index_opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --node-docs) node_docs="$2"; shift 2 ;;
    --npm-docs) npm_docs="$2"; shift 2 ;;
    *) index_opts+=("$1"); shift ;;
  esac
done
athenaeum="$repo/athenaeum"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# copy_md SRC DST: the *.md files of SRC, with their relative paths (the question sets name files that way).
copy_md() {
  local src="$1" dst="$2" f
  mkdir -p "$dst"
  (cd "$src" && find . -type f -name '*.md' -print0) | while IFS= read -r -d '' f; do
    mkdir -p "$dst/$(dirname "$f")"
    cp "$src/$f" "$dst/$f"
  done
}

out="$(result_file retrieval)"
{
  echo "command: bench/retrieval.sh $given"
  echo
  echo "# Retrieval quality (./athenaeum eval)"
  echo
  machine_info
  echo
  for set in npm nodejs; do
    if [ "$set" = npm ]; then src="$npm_docs"; else src="$node_docs"; fi
    questions="$bench_dir/eval/$set-questions.jsonl"
    copy_md "$src" "$tmp/$set"
    echo "## $set: $(find "$tmp/$set" -name '*.md' | wc -l) files from $src, questions $questions"
    echo
    start=$(date +%s)
    "$athenaeum" index "$tmp/$set" --index "$tmp/index-$set" --rebuild ${index_opts[@]+"${index_opts[@]}"} </dev/null
    echo "(index built in $(( $(date +%s) - start )) s, JVM start and model load included)"
    echo
    "$athenaeum" eval --index "$tmp/index-$set" --questions "$questions" --json </dev/null | tee "$tmp/$set.json"
    echo
  done
  echo "## Summary"
  echo
  python3 - "$tmp/npm.json" "$tmp/nodejs.json" <<'PY'
import json, sys
print("| question set | questions | mode | recall@1 | recall@5 | recall@10 | MRR@10 |")
print("|---|---|---|---|---|---|---|")
for path, name in zip(sys.argv[1:], ["npm docs", "Node.js API docs"]):
    with open(path) as f:
        d = json.loads(f.read().strip().splitlines()[-1])
    for mode, m in d["modes"].items():
        print(f"| {name} | {d['questions']} | {mode} | {m['recall@1']:.3f} | {m['recall@5']:.3f} | "
              f"{m['recall@10']:.3f} | {m['mrr@10']:.3f} |")
PY
} | tee "$out"
echo "bench: results in $out" >&2
