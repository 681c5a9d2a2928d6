#!/usr/bin/env bash
# Render every diagrams/*.puml to an SVG next to it.
# Usage: bash diagrams/render.sh   (or: pnpm diagrams)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v plantuml >/dev/null 2>&1; then
  echo "error: plantuml not found on PATH." >&2
  echo "Install it (Debian/Ubuntu; needs Java + Graphviz, pulled in automatically):" >&2
  echo "  sudo apt-get update && sudo apt-get install -y plantuml" >&2
  exit 127
fi

shopt -s nullglob
sources=(*.puml)
if [ ${#sources[@]} -eq 0 ]; then
  echo "error: no .puml files in $(pwd)" >&2
  exit 1
fi

failed=0
for src in "${sources[@]}"; do
  svg="${src%.puml}.svg"
  # -failfast2: check syntax before rendering; a syntax error exits non-zero.
  if plantuml -tsvg -charset UTF-8 -failfast2 "$src" && [ -s "$svg" ]; then
    echo "rendered diagrams/$svg"
  else
    echo "error: failed to render diagrams/$src" >&2
    failed=1
  fi
done

exit "$failed"
