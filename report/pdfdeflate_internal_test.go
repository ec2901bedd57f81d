package report

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift"
)

// testSuspect returns a suspect with n payments; hostile text goes into
// every free-text field.
func testSuspect(rank, n int, hostile string) Suspect {
	bt := time.Date(2021, 6, 3, 14, 5, 9, 0, time.UTC)
	s := Suspect{
		Rank: rank, Person: fmt.Sprintf("P-%06d", rank), Country: "NL", Confidence: 0.93,
		Accounts: []Account{{Key: fmt.Sprintf("u%05d", rank), Username: "user" + hostile,
			Emails: []string{"x@proton.me", hostile}, Phones: []string{"+31612340000"}, IPs: []string{"145.53.12.7"},
			Created: bt.AddDate(0, -2, 0), Provenance: "evidence 5891b5b5, table users, row 12"}},
		Placement: []Signal{{Kind: "phone", Value: "+31612340000", Detail: "E.164 country code 31", Country: "NL", Weight: 0.6},
			{Kind: "ip", Value: hostile, Detail: "GeoLite2-Country", Country: "NL", Weight: 0.4}},
		Conflicts: []coinsift.Country{"BE"}, Received: coinsift.Money{Minor: 24050, Currency: "GBP"}, Verified: coinsift.Money{Minor: 24050, Currency: "GBP"},
		Sources: []Source{{Exchange: "Bitvavo", Jurisdiction: "NL", Share: 1, Sats: 1_250_000, Hops: 1,
			WithdrawalTxID: coinsift.TxID(sha256.Sum256([]byte(hostile))), WithdrawalHeight: 689990,
			WithdrawalTime: bt.Add(-90 * time.Minute), Address: "bc1qexchange", Model: "poison"}},
		Calls: 120, Victims: 80, Score: 0.8, Reasons: []string{"placed NL", hostile}, OtherAccounts: []string{hostile},
	}
	for i := range n {
		s.Payments = append(s.Payments, Payment{Account: s.Accounts[0].Key, Invoice: fmt.Sprintf("inv-%d", i),
			Address: "bc1qspoofservice", TxID: coinsift.TxID(sha256.Sum256([]byte(fmt.Sprint(rank, i)))), Vout: uint32(i % 3),
			Height: coinsift.Height(690000 + i), BlockTime: bt.Add(time.Duration(i) * time.Hour), Sats: coinsift.Sats(1000 * i),
			Value: coinsift.Money{Minor: int64(100 * i), Currency: "GBP"}, Rate: "19480.21", RateSource: "coindesk-bpi-gbp",
			RateTime: bt, RateEvidence: "evidence 1a2b3c4d, row 812", Status: "verified", Provenance: hostile})
	}
	return s
}

// TestDeflaterMatchesFpdf checks that documents written uncompressed and
// deflated by a reused deflater are byte for byte what fpdf writes with
// compression on, for one-page and long documents and hostile text.
func TestDeflaterMatchesFpdf(t *testing.T) {
	c := Case{Name: "Operation Elaborate", Generated: time.Date(2022, 11, 24, 9, 30, 0, 0, time.UTC), Currency: "GBP",
		Rule: "paid >= 100.00 GBP", RuleName: "default", Notes: []string{"Values at block time."},
		AuditExcerpt: []AuditLine{{Seq: 7, Time: time.Date(2022, 11, 24, 9, 30, 0, 0, time.UTC), User: "dc", Command: "coinsift triage run"}},
		Heuristics:   []Heuristic{{Name: "multi-input", Version: "2", Precision: 0.998, Recall: 0.91, Measured: "small world"}}}
	r := Referral{Country: "NL", Agency: "Politie (NL)"}
	builds := map[string]func() *doc{
		"summary": func() *doc { return summaryDoc(Summary{Case: c}, nil) },
		"order": func() *doc {
			o := ProductionOrder{Exchange: "Bitvavo", Jurisdiction: "NL"}
			for i := range 400 {
				o.Items = append(o.Items, Withdrawal{Person: fmt.Sprint("P-", i), Account: "u1", Time: c.Generated, Sats: coinsift.Sats(i)})
			}
			return orderDoc(c, r, o)
		},
	}
	for i, h := range []string{"", `(parens) \backslash) %PDF endstream endobj xref`, "emoji 😀 café \u202egnp", strings.Repeat("A", 1<<16)} {
		for _, n := range []int{0, 1, 60, 300} {
			builds[fmt.Sprintf("evidence-%d-%d", i, n)] = func() *doc { return evidenceDoc(c, r, testSuspect(i+1, n, h)) }
		}
	}
	z := new(deflater) // shared, to exercise reuse
	for name, build := range builds {
		want := build()
		want.f.SetCompression(true)
		var b bytes.Buffer
		if err := want.f.Output(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := build().bytes(z)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, b.Bytes()) {
			t.Errorf("%s: deflated document (%d bytes) differs from fpdf's (%d bytes)", name, len(got), b.Len())
		}
	}
}

// TestDeflaterRejectsUnknownLayout checks that input not laid out as fpdf
// lays out documents is an error, not a corrupt PDF.
func TestDeflaterRejectsUnknownLayout(t *testing.T) {
	d := evidenceDoc(Case{Name: "x"}, Referral{Country: "NL"}, testSuspect(1, 2, ""))
	var b bytes.Buffer
	if err := d.f.Output(&b); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	for name, in := range map[string][]byte{
		"empty":         nil,
		"no eof":        good[:len(good)-1],
		"truncated":     good[:len(good)/2],
		"bad startxref": bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1),
		"longer stream": bytes.Replace(good, []byte("<</Length "), []byte("<</Length 1"), 1),
	} {
		if _, err := new(deflater).compressPages(in); !errors.Is(err, errLayout) {
			t.Errorf("%s: got error %v, want errLayout", name, err)
		}
	}
}

// BenchmarkEvidencePDF renders one evidence sheet of 20 payments.
func BenchmarkEvidencePDF(b *testing.B) {
	c := Case{Name: "Operation Elaborate", Generated: time.Date(2022, 11, 24, 9, 30, 0, 0, time.UTC), Currency: "GBP"}
	r := Referral{Country: "NL", Agency: "Politie (NL)"}
	s := testSuspect(1, 20, "")
	z := new(deflater)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evidencePDF(z, c, r, s); err != nil {
			b.Fatal(err)
		}
	}
}
