package mapping_test

import (
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized/mapping"
)

func TestCompare(t *testing.T) {
	truth := &mapping.Mapping{Version: 1, Tables: []mapping.Table{
		{Source: "deposits", Target: "payments", Columns: map[string]mapping.Column{
			"account_key": {Column: "client"},
			"address":     {Column: "btc_address"},
			"amount":      {Column: "amount", Unit: "btc"},
			"txid":        {Column: "callback", JSON: "$.tx.hash"},
			"created_at":  {Column: "dt", Unit: "epoch_s"},
			"status":      {Column: "order_id", Lookup: &mapping.Lookup{Table: "orders", Key: "id", Value: "status"}},
		}},
		{Source: "users", Target: "accounts", Columns: map[string]mapping.Column{
			"account_key": {Column: "id"},
			"created_at":  {Column: "created"},
		}},
	}}
	tests := []struct {
		name    string
		got     []mapping.Table
		verdict map[string]mapping.Verdict // source.field → verdict
		score   float64
	}{
		{"identical, units spelled out", []mapping.Table{
			{Source: "Deposits", Target: "payments", Confidence: 0.9, Columns: map[string]mapping.Column{
				"account_key": {Column: "client", Confidence: 0.5},
				"address":     {Column: "btc_address"},
				"amount":      {Column: "amount", Unit: "btc"},
				"txid":        {Column: "callback", JSON: "$.tx.hash", Unit: "hex"},
				"created_at":  {Column: "dt", Unit: "epoch_s"},
				"status":      {Column: "order_id", Lookup: &mapping.Lookup{Table: "orders", Key: "id", Value: "status"}},
			}},
			{Source: "users", Target: "accounts", Columns: map[string]mapping.Column{
				"account_key": {Column: "id"},
				"created_at":  {Column: "created", Unit: "datetime"},
			}},
		}, map[string]mapping.Verdict{"deposits.txid": mapping.Kept, "users.created_at": mapping.Kept}, 1},
		{"changed, missing, extra", []mapping.Table{
			{Source: "deposits", Target: "payments", Columns: map[string]mapping.Column{
				"account_key": {Column: "id"},                   // changed
				"address":     {Column: "btc_address"},          // kept
				"amount":      {Column: "amount", Unit: "sats"}, // changed unit
				"txid":        {Column: "callback"},             // no JSON path
				"created_at":  {Column: "dt", Unit: "epoch_s"},  // kept
				"status":      {Column: "status"},               // no lookup
				"vout":        {Column: "n"},                    // extra
			}},
			{Source: "attacks", Target: "calls", Columns: map[string]mapping.Column{ // extra table
				"duration_s": {Column: "duration"},
			}},
		}, map[string]mapping.Verdict{
			"deposits.account_key": mapping.Changed, "deposits.address": mapping.Kept, "deposits.amount": mapping.Changed,
			"deposits.txid": mapping.Changed, "deposits.status": mapping.Changed, "deposits.vout": mapping.Extra,
			"attacks.duration_s": mapping.Extra, "users.account_key": mapping.Missing, "users.created_at": mapping.Missing,
		}, 2.0 / 10},
		{"nothing suggested", nil, map[string]mapping.Verdict{"deposits.address": mapping.Missing}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mapping.Compare(truth, &mapping.Mapping{Version: 1, Tables: tt.got})
			got := map[string]mapping.Verdict{}
			for _, d := range c.Fields {
				got[strings.ToLower(d.Source)+"."+d.Field] = d.Verdict
			}
			for k, v := range tt.verdict {
				if got[k] != v {
					t.Errorf("%s: %q, want %q", k, got[k], v)
				}
			}
			if c.True != 8 {
				t.Errorf("true fields %d, want 8", c.True)
			}
			if d := c.Score - tt.score; d > 1e-9 || d < -1e-9 {
				t.Errorf("score %v, want %v", c.Score, tt.score)
			}
			var b strings.Builder
			if err := c.Write(&b); err != nil || !strings.Contains(b.String(), "score ") {
				t.Errorf("Write: %v\n%s", err, b.String())
			}
		})
	}
}
