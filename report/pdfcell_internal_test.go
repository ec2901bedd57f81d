package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift"
)

// wrapRef is wrap as it was written against fpdf's GetStringWidth, with
// the font selected first: the reference the metrics-table wrap must match.
func wrapRef(d *doc, s string, w float64, sel fontSel) []string {
	d.setFont(sel.mono, sel.bold, sel.size)
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for i, word := range strings.Split(para, " ") {
			cand := word
			if i > 0 {
				cand = line + " " + word
			}
			if d.f.GetStringWidth(cand) <= w {
				line = cand
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			for len(word) > 1 && d.f.GetStringWidth(word) > w {
				k := 1
				for k < len(word) && d.f.GetStringWidth(word[:k+1]) <= w {
					k++
				}
				lines = append(lines, word[:k])
				word = word[k:]
			}
			line = word
		}
		lines = append(lines, line)
	}
	if len(lines) > maxCellLines {
		n := len(lines) - maxCellLines + 1
		lines = append(lines[:maxCellLines-1], "... ("+fmtInt(n)+" more lines; see suspects.json)")
	}
	return lines
}

// drawCells lays s out in cells of every font, alignment and colour
// through d.cell, with fpdf's CellFormat when slow, and returns the PDF.
func drawCells(t testing.TB, s string, slow bool) []byte {
	t.Helper()
	slowCells = slow
	defer func() { slowCells = false }()
	d := newDoc(Case{Name: "cells", Generated: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)}, "t", "r")
	y := 30.0
	for _, sel := range []fontSel{{size: 7.5}, {bold: true, size: 7.5}, {mono: true, size: 8.5}, {mono: true, bold: true, size: 11}} {
		for _, color := range [][6]int{{0, 0, 0, 0, 0, 0}, {60, 60, 60, 246, 246, 246}, {20, 50, 100, 225, 231, 240}, {255, 255, 255, 255, 255, 255}} {
			for _, align := range []string{"L", "R"} {
				d.setFont(sel.mono, sel.bold, sel.size)
				d.f.SetTextColor(color[0], color[1], color[2])
				d.f.SetFillColor(color[3], color[4], color[5])
				for _, l := range d.wrap(s, 40, sel) {
					d.f.SetXY(marginL+1.2, y)
					d.cell(40, 3.6, l, align)
					d.cell(30, 3.6, l, align) // continues at the right of the first
					if y += 3.7; y > 270 {
						y = 30
						d.f.AddPage()
					}
				}
			}
		}
	}
	// A cell below the page-break trigger goes to CellFormat, which breaks.
	d.f.SetXY(marginL, 285)
	d.cell(40, 4, s, "L")
	var b bytes.Buffer
	if err := d.f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var cellSeeds = []string{"", "plain text", `back\slash (paren) ) (`, "txid 4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b",
	"a  double  space ", " lead", "\n\nblank lines\n", strings.Repeat("w", 300), strings.Repeat("i ", 200),
	latin("<script>alert('x')</script> \u202e evil.exe £100 €5 😀 \xff"), "\x00nul", "tab\there"}

// TestCellMatchesCellFormat holds the fast cell writer and the metrics
// wrap to the bytes of fpdf's CellFormat and GetStringWidth.
func TestCellMatchesCellFormat(t *testing.T) {
	for _, s := range cellSeeds {
		if fast, slow := drawCells(t, s, false), drawCells(t, s, true); !bytes.Equal(fast, slow) {
			t.Errorf("%.40q: cell writes %d bytes, CellFormat %d; they differ", s, len(fast), len(slow))
		}
		d := newDoc(Case{Name: "wrap"}, "t", "r")
		for _, sel := range []fontSel{{size: 7.5}, {bold: true, size: 8.5}, {mono: true, size: 7.5}, {mono: true, bold: true, size: 9}} {
			for _, w := range []float64{0.5, 3, 20, 57.3, 180} {
				got, want := d.wrap(s, w, sel), wrapRef(d, s, w, sel)
				if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != len(want) {
					t.Errorf("wrap(%.40q, %v, %+v) = %q; fpdf measures %q", s, w, sel, got, want)
				}
			}
		}
	}
}

func FuzzPDFCell(f *testing.F) {
	for _, s := range cellSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			t.Skip()
		}
		s = latin(s)
		if fast, slow := drawCells(t, s, false), drawCells(t, s, true); !bytes.Equal(fast, slow) {
			t.Errorf("%.40q: cell and CellFormat differ", s)
		}
	})
}

// TestEvidenceSheetCells renders whole evidence sheets, hostile and long,
// with the fast cell writer and with CellFormat: the bytes must not differ.
func TestEvidenceSheetCells(t *testing.T) {
	c := Case{Name: "Operation (cells)", Generated: time.Date(2022, 11, 24, 9, 30, 0, 0, time.UTC), Currency: "GBP"}
	r := Referral{Country: "NL", Agency: "Politie (NL)"}
	for i, h := range []string{"", `(parens) \backslash) %PDF endstream`, "emoji 😀 café \u202egnp", strings.Repeat("A", 5000)} {
		for _, n := range []int{0, 3, 120} {
			render := func(slow bool) []byte {
				slowCells = slow
				defer func() { slowCells = false }()
				b, err := evidenceDoc(c, r, testSuspect(i+1, n, h)).bytes(nil)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			if fast, slow := render(false), render(true); !bytes.Equal(fast, slow) {
				t.Errorf("hostile %d, %d payments: evidence sheet differs from CellFormat's (%d vs %d bytes)", i, n, len(fast), len(slow))
			}
		}
	}
}

func TestGroupSignals(t *testing.T) {
	tz := func(c string) Signal {
		return Signal{Kind: "timezone", Value: "UTC+01:00", Detail: "quiet 01-07", Country: coinsift.Country(c), Weight: 0.25}
	}
	in := []Signal{
		{Kind: "phone", Value: "+447700900123", Detail: "+44 mobile", Country: "GB", Weight: 4},
		tz("FR"), tz("DE"),
		{Kind: "ip", Value: "81.2.69.160", Detail: "iploc", Country: "GB", Weight: 2},
		tz("NL"),
		{Kind: "timezone", Value: "UTC+00:00", Detail: "quiet 00-06", Country: "GB", Weight: 0.5},
		tz("BE"),
	}
	got := groupSignals(in)
	want := []signalGroup{
		{kind: "phone", value: "+447700900123", detail: "+44 mobile", countries: []coinsift.Country{"GB"}, weight: 4, each: 4},
		{kind: "timezone", value: "UTC+01:00", detail: "quiet 01-07", countries: []coinsift.Country{"FR", "DE", "NL", "BE"}, weight: 1, each: 0.25},
		{kind: "ip", value: "81.2.69.160", detail: "iploc", countries: []coinsift.Country{"GB"}, weight: 2, each: 2},
		{kind: "timezone", value: "UTC+00:00", detail: "quiet 00-06", countries: []coinsift.Country{"GB"}, weight: 0.5, each: 0.5},
	}
	if len(got) != len(want) {
		t.Fatalf("groupSignals: %d groups, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.kind != w.kind || g.value != w.value || g.detail != w.detail || g.weight != w.weight || g.each != w.each ||
			strings.Join(countryStrings(g.countries), ",") != strings.Join(countryStrings(w.countries), ",") {
			t.Errorf("group %d = %+v; want %+v", i, g, w)
		}
	}
	if fweight(1.0/54) != "0.019" || fweight(4) != "4.000" {
		t.Errorf("fweight: %s, %s", fweight(1.0/54), fweight(4))
	}
}
