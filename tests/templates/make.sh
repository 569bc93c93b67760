#!/usr/bin/env bash
# Re-makes the test templates from their readable sources with LibreOffice:
# the .docx and .odt here are written by LibreOffice itself, as a user's would be.
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for source in src/*.fodt; do
  for format in docx odt ott; do
    soffice -env:UserInstallation="file://$profile" --headless --convert-to "$format" --outdir . "$source" >/dev/null
  done
done
