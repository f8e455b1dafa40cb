#!/usr/bin/env bash
# Reproduces resources/fonts/LXGWWenKai-Regular.ttf: the font is taken unchanged from Debian 12's
# package fonts-lxgw-wenkai 1.250+repack-1 (built by Debian from the upstream sources, OFL-1.1).
# Run on Debian 12 (bookworm); checks both the package and the font against the recorded digests.
set -euo pipefail
cd "$(dirname "$0")/.."
DEB_SHA256=6d1e4c4aac78ad32062aefa2c836ee4d6e58f9dcf8b3f4407c9eefe304615318
TTF_SHA256=bbf534b0ca093928f94d1782855e65a19a32cde82b075d495d072025521953c8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-lxgw-wenkai=1.250+repack-1)
echo "$DEB_SHA256  $(ls "$work"/fonts-lxgw-wenkai_*.deb)" | sha256sum -c -
dpkg-deb -x "$work"/fonts-lxgw-wenkai_*.deb "$work/x"
cp "$work/x/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf" resources/fonts/
echo "$TTF_SHA256  resources/fonts/LXGWWenKai-Regular.ttf" | sha256sum -c -
