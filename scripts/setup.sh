#!/usr/bin/env bash
# Installs the Debian 12 packages prikaz needs, only those that are missing.
# Safe to run again. As root it uses apt-get; otherwise it prints the command to run.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libxml2-dev libicu-dev libboost-locale-dev libzip-dev libcli11-dev catch2 libsqlite3-dev
  # LibreOffice prints the test documents to PDF (and makes the test templates); pdftotext reads them back.
  libreoffice-writer-nogui poppler-utils fonts-liberation
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: все нужные пакеты уже установлены."
  exit 0
fi

echo "setup: не хватает пакетов: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: установите их от имени администратора и запустите команду снова:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: установлено: ${missing[*]}"
