#!/usr/bin/env bash
# README command 1: set-up, build, check the samples, and the main job: every
# sample rendered into out/ as DOCX and ODT (and PDF where LibreOffice is).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$(nproc)"
./build/prikaz check samples/

# out/ belongs to this script (git-ignored): it is made afresh, since prikaz
# never replaces a document that exists.
rm -rf out
formats=(docx odt)
if command -v soffice >/dev/null; then
  formats+=(pdf)
else
  echo "LibreOffice не установлен: PDF не делаются (apt-get install libreoffice-writer-nogui)."
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for format in "${formats[@]}"; do
  # The warnings are those of the check above; the errors, if any, are shown.
  status=0
  ./build/prikaz render samples/ -o out/ --format "$format" >"$log" 2>&1 || status=$?
  grep -v -e ': warning\[' -e '^Итог:' -e '^Документ сохранён:' "$log" || true
  if [ "$status" -ne 0 ]; then tail -1 "$log"; exit "$status"; fi
done
echo
echo "Документы из образцов — в папке $(pwd)/out:"
find out -type f | sort
