package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/report"
)

// loCSV is LibreOffice's CSV export filter: comma, double quote, UTF-8,
// raw values rather than as shown (token 9 false), no formulas, every
// sheet to its own file (token 12 -1, LibreOffice 7.2 and later).
const loCSV = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`

// TestReferralWorkbooksLibreOffice opens every suspects.xlsx of a demo run,
// and of a package with hostile text, in LibreOffice Calc (headless) as a
// recipient would, and converts it back to CSV (every sheet), to ODS and
// to PDF. It checks that the values read back equal what the package's
// suspects.csv and suspects.json say (numbers after rounding, times as
// instants), that no text was evaluated as a formula, that phone numbers
// read back as written, that money, BTC and time cells are typed, that
// LibreOffice sees an autofilter on every sheet and shows the number
// formats on paper. Page 1 of each PDF is rendered to PNG (pdftoppm) into
// $COINSIFT_RENDER_OUT when that is set, for a person to look at.
//
// It runs with COINSIFT_INTEGRATION=1 and needs soffice (Debian package
// libreoffice-calc). COINSIFT_LIBREOFFICE_DEMO=<dir> checks the packages
// of an existing `coinsift demo --out <dir>` instead of running a tiny demo.
func TestReferralWorkbooksLibreOffice(t *testing.T) {
	if os.Getenv("COINSIFT_INTEGRATION") != "1" {
		t.Skip("set COINSIFT_INTEGRATION=1 to open the referral workbooks in LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not found: install LibreOffice Calc (apt-get install libreoffice-calc) to check the workbooks")
	}
	demo := os.Getenv("COINSIFT_LIBREOFFICE_DEMO")
	if demo == "" {
		demo = filepath.Join(t.TempDir(), "demo")
		mustRun(t, "demo", "--scale", "tiny", "--out", demo)
	}
	pkgs, err := filepath.Glob(filepath.Join(demo, "referrals", "[A-Z][A-Z]"))
	if err != nil || len(pkgs) == 0 {
		t.Fatalf("no referral packages in %s (%v)", demo, err)
	}
	hostile := filepath.Join(t.TempDir(), "hostile")
	writeHostileReferral(t, hostile)
	pkgs = append(pkgs, filepath.Join(hostile, "GB"))

	// One LibreOffice run per output format over all workbooks, each
	// copied to <name>.xlsx so that the outputs do not collide.
	work := t.TempDir()
	in := filepath.Join(work, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	var books []string
	name := func(pkg string) string { return filepath.Base(filepath.Dir(pkg)) + "-" + filepath.Base(pkg) }
	for _, pkg := range pkgs {
		b := filepath.Join(in, name(pkg)+".xlsx")
		if err := os.WriteFile(b, readFile(t, filepath.Join(pkg, "suspects.xlsx")), 0o644); err != nil {
			t.Fatal(err)
		}
		books = append(books, b)
	}
	out := filepath.Join(work, "out")
	profile := "file://" + filepath.Join(work, "profile") // never the user's own profile
	for _, to := range []string{loCSV, "ods", "pdf"} {
		args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", to, "--outdir", out}, books...)
		cmd := exec.Command(soffice, args...)
		cmd.Env = append(os.Environ(), "HOME="+work)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, b)
		}
	}

	var typed, cells int
	for _, pkg := range pkgs {
		n := name(pkg)
		t.Run(n, func(t *testing.T) {
			ty, all := checkWorkbook(t, pkg, filepath.Join(out, n))
			typed, cells = typed+ty, cells+all
			if _, err := os.Stat(filepath.Join(out, n+".pdf")); err != nil {
				t.Errorf("LibreOffice wrote no PDF: %v", err)
			}
		})
	}
	t.Logf("money, BTC and time cells typed: %d of %d", typed, cells)
	if cells == 0 || float64(typed) < 0.95*float64(cells) {
		t.Errorf("money, BTC and time cells typed: %d of %d; want at least 95%%", typed, cells)
	}

	// The hostile text reads back exactly as seized: not evaluated, no
	// apostrophe, phone numbers not turned into numbers.
	sus := readCSV(t, filepath.Join(out, "hostile-GB-Suspects.csv"))
	for i, want := range [][2]string{
		{"=1+1", "+447700900123; +447700900124"},
		{"+SUM(1+1)*cmd|' /C calc'!A0", "+447700900125"},
		{"@SUM(A1)", "+44 7700 900126"},
	} {
		row := byHeader(sus[0], sus[i+1])
		if row["usernames"] != want[0] || row["phones"] != want[1] {
			t.Errorf("hostile suspect %d reads back as username %q, phones %q; want %q, %q", i+1, row["usernames"], row["phones"], want[0], want[1])
		}
	}

	// What a recipient sees on paper: the hostile package's Suspects sheet
	// shows the formats and the seized text as it is.
	text := pdfToText(t, filepath.Join(out, "hostile-GB.pdf"))
	for _, want := range []string{"=1+1", "+447700900123; +447700900124", "+447700900125", "£1,234.56", "0.01234567",
		"2021-02-04 14:05:09 UTC", "28,403.27", "0.763"} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's PDF of the hostile workbook does not show %q", want)
		}
	}
	if render := os.Getenv("COINSIFT_RENDER_OUT"); render != "" {
		if _, err := exec.LookPath("pdftoppm"); err == nil {
			for _, pkg := range pkgs {
				n := name(pkg)
				pages := []string{"-f", "1", "-l", "1"}
				if n == "hostile-GB" {
					pages = nil // every page: the hostile text is on the second
				}
				args := append([]string{"-png", "-r", "70"}, pages...)
				cmd := exec.Command("pdftoppm", append(args, filepath.Join(out, n+".pdf"), filepath.Join(render, n))...)
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("pdftoppm %s: %v\n%s", n, err, b)
				}
			}
			t.Logf("page 1 of each workbook (every page of the hostile one) as LibreOffice prints it: %s/*.png", render)
		}
	}
}

// checkWorkbook compares LibreOffice's reading of pkg/suspects.xlsx (the
// CSVs and ODS at base-<Sheet>.csv and base.ods) with the package's
// suspects.csv and suspects.json. It returns how many money, BTC and time
// values are typed cells in the workbook, and how many there are.
func checkWorkbook(t *testing.T, pkg, base string) (typed, all int) {
	var js struct {
		Generated time.Time        `json:"generated"`
		Suspects  []report.Suspect `json:"suspects"`
	}
	if err := json.Unmarshal(readFile(t, filepath.Join(pkg, "suspects.json")), &js); err != nil {
		t.Fatal(err)
	}
	want := readCSV(t, filepath.Join(pkg, "suspects.csv"))
	sus := readCSV(t, base+"-Suspects.csv")
	if len(sus) != len(want) {
		t.Fatalf("Suspects sheet: %d rows; suspects.csv has %d", len(sus), len(want))
	}
	cols := map[string]func(x, c string) bool{
		"confidence": near(3), "score": near(3), "received": near(2), "verified": near(2), "late": near(2), "partial": near(2), "amount_mismatch": near(2), "paid_again": near(2), "paid_btc": near(8),
	}
	for i := range want {
		if len(sus[i]) != len(want[i]) {
			t.Fatalf("Suspects row %d: %d columns; suspects.csv has %d", i+1, len(sus[i]), len(want[i]))
		}
		for j, c := range want[i] {
			x, col := sus[i][j], want[0][j]
			eq := cols[col]
			if i == 0 || eq == nil {
				eq = sameText
			}
			if !eq(x, c) {
				t.Errorf("Suspects row %d %s: LibreOffice reads %.60q; suspects.csv has %.60q", i+1, col, x, c)
			}
		}
	}

	pay := readCSV(t, base+"-Payments.csv")
	fund := readCSV(t, base+"-Funding.csv")
	pi, fi := 1, 1
	for _, s := range js.Suspects {
		for _, p := range s.Payments {
			if pi >= len(pay) {
				t.Fatalf("Payments sheet: %d rows; suspects.json has more payments", len(pay))
			}
			row := byHeader(pay[0], pay[pi])
			pi++
			checkFields(t, "Payments", pi, row, map[string]bool{
				"rank": row["rank"] == strconv.Itoa(s.Rank), "person": row["person"] == s.Person,
				"account": row["account"] == s.Accounts[0].Key || hasAccount(s, row["account"]),
				"txid":    row["txid"] == p.TxID.String(), "vout": row["vout"] == strconv.Itoa(int(p.Vout)),
				"height":           row["height"] == strconv.Itoa(int(p.Height)),
				"block_time (UTC)": sameTime(row["block_time (UTC)"], p.BlockTime),
				"btc":              near(8)(row["btc"], p.Sats.String()),
				"value":            near(2)(row["value"], minor(p.Value)), "currency": row["currency"] == p.Value.Currency,
				"rate":            p.Rate == "" && row["rate"] == "" || near(2)(row["rate"], p.Rate),
				"rate_time (UTC)": sameTime(row["rate_time (UTC)"], p.RateTime), "status": row["status"] == p.Status,
			})
		}
		for _, src := range s.Sources {
			if fi >= len(fund) {
				t.Fatalf("Funding sheet: %d rows; suspects.json has more sources", len(fund))
			}
			row := byHeader(fund[0], fund[fi])
			fi++
			checkFields(t, "Funding", fi, row, map[string]bool{
				"rank": row["rank"] == strconv.Itoa(s.Rank), "exchange": row["exchange"] == src.Exchange,
				"share": near(3)(row["share"], strconv.FormatFloat(src.Share, 'f', -1, 64)),
				"btc":   near(8)(row["btc"], src.Sats.String()), "hops": row["hops"] == strconv.Itoa(src.Hops),
				"withdrawal_txid":       row["withdrawal_txid"] == src.WithdrawalTxID.String(),
				"withdrawal_height":     row["withdrawal_height"] == strconv.Itoa(int(src.WithdrawalHeight)),
				"withdrawal_time (UTC)": sameTime(row["withdrawal_time (UTC)"], src.WithdrawalTime),
			})
		}
	}
	if pi != len(pay) || fi != len(fund) {
		t.Errorf("Payments %d rows, Funding %d rows; suspects.json has %d payments, %d sources", len(pay)-1, len(fund)-1, pi-1, fi-1)
	}
	for _, r := range readCSV(t, base+"-Case.csv") {
		if len(r) == 2 && r[0] == "generated (UTC)" && !sameTime(r[1], js.Generated) {
			t.Errorf("Case sheet: generated %q; suspects.json has %v", r[1], js.Generated)
		}
	}

	// Typed cells, counted in the workbook itself.
	x, err := excelize.OpenFile(filepath.Join(pkg, "suspects.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for sh, names := range map[string][]string{"Suspects": {"received", "verified", "paid_btc"},
		"Payments": {"block_time (UTC)", "btc", "value", "rate_time (UTC)"}, "Funding": {"btc"}} {
		grid, err := x.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for j, h := range grid[0] {
			if !contains(names, h) {
				continue
			}
			for i := 1; i < len(grid); i++ {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				ct, _ := x.GetCellType(sh, ref)
				if v, _ := x.GetCellValue(sh, ref); v == "" {
					continue // no value (a time not known)
				}
				all++
				if ct == excelize.CellTypeUnset || ct == excelize.CellTypeNumber {
					typed++
				}
			}
		}
	}

	// LibreOffice sees one autofilter per sheet.
	content := zipEntry(t, base+".ods", "content.xml")
	if n := strings.Count(content, `table:display-filter-buttons="true"`); n != 4 {
		t.Errorf("LibreOffice finds %d sheets with an autofilter; want 4", n)
	}
	return typed, all
}

// writeHostileReferral writes dir/GB with usernames that are formulas and
// UK phone numbers, alone and joined.
func writeHostileReferral(t *testing.T, dir string) {
	gen := time.Date(2022, 11, 24, 9, 30, 0, 0, time.UTC)
	bt := time.Date(2021, 2, 4, 14, 5, 9, 0, time.UTC)
	sus := func(rank int, user string, phones ...string) report.Suspect {
		key := fmt.Sprintf("%05d", 10568+rank)
		return report.Suspect{
			Rank: rank, Person: fmt.Sprintf("P-%06d", rank), Country: "GB", Confidence: 0.763272329044081,
			Accounts: []report.Account{{Key: key, Username: user, Phones: phones, Created: bt.AddDate(0, -1, 0)}},
			Received: coinsift.Money{Minor: 123456, Currency: "GBP"}, Verified: coinsift.Money{Minor: 123456, Currency: "GBP"},
			Payments: []report.Payment{{Account: key, Invoice: "src_invoices#" + key, Address: "bc1qservice", Vout: 1, Height: 670001,
				BlockTime: bt, Sats: 1_234_567, Value: coinsift.Money{Minor: 123456, Currency: "GBP"}, Rate: "28403.270738000000",
				RateSource: "coindesk-bpi-gbp", RateTime: bt.Truncate(24 * time.Hour), Status: "verified"}},
			Sources: []report.Source{{Exchange: "binance", Jurisdiction: "MT", Share: 2.0 / 3, Sats: 1_250_000, Hops: 1,
				WithdrawalHeight: 670000, WithdrawalTime: bt.Add(-time.Hour), Address: "bc1qexchange", Model: "poison"}},
			Calls: 12, Victims: 7, Score: 1.23456, Reasons: []string{"paid £1,234.56 >= £100"},
		}
	}
	r := report.Referral{Country: "GB", Agency: "National Crime Agency (GB)", Suspects: []report.Suspect{
		sus(1, "=1+1", "+447700900123", "+447700900124"),
		sus(2, "+SUM(1+1)*cmd|' /C calc'!A0", "+447700900125"),
		sus(3, "@SUM(A1)", "+44 7700 900126"),
	}}
	c := report.Case{Name: "hostile", Generated: gen, Currency: "GBP", Rule: "paid >= 100.00 GBP", RuleName: "default"}
	if _, err := report.WriteReferral(context.Background(), dir, c, r, report.Redaction{}); err != nil {
		t.Fatal(err)
	}
}

// sameText compares a string cell read back by LibreOffice with the CSV
// cell: where the CSV put an apostrophe before a formula trigger, the
// workbook shows the text without it, as seized. (A seized value that
// itself starts with an apostrophe and a trigger would read as one the
// CSV added; the demo has none.)
func sameText(x, c string) bool {
	if len(c) > 1 && c[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(c[1])) {
		return x == c[1:]
	}
	return x == c
}

// near returns a comparison of two decimals after rounding to places.
func near(places int) func(x, c string) bool {
	return func(x, c string) bool {
		if x == "" || c == "" {
			return x == c
		}
		a, err1 := strconv.ParseFloat(x, 64)
		b, err2 := strconv.ParseFloat(c, 64)
		p := math.Pow10(places)
		return err1 == nil && err2 == nil && math.Round(a*p) == math.Round(b*p)
	}
}

// sameTime compares a date read back by LibreOffice ("2021-02-04 14:05:09",
// UTC) with an instant; an empty cell matches the zero time.
func sameTime(x string, want time.Time) bool {
	if want.IsZero() {
		return x == ""
	}
	got, err := time.Parse("2006-01-02 15:04:05", x)
	return err == nil && got.Equal(want.UTC().Truncate(time.Second))
}

func minor(m coinsift.Money) string { return strconv.FormatFloat(float64(m.Minor)/100, 'f', 2, 64) }

func hasAccount(s report.Suspect, key string) bool {
	for _, a := range s.Accounts {
		if a.Key == key {
			return true
		}
	}
	return false
}

func checkFields(t *testing.T, sheet string, row int, got map[string]string, ok map[string]bool) {
	t.Helper()
	for f, good := range ok {
		if !good {
			t.Errorf("%s row %d: %s reads back as %.60q, not as the package's JSON says", sheet, row, f, got[f])
		}
	}
}

func byHeader(header, row []string) map[string]string {
	m := make(map[string]string, len(header))
	for i, h := range header {
		if i < len(row) {
			m[h] = row[i]
		}
	}
	return m
}

func contains(ss []string, s string) bool {
	for _, v := range ss {
		if v == s {
			return true
		}
	}
	return false
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readCSV(t *testing.T, p string) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(readFile(t, p)))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return recs
}

func zipEntry(t *testing.T, p, name string) string {
	t.Helper()
	z, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func pdfToText(t *testing.T, p string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (apt-get install poppler-utils)")
	}
	b, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", p, err)
	}
	return string(b)
}
