package term

import (
	"bytes"
	"strings"
	"testing"
)

func TestTableKeepsIdentifiersWhole(t *testing.T) {
	txid := strings.Repeat("ab", 32)
	addr := "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"
	long := strings.Repeat("free text ", 10)
	tests := []struct {
		name, cell, want string
	}{
		{"txid", txid, txid},
		{"outpoint", txid + ":4294967295", txid + ":4294967295"},
		{"p2wsh address", addr, addr},
		{"payment reference", "src_invoices#10569", "src_invoices#10569"},
		{"free text", long, string([]rune(long)[:MaxCell-1]) + "…"},
		{"long word of non-ASCII", strings.Repeat("é", 70), strings.Repeat("é", MaxCell-1) + "…"},
		{"very long token", strings.Repeat("x", 500), strings.Repeat("x", MaxCell-1) + "…"},
		{"short", "GB", "GB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Table(&b, []string{"H"}, [][]string{{tt.cell}}); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
			if got := strings.TrimSpace(lines[1]); got != tt.want {
				t.Errorf("cell = %q; want %q", got, tt.want)
			}
		})
	}
}
