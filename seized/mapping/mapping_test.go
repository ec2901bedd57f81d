package mapping_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

const dump = "../testdata/ispoof-mini.sql.gz"

func TestSuggestAndLoad(t *testing.T) {
	ctx := context.Background()
	rep, err := seized.Inspect(ctx, dump, seized.InspectOptions{Region: "GB"})
	if err != nil {
		t.Fatal(err)
	}
	// Inspect output is golden too.
	var ib bytes.Buffer
	rep.WriteText(&ib)
	golden(t, "testdata/inspect-ispoof-mini.golden", ib.Bytes())

	m := mapping.Suggest("GB", rep)
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/suggest-ispoof-mini.golden", b.Bytes())

	m2, err := mapping.Read(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("Read(Suggest()): %v", err)
	}
	dir := filepath.Join(t.TempDir(), "case")
	tm := time.Date(2022, 11, 24, 9, 0, 0, 0, time.UTC)
	c, err := casefile.Init(ctx, dir, casefile.InitOptions{Name: "t", Options: casefile.Options{Now: func() time.Time { return tm }}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ev, _, err := c.AddEvidence(ctx, dump, casefile.KindSeized, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := seized.Load(ctx, c, ev, seized.LoadOptions{Mapper: m2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Quarantined != 0 {
		t.Errorf("quarantined %d", res.Quarantined)
	}
	var out bytes.Buffer
	for _, q := range []string{
		`SELECT account_key, username, created_at, src_table, src_row FROM accounts ORDER BY src_row`,
		`SELECT account_key, kind, value, normalized FROM identifiers ORDER BY src_table, src_row, kind`,
		`SELECT account_key, address, amount_sats, fiat_minor, fiat_currency, txid, status, created_at FROM payments ORDER BY src_row`,
		`SELECT account_key, caller_id, destination_raw, destination_e164, started_at, duration_s, status, template FROM calls ORDER BY src_row`,
	} {
		out.WriteString(dumpQuery(t, c, q))
		out.WriteString("--\n")
	}
	golden(t, "testdata/load-ispoof-mini.golden", out.Bytes())
}

func fmtAny(v any) string {
	if v == nil {
		return "NULL"
	}
	return fmtS(v)
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}
