package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/report"
)

// TestReferralPDFsRendered renders every PDF of a demo's packages — the
// evidence sheets, the production-order drafts and the case summary — to
// PNG with poppler's pdftoppm, as a recipient's viewer would, and reads
// their text back with pdftotext to check what issue 17 found empty or
// wrong: an order names the exchange's jurisdiction, the requesting
// authority, the legal basis and the officer (or an explicit placeholder,
// never a blank), and for each withdrawal the full txid, the block time in
// UTC, the exchange's sending and the customer's receiving addresses, the
// amount withdrawn and its value with the rate's source; an evidence sheet
// keeps verified money apart and gives every heuristic's measured rates.
//
// It runs with COINSIFT_INTEGRATION=1 and needs poppler-utils. With
// COINSIFT_RENDER_OUT set, the PNGs are kept there for a person to look at.
func TestReferralPDFsRendered(t *testing.T) {
	if os.Getenv("COINSIFT_INTEGRATION") != "1" {
		t.Skip("set COINSIFT_INTEGRATION=1 to render the referral PDFs")
	}
	for _, tool := range []string{"pdftoppm", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: apt-get install poppler-utils", tool)
		}
	}
	demo := filepath.Join(t.TempDir(), "demo")
	mustRun(t, "demo", "--scale", "tiny", "--out", demo)
	pngs := os.Getenv("COINSIFT_RENDER_OUT")
	if pngs == "" {
		pngs = t.TempDir()
	}
	render := func(pdf string) {
		t.Helper()
		prefix := filepath.Join(pngs, strings.NewReplacer(string(filepath.Separator), "_", ".pdf", "").Replace(strings.TrimPrefix(pdf, demo+string(filepath.Separator))))
		if b, err := exec.Command("pdftoppm", "-png", "-r", "40", pdf, prefix).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm %s: %v\n%s", pdf, err, b)
		}
		got, _ := filepath.Glob(prefix + "*.png")
		if len(got) == 0 {
			t.Fatalf("pdftoppm %s: no page rendered", pdf)
		}
		for _, p := range got {
			if fi, err := os.Stat(p); err != nil || fi.Size() < 2000 {
				t.Errorf("%s: rendered page %s is empty (%v)", pdf, p, err)
			}
		}
	}

	txid := regexp.MustCompile(`Transaction id \(txid\)\s+([0-9a-f]{64})\b`)
	blank := regexp.MustCompile(`\(jurisdiction\s*\)|law of \.|jurisdiction\s*$|To:\s*$|£0\.00\)`)
	pkgs, err := filepath.Glob(filepath.Join(demo, "referrals", "[A-Z][A-Z]"))
	if err != nil || len(pkgs) == 0 {
		t.Fatalf("no packages in %s (%v)", demo, err)
	}
	orders, sheets := 0, 0
	for _, pkg := range pkgs {
		var f struct {
			Suspects []report.Suspect `json:"suspects"`
		}
		if err := json.Unmarshal(readFile(t, filepath.Join(pkg, "suspects.json")), &f); err != nil {
			t.Fatal(err)
		}
		// Every withdrawal txid the package's suspects were funded by.
		want := map[string]bool{}
		for _, s := range f.Suspects {
			for _, p := range s.Payments {
				if strings.Contains(p.Rate, ".") && strings.HasSuffix(p.Rate, "0") {
					t.Errorf("%s person %s: rate %q printed with the database's trailing zeros", filepath.Base(pkg), s.Person, p.Rate)
				}
			}
			for _, src := range s.Sources {
				for _, w := range src.Withdrawals {
					want[w.TxID.String()] = true
				}
			}
		}
		ords, _ := filepath.Glob(filepath.Join(pkg, "orders", "*.pdf"))
		seen := map[string]bool{}
		for _, o := range ords {
			orders++
			render(o)
			text := pdfToText(t, o)
			for _, label := range []string{"To: ", "Requesting authority: ", "Officer in charge: ", "Case reference: ", "Order: ",
				"Block time (UTC)", "Exchange's sending", "Customer's receiving", "Amount withdrawn", "Value at block time", "Our reference"} {
				if !strings.Contains(text, label) {
					t.Errorf("%s: no %q", o, label)
				}
			}
			if m := blank.FindString(text); m != "" {
				t.Errorf("%s: a field is blank: %q", o, m)
			}
			ms := txid.FindAllStringSubmatch(text, -1)
			if len(ms) == 0 {
				t.Errorf("%s: no withdrawal with a full txid", o)
			}
			for _, m := range ms {
				if seen[m[1]] {
					t.Errorf("%s: withdrawal %s listed twice", o, m[1])
				}
				seen[m[1]] = true
			}
			if n := strings.Count(text, "Value at block time"); n != len(ms) {
				t.Errorf("%s: %d withdrawals, %d values at block time", o, len(ms), n)
			}
		}
		for id := range want {
			if !seen[id] {
				t.Errorf("%s: withdrawal %s of the suspects' funding is in no production order", filepath.Base(pkg), id)
			}
		}
		evs, _ := filepath.Glob(filepath.Join(pkg, "evidence", "*.pdf"))
		if len(evs) != len(f.Suspects) {
			t.Errorf("%s: %d evidence sheets for %d suspects", pkg, len(evs), len(f.Suspects))
		}
		for i, e := range evs {
			sheets++
			if i < 3 { // rendering every sheet adds nothing the text check does not
				render(e)
			}
			text := pdfToText(t, e)
			for _, label := range []string{"Received on chain", "Verified", "Received, not verified", "Why these accounts are one person",
				"linking", "valuation", "persons", "placement"} {
				if !strings.Contains(text, label) {
					t.Errorf("%s: no %q", e, label)
				}
			}
			if strings.Contains(text, "Paid (verified)") {
				t.Errorf("%s: still calls all money received \"Paid (verified)\"", e)
			}
		}
	}
	sum := filepath.Join(demo, "summary", "summary.pdf")
	render(sum)
	text := pdfToText(t, sum)
	for _, label := range []string{"Payments verified on chain", "Value of verified payments", "Late payments", "Partial payments",
		"Value received on chain"} {
		if !strings.Contains(text, label) {
			t.Errorf("%s: no %q: verified money not kept apart from the rest", sum, label)
		}
	}
	if orders == 0 || sheets == 0 {
		t.Fatalf("rendered %d orders and %d evidence sheets; want some of each", orders, sheets)
	}
	t.Logf("rendered %d production orders, %d evidence sheets and the summary (PNGs in %s)", orders, sheets, pngs)
}
