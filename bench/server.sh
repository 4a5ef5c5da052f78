#!/usr/bin/env bash
# The HTTP server as users start it (./athenaeum serve), at 10k and 100k chunks: cold start to the first /search
# answer, warm /search latency (query embedding included), 200 concurrent clients, and the server's memory.
#   bench/server.sh                                        # 10k and 100k; the first run builds both indexes
#   bench/server.sh --sizes 10k --duration 10 --runs 3     # shorter; options: --sizes, --duration S (load test),
#                                                          # --runs N (cold starts), more in ServerBench's javadoc
# Output: stdout and bench/results/server-DATE.txt. Indexes are kept under /tmp/athenaeum-server-bench (--work DIR);
# the vectors of the real passages are cached in bench/target/vector-cache, as for search-latency.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_build_with_app
out="$(result_file server)"
{
  echo "command: bench/server.sh $*"
  echo
  bench_java ServerBench "$@"
} | tee "$out"
echo "bench: results in $out" >&2
