package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/coinsift/coinsift/seized"
)

// TestWorldTruthMappingLoads generates a tiny world of every family (and
// every ispoof schema variant) with 'world gen --family', and loads its dump
// with the world's truth/mapping.yaml: the load must map every row, the
// only quarantined ones being those the generator spoils on purpose, and
// give each canonical table the rows of its source table that were not set
// aside.
func TestWorldTruthMappingLoads(t *testing.T) {
	tests := []struct {
		family     string
		variant    int
		dump       string
		quarantine int64 // deliberately malformed rows
		canonical  map[string]string
	}{
		{"ispoof", 0, "ispoof.sql", 0, map[string]string{"accounts": "users", "payments": "invoices", "logins": "logins", "calls": "calls"}},
		{"ispoof", 1, "ispoof.sql", 0, map[string]string{"accounts": "members", "payments": "orders", "logins": "sessions", "calls": "call_log"}},
		{"ispoof", 2, "ispoof.sql", 0, map[string]string{"accounts": "tbl_user", "payments": "tbl_btc_tx", "logins": "tbl_access", "calls": "tbl_cdr"}},
		// One booter callback is cut short, as a gateway's truncated POST.
		{"booter", 0, "booter.sql", 1, map[string]string{"accounts": "clients", "payments": "deposits", "logins": "auth_log"}},
		{"cardshop", 0, "cardshop.sql", 0, map[string]string{"accounts": "cust", "payments": "bills", "logins": "visits"}},
		{"ransomware", 0, "ransomware.sql", 0, map[string]string{"accounts": "users", "payments": "subs", "logins": "access_log"}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s%d", tc.family, tc.variant), func(t *testing.T) {
			w := t.TempDir()
			if _, errs, code := cli(t, "world", "gen", "--family", tc.family, "--schema-variant", fmt.Sprint(tc.variant), "--seed", "4", "--out", w); code != exitOK {
				t.Fatalf("world gen: exit %d\n%s", code, errs)
			}
			caseDir := newCase(t)
			out, errs, code := cli(t, "--case", caseDir, "--json", "seized", "load", "--mapping", filepath.Join(w, "truth", "mapping.yaml"), filepath.Join(w, "seized", tc.dump))
			wantCode := exitOK
			if tc.quarantine > 0 {
				wantCode = exitQuarantined
			}
			if code != wantCode {
				t.Fatalf("seized load: exit %d, want %d\n%s", code, wantCode, errs)
			}
			var res []seized.LoadResult
			if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 1 {
				t.Fatalf("load --json: %v\n%s", err, out)
			}
			if res[0].Quarantined != tc.quarantine {
				t.Errorf("%d rows quarantined; want %d\n%s", res[0].Quarantined, tc.quarantine, errs)
			}
			if len(res[0].Warnings) != 0 {
				t.Errorf("mapping warnings: %+v", res[0].Warnings)
			}
			src := map[string]int64{}
			for _, tb := range res[0].Tables {
				src[tb.Source] = tb.Rows - tb.Quarantined
			}
			for target, source := range tc.canonical {
				if got, want := int64(res[0].Canonical[target]), src[source]; got != want || want == 0 {
					t.Errorf("%s: %d rows from %s, which has %d", target, got, source, want)
				}
			}
		})
	}
}
