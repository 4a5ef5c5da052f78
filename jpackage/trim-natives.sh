#!/usr/bin/env bash
# ONNX Runtime ships the native libraries (and debug symbols) of every platform in one jar; an installer needs only
# its own platform's. Removes the others from the copy that goes into the application image.
set -euo pipefail
jar="$(ls "$1"/onnxruntime-*.jar)"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) keep=linux-x64 ;;
  Linux-aarch64) keep=linux-aarch64 ;;
  Darwin-x86_64) keep=osx-x64 ;;
  Darwin-arm64) keep=osx-aarch64 ;;
  *) keep=win-x64 ;;
esac
if ! command -v zip >/dev/null 2>&1; then
  echo "trim-natives: zip not found; the image keeps the native libraries of every platform" >&2
  exit 0
fi
for p in linux-x64 linux-aarch64 osx-x64 osx-aarch64 win-x64 win-aarch64; do
  [ "$p" = "$keep" ] || zip -q -d "$jar" "ai/onnxruntime/native/$p/*" >/dev/null 2>&1 || true
done
zip -q -d "$jar" '*.pdb' '*.dSYM/*' >/dev/null 2>&1 || true
