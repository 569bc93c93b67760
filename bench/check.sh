#!/usr/bin/env bash
# Benchmark of `prikaz check`: a generated 50 MB roadmap and the samples.
# Prints wall time and peak memory; nothing here is asserted by the tests.
# Usage: bash bench/check.sh [path/to/prikaz]
set -euo pipefail
cd "$(dirname "$0")/.."
prikaz=${1:-build/prikaz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/big.xml" <<'PY'
import sys
head = ('<?xml version="1.0" encoding="UTF-8"?>\n<roadmap xmlns="urn:prikaz:records" version="1" id="big">\n'
        '<title>Большой план</title>\n<columns><column field="number">№</column>'
        '<column field="name">Мероприятие</column><column field="deadline">Срок</column></columns>\n')
parts, size, i = [head], len(head.encode()), 1
while size < 50_000_000:
    s = f'<item number="{i}"><name>Мероприятие {i} {"x" * 600}</name><deadline>Май 2024 г.</deadline></item>\n'
    parts.append(s); size += len(s.encode()); i += 1
parts.append('</roadmap>\n')
open(sys.argv[1], 'w').write(''.join(parts))
PY

measure() {
  local label=$1; shift
  /usr/bin/time -f "$label: %e s, %M KiB peak" "$prikaz" "$@" > /dev/null || true
}
measure "samples/ ($(find samples -name "*.xml" | wc -l) records)" check samples/
measure "50 MB roadmap, 70 754 items" check "$work/big.xml"
