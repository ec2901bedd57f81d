package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/report"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file; run go test ./report -update and review the diff\ngot:\n%s", name, got)
	}
}

func mustWriteReferral(t *testing.T, dir string, c report.Case, r report.Referral, red report.Redaction) report.Manifest {
	t.Helper()
	m, err := report.WriteReferral(context.Background(), dir, c, r, red)
	if err != nil {
		t.Fatalf("WriteReferral: %v", err)
	}
	return m
}

func read(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWriteReferralGolden(t *testing.T) {
	dir := t.TempDir()
	m := mustWriteReferral(t, dir, sampleCase(), sampleReferral(t), report.Redaction{})
	golden(t, "referral-suspects.csv.golden", read(t, filepath.Join(dir, "NL", "suspects.csv")))
	golden(t, "referral-suspects.json.golden", read(t, filepath.Join(dir, "NL", "suspects.json")))
	golden(t, "referral-victims.csv.golden", read(t, filepath.Join(dir, "NL", "victims.csv")))

	var paths []string
	for _, f := range m.Files {
		paths = append(paths, f.Path)
	}
	want := []string{"evidence/0001-P-000017.pdf", "evidence/0002-P-000042.pdf", "orders/Bitvavo.pdf",
		"suspects.csv", "suspects.json", "suspects.xlsx", "victims.csv"}
	if strings.Join(paths, ",") != strings.Join(want, ",") {
		t.Errorf("manifest files = %v; want %v", paths, want)
	}
	var onDisk report.Manifest
	if err := json.Unmarshal(read(t, filepath.Join(dir, "NL", "manifest.json")), &onDisk); err != nil {
		t.Fatal(err)
	}
	if !onDisk.Generated.Equal(gen) || len(onDisk.Audit) != 3 || onDisk.Country != "NL" || onDisk.Rule == "" {
		t.Errorf("manifest.json = %+v; want generated %v, 3 audit lines, country NL, rule", onDisk, gen)
	}
	for _, f := range onDisk.Files {
		if len(f.SHA256) != 64 || f.Size == 0 {
			t.Errorf("manifest file %+v: want size and sha256", f)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "NL", "suspects.xlsx")); err != nil {
		t.Error(err)
	}
}

func TestWriteReferralDeterministic(t *testing.T) {
	c, r := sampleCase(), sampleReferral(t)
	r.Suspects[0].Accounts[0].Username = strings.Join(hostile[:len(hostile)-1], " ")
	a, b := t.TempDir(), t.TempDir()
	ma := mustWriteReferral(t, a, c, r, report.Redaction{})
	mb := mustWriteReferral(t, b, c, r, report.Redaction{})
	if len(ma.Files) != len(mb.Files) {
		t.Fatalf("file counts %d, %d", len(ma.Files), len(mb.Files))
	}
	for i := range ma.Files {
		if ma.Files[i] != mb.Files[i] {
			t.Errorf("run 1 %+v; run 2 %+v", ma.Files[i], mb.Files[i])
		}
	}
	if !bytes.Equal(read(t, filepath.Join(a, "NL", "manifest.json")), read(t, filepath.Join(b, "NL", "manifest.json"))) {
		t.Error("manifest.json differs between runs")
	}
}

func TestWriteReferralErrors(t *testing.T) {
	c, r := sampleCase(), sampleReferral(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		r    report.Referral
		red  report.Redaction
		ctx  func() context.Context
		want error
	}{
		{"bad country", report.Referral{Country: "../x"}, report.Redaction{}, context.Background, coinsift.ErrInvalid},
		{"lower-case country", report.Referral{Country: "nl"}, report.Redaction{}, context.Background, coinsift.ErrInvalid},
		{"unknown redaction", r, report.Redaction{Fields: []string{"emial"}}, context.Background, coinsift.ErrInvalid},
		{"canceled", r, report.Redaction{}, func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, coinsift.ErrCanceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := report.WriteReferral(tt.ctx(), dir, c, tt.r, tt.red)
			if !errors.Is(err, tt.want) {
				t.Errorf("WriteReferral = %v; want %v", err, tt.want)
			}
		})
	}
	mustWriteReferral(t, dir, c, r, report.Redaction{})
	if _, err := report.WriteReferral(context.Background(), dir, c, r, report.Redaction{}); !errors.Is(err, coinsift.ErrExists) {
		t.Errorf("second WriteReferral = %v; want ErrExists", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("dir holds %d entries; want only NL (no partial packages left)", len(entries))
	}
}

func TestWriteReferralRedaction(t *testing.T) {
	dir := t.TempDir()
	r := sampleReferral(t)
	m := mustWriteReferral(t, dir, sampleCase(), r, report.Redaction{Fields: []string{"email", "phone", "ip", "victims"}})
	if strings.Join(m.Redacted, ",") != "email,ip,phone,victims" {
		t.Errorf("Redacted = %v", m.Redacted)
	}
	if _, err := os.Stat(filepath.Join(dir, "NL", "victims.csv")); !os.IsNotExist(err) {
		t.Errorf("victims.csv written although redacted: %v", err)
	}
	for _, name := range []string{"suspects.csv", "suspects.json"} {
		b := string(read(t, filepath.Join(dir, "NL", name)))
		for _, secret := range []string{"@proton.me", "+31612340001", "145.53.12."} {
			if strings.Contains(b, secret) {
				t.Errorf("%s contains redacted %q", name, secret)
			}
		}
	}
	if r.Suspects[0].Accounts[0].Emails[0] == "[redacted]" {
		t.Error("WriteReferral modified the caller's referral")
	}
	r.VictimsAllowed = false
	dir2 := t.TempDir()
	if mustWriteReferral(t, dir2, sampleCase(), r, report.Redaction{}); fileExists(filepath.Join(dir2, "NL", "victims.csv")) {
		t.Error("victims.csv written although not allowed")
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func TestWriteReferralHostile(t *testing.T) {
	c, r := sampleCase(), sampleReferral(t)
	s := &r.Suspects[0]
	for i, h := range hostile {
		s.Reasons = append(s.Reasons, h)
		s.Accounts = append(s.Accounts, report.Account{Key: h, Username: h, Emails: []string{h}, Provenance: h})
		s.Placement = append(s.Placement, report.Signal{Kind: "note", Value: h, Detail: h})
		s.Payments = append(s.Payments, report.Payment{Invoice: h, Address: h, Status: h, RateSource: h, TxID: txid(t, h), Vout: uint32(i)})
	}
	r.Orders = append(r.Orders, report.ProductionOrder{Exchange: "../../" + hostile[0], Jurisdiction: "XX",
		Items: []report.Withdrawal{{Person: hostile[1], Address: hostile[2]}}})
	c.Name = hostile[0]
	dir := t.TempDir()
	m := mustWriteReferral(t, dir, c, r, report.Redaction{})
	for _, f := range m.Files {
		if strings.Contains(f.Path, "..") || strings.ContainsAny(f.Path, "<>\"'\\ ") {
			t.Errorf("unsafe file name %q", f.Path)
		}
	}

	// CSV: no cell may start with a formula trigger.
	recs, err := csv.NewReader(bytes.NewReader(read(t, filepath.Join(dir, "NL", "suspects.csv")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		for _, v := range rec {
			checkCell(t, "suspects.csv", v)
		}
	}
	// XLSX: every cell a string or number, never a formula; text is a
	// string cell shown as it is, without the CSV's apostrophe.
	x, err := excelize.OpenFile(filepath.Join(dir, "NL", "suspects.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, sh := range x.GetSheetList() {
		rows, err := x.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if f, _ := x.GetCellFormula(sh, ref); f != "" {
					t.Errorf("xlsx %s!%s has formula %q", sh, ref, f)
				}
				checkXLSXCell(t, x, sh, ref, v)
			}
		}
	}
	// JSON keeps the full value, including the 1 MB string.
	var js struct{ Suspects []report.Suspect }
	if err := json.Unmarshal(read(t, filepath.Join(dir, "NL", "suspects.json")), &js); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range js.Suspects {
		for _, a := range s.Accounts {
			found = found || len(a.Username) == 1<<20
		}
	}
	if !found {
		t.Error("suspects.json lost the 1 MB username")
	}
	// PDFs: no raw markup-ish escape of the PDF string syntax, and the
	// display copy is clipped.
	for _, f := range m.Files {
		if strings.HasSuffix(f.Path, ".pdf") && f.Size > 4<<20 {
			t.Errorf("%s is %d bytes: long values not clipped", f.Path, f.Size)
		}
	}
}

// checkXLSXCell checks one workbook cell: a value starting with a formula
// trigger is a string cell (never evaluated) unless it is a plain number in
// a number cell; no raw bidi override; long values clipped.
func checkXLSXCell(t *testing.T, x *excelize.File, sh, ref, v string) {
	t.Helper()
	if strings.HasPrefix(v, "'") {
		t.Errorf("xlsx %s!%s = %.40q: apostrophe prepended", sh, ref, v)
	}
	if strings.ContainsRune(v, '\u202e') {
		t.Errorf("xlsx %s!%s = %.40q holds a raw bidi override", sh, ref, v)
	}
	if len(v) > 5000 {
		t.Errorf("xlsx %s!%s: cell of %d bytes not clipped", sh, ref, len(v))
	}
	if v == "" || !strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return
	}
	typ, err := x.GetCellType(sh, ref)
	if err != nil {
		t.Fatal(err)
	}
	_, nerr := strconv.ParseFloat(v, 64)
	if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString && (nerr != nil || typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
		t.Errorf("xlsx %s!%s = %.40q starts with a formula trigger in a cell of type %d, not a string", sh, ref, v, typ)
	}
}

func checkCell(t *testing.T, file, v string) {
	t.Helper()
	if v == "" {
		return
	}
	if _, err := strconv.ParseFloat(v, 64); err != nil && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		t.Errorf("%s cell %.40q starts with a formula trigger", file, v)
	}
	if strings.ContainsRune(v, '\u202e') {
		t.Errorf("%s cell %.40q holds a raw bidi override", file, v)
	}
	if len(v) > 5000 {
		t.Errorf("%s cell of %d bytes not clipped", file, len(v))
	}
}
