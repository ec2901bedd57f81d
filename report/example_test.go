package report_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/report"
)

func ExampleWriteReferral() {
	dir, _ := os.MkdirTemp("", "referrals")
	defer os.RemoveAll(dir)
	at := time.Date(2022, 11, 24, 9, 30, 0, 0, time.UTC)
	c := report.Case{
		Name: "iSpoof", Generated: at, Currency: "GBP", RuleName: "partner-nl",
		Rule:         "country in (NL) and paid >= 100.00 GBP",
		AuditExcerpt: []report.AuditLine{{Seq: 7, Time: at, User: "dc.smith", Command: "coinsift triage run"}},
	}
	r := report.Referral{
		Country: "NL", Agency: "Politie (NL)",
		Suspects: []report.Suspect{{Rank: 1, Person: "P-17", Country: "NL", Confidence: 0.9,
			Received: coinsift.Money{Minor: 24050, Currency: "GBP"}}},
	}
	m, err := report.WriteReferral(context.Background(), dir, c, r, report.Redaction{Fields: []string{"phone"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range m.Files {
		fmt.Println(f.Path)
	}
	_, err = os.Stat(filepath.Join(dir, "NL", "manifest.json"))
	fmt.Println("manifest written:", err == nil)
	// Output:
	// evidence/0001-P-17.pdf
	// suspects.csv
	// suspects.json
	// suspects.xlsx
	// manifest written: true
}

func ExampleWriteSummary() {
	dir, _ := os.MkdirTemp("", "summary")
	defer os.RemoveAll(dir)
	s := report.Summary{
		Case:              report.Case{Name: "iSpoof", Generated: time.Date(2022, 11, 24, 9, 30, 0, 0, time.UTC), Currency: "GBP"},
		Users:             59000,
		SuspectsByCountry: map[coinsift.Country]int{"GB": 3, "NL": 1},
	}
	m, err := report.WriteSummary(context.Background(), filepath.Join(dir, "summary"), s)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Kind, len(m.Files))
	// Output: summary 2
}
