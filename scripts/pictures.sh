#!/usr/bin/env bash
# Re-makes the page pictures in docs/ that the README shows: every sample document
# rendered with the shipped templates, printed to PDF by LibreOffice, one page as PNG.
# Needs a build (build/prikaz), LibreOffice and pdftoppm (poppler-utils).
# bash scripts/pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./build/prikaz render samples/ -o "$work" --format pdf >/dev/null

# docs/NAME.png  ←  page PAGE of the sample's PDF
while read -r name pdf page; do
  pdftoppm -png -r 50 -f "$page" -l "$page" -singlefile "$work/$pdf" "docs/$name"
done <<'EOF'
order-866 salsk/salsk-order-866.pdf 1
order-pairs kezhma/kodinsk-school3-order-pairs-2022.pdf 1
order-pairs-appendix kezhma/kodinsk-school3-order-pairs-2022.pdf 3
roadmap-kezhma kezhma/kezhma-roadmap-2022.pdf 1
roadmap-school26 school26/school26-roadmap-2025.pdf 1
roadmap-kashary kashary/kashary-roadmap-2024.pdf 1
plan-salsk salsk/salsk-plan-2021.pdf 1
note-kezhma kezhma/kezhma-monitoring-2022.pdf 3
EOF
ls -l docs/*.png
