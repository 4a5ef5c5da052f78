#!/usr/bin/env bash
# Renders the icon's SVG source into the formats the installers need (run after editing athenaeum.svg).
# Needs rsvg-convert (librsvg2-bin), ImageMagick and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 64 128 256 512; do rsvg-convert -w "$s" -h "$s" athenaeum.svg -o "$tmp/$s.png"; done
cp "$tmp/512.png" athenaeum.png                        # Linux launcher and the window icon
convert "$tmp"/{16,32,48,64,128,256}.png athenaeum.ico  # Windows
png2icns athenaeum.icns "$tmp"/{16,32,128,256,512}.png >/dev/null  # macOS
