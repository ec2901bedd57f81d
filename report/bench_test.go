package report_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/coinsift/coinsift/report"
)

// BenchmarkWriteReferral writes a package of 1,000 suspects (1,000 evidence
// sheets, one order with 1,000 withdrawals): go test ./report -bench . -benchmem
func BenchmarkWriteReferral(b *testing.B) {
	c, r := sampleCase(), sampleReferral(b)
	r.Suspects = r.Suspects[:0]
	r.Orders[0].Items = r.Orders[0].Items[:0]
	for i := 1; i <= 1000; i++ {
		s := sampleSuspect(b, i, fmt.Sprintf("P-%06d", i), "user"+strconv.Itoa(i))
		r.Suspects = append(r.Suspects, s)
		src := s.Sources[0]
		r.Orders[0].Items = append(r.Orders[0].Items, report.Withdrawal{Person: s.Person, Account: s.Accounts[0].Key,
			TxID: src.WithdrawalTxID, Height: src.WithdrawalHeight, Time: src.WithdrawalTime, Address: "bc1qcustomer", Sats: src.Sats, Value: gbp(24500)})
	}
	dir := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := report.WriteReferral(context.Background(), filepath.Join(dir, strconv.Itoa(i)), c, r, report.Redaction{}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
