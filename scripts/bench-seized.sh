#!/usr/bin/env bash
# bench-seized.sh — the mapped seized load against the raw one, side by side
# with peers, on any world (docs/benchmarks.md, "Seized ingestion"). For each
# world it takes one table of the dump — the one mapped to canonical calls,
# else the largest mapped one (TABLE overrides) — with the tables its
# mapping looks values up in, and loads the same rows with
#   1. coinsift seized load (raw src_* tables),
#   2. coinsift seized load --mapping (raw and canonical tables),
#   3. DuckDB read_csv (the table's CSV, all VARCHAR, into a new file),
#   4. mariadb < dump (a temporary mariadbd, InnoDB),
# raw and mapped REPEAT times each, alternating (this machine's speed varies
# from minute to minute: only times measured side by side compare), and
# prints medians, the median of the mapped/raw ratios, and peak RSS.
#
# Usage: scripts/bench-seized.sh [WORLD...]
#   WORLD  a world directory (coinsift world gen --out WORLD: seized/*.sql,
#          seized/csv/, truth/mapping.yaml when the generator writes one)
#          or its seized/ directory. The mapping is WORLD/truth/mapping.yaml
#          if present, else `seized map --suggest` of the dump. Without
#          WORLD, the script generates small worlds (SCALE, seed 1) of every
#          iSpoof schema variant (0, 1, 2) and of every family the generator
#          knows (world gen --family), and measures each.
# Environment: ROWS (rows of the table, at whole INSERT statements; default
#   all), TABLE (source table to measure), REPEAT (raw and mapped runs,
#   default 3), SCALE (generated worlds, default small), NO_MARIADB=1,
#   WORK (scratch dir, default a new temp dir, removed at exit unless
#   WORK_KEEP=1), COINSIFT_BIN (prebuilt coinsift).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-$(mktemp -d /tmp/bench-seized.XXXXXX)}
mkdir -p "$WORK"
KEEP=${WORK_KEEP:-}
REPEAT=${REPEAT:-3}
ROWS=${ROWS:-0}
MPID=
cleanup() {
	if [[ -n "$MPID" ]]; then kill "$MPID" 2>/dev/null || true; wait "$MPID" 2>/dev/null || true; fi
	if [[ -z "$KEEP" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
export PATH=$PATH:/usr/sbin

BIN=${COINSIFT_BIN:-$WORK/coinsift}
if [[ -z "${COINSIFT_BIN:-}" ]]; then (cd "$ROOT" && go build -o "$BIN" ./cmd/coinsift); fi
(cd "$ROOT" && go test -c -o "$WORK/seized.test" ./seized)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"

WORLDS=("$@")
if [[ ${#WORLDS[@]} -eq 0 ]]; then
	for v in 0 1 2; do
		"$BIN" world gen --scale "${SCALE:-small}" --seed 1 --schema-variant "$v" --out "$WORK/world-ispoof-$v" > /dev/null
		WORLDS+=("$WORK/world-ispoof-$v")
	done
	if "$BIN" world gen --help 2>&1 | grep -q -- '--family'; then
		for f in booter cardshop ransomware; do
			if "$BIN" world gen --scale "${SCALE:-small}" --seed 1 --family "$f" --out "$WORK/world-$f" > /dev/null 2>&1; then
				WORLDS+=("$WORK/world-$f")
			fi
		done
	fi
fi

# wall FILE — wall-clock seconds from /usr/bin/time -v output.
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }
# rss FILE — peak RSS in kB from /usr/bin/time -v output.
rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
# median NUMBERS... — the median (the lower middle of an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

SUMMARY=()
for W in "${WORLDS[@]}"; do
	SEIZED=$W
	[[ -d $W/seized ]] && SEIZED=$W/seized
	WORLD=$(cd "$SEIZED/.." && pwd)
	DUMP=$(find "$SEIZED" -maxdepth 1 -name '*.sql' | sort | head -1)
	[[ -n $DUMP ]] || { echo "bench-seized: no *.sql in $SEIZED" >&2; exit 1; }
	name=$(basename "$WORLD")
	D=$WORK/$name.run
	rm -rf "$D"; mkdir -p "$D"
	MAPPING=$WORLD/truth/mapping.yaml
	if [[ ! -f $MAPPING ]]; then
		MAPPING=$D/suggested.yaml
		"$BIN" -q seized map --suggest --sample 20000 "$DUMP" > "$MAPPING"
	fi

	# The subset: the dump's header, the measured table (cut at ROWS rows,
	# whole INSERT statements) and the tables its mapping looks up, and the
	# mapping of those tables only.
	python3 - "$DUMP" "$MAPPING" "$D" "$ROWS" "${TABLE:-}" <<'EOF'
import os, re, sys, yaml
dump, mapping, out, rows, want = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
m = yaml.safe_load(open(mapping))
tables = m.get('tables') or []
# Bytes of INSERT statements per table, and where each table's section starts.
size, order = {}, []
struct = re.compile(rb'^(?:-- Table structure for table|DROP TABLE IF EXISTS|CREATE TABLE) `([^`]+)`')
with open(dump, 'rb') as f:
    for l in f:
        s = struct.match(l)
        if s and s.group(1).decode() not in size:
            size[s.group(1).decode()] = 0
            order.append(s.group(1).decode())
        if l.startswith(b'INSERT INTO `'):
            t = l[13:l.index(b'`', 13)].decode()
            size[t] = size.get(t, 0) + len(l)
mapped = [t['source'] for t in tables if t['source'] in size]
if not want:
    calls = [t['source'] for t in tables if t.get('target') == 'calls' and t['source'] in size]
    pool = calls or mapped or list(size)
    want = max(pool, key=lambda t: size.get(t, 0))
if want not in size:
    sys.exit('bench-seized: no table %s in %s' % (want, dump))
keep = [t for t in tables if t['source'] == want]
need = {want}
for t in keep:
    for c in (t.get('columns') or {}).values():
        if isinstance(c, dict) and c.get('lookup'):
            need.add(c['lookup']['table'])
m['tables'] = keep
yaml.safe_dump(m, open(os.path.join(out, 'mapping.yaml'), 'w'), sort_keys=False)
# Copy the header (up to the first table) and the sections of the needed
# tables; the measured one stops after the INSERT that reaches ROWS rows.
cur, n, done = None, 0, False
with open(dump, 'rb') as f, open(os.path.join(out, 'subset.sql'), 'wb') as o:
    for l in f:
        s = struct.match(l)
        if s:
            cur = s.group(1).decode()
        if cur is None or cur in need:
            if cur == want and l.startswith(b'INSERT INTO `'):
                if done:
                    continue
                n += l.count(b'),(') + 1
                if rows and n >= rows:
                    done = True
                    if not l.rstrip().endswith(b';'):
                        l = l.rstrip() + b';\n'
            o.write(l)
open(os.path.join(out, 'table'), 'w').write(want)
open(os.path.join(out, 'need'), 'w').write(' '.join(sorted(need)))
EOF
	T=$(cat "$D/table")
	BYTES=$(stat -c %s "$D/subset.sql")

	# coinsift raw and mapped, alternating; each run in a new case.
	RAW=() MAPPED=() RATIOS=() RAWRSS=() MAPRSS=()
	for i in $(seq "$REPEAT"); do
		for kind in $( ((i % 2)) && echo "raw mapped" || echo "mapped raw"); do
			rm -rf "$D/case"
			"$BIN" case init "$D/case" --name bench > /dev/null
			args=()
			[[ $kind == mapped ]] && args=(--mapping "$D/mapping.yaml")
			/usr/bin/time -v -o "$D/time.txt" "$BIN" --case "$D/case" --json seized load "$D/subset.sql" "${args[@]}" > "$D/out.json" 2> "$D/err.txt" ||
				[[ $? == 3 ]] || { cat "$D/err.txt" >&2; exit 1; }
			if [[ $kind == raw ]]; then RAW+=("$(wall "$D/time.txt")"); RAWRSS+=("$(rss "$D/time.txt")"); else MAPPED+=("$(wall "$D/time.txt")"); MAPRSS+=("$(rss "$D/time.txt")"); fi
		done
		RATIOS+=("$(awk -v m="${MAPPED[-1]}" -v r="${RAW[-1]}" 'BEGIN {printf "%.3f", m/r}')")
	done
	N=$(python3 -c 'import json,sys; print(next(t["rows"] for t in json.load(open(sys.argv[1]))[0]["tables"] if t["source"]==sys.argv[2]))' "$D/out.json" "$T")
	CANON=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))[0].get("canonical",{}); print(" ".join("%s=%d"%kv for kv in sorted(c.items())))' "$D/out.json")
	raw=$(median "${RAW[@]}") mapped=$(median "${MAPPED[@]}") ratio=$(median "${RATIOS[@]}")

	# DuckDB read_csv of the same rows of the table's CSV, if the world has
	# one (the first N rows: the CSV is written in the dump's order).
	duck=-
	CSV=$SEIZED/csv/$T.csv
	if [[ -f $CSV ]]; then
		head -n $((N + 1)) "$CSV" > "$D/table.csv"
		if COINSIFT_PEER=1 COINSIFT_PEER_CSV="$D/table.csv" COINSIFT_PEER_DB="$D/duck.db" \
			/usr/bin/time -v -o "$D/time.txt" "$WORK/seized.test" -test.run TestPeerDuckDBCSV -test.v > "$D/duck.txt" 2>&1; then
			duck=$(wall "$D/time.txt")
		else
			duck="fails"
		fi
	fi

	# MariaDB: a temporary server; the client pipes the same subset.
	maria=-
	if [[ -z "${NO_MARIADB:-}" ]] && command -v mariadbd > /dev/null; then
		mariadb-install-db --no-defaults --datadir="$D/mdb" --user=root --auth-root-authentication-method=normal --skip-test-db > /dev/null 2>&1
		mariadbd --no-defaults --datadir="$D/mdb" --socket="$D/m.sock" --skip-networking --user=root \
			--pid-file="$D/m.pid" --log-error="$D/m.err" --innodb-buffer-pool-size=1G --max-allowed-packet=64M 2> /dev/null &
		MPID=$!
		for _ in $(seq 300); do mariadb --no-defaults -S "$D/m.sock" -uroot -e 'SELECT 1' > /dev/null 2>&1 && break; sleep 0.1; done
		mariadb --no-defaults -S "$D/m.sock" -uroot -e 'CREATE DATABASE bench'
		printf '#!/bin/sh\nexec mariadb --no-defaults -S "%s" -uroot bench < "%s"\n' "$D/m.sock" "$D/subset.sql" > "$D/mariadb-load.sh"
		chmod +x "$D/mariadb-load.sh"
		if /usr/bin/time -v -o "$D/time.txt" "$D/mariadb-load.sh" > /dev/null 2> "$D/mariadb.err"; then
			got=$(mariadb --no-defaults -S "$D/m.sock" -uroot -N -e "SELECT count(*) FROM bench.\`$T\`")
			[[ $got == "$N" ]] || { echo "bench-seized: mariadb loaded $got rows of $T, want $N" >&2; exit 1; }
			maria=$(wall "$D/time.txt")
		else
			maria="fails"
		fi
		kill "$MPID"; wait "$MPID" 2>/dev/null || true; MPID=
	fi

	echo
	echo "$name: table $T ($(cat "$D/need")), $N rows, subset $BYTES bytes, mapping $(basename "$(dirname "$MAPPING")")/$(basename "$MAPPING"); canonical: $CANON"
	echo "  raw    runs: ${RAW[*]} s (peak RSS $(median "${RAWRSS[@]}") kB)"
	echo "  mapped runs: ${MAPPED[*]} s (peak RSS $(median "${MAPRSS[@]}") kB)"
	echo "  mapped/raw:  ${RATIOS[*]}"
	SUMMARY+=("$(printf '| %-18s | %-12s | %9s | %7s s | %7s s | %5s | %7s s | %7s s |' "$name" "$T" "$N" "$raw" "$mapped" "$ratio" "$duck" "$maria")")
done

echo
echo "medians of $REPEAT alternating runs; ratio = median of the per-pair mapped/raw"
echo "| world              | table        |      rows |     raw   |  mapped   | ratio | read_csv  |  mariadb  |"
echo "|--------------------|--------------|-----------|-----------|-----------|-------|-----------|-----------|"
printf '%s\n' "${SUMMARY[@]}"
