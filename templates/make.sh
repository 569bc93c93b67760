#!/usr/bin/env bash
# Re-makes the shipped templates from their readable sources with LibreOffice:
# templates/src/NAME.fodt → templates/docx/NAME.docx and templates/odt/NAME.odt.
# The results are committed: neither the build nor CI needs LibreOffice for them.
# bash make.sh                      all sources
# bash make.sh src/order.fodt       only these
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p docx odt
if [ $# -eq 0 ]; then set -- src/*.fodt; fi
for source in "$@"; do
  source=${source#templates/}
  soffice -env:UserInstallation="file://$profile" --headless --convert-to docx:"MS Word 2007 XML" --outdir docx "$source" >/dev/null
  python3 gen/chart-descr.py "$source" "docx/$(basename "${source%.fodt}").docx"  # LibreOffice 7.4 drops chart descriptions
  soffice -env:UserInstallation="file://$profile" --headless --convert-to odt --outdir odt "$source" >/dev/null
done
