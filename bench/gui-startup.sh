#!/usr/bin/env bash
# Workbench start-up, timed from outside the process as a user sees it: from running the launcher to (1) the
# first laid-out frame of the window with the UI thread free, and (2) the first search results on screen in the
# bundled sample knowledge base. Each run starts with a fresh user folder (a first launch, which opens the sample;
# its index is built beforehand). Runs under a private Xvfb display.
#   bench/gui-startup.sh [RUNS]        (default 7; the first run of each launcher is a warm-up and not counted)
# Needs: xvfb and libgtk-3-0 (apt-get install xvfb; apt-get install --no-install-recommends libgtk-3-0).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
query="how do I exclude a folder from the index"
command -v Xvfb >/dev/null || { echo "gui-startup: Xvfb is missing (apt-get install xvfb)" >&2; exit 1; }

"$here/athenaeum" demo >/dev/null 2>&1   # builds the jars and the sample index once
display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
tmp="$(mktemp -d)"
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 1

launchers=("$here/athenaeum")
# The packaged launcher takes JVM options only from its .cfg file: time a copy whose .cfg each run rewrites.
image=""
if [ -x "$here/jpackage/target/image/Athenaeum/bin/Athenaeum" ]; then
  # -a keeps the files' times, as an installer does: the start-up cache is checked against them.
  cp -a "$here/jpackage/target/image/Athenaeum" "$tmp/image"
  image="$tmp/image/bin/Athenaeum"; cfg="$tmp/image/lib/app/Athenaeum.cfg"; cp "$cfg" "$cfg.orig"
  launchers+=("$image")
  # The start-up cache the workbench makes after a first launch (in $HOME), made beforehand; side by side, the
  # same image with the cache left out of its .cfg.
  if grep -q 'AOTCache=' "$cfg.orig"; then
    mkdir -p "$tmp/cache-home"
    HOME="$tmp/cache-home" "$image" startup-cache >&2
    launchers+=("$image:no-cache")
  fi
fi

# Prints the median of the given numbers.
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

printf '%-58s %-8s %s\n' "launcher" "probe" "median ms (runs)"
for launcher in "${launchers[@]}"; do
  for probe in window "search:$query"; do
    times=()
    for i in $(seq 0 "$runs"); do
      home="$tmp/home-$i-$RANDOM"; mkdir -p "$home"
      # JDK_JAVA_OPTIONS allows quoting; the packaged copy shares the checkout's sample index through athenaeum.home.
      opts="-Duser.home=$home \"-Dathenaeum.startupProbe=$probe\""
      run="$launcher"; run_home="$HOME"
      if [ "${launcher%:no-cache}" = "$image" ]; then
        sed "s|^\[JavaOptions\]|[JavaOptions]\njava-options=-Duser.home=$home\njava-options=-Dathenaeum.startupProbe=$probe|;
             s|-Dathenaeum.home=.*|-Dathenaeum.home=$here|" "$cfg.orig" > "$cfg"
        [ "$launcher" != "$image" ] && sed -i '/AOTCache=/d' "$cfg"
        opts=""; run="$image"; run_home="$tmp/cache-home"
      fi
      start=$(date +%s%N)
      DISPLAY="$display" HOME="$run_home" JDK_JAVA_OPTIONS="$opts" timeout 120 "$run" >"$tmp/out" 2>&1 \
        || { cat "$tmp/out" >&2; echo "gui-startup: $launcher failed with $probe" >&2; exit 1; }
      end=$(date +%s%N)
      [ "$i" -gt 0 ] && times+=($(( (end - start) / 1000000 )))
    done
    name="${launcher#$here/}"; [ "$launcher" = "$image" ] && name="jpackage image (bin/Athenaeum)"
    [ "$launcher" = "$image:no-cache" ] && name="jpackage image, start-up cache left out"
    printf '%-58s %-8s %s (%s)\n' "$name" "${probe%%:*}" "$(median "${times[@]}")" "${times[*]}"
  done
done
