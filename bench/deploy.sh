#!/usr/bin/env bash
# A whole deployment, timed by phase, against moto (AWS emulator) and a real registry on loopback: first deploy
# (image built with Jib and pushed, stack created, index uploaded), the same deploy again, an index update after one
# page changed, destroy; and the pushed image's layer sizes.
#   bench/deploy.sh [--corpus DIR]      # default: the bundled guide (samples/guide)
# Needs: moto_server (pip install 'moto[server]') and Debian's docker-registry unpacked in target/registry (.ci/run
# does both). Output: stdout and bench/results/deploy-DATE.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
registry_bin="$repo/target/registry/usr/bin/docker-registry"
[ -x "$registry_bin" ] || { echo "bench: no registry at $registry_bin (see .ci/run for how it is unpacked)" >&2; exit 1; }
moto="$(command -v moto_server || true)"
[ -n "$moto" ] || { echo "bench: moto_server is missing (python3 -m pip install 'moto[server]')" >&2; exit 1; }
bench_build
(cd "$repo" && ./mvnw -q -B -DskipTests package -pl app -am) >&2
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
moto_port="$(free_port)"; reg_port="$(free_port)"
tmp="$(mktemp -d)"
cat > "$tmp/registry.yml" <<CFG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $tmp/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$reg_port
CFG
"$moto" -H 127.0.0.1 -p "$moto_port" >"$tmp/moto.log" 2>&1 &
moto_pid=$!
"$registry_bin" serve "$tmp/registry.yml" >"$tmp/registry.log" 2>&1 &
reg_pid=$!
trap 'kill $moto_pid $reg_pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$moto_port/moto-api/" >/dev/null 2>&1 && curl -sf "http://127.0.0.1:$reg_port/v2/" >/dev/null 2>&1 && break
  sleep 0.2
done
out="$(result_file deploy)"
java="$(find_java)"
{
  echo "command: bench/deploy.sh $*"
  echo
  "$java" "${jvm_flags[@]}" -Dathenaeum.home="$repo" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$bench_jar:$repo/bench/target/lib/*:$repo/app/target/athenaeum-app.jar:$repo/app/target/lib/*" \
    dev.athenaeum.bench.DeployBench --endpoint "http://127.0.0.1:$moto_port" --registry "127.0.0.1:$reg_port" "$@"
} | tee "$out"
echo "bench: results in $out" >&2
