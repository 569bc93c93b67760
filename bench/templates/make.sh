#!/usr/bin/env bash
# Re-makes the benchmark templates from their readable sources with LibreOffice
# (as tests/templates/make.sh does): the .docx files are written by LibreOffice itself.
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for source in src/*.fodt; do
  soffice -env:UserInstallation="file://$profile" --headless --convert-to docx --outdir . "$source" >/dev/null
done
