#!/usr/bin/env bash
# Rebuilds the Word 97–2003 fixtures in tests/fixtures/word/ with LibreOffice:
#   scripts/make_doc_fixtures.sh
# 1. examples/word_fixtures.rs writes .docx inputs with the project's own fixture code
#    (src/input/testing.rs): Word lists for 一、（一）1., a table, a footnote, a header and
#    footer, hidden text, links, a tracked change, a comment.
# 2. `soffice --headless --convert-to doc` turns each into a .doc ("MS Word 97" filter);
#    compilation.doc is also copied as compilation.wps (a .doc under the WPS name).
# 3. `soffice --convert-to txt` writes what LibreOffice extracts from each .doc, UTF-8, as
#    <name>.lo.txt: the tests compare the reader's text with it.
# Only this script needs LibreOffice (Debian: libreoffice-writer); the tests read the
# committed outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fixtures/word
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v soffice >/dev/null || { echo "soffice (LibreOffice) is not installed" >&2; exit 1; }
cargo run --quiet --no-default-features --example word_fixtures -- "$work"
mkdir -p "$out"
# A private profile, so a running LibreOffice or a first-start dialog does not get in the way.
profile="-env:UserInstallation=file://$work/profile"
for docx in "$work"/*.docx; do
  soffice "$profile" --headless --convert-to doc --outdir "$work" "$docx" >/dev/null 2>&1
done
for doc in "$work"/*.doc; do
  name=$(basename "$doc" .doc)
  cp "$doc" "$out/$name.doc"
  soffice "$profile" --headless --convert-to "txt:Text (encoded):UTF8" --outdir "$work/txt" "$doc" >/dev/null 2>&1
  # Without the byte-order mark LibreOffice writes.
  sed '1s/^\xEF\xBB\xBF//' "$work/txt/$name.txt" > "$out/$name.lo.txt"
done
cp "$out/compilation.doc" "$out/compilation.wps"
ls -l "$out"
