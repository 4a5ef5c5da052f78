#!/usr/bin/env bash
# Gives a jpackage application image a start-up cache: a short training run on the image's own runtime indexes,
# searches, serves and opens the workbench off screen (the hidden warm-up command), and the JVM writes the classes
# it loaded and linked to athenaeum.aot beside the jars; the launcher's .cfg then points the JVM at it. The cache
# records the jars' sizes and times, not their folder, so it holds wherever the image is installed as long as the
# installer keeps the files' times (deb, rpm, dmg and pkg do); where it does not hold, the JVM starts without it.
#   jpackage/aot-cache.sh IMAGE_DIR
# Needs a runtime of Java 25 or newer in the image (ahead-of-time caches); with an older one it does nothing.
set -euo pipefail
image="$1"
case "$(uname -s)" in
  Darwin) root="$image/Athenaeum.app/Contents"; java="$root/runtime/Contents/Home/bin/java"; app="$root/app"; sep=":" ;;
  MINGW*|MSYS*|CYGWIN*) root="$image/Athenaeum"; java="$root/runtime/bin/java.exe"; app="$root/app"; sep=";" ;;
  *) root="$image/Athenaeum"; java="$root/lib/runtime/bin/java"; app="$root/lib/app"; sep=":" ;;
esac
cfg="$app/Athenaeum.cfg"
cache="$app/athenaeum.aot"
[ -x "$java" ] && [ -f "$cfg" ] || { echo "aot-cache: no runtime or launcher configuration under $image" >&2; exit 1; }

native_path() { if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else printf '%s' "$1"; fi; }
major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1)"
if [ "${major%%.*}" -lt 25 ]; then
  echo "aot-cache: the image's runtime is Java $major; start-up caches need 25 or newer, so the image has none" >&2
  exit 0
fi

# The class path exactly as the launcher builds it: the cfg's entries in order, $APPDIR expanded.
app_native="$(native_path "$app")"
classpath="$(sed -n 's/^app\.classpath=//p' "$cfg" | tr -d '\r' | sed "s|\\\$APPDIR|$app_native|g" | paste -sd "$sep" -)"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
rm -f "$cache"
"$java" -XX:AOTCacheOutput="$(native_path "$cache")" -Xlog:cds*=off,aot*=off \
  -Dglass.platform=Headless -Dprism.order=sw -Duser.home="$(native_path "$scratch")" \
  --enable-native-access=ALL-UNNAMED -Dathenaeum.home="$app_native" \
  -cp "$classpath" dev.athenaeum.cli.Main warm-up >"$scratch/training.log" 2>&1 \
  || { cat "$scratch/training.log" >&2; echo "aot-cache: the training run failed" >&2; exit 1; }
[ -s "$cache" ] || { echo "aot-cache: the training run wrote no cache" >&2; exit 1; }

# Quiet, so that a cache that no longer fits (files with other times) costs speed, never a message on screen.
if ! grep -q 'AOTCache=' "$cfg"; then
  awk '{ print } /^\[JavaOptions\]/ { print "java-options=-XX:AOTCache=$APPDIR/athenaeum.aot"; print "java-options=-Xlog:cds*=off,aot*=off" }' \
    "$cfg" >"$scratch/cfg" && cp "$scratch/cfg" "$cfg"
fi
echo "aot-cache: $(du -h "$cache" | cut -f1) start-up cache in $cache"
