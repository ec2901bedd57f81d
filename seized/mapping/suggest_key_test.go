package mapping_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
)

// TestSuggestKeys checks how Suggest finds account keys by their values:
// a key column named like nothing (cust_no), a reference named like
// nothing (payer), a user name as the key when there is no id, and an
// epoch column named like a user name that must not become one.
func TestSuggestKeys(t *testing.T) {
	addrs := []string{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"}
	names := []string{"zed_x", "kat99", "vik_pro", "nina1337", "raf", "lee_dev", "mo_king", "sam0x"}
	tests := []struct {
		name     string
		users    func(i int) string // a users.csv line
		header   string
		payer    func(i int) string // the payments' reference to user i
		wantKey  string             // accounts.account_key
		wantUser string             // accounts.username
		wantRef  string             // payments.account_key
	}{
		{"unnamed integer key", func(i int) string {
			return fmt.Sprintf("%d,%s,%s@example.com,%d", 7000+3*i, names[i], names[i], 1650000000+i*86400)
		},
			"cust_no,handle,email,member_since", func(i int) string { return fmt.Sprint(7000 + 3*i) }, "cust_no", "handle", "payer"},
		{"user name as key", func(i int) string { return fmt.Sprintf("%s,%s@example.com,%d", names[i], names[i], 1650000000+i*86400) },
			"login,email,member_since", func(i int) string { return names[i] }, "login", "login", "payer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var u, p strings.Builder
			u.WriteString(tt.header + "\n")
			p.WriteString("id,payer,deposit_addr,btc\n")
			for i := range names {
				u.WriteString(tt.users(i) + "\n")
			}
			for j := 0; j < 12; j++ {
				fmt.Fprintf(&p, "%d,%s,%s,0.0%d\n", j+1, tt.payer(j%len(names)), addrs[j%len(addrs)], j+1)
			}
			var reps []*seized.Report
			for name, body := range map[string]string{"users.csv": u.String(), "payments.csv": p.String()} {
				f := filepath.Join(dir, name)
				if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
				rep, err := seized.Inspect(context.Background(), f, seized.InspectOptions{Region: "GB"})
				if err != nil {
					t.Fatal(err)
				}
				reps = append(reps, rep)
			}
			m := mapping.Suggest("GB", reps...)
			got := map[string]mapping.Table{}
			for _, tab := range m.Tables {
				got[tab.Source] = tab
			}
			acc, pay := got["users"], got["payments"]
			if acc.Target != "accounts" || pay.Target != "payments" {
				t.Fatalf("tables %+v", m.Tables)
			}
			if c := acc.Columns["account_key"].Column; c != tt.wantKey {
				t.Errorf("accounts.account_key = %q, want %q", c, tt.wantKey)
			}
			if c := acc.Columns["username"].Column; c != tt.wantUser {
				t.Errorf("accounts.username = %q, want %q", c, tt.wantUser)
			}
			if c := pay.Columns["account_key"].Column; c != tt.wantRef {
				t.Errorf("payments.account_key = %q, want %q", c, tt.wantRef)
			}
		})
	}
}
