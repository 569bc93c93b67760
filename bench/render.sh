#!/usr/bin/env bash
# Benchmark of `prikaz render` against the deflate floor, docxtemplater and Carbone (bench/README.md).
# A roadmap table, one row per item and a section row per ten items, N items of ~200 bytes of
# Russian text. Prints wall time and peak memory per N; nothing here is asserted by the tests.
#
#   bash bench/render.sh [N…]          default: 1000 20000 100000
#
# PRIKAZ=path/to/prikaz overrides build/prikaz; BENCH_TIMEOUT (seconds, default 900) stops a tool
# that runs longer. docxtemplater and Carbone are installed by npm into bench/node_modules
# (git-ignored) from bench/package-lock.json; without node/npm they are skipped.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
prikaz=${PRIKAZ:-build/prikaz}
limit=${BENCH_TIMEOUT:-900}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 20000 100000)

for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "нужен $tool" >&2; exit 2; }
done
[ -x "$prikaz" ] || { echo "нет $prikaz: соберите (cmake --build build --target prikaz) или задайте PRIKAZ" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- docxtemplater and Carbone from npm --------------------------------------------------------
node_note=""
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  node_note="node/npm не найдены: docxtemplater и Carbone пропущены"
elif ! { [ -d bench/node_modules/carbone ] && [ -d bench/node_modules/docxtemplater ] &&
         [ -d bench/node_modules/pizzip ]; } &&
     ! (cd bench && npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1); then
  node_note="npm ci не удался (bench/node_modules): docxtemplater и Carbone пропущены"
  sed 's/^/  npm: /' "$work/npm.log" >&2
fi
[ -z "$node_note" ] || echo "$node_note" >&2

# --- helpers -------------------------------------------------------------------------------------
# run LABEL OUT CMD… — runs CMD under /usr/bin/time; prints "seconds / MiB" or "failed".
run() {
  local label=$1 out=$2; shift 2
  if timeout "$limit" /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$label.log" 2>&1 && [ -s "$out" ]; then
    awk '{ printf "%.2f s / %.0f MiB", $1, $2 / 1024 }' "$work/time"
  else
    echo "  $label: ошибка (код $?), последние строки вывода:" >&2
    tail -n 5 "$work/$label.log" | sed 's/^/    /' >&2
    echo "failed"
  fi
}

# rows DOCX — the number of table rows and a digest of their text, to check the tools agree.
rows() {
  python3 - "$1" <<'PY'
import hashlib, re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
digest, count = hashlib.md5(), 0
for row in re.finditer(r"<w:tr[ >].*?</w:tr>", xml, re.S):
    count += 1
    for cell in re.findall(r"<w:tc>.*?</w:tc>", row.group(0), re.S):
        digest.update("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", cell)).encode() + b"\t")
    digest.update(b"\n")
print(count, digest.hexdigest())
PY
}

# floor DOCX — seconds to deflate (zlib level 6, as gzip -6) the document.xml of DOCX, in process.
floor() {
  python3 - "$1" <<'PY'
import sys, time, zipfile, zlib
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml")
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    zlib.compress(xml, 6)
    best = min(best, time.perf_counter() - start)
print(f"{best:.2f} s ({len(xml) / 2**20:.0f} MiB XML)")
PY
}

# check CELL DOCX EXPECTED — marks CELL with "*" when DOCX's rows differ from prikaz's.
check() {
  local cell=$1 docx=$2 expected=$3
  if [ "$cell" != failed ] && [ -n "$expected" ] && [ "$(rows "$docx")" != "$expected" ]; then
    cell="$cell *"
    mismatch=1
  fi
  echo "$cell"
}

# --- the run -------------------------------------------------------------------------------------
mismatch=0
echo "prikaz: $prikaz; ядер: $(nproc); $(date -u +%F)"
echo
echo "| N | prikaz s / MiB | + типографика s / MiB | deflate floor s | docxtemplater s / MiB | Carbone s / MiB |"
echo "|---:|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  dir=$work/$n
  echo "N = $n: данные…" >&2
  python3 bench/gen.py "$n" "$dir"

  # --verbatim: the same text as the other two print, so that their cells can be compared;
  # the next column is the default run, values through the typograph.
  echo "N = $n: prikaz…" >&2
  p=$(run "prikaz-$n" "$dir/prikaz.docx" \
        "$prikaz" render --verbatim "$dir/record/roadmap.xml" -t bench/templates/roadmap-prikaz.docx -o "$dir/prikaz.docx")
  t=$(run "prikaz-typograph-$n" "$dir/typograph.docx" \
        "$prikaz" render "$dir/record/roadmap.xml" -t bench/templates/roadmap-prikaz.docx -o "$dir/typograph.docx")
  expected="" fl="—"
  if [ "$p" != failed ]; then
    expected=$(rows "$dir/prikaz.docx")
    fl=$(floor "$dir/prikaz.docx")
    echo "  строк таблицы: ${expected%% *}, документ: $(du -k "$dir/prikaz.docx" | cut -f1) KiB" >&2
  fi

  d="пропущен" c="пропущен"
  if [ -z "$node_note" ]; then
    echo "N = $n: docxtemplater…" >&2
    d=$(run "docxtemplater-$n" "$dir/docxtemplater.docx" \
          env TMPDIR="$work" node bench/docxtemplater.js bench/templates/roadmap-docxtemplater.docx "$dir/data.json" "$dir/docxtemplater.docx")
    d=$(check "$d" "$dir/docxtemplater.docx" "$expected")
    echo "N = $n: Carbone…" >&2
    c=$(run "carbone-$n" "$dir/carbone.docx" \
          env TMPDIR="$work" node bench/carbone.js bench/templates/roadmap-carbone.docx "$dir/data.json" "$dir/carbone.docx")
    c=$(check "$c" "$dir/carbone.docx" "$expected")
  fi
  echo "| $n | $p | $t | $fl | $d | $c |"
  rm -rf "$dir"
done
echo
[ "$mismatch" = 0 ] || echo "* строки таблицы отличаются от сделанных prikaz"
[ -z "$node_note" ] || echo "$node_note"
