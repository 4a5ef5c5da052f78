#!/usr/bin/env bash
# Checks a jpackage application image on the platform that built it: the packaged launcher, on its own trimmed
# runtime, reports its version, indexes a few pages of the bundled guide and finds one by meaning.
set -euo pipefail
image="$1"
launcher="$(find "$image" -maxdepth 4 -type f \( -path '*/bin/Athenaeum' -o -path '*/MacOS/Athenaeum' -o -name 'Athenaeum.exe' \) | head -1)"
[ -n "$launcher" ] || { echo "check-image: no Athenaeum launcher under $image" >&2; exit 1; }
app_dir="$(find "$image" -maxdepth 4 -type d \( -path '*/lib/app' -o -path '*/Contents/app' -o -path '*/Athenaeum/app' \) | head -1)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

"$launcher" --version | grep -q '^athenaeum ' || { echo "check-image: --version did not answer" >&2; exit 1; }
[ -f "$app_dir/samples/guide/index.md" ] || { echo "check-image: the sample guide is not bundled in $app_dir" >&2; exit 1; }

mkdir -p "$work/notes"
cp "$app_dir/samples/guide/troubleshooting.md" "$app_dir/samples/guide/privacy.md" "$work/notes/"
"$launcher" index "$work/notes" --index "$work/index" >"$work/index.log" 2>&1 \
  || { cat "$work/index.log" >&2; echo "check-image: indexing with the packaged runtime failed" >&2; exit 1; }
"$launcher" search "does my data leave the computer" --index "$work/index" --top-k 1 >"$work/search.log" 2>&1 \
  || { cat "$work/search.log" >&2; echo "check-image: searching with the packaged runtime failed" >&2; exit 1; }
grep -q 'privacy.md' "$work/search.log" \
  || { cat "$work/search.log" >&2; echo "check-image: the search did not find privacy.md" >&2; exit 1; }
echo "check-image: $launcher runs: version, index and search on its own runtime"

# The start-up cache the workbench makes after its first launch (StartupCache), made here by its hidden command in
# a scratch user folder: the launcher's .cfg must point at it, and the image's runtime must accept it for the
# launcher's class path (-XX:AOTMode=on fails rather than quietly starting without the cache).
cfg="$app_dir/Athenaeum.cfg"
if grep -q 'AOTCache=' "$cfg"; then
  mkdir -p "$work/home"
  HOME="$work/home" USERPROFILE="$work/home" "$launcher" startup-cache >"$work/cache.log" 2>&1 \
    || { cat "$work/cache.log" >&2; echo "check-image: the start-up cache could not be made" >&2; exit 1; }
  cache="$(sed -n 's/^start-up cache ready: //p' "$work/cache.log" | tr -d '\r')"
  case "$cache" in "$work/home"/*) ;; *) echo "check-image: the start-up cache is not in the user's folder: $cache" >&2; exit 1 ;; esac
  java="$(find "$image" -maxdepth 7 -type f \( -path '*/runtime/bin/java' -o -path '*/Home/bin/java' -o -path '*/runtime/bin/java.exe' \) | head -1)"
  sep=":"; case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) sep=";" ;; esac
  classpath="$(sed -n 's/^app\.classpath=//p' "$cfg" | tr -d '\r' | sed "s|\\\$APPDIR|$app_dir|g" | paste -sd "$sep" -)"
  "$java" -XX:AOTCache="$cache" -XX:AOTMode=on --enable-native-access=ALL-UNNAMED \
    -cp "$classpath" dev.athenaeum.cli.Main --version >"$work/aot.log" 2>&1 \
    || { cat "$work/aot.log" >&2; echo "check-image: the runtime refuses the start-up cache" >&2; exit 1; }
  echo "check-image: the start-up cache is made in the user's folder and the runtime takes it"
fi
