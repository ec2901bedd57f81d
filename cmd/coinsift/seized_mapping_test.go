package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized"
)

// TestSeizedMappingFailsLoudly: a mapping naming a table or column the dump
// lacks is an error naming both with a did-you-mean, at inspect --mapping
// and at load (nothing loaded, nothing registered); a mapped column whose
// content contradicts its role is a warning on stderr and in the JSON
// summary.
func TestSeizedMappingFailsLoudly(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "shop.sql")
	if err := os.WriteFile(dump, inputDump(), 0o644); err != nil {
		t.Fatal(err)
	}
	// mapping returns a mapping of users and payments with the given
	// accounts and payments columns.
	mapping := func(usersTable, accounts, payments string) string {
		return "version: 1\nregion: GB\ntables:\n" +
			"  - source: " + usersTable + "\n    target: accounts\n    columns:\n" + accounts +
			"  - source: payments\n    target: payments\n    columns:\n" + payments
	}
	const (
		goodAccounts = "      account_key: {column: id}\n      username: {column: username}\n"
		goodPayments = "      account_key: {column: user_id}\n      txid: {column: txid}\n"
	)
	tests := []struct {
		name    string
		mapping string
		code    int
		errLine string   // in the error line ("" for none)
		warns   []string // in the warnings (stderr and JSON)
	}{
		{name: "good", mapping: mapping("users", goodAccounts, goodPayments), code: exitOK},
		{name: "column typo", mapping: mapping("users", "      account_key: {column: id}\n      username: {column: usrname}\n", goodPayments), code: exitError,
			errLine: `mapping: table users, field accounts.username: no column "usrname" in users (did you mean "username"?); its columns: id, username`},
		{name: "lookup column typo", mapping: mapping("users", goodAccounts, "      account_key: {column: user_id}\n      created_at: {column: user_id, lookup: {table: users, key: id, value: joined}}\n"), code: exitError,
			errLine: `mapping: table users, field lookup: no column "joined" in users; its columns: id, username`},
		{name: "table typo", mapping: mapping("user", goodAccounts, goodPayments), code: exitError,
			errLine: `mapping names table "user", which is not in the dump (did you mean "users"?); its tables: users, payments`},
		{name: "username of integers", mapping: mapping("users", "      account_key: {column: id}\n      username: {column: id}\n", goodPayments), code: exitOK,
			warns: []string{"table users, field accounts.username (column id): 2000 of 2000 values (100%) are integers: an id rather than a username?"}},
		{name: "address of txids, time of ids", mapping: mapping("users", goodAccounts, goodPayments+"      address: {column: txid}\n      created_at: {column: id, unit: epoch_s}\n"), code: exitOK,
			warns: []string{"table payments, field payments.address (column txid): none of its 2000 values is a valid Bitcoin address",
				"table payments, field payments.created_at (column id): 2000 of 2000 values (100%) fall outside 2009-01-03 .. 2022-11-24 (unit epoch_s; earliest 1970-01-01 00:00:01, latest 1970-01-01 00:33:20)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mf := filepath.Join(t.TempDir(), "mapping.yaml")
			if err := os.WriteFile(mf, []byte(tc.mapping), 0o644); err != nil {
				t.Fatal(err)
			}
			check := func(what, errs string, code int) {
				t.Helper()
				if code != tc.code || (tc.errLine != "" && !strings.Contains(errs, tc.errLine)) {
					t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", what, code, errs, tc.code, tc.errLine)
				}
				if n := strings.Count(errs, "warning: "); n != len(tc.warns) {
					t.Errorf("%s: %d warning(s), want %d:\n%s", what, n, len(tc.warns), errs)
				}
				for _, w := range tc.warns {
					if !strings.Contains(errs, "warning: "+dump+": "+w+"\n") {
						t.Errorf("%s: stderr lacks warning %q:\n%s", what, w, errs)
					}
				}
			}
			_, errs, code := cli(t, "seized", "inspect", "--mapping", mf, dump)
			check("inspect --mapping", errs, code)

			caseDir := newCase(t)
			args := []string{"--case", caseDir, "--json", "seized", "load", "--mapping", mf, dump}
			if tc.code == exitError {
				args = append(args[:2], args[3:]...) // the error line as text
			}
			out, errs, code := cli(t, args...)
			check("load", errs, code)
			c, err := openForTest(caseDir)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			evs, err := c.EvidenceList()
			if err != nil {
				t.Fatal(err)
			}
			if (tc.code == exitError) != (len(evs) == 0) {
				t.Errorf("%d evidence record(s) after a load that exited %d", len(evs), code)
			}
			if tc.code == exitError {
				if n := queryInt(t, c.DB(), `SELECT count(*) FROM accounts`); n != 0 {
					t.Errorf("%d accounts loaded by a refused mapping", n)
				}
				return
			}
			var res []seized.LoadResult
			if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 1 {
				t.Fatalf("load --json: %v\n%s", err, out)
			}
			if len(res[0].Warnings) != len(tc.warns) {
				t.Fatalf("load --json: warnings %+v, want %d", res[0].Warnings, len(tc.warns))
			}
			for i, w := range tc.warns {
				if res[0].Warnings[i].Message != w {
					t.Errorf("load --json: warning %d %q, want %q", i, res[0].Warnings[i].Message, w)
				}
			}
		})
	}
}

// TestSeizedMappingUnloadedTable: CSV files may be loaded one command at a
// time, so a mapped table that no load holds is a warning naming it, with a
// did-you-mean over the tables loaded.
func TestSeizedMappingUnloadedTable(t *testing.T) {
	dir := t.TempDir()
	users, payments := filepath.Join(dir, "users.csv"), filepath.Join(dir, "payments.csv")
	os.WriteFile(users, []byte("id,username\n1,alice\n2,bob\n"), 0o644)
	os.WriteFile(payments, []byte("id,user_id,txid\n1,1,ab\n"), 0o644)
	mf := filepath.Join(dir, "mapping.yaml")
	os.WriteFile(mf, []byte("version: 1\ntables:\n"+
		"  - source: users\n    target: accounts\n    columns:\n      account_key: {column: id}\n"+
		"  - source: paymnts\n    target: payments\n    columns:\n      account_key: {column: user_id}\n"), 0o644)
	caseDir := newCase(t)
	_, errs, code := cli(t, "--case", caseDir, "seized", "load", "--mapping", mf, users, payments)
	want := `warning: mapping names table "paymnts", which no file loaded into the case holds yet (did you mean "payments"?)`
	if code != exitOK || !strings.Contains(errs, want) {
		t.Errorf("load: exit %d, stderr %q; want exit 0 and %q", code, errs, want)
	}
}

// TestSeizedPaymentsLinkToNothing: a payments table whose rows name no
// account, or have neither an address nor a txid, loads with a warning
// naming the table and the field to check (issue 16); a sound one loads
// without.
func TestSeizedPaymentsLinkToNothing(t *testing.T) {
	tests := []struct {
		name     string
		payments string
		columns  string
		want     string // "" = no warning
	}{
		{"sound", "id,user_id,addr\n1,1,1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2\n2,2,bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\n", "      account_key: {column: user_id}\n      address: {column: addr}\n", ""},
		{"keys of another table", "id,user_id,addr\n1,7,1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2\n2,8,bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\n", "      account_key: {column: user_id}\n      address: {column: addr}\n",
			"2 of 2 payments name no account of the accounts table"},
		{"no address nor txid", "id,user_id,addr\n1,1,\n2,2,\n", "      account_key: {column: user_id}\n      address: {column: addr}\n",
			"2 of 2 payments have neither a deposit address nor a txid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			users, payments := filepath.Join(dir, "users.csv"), filepath.Join(dir, "payments.csv")
			os.WriteFile(users, []byte("id,username\n1,alice\n2,bob\n"), 0o644)
			os.WriteFile(payments, []byte(tt.payments), 0o644)
			mf := filepath.Join(dir, "mapping.yaml")
			os.WriteFile(mf, []byte("version: 1\ntables:\n"+
				"  - source: users\n    target: accounts\n    columns:\n      account_key: {column: id}\n"+
				"  - source: payments\n    target: payments\n    columns:\n"+tt.columns), 0o644)
			_, errs, code := cli(t, "--case", newCase(t), "seized", "load", "--mapping", mf, users, payments)
			if code != exitOK {
				t.Fatalf("load: exit %d, stderr %q; want 0", code, errs)
			}
			if tt.want == "" && strings.Contains(errs, "warning") {
				t.Errorf("load warned %q; want no warning about payments", errs)
			}
			if tt.want != "" && !strings.Contains(errs, tt.want) {
				t.Errorf("load: stderr %q; want %q", errs, tt.want)
			}
		})
	}
}
