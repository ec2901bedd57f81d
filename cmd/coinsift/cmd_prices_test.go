package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPricesImportAndRate(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "prices")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("real price files absent (%s): %v", data, err)
	}
	dir := newCase(t)
	mustCLI(t, "--case", dir, "prices", "import", filepath.Join(data, "penguinpoweredapps-cryptodata", "BTC-GBP.csv"), "--source", "yahoo-penguin")
	out := mustCLI(t, "--case", dir, "prices", "import", filepath.Join(data, "penguinpoweredapps-cryptodata", "BTC-GBP.csv"), "--source", "yahoo-penguin")
	if !strings.HasPrefix(out, "already") {
		t.Errorf("re-import output = %q; want 'already …'", out)
	}
	var r struct {
		Value, Source, Path string
		Legs                []struct{ Row int64 }
	}
	out = mustCLI(t, "--case", dir, "--json", "prices", "rate", "BTC/GBP", "2021-06-01")
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Value != "25915.808594" || r.Source != "yahoo-penguin" || len(r.Legs) != 1 || r.Legs[0].Row < 2 {
		t.Errorf("rate = %+v; want the CSV's close 25915.808594 from yahoo-penguin", r)
	}
	_, stderr, code := cli(t, "--case", dir, "prices", "rate", "BTC/GBP", "2010-01-01")
	if code != exitError || !strings.Contains(stderr, "2010-01-01") || !strings.Contains(stderr, "2014-09-17") {
		t.Errorf("gap: exit %d, stderr %q; want 1 naming 2010-01-01 and 2014-09-17", code, stderr)
	}
	list := mustCLI(t, "--case", dir, "prices", "list")
	if !strings.Contains(list, "BTC/GBP") || !strings.Contains(list, "yahoo-penguin") {
		t.Errorf("list = %q", list)
	}
}

func TestPricesImportQuarantine(t *testing.T) {
	dir := newCase(t)
	f := filepath.Join(t.TempDir(), "BTC-GBP.csv")
	os.WriteFile(f, []byte("Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-01,1,2,0.5,1.5,1.5,10\n2020-01-02,null,null,null,null,null,null\n"), 0o644)
	out, stderr, code := cli(t, "--case", dir, "prices", "import", f)
	if code != exitQuarantined {
		t.Fatalf("exit %d; want %d (stderr %q)", code, exitQuarantined, stderr)
	}
	if !strings.Contains(out, "1 point(s)") || !strings.Contains(out, "1 row(s) quarantined") {
		t.Errorf("output = %q", out)
	}
	q := mustCLI(t, "--case", dir, "sql", "SELECT row_no, reason FROM quarantine")
	if !strings.Contains(q, "3") || !strings.Contains(q, "close") {
		t.Errorf("quarantine = %q; want row 3 with its reason", q)
	}
	_, _, code = cli(t, "--case", dir, "prices", "import", f, "--format", "xml")
	if code != exitUsage {
		t.Errorf("--format xml: exit %d; want %d", code, exitUsage)
	}
}
