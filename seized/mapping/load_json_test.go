package mapping_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
)

// TestLoadCallbacksAndPhones loads a users file with phones of several
// countries in national format and a payments file whose txids are in a
// JSON callback: the load result counts the phones left raw, a malformed
// callback is quarantined with its field named, and no national number is
// given a region it is not valid in.
func TestLoadCallbacksAndPhones(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	users := "id,country,email,phone,tg\n" +
		"1,,jan@provider.nl,06 12345678,@Jan_NL\n" +
		"2,CA,bob@gmail.com,(416) 555-0123,\n" +
		"3,,carol@gmail.com,06 87654321,\n" +
		"4,,,07400 123456,\n"
	pays := "id,user_id,callback\n" +
		`1,1,"{""tx"":{""hash"":""6F1F2B7A7C4D2D3E8F5A9B0C1D2E3F405162738495A6B7C8D9E0F1A2B3C4D5E6""},""amount"":""0.0123""}"` + "\n" +
		`2,2,"{""amount"":""0.5""}"` + "\n" +
		`3,3,"{""tx"":{""hash"":"` + "\n"
	for name, text := range map[string]string{"users.csv": users, "payments.csv": pays} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := mapping.Read(strings.NewReader(`version: 1
region: GB
tables:
  - source: users
    target: accounts
    columns:
      account_key: {column: id}
      country: {column: country}
      email: {column: email}
      phone: {column: phone}
      telegram: {column: tg}
  - source: payments
    target: payments
    columns:
      account_key: {column: user_id}
      txid: {column: callback, json: "$.tx.hash"}
      amount: {column: callback, json: "$.amount", unit: btc}
`))
	if err != nil {
		t.Fatal(err)
	}
	tm := time.Date(2022, 11, 24, 9, 0, 0, 0, time.UTC)
	c, err := casefile.Init(ctx, filepath.Join(dir, "case"), casefile.InitOptions{Name: "t", Options: casefile.Options{Now: func() time.Time { return tm }}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	load := func(name string) *seized.LoadResult {
		ev, _, err := c.AddEvidence(ctx, filepath.Join(dir, name), casefile.KindSeized, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := seized.Load(ctx, c, ev, seized.LoadOptions{Mapper: m})
		if err != nil && !errors.Is(err, coinsift.ErrQuarantined) {
			t.Fatal(err)
		}
		return res
	}
	if res := load("users.csv"); res.RawValues[mapping.PhonesLeftRaw] != 1 {
		t.Errorf("raw values = %v, want 1 phone left raw", res.RawValues)
	}
	if res := load("payments.csv"); res.Quarantined != 1 || len(res.RawValues) != 0 {
		t.Errorf("payments: quarantined %d, raw %v", res.Quarantined, res.RawValues)
	}
	got := map[string]string{}
	rows, err := c.DB().QueryContext(ctx, `SELECT value, coalesce(normalized, 'NULL') FROM identifiers WHERE kind IN ('phone', 'telegram')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v, n string
		if err := rows.Scan(&v, &n); err != nil {
			t.Fatal(err)
		}
		got[v] = n
	}
	rows.Close()
	for v, want := range map[string]string{"06 12345678": "+31612345678", "(416) 555-0123": "+14165550123",
		"06 87654321": "NULL", "07400 123456": "+447400123456", "@Jan_NL": "jan_nl"} {
		if got[v] != want {
			t.Errorf("%s → %s, want %s", v, got[v], want)
		}
	}
	var reason, txids string
	if err := c.DB().QueryRowContext(ctx, `SELECT reason FROM quarantine`).Scan(&reason); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(reason, "map: amount: json: malformed") {
		t.Errorf("quarantine reason %q", reason)
	}
	if err := c.DB().QueryRowContext(ctx, `SELECT string_agg(coalesce(txid, 'NULL') || ' ' || amount_sats, ',' ORDER BY account_key) FROM payments`).Scan(&txids); err != nil {
		t.Fatal(err)
	}
	if want := "6f1f2b7a7c4d2d3e8f5a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6 1230000,NULL 50000000"; txids != want {
		t.Errorf("payments %q, want %q", txids, want)
	}
}
