#!/usr/bin/env bash
# Search latency and recall@10 at 10k and 100k vectors: Athenaeum's jvector graph vs langchain4j's
# InMemoryEmbeddingStore vs Lucene HNSW vs a plain exact scan, side by side in one run.
#   bench/search-latency.sh                      # 10k and 100k (the first run embeds ~10k passages: ~5 min)
#   bench/search-latency.sh --sizes 10k          # options: see SearchLatency's javadoc
# Output: stdout and bench/results/search-latency-DATE.txt. Embeddings are cached in bench/target/vector-cache.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_build
out="$(result_file search-latency)"
{
  echo "command: bench/search-latency.sh $*"
  echo
  bench_java SearchLatency "$@"
} | tee "$out"
echo "bench: results in $out" >&2
