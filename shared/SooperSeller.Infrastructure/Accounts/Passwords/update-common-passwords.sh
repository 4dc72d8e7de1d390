#!/usr/bin/env bash
# Regenerates common-passwords.txt: the first 10,000 entries of the frequency-ordered password list in the npm package
# @zxcvbn-ts/language-common (MIT; see common-passwords.NOTICE.txt), lower-cased, one per line, LF endings.
# Needs node and npm. Usage: ./update-common-passwords.sh [version]   (default: the version the NOTICE names)
set -euo pipefail
version="${1:-4.1.3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@zxcvbn-ts/language-common@${version}" >/dev/null && tar xzf ./*.tgz)
node -e '
const fs = require("fs");
const all = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const seen = new Set();
const top = [];
for (const entry of all) {
  const word = entry.toLowerCase();
  if (word.length === 0 || /\s/.test(word) || seen.has(word)) continue;
  seen.add(word);
  top.push(word);
  if (top.length === 10000) break;
}
if (top.length !== 10000) { console.error("the list has only " + top.length + " usable entries"); process.exit(1); }
fs.writeFileSync(process.argv[2], top.join("\n") + "\n");
' "$work/package/src/passwords.json" "$here/common-passwords.txt"
echo "wrote $here/common-passwords.txt from @zxcvbn-ts/language-common@${version}; update the version in common-passwords.NOTICE.txt if it changed"
