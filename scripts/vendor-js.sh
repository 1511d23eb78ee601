#!/usr/bin/env bash
# Vendor the JavaScript of tally serve's charts: vega, vega-lite and vega-embed from the npm
# registry (`npm pack`, no install, no scripts run), their minified builds and licences copied
# into tally/serve/static/vendor/. The copies are committed: browsers never load a CDN and
# neither the package build nor CI needs npm. Run again to upgrade (change the versions below).
set -euo pipefail

VEGA=6.4.0
VEGA_LITE=6.5.0
VEGA_EMBED=7.3.0

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/tally/serve/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() {  # fetch NAME VERSION DIST_FILE
    local name="$1" version="$2" file="$3"
    (cd "$work" && npm pack --silent --ignore-scripts "$name@$version" >/dev/null)
    mkdir -p "$work/$name"
    tar -xzf "$work/$name-$version.tgz" -C "$work/$name"
    cp "$work/$name/package/build/$file" "$dest/$file"
    cp "$work/$name/package/LICENSE" "$dest/$name.LICENSE"
    echo "$name $version: $file"
}

mkdir -p "$dest"
fetch vega "$VEGA" vega.min.js
fetch vega-lite "$VEGA_LITE" vega-lite.min.js
fetch vega-embed "$VEGA_EMBED" vega-embed.min.js
{
    echo "Vendored by scripts/vendor-js.sh from the npm registry; do not edit."
    echo "vega $VEGA, vega-lite $VEGA_LITE, vega-embed $VEGA_EMBED (BSD-3-Clause, see *.LICENSE)"
} > "$dest/VERSIONS.txt"
