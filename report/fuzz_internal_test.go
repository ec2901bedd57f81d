package report

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzCells feeds arbitrary text through the CSV and XLSX writers and checks
// that no cell can act as a formula, no bidi override or control character
// survives raw, and long values are clipped. Seeds are hostile strings; the
// black-box tests cover whole packages.
func FuzzCells(f *testing.F) {
	for _, s := range []string{`<script>alert(1)</script>`, `=HYPERLINK("http://evil","x")`, `+cmd|' /C calc'!A0`,
		"@SUM(1)", "-2+3", "-1.5", "\t=1", "\r=1", "\u202egnp.exe", "😀", "\xff\xfe", "a\x00b", strings.Repeat("x", 2000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			t.Skip()
		}
		sus := Suspect{Rank: 1, Person: s, Reasons: []string{s, s}, Accounts: []Account{{Key: s, Username: s, Emails: []string{s}}}}
		data, err := suspectsCSV([]Suspect{sus})
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("suspects.csv does not parse: %v", err)
		}
		for _, rec := range recs {
			for _, v := range rec {
				checkInert(t, v)
			}
		}
		data, err = suspectsXLSX(Case{Name: s}, Referral{Country: "NL", Agency: s, Suspects: []Suspect{sus}})
		if err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("suspects.xlsx does not open: %v", err)
		}
		defer x.Close()
		for _, sh := range x.GetSheetList() {
			rows, _ := x.GetRows(sh)
			for i, row := range rows {
				for j, v := range row {
					ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
					if fm, _ := x.GetCellFormula(sh, ref); fm != "" {
						t.Errorf("formula %q in %s!%s", fm, sh, ref)
					}
					checkInertXLSX(t, x, sh, ref, v)
				}
			}
		}
		// The text is shown as it is (escaped and clipped, no apostrophe).
		if got, _ := x.GetCellValue("Suspects", "B2"); s != "" && got != xcell(s) {
			t.Errorf("Suspects!B2 = %.60q; want %.60q", got, xcell(s))
		}
		_ = latin(s) // must not panic
	})
}

// checkInertXLSX checks one workbook cell: text that a spreadsheet would
// read as a formula or a number must be a string cell, which is never
// evaluated; controls are escaped and long values clipped as in CSV.
func checkInertXLSX(t *testing.T, x *excelize.File, sh, ref, v string) {
	t.Helper()
	if len(v) > 4*maxCell+200 {
		t.Errorf("%s!%s: cell of %d bytes not clipped", sh, ref, len(v))
	}
	if strings.ContainsAny(v, "\u202e\u2066\x00\n\r\t") {
		t.Errorf("%s!%s: cell %.60q holds a raw control or bidi character", sh, ref, v)
	}
	if v == "" || !strings.ContainsRune("=+-@", rune(v[0])) {
		return
	}
	typ, err := x.GetCellType(sh, ref)
	if err != nil {
		t.Fatal(err)
	}
	if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		if _, err := strconv.ParseFloat(v, 64); err != nil || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s!%s: %.60q starts with a formula trigger and is cell type %d, not a string", sh, ref, v, typ)
		}
	}
}

func checkInert(t *testing.T, v string) {
	t.Helper()
	if len(v) > 4*maxCell+200 {
		t.Errorf("cell of %d bytes not clipped", len(v))
	}
	if strings.ContainsAny(v, "\u202e\u2066\x00\n\r\t") {
		t.Errorf("cell %.60q holds a raw control or bidi character", v)
	}
	if v == "" {
		return
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return
	}
	if strings.ContainsRune("=+-@", rune(v[0])) {
		t.Errorf("cell %.60q starts with a formula trigger", v)
	}
}
