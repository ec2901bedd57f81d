package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/seized/mapping"
	"github.com/coinsift/coinsift/world"
)

// seizedWorld generates a tiny world of the given schema variant and returns
// its directory.
func seizedWorld(t *testing.T, dir string, variant int) string {
	t.Helper()
	cfg := world.Config{Scale: world.ScaleTiny, Seed: 1, SchemaVariant: variant}
	if _, err := world.Generate(context.Background(), cfg, dir, coinsift.NopProgressFunc); err != nil {
		t.Fatalf("world.Generate(variant %d): %v", variant, err)
	}
	return dir
}

// truthRows reads a truth TSV file of a world as maps keyed by the header.
func truthRows(t *testing.T, worldDir, name string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(worldDir, "truth", name))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	head := strings.Split(lines[0], "\t")
	var out []map[string]string
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		m := map[string]string{}
		for i, h := range head {
			if i < len(f) {
				m[h] = f[i]
			}
		}
		out = append(out, m)
	}
	return out
}

func queryInt(t *testing.T, db *sql.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// seizedInputs are the files of a world's seized data that a test loads:
// the dump, or every CSV file.
func seizedInputs(t *testing.T, worldDir, format string) []string {
	t.Helper()
	if format == "sqldump" {
		return []string{filepath.Join(worldDir, "seized", "ispoof.sql")}
	}
	files, err := filepath.Glob(filepath.Join(worldDir, "seized", "csv", "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no CSV files in %s: %v", worldDir, err)
	}
	return files
}

// TestSeizedInspectMapLoad runs inspect → map --suggest → load --mapping on
// generated worlds of every schema variant, from the dump and from the CSV
// files, and checks the canonical tables against the world's truth.
func TestSeizedInspectMapLoad(t *testing.T) {
	// internalTxids is the edit docs/format/mapping.md documents for
	// variant 1's CSV: its tx_hash column is the hex of BINARY(32) values in
	// internal byte order, which the text alone does not reveal.
	internalTxids := func(m *mapping.Mapping) {
		for _, t := range m.Tables {
			if c, ok := t.Columns["txid"]; ok {
				c.Unit = "internal"
				t.Columns["txid"] = c
			}
		}
	}
	tests := []struct {
		variant int
		format  string // sqldump or csv
		edit    func(*mapping.Mapping)
	}{
		{0, "sqldump", nil},
		{1, "sqldump", nil},
		{2, "sqldump", nil},
		{0, "csv", nil},
		{1, "csv", internalTxids},
		{2, "csv", nil},
	}
	worlds := map[int]string{}
	root := t.TempDir()
	for _, tt := range tests {
		t.Run(fmt.Sprintf("variant%d-%s", tt.variant, tt.format), func(t *testing.T) {
			wd := worlds[tt.variant]
			if wd == "" {
				wd = seizedWorld(t, filepath.Join(root, strconv.Itoa(tt.variant)), tt.variant)
				worlds[tt.variant] = wd
			}
			files := seizedInputs(t, wd, tt.format)

			out := mustCLI(t, append([]string{"seized", "inspect"}, files...)...)
			if !strings.Contains(out, "table ") || !strings.Contains(out, "row(s)") {
				t.Errorf("inspect output lacks tables:\n%s", out)
			}
			var reps []map[string]any
			if err := json.Unmarshal([]byte(mustCLI(t, append([]string{"seized", "inspect", "--json", "--sample", "50"}, files...)...)), &reps); err != nil || len(reps) != len(files) {
				t.Errorf("inspect --json: %d report(s), %v; want %d", len(reps), err, len(files))
			}

			yaml := mustCLI(t, append([]string{"seized", "map", "--suggest"}, files...)...)
			if tt.edit != nil {
				m, err := mapping.Read(strings.NewReader(yaml))
				if err != nil {
					t.Fatalf("read suggested mapping: %v", err)
				}
				tt.edit(m)
				var b strings.Builder
				if err := m.Write(&b); err != nil {
					t.Fatal(err)
				}
				yaml = b.String()
			}
			mpath := filepath.Join(t.TempDir(), "mapping.yaml")
			if err := os.WriteFile(mpath, []byte(yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			var sug map[string]any
			if err := json.Unmarshal([]byte(mustCLI(t, append([]string{"seized", "map", "--suggest", "--json"}, files...)...)), &sug); err != nil {
				t.Errorf("map --suggest --json: %v", err)
			}

			dir := newCase(t)
			args := append([]string{"--case", dir, "seized", "load", "--mapping", mpath}, files...)
			stdout, stderr, code := cli(t, args...)
			wantCode := exitOK
			if tt.format == "csv" {
				wantCode = exitQuarantined // the users CSV has one malformed line
			}
			if code != wantCode {
				t.Fatalf("seized load: exit %d; want %d\nstdout: %s\nstderr: %s", code, wantCode, stdout, stderr)
			}
			if wantCode == exitQuarantined && !strings.Contains(stderr, "quarantined") {
				t.Errorf("stderr = %q; want a quarantine summary", stderr)
			}
			if !strings.Contains(stdout, "payments") || !strings.Contains(stdout, "loaded") {
				t.Errorf("load output lacks counts:\n%s", stdout)
			}

			c, err := openForTest(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			db := c.DB()
			checkCanonical(t, db, wd)
			if tt.format == "csv" {
				if n := queryInt(t, db, `SELECT count(*) FROM quarantine WHERE row_no IS NOT NULL AND byte_offset IS NOT NULL`); n != 1 {
					t.Errorf("quarantined CSV rows with line and offset = %d; want 1", n)
				}
			}

			// Loading again changes nothing.
			before := queryInt(t, db, `SELECT (SELECT count(*) FROM payments) + (SELECT count(*) FROM calls) + (SELECT count(*) FROM quarantine)`)
			c.Close()
			again := mustCLI(t, args...)
			if strings.Count(again, "already") != len(files) {
				t.Errorf("second load = %q; want %d 'already' lines", again, len(files))
			}
			c2, err := openForTest(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer c2.Close()
			if after := queryInt(t, c2.DB(), `SELECT (SELECT count(*) FROM payments) + (SELECT count(*) FROM calls) + (SELECT count(*) FROM quarantine)`); after != before {
				t.Errorf("rows after second load = %d; want %d", after, before)
			}
		})
	}
}

// checkCanonical compares the canonical tables with the world's truth.
func checkCanonical(t *testing.T, db *sql.DB, worldDir string) {
	t.Helper()
	accounts := truthRows(t, worldDir, "accounts.tsv")
	if n := queryInt(t, db, `SELECT count(*) FROM accounts`); n != int64(len(accounts)) {
		t.Errorf("accounts = %d; want %d (truth/accounts.tsv)", n, len(accounts))
	}
	var calls int64
	for _, v := range truthRows(t, worldDir, "victims.tsv") {
		n, _ := strconv.ParseInt(v["calls"], 10, 64)
		calls += n
	}
	if n := queryInt(t, db, `SELECT count(*) FROM calls`); n != calls {
		t.Errorf("calls = %d; want %d (sum of truth/victims.tsv calls)", n, calls)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM calls WHERE destination_e164 IS NULL OR started_at IS NULL OR account_key IS NULL`); n != 0 {
		t.Errorf("calls without E.164 destination, time or account = %d; want 0", n)
	}
	// The destinations are the victims' numbers (not the spoofed caller
	// ids, which are phone numbers too).
	victims := map[string]bool{}
	for _, v := range truthRows(t, worldDir, "victims.tsv") {
		victims[v["phone"]] = true
	}
	rows, err := db.Query(`SELECT DISTINCT destination_e164 FROM calls`)
	if err != nil {
		t.Fatal(err)
	}
	var notVictims []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			t.Fatal(err)
		}
		if !victims[d] {
			notVictims = append(notVictims, d)
		}
	}
	rows.Close()
	if len(notVictims) > 0 {
		t.Errorf("%d call destinations are not victims' numbers (truth/victims.tsv), e.g. %v", len(notVictims), notVictims[:min(3, len(notVictims))])
	}
	if n := queryInt(t, db, `SELECT count(*) FROM logins WHERE ip IS NULL OR login_at IS NULL OR account_key IS NULL`); n != 0 {
		t.Errorf("logins without ip, time or account = %d; want 0", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM logins`); n == 0 {
		t.Errorf("logins = 0")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM logins WHERE ip NOT SIMILAR TO '[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+'`); n != 0 {
		t.Errorf("logins with an IP not in dotted form = %d; want 0", n)
	}
	for _, kind := range []string{"email", "phone", "btc_address"} {
		if n := queryInt(t, db, `SELECT count(*) FROM identifiers WHERE kind = ?`, kind); n == 0 {
			t.Errorf("identifiers of kind %s = 0", kind)
		}
	}
	// Every invoice is one payments row; every paid invoice of the truth has
	// its address, amount, account and creation time, and its txid when the
	// service recorded it.
	if n := queryInt(t, db, `SELECT count(*) FROM payments WHERE address IS NULL OR account_key IS NULL`); n != 0 {
		t.Errorf("payments without an address or account = %d; want 0", n)
	}
	paid := truthRows(t, worldDir, "payments.tsv")
	for _, p := range paid {
		var key, txid sql.NullString
		var sats sql.NullInt64
		var created sql.NullTime
		err := db.QueryRow(`SELECT account_key, amount_sats, txid, created_at FROM payments WHERE address = ?`, p["address"]).Scan(&key, &sats, &txid, &created)
		if err != nil {
			t.Errorf("invoice %s: payment to %s: %v", p["invoice_id"], p["address"], err)
			continue
		}
		if key.String != p["user_id"] || strconv.FormatInt(sats.Int64, 10) != p["sats"] || !created.Valid {
			t.Errorf("invoice %s: payment = account %q, %d sats, created %v; want account %s, %s sats, a time",
				p["invoice_id"], key.String, sats.Int64, created, p["user_id"], p["sats"])
		}
		if wantTx := p["recorded_in_seized"] == "true"; wantTx && txid.String != p["txid"] {
			t.Errorf("invoice %s: txid = %q; want %s", p["invoice_id"], txid.String, p["txid"])
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM payments WHERE status IS NULL OR fiat_minor IS NULL OR fiat_currency IS NULL`); n != 0 {
		t.Errorf("payments without status or fiat amount = %d; want 0", n)
	}
}

func TestSeizedUsage(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"seized", "map", "x.sql"}, exitUsage}, // --suggest missing
		{[]string{"seized", "inspect"}, exitUsage},      // no file
		{[]string{"seized", "inspect", "--region", "GBR", "x"}, exitUsage},
		{[]string{"seized", "load", "--mapping", "/nonexistent.yaml", "cmd_seized.go"}, exitUsage},
		{[]string{"seized", "inspect", "/nonexistent.sql"}, exitError},
	}
	for _, tt := range tests {
		if _, _, code := cli(t, tt.args...); code != tt.want {
			t.Errorf("coinsift %s: exit %d; want %d", strings.Join(tt.args, " "), code, tt.want)
		}
	}
}

// TestSeizedMapScore scores the suggestion for a corpus dump against its
// true mapping, as text and as JSON, and checks that the tables it leaves
// out are named in comments of the YAML.
func TestSeizedMapScore(t *testing.T) {
	const dir = "../../seized/mapping/testdata/corpus/"
	out := mustCLI(t, "seized", "map", "--suggest", dir+"booter.sql", "--region", "US", "--score", dir+"booter.truth.yaml")
	if !strings.Contains(out, "kept 17 of 17 true fields (0 changed, 0 missing), 0 extra: score 100.0 %") ||
		!strings.Contains(out, "deposits → payments") {
		t.Errorf("--score output:\n%s", out)
	}
	var c mapping.Comparison
	if err := json.Unmarshal([]byte(mustCLI(t, "--json", "seized", "map", "--suggest", dir+"booter.sql", "--region", "US", "--score", dir+"booter.truth.yaml")), &c); err != nil || c.Score != 1 || c.True != 17 {
		t.Errorf("--score --json: %+v, %v", c, err)
	}
	yaml := mustCLI(t, "seized", "map", "--suggest", dir+"booter.sql")
	if !strings.Contains(yaml, "# not mapped: attacks: ") {
		t.Errorf("no comment on the attacks table:\n%s", yaml)
	}
	if _, _, code := cli(t, "seized", "map", "--suggest", dir+"booter.sql", "--score", dir+"missing.yaml"); code == 0 {
		t.Errorf("--score with a missing file: exit 0")
	}
}
