#!/usr/bin/env bash
# Checks the Doxygen site: every docs/ page became a Doxygen page, and no
# local link in the generated pages points at a missing file (a relative .md
# link Doxygen could not resolve, say).
# Usage: bash docs/check_pages.sh BUILD/docs/html
set -euo pipefail
html=$1
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
while IFS= read -r page; do
  rel=${page#"$root"/}
  [ "$rel" = docs/README.md ] && continue          # the main page: index.html
  name="md_$(echo "${rel%.md}" | tr '/-' '__').html"
  if [ ! -f "$html/$name" ]; then
    echo "docs page $rel has no Doxygen page ($name)" >&2
    status=1
  fi
done < <(find "$root/docs" -name '*.md' | sort)
grep -q 'md_docs_' "$html/index.html" || { echo "index.html does not link the docs pages" >&2; status=1; }
while IFS= read -r target; do
  if [ ! -f "$html/$target" ]; then
    echo "broken link in the Doxygen site: $target" >&2
    status=1
  fi
done < <(grep -oh 'href="[^"#]*' "$html"/*.html | sed 's/^href="//' | grep -v -e '^$' -e '^[a-z]*:' | sort -u)
pages=$(find "$root/docs" -name '*.md' | wc -l)
[ "$status" -eq 0 ] && echo "docs site: $pages pages, every local link resolves"
exit "$status"
