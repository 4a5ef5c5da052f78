#!/usr/bin/env bash
# The workbench indexing a corpus of 1000 real markdown files in a real window (under a private Xvfb display):
# the longest UI-thread stall between two frames while it builds, then the memory of the running application with
# that knowledge base open and searched, and the longest stall while a long chat answer streams in (from a local
# server speaking Ollama's wire format).
#   bench/workbench.sh [--files 1000] [--node-docs DIR] [--npm-docs DIR]
# Needs: xvfb and libgtk-3-0. Output: stdout and bench/results/workbench-DATE.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v Xvfb >/dev/null || { echo "bench: Xvfb is missing (apt-get install xvfb)" >&2; exit 1; }
bench_build
(cd "$repo" && ./mvnw -q -B -DskipTests package -pl app -am) >&2
display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
out="$(result_file workbench)"
java="$(find_java)"
{
  echo "command: bench/workbench.sh $*"
  echo
  # The application's own heap setting: none, as ./athenaeum runs it.
  DISPLAY="$display" "$java" --enable-native-access=ALL-UNNAMED -Dathenaeum.home="$repo" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$bench_jar:$repo/bench/target/lib/*:$repo/app/target/athenaeum-app.jar:$repo/app/target/lib/*" \
    dev.athenaeum.bench.WorkbenchStall "$@"
} | tee "$out"
echo "bench: results in $out" >&2
