#!/usr/bin/env bash
# Refreshes the caniemail data the HTML compatibility check embeds (src/MailCatcher.Checks/Html/Data/).
# MailCatcher never fetches it at run time: run this by hand, look at the diff, run the HTML check
# tests, commit. Usage: build/refresh-caniemail.sh [VERSION]   (default: the version pinned below)
set -euo pipefail
version="${1:-2.0.2}"
here="$(cd "$(dirname "$0")/.." && pwd)"
target="$here/src/MailCatcher.Checks/Html/Data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "caniemail@$version" >/dev/null
tar xzf "caniemail-$version.tgz"
data="package/data/caniemail.json"
[ -f "$data" ] || data="package/dist/data/caniemail.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["data"] and d["nicenames"]["family"]' "$data"
cp "$data" "$target/caniemail.json"
cp package/LICENSE "$target/LICENSE"
printf 'caniemail %s (npm), https://www.caniemail.com data, MIT licence (LICENSE beside this file).\n' "$version" >"$target/VERSION"
echo "caniemail $version: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["data"]), "features, updated", d["last_update_date"])' "$target/caniemail.json")"
