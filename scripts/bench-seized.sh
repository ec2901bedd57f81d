#!/usr/bin/env bash
# bench-seized.sh — peer benchmark of seized ingestion (docs/benchmarks.md,
# "Seized ingestion"): the same call rows loaded by
#   1. coinsift seized load (mysqldump subset → raw src_calls in case.duckdb),
#   2. coinsift seized load --mapping (→ src_calls and canonical calls),
#   3. mariadb < dump (a temporary mariadbd, InnoDB),
#   4. DuckDB read_csv (the same rows as CSV, all VARCHAR, into a new file),
# reporting wall time, rows/s, MB/s and peak RSS (/usr/bin/time -v; for
# MariaDB the server's VmHWM plus the client's).
#
# Usage: scripts/bench-seized.sh [SEIZED_DIR] [ROWS]
#   SEIZED_DIR  a world's seized/ directory (ispoof.sql, csv/calls.csv);
#               default /tmp/ispoof/seized (coinsift world gen --scale ispoof)
#   ROWS        call rows, default 5000000 (cut at an INSERT boundary)
# Environment: WORK (scratch dir, default a new temp dir, removed at exit),
#   COINSIFT_BIN (prebuilt coinsift), FULL=1 also loads the whole dump
#   (raw, then with a suggested mapping) and reports time and peak RSS.
set -euo pipefail

SRC=${1:-/tmp/ispoof/seized}
ROWS=${2:-5000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-$(mktemp -d /tmp/bench-seized.XXXXXX)}
KEEP=${WORK_KEEP:-}
cleanup() {
	if [[ -n "${MPID:-}" ]]; then kill "$MPID" 2>/dev/null || true; wait "$MPID" 2>/dev/null || true; fi
	if [[ -z "$KEEP" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
export PATH=$PATH:/usr/sbin

for f in "$SRC/ispoof.sql" "$SRC/csv/calls.csv"; do
	[[ -f $f ]] || { echo "bench-seized: $f missing (coinsift world gen --scale ispoof --out DIR)" >&2; exit 1; }
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"

# The subset: the dump's header and the calls table up to ROWS rows (whole
# INSERT statements), and the same rows of calls.csv.
python3 - "$SRC/ispoof.sql" "$WORK/calls.sql" "$ROWS" <<'EOF'
import re, sys
src, dst, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
last = 0
with open(src, 'rb') as f, open(dst, 'wb') as out:
    for i, l in enumerate(f):
        if i < 24 or l.startswith(b'-- Table structure for table `calls`'):
            out.write(l)
        if l.startswith(b'-- Table structure for table `calls`'):
            break
    for l in f:
        out.write(l)
        if l.startswith(b'INSERT INTO `calls`'):
            ids = re.findall(rb'\),\((\d+),', l[-400:])
            last = int(ids[-1]) if ids else last
            if last >= want:
                break
    out.write(b';\n' if not l.rstrip().endswith(b';') else b'')
    out.write(b'/*!40000 ALTER TABLE `calls` ENABLE KEYS */;\nUNLOCK TABLES;\n')
open(dst + '.rows', 'w').write(str(last))
EOF
N=$(cat "$WORK/calls.sql.rows")
head -n $((N + 1)) "$SRC/csv/calls.csv" > "$WORK/calls.csv"
echo "rows: $N calls; dump subset $(stat -c %s "$WORK/calls.sql") bytes, CSV $(stat -c %s "$WORK/calls.csv") bytes"

BIN=${COINSIFT_BIN:-$WORK/coinsift}
if [[ -z "${COINSIFT_BIN:-}" ]]; then (cd "$ROOT" && go build -o "$BIN" ./cmd/coinsift); fi
(cd "$ROOT" && go test -c -o "$WORK/seized.test" ./seized)

# timed NAME BYTES CMD... — runs CMD under /usr/bin/time -v and prints a row.
RESULTS=()
timed() {
	local name=$1 bytes=$2 extra_rss=${3:-0}; shift 3
	/usr/bin/time -v -o "$WORK/time.txt" "$@" > "$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt" >&2; exit 1; }
	local wall rss
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
	rss=$((rss + extra_rss))
	RESULTS+=("$(awk -v n="$name" -v w="$wall" -v r="$N" -v b="$bytes" -v m="$rss" \
		'BEGIN {printf "| %-34s | %7.1f s | %9.0f | %6.1f | %7.0f MiB |", n, w, r/w, b/w/1048576, m/1024}')")
	echo "${RESULTS[-1]}"
}

DUMP_BYTES=$(stat -c %s "$WORK/calls.sql")
CSV_BYTES=$(stat -c %s "$WORK/calls.csv")

# 1. coinsift, raw.
"$BIN" case init "$WORK/case1" --name bench > /dev/null
timed "coinsift seized load (raw)" "$DUMP_BYTES" 0 "$BIN" --case "$WORK/case1" -q seized load "$WORK/calls.sql"

# 2. coinsift, with a suggested mapping (suggestion not timed).
"$BIN" -q seized map --suggest --sample 20000 "$WORK/calls.sql" > "$WORK/mapping.yaml"
"$BIN" case init "$WORK/case2" --name bench > /dev/null
timed "coinsift seized load --mapping" "$DUMP_BYTES" 0 "$BIN" --case "$WORK/case2" -q seized load --mapping "$WORK/mapping.yaml" "$WORK/calls.sql"

# 3. MariaDB: a temporary server; the client pipes the dump.
mariadb-install-db --no-defaults --datadir="$WORK/mdb" --user=root --auth-root-authentication-method=normal --skip-test-db > /dev/null 2>&1
mariadbd --no-defaults --datadir="$WORK/mdb" --socket="$WORK/m.sock" --skip-networking --user=root \
	--pid-file="$WORK/m.pid" --log-error="$WORK/m.err" --innodb-buffer-pool-size=1G --max-allowed-packet=64M &
MPID=$!
for _ in $(seq 300); do mariadb --no-defaults -S "$WORK/m.sock" -uroot -e 'SELECT 1' > /dev/null 2>&1 && break; sleep 0.1; done
mariadb --no-defaults -S "$WORK/m.sock" -uroot -e 'CREATE DATABASE bench'
base=$(awk '/VmHWM/ {print $2}' /proc/$MPID/status)
cat > "$WORK/mariadb-load.sh" <<EOF
#!/bin/sh
exec mariadb --no-defaults -S "$WORK/m.sock" -uroot bench < "$WORK/calls.sql"
EOF
chmod +x "$WORK/mariadb-load.sh"
/usr/bin/time -v -o "$WORK/time.txt" "$WORK/mariadb-load.sh" > /dev/null
srv=$(awk '/VmHWM/ {print $2}' /proc/$MPID/status)
got=$(mariadb --no-defaults -S "$WORK/m.sock" -uroot -N -e 'SELECT count(*) FROM bench.calls')
[[ $got == "$N" ]] || { echo "bench-seized: mariadb loaded $got rows, want $N" >&2; exit 1; }
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
crss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
RESULTS+=("$(awk -v n="mariadb < dump (InnoDB, server+client)" -v w="$wall" -v r="$N" -v b="$DUMP_BYTES" -v m="$((srv + crss))" \
	'BEGIN {printf "| %-34s | %7.1f s | %9.0f | %6.1f | %7.0f MiB |", n, w, r/w, b/w/1048576, m/1024}')")
echo "${RESULTS[-1]} (server VmHWM ${srv} kB before import: ${base} kB)"
kill "$MPID"; wait "$MPID" 2>/dev/null || true; MPID=

# 4. DuckDB read_csv of the same rows.
COINSIFT_PEER=1 COINSIFT_PEER_CSV="$WORK/calls.csv" COINSIFT_PEER_DB="$WORK/duck.db" \
	timed "duckdb read_csv (all VARCHAR)" "$CSV_BYTES" 0 "$WORK/seized.test" -test.run TestPeerDuckDBCSV -test.v

echo
echo "| loader ($N call rows)               |    wall   |   rows/s  |  MB/s  |  peak RSS   |"
echo "|------------------------------------|-----------|-----------|--------|-------------|"
printf '%s\n' "${RESULTS[@]}"

if [[ "${FULL:-}" == 1 ]]; then
	echo
	echo "whole dump: $SRC/ispoof.sql ($(stat -c %s "$SRC/ispoof.sql") bytes)"
	"$BIN" case init "$WORK/case3" --name bench > /dev/null
	/usr/bin/time -v -o "$WORK/time.txt" "$BIN" --case "$WORK/case3" -q seized load "$SRC/ispoof.sql" | head -3
	grep -E 'Elapsed|Maximum resident' "$WORK/time.txt"
	"$BIN" -q seized map --suggest --sample 100000 "$SRC/ispoof.sql" > "$WORK/mapping-full.yaml"
	"$BIN" case init "$WORK/case4" --name bench > /dev/null
	/usr/bin/time -v -o "$WORK/time.txt" "$BIN" --case "$WORK/case4" -q seized load --mapping "$WORK/mapping-full.yaml" "$SRC/ispoof.sql" | head -3
	grep -E 'Elapsed|Maximum resident' "$WORK/time.txt"
fi
