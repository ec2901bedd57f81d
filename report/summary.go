package report

import (
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"fmt"
	"html/template"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/coinsift/coinsift"
)

//go:embed summary.html.tmpl
var summaryTmpl string

var summaryHTML = template.Must(template.New("summary").Funcs(template.FuncMap{
	"d": display, "money": money, "n": fmtInt, "time": ftime, "pct": pct,
}).Parse(summaryTmpl))

// WriteSummary writes summary.html and summary.pdf, the case summary with
// five charts (verified payments over time, money received on chain by
// payment status, suspects by country, top exchanges, victims by country), and their manifest into dir (created if absent;
// existing summary files are an error, coinsift.ErrExists, as for a
// referral package). It returns the manifest.
func WriteSummary(ctx context.Context, dir string, s Summary) (Manifest, error) {
	if err := canceled(ctx); err != nil {
		return Manifest{}, err
	}
	w, err := newPkgWriter(filepath.Clean(dir))
	if err != nil {
		return Manifest{}, fmt.Errorf("write summary: %w", err)
	}
	m, err := writeSummary(w, s)
	if err != nil {
		w.abort()
		return Manifest{}, fmt.Errorf("write summary: %w", err)
	}
	return m, nil
}

func writeSummary(w *pkgWriter, s Summary) (Manifest, error) {
	charts := summaryCharts(s)
	page, err := summaryPage(s, charts)
	if err != nil {
		return Manifest{}, err
	}
	if err := w.write("summary.html", page); err != nil {
		return Manifest{}, err
	}
	pdf, err := summaryPDF(s, charts)
	if err != nil {
		return Manifest{}, err
	}
	if err := w.write("summary.pdf", pdf); err != nil {
		return Manifest{}, err
	}
	return w.finish(newManifest("summary", s.Case))
}

func cur(s Summary) string {
	if s.Case.Currency != "" {
		return s.Case.Currency
	}
	return s.Verified.Currency
}

func countryBars(m map[coinsift.Country]int) []bar {
	bars := make([]bar, 0, len(m))
	for c, n := range m {
		l := string(c)
		if l == "" {
			l = "unknown"
		}
		bars = append(bars, bar{label: l, value: float64(n), text: fmtInt(n)})
	}
	slices.SortFunc(bars, func(a, b bar) int { return cmp.Or(cmp.Compare(b.value, a.value), cmp.Compare(a.label, b.label)) })
	const top = 15
	if len(bars) > top {
		rest := 0.0
		for _, b := range bars[top-1:] {
			rest += b.value
		}
		n := len(bars) - top + 1
		bars = append(bars[:top-1], bar{label: strconv.Itoa(n) + " others", value: rest, text: fmtInt(int(rest))})
	}
	return bars
}

func summaryCharts(s Summary) []*chart {
	c := cur(s)
	months := slices.Clone(s.PaymentsByMonth)
	slices.SortStableFunc(months, func(a, b MonthTotal) int { return cmp.Compare(a.Month, b.Month) })
	pay := &chart{title: "Verified payments per month", unit: "money", currency: c,
		barLabel: "value (" + c + ")", lineLabel: "number of payments", empty: "No payments."}
	for _, m := range months {
		pay.bars = append(pay.bars, bar{label: m.Month, value: float64(m.Total.Minor) / 100, text: money(m.Total)})
		pay.line = append(pay.line, float64(m.Count))
	}
	ex := &chart{title: "Top funding exchanges (value received on chain from the payers they funded)", horizontal: true, unit: "money", currency: c, empty: "No exchanges traced."}
	tops := slices.Clone(s.TopExchanges)
	slices.SortStableFunc(tops, func(a, b ExchangeTotal) int {
		return cmp.Or(cmp.Compare(b.Total.Minor, a.Total.Minor), cmp.Compare(a.Exchange, b.Exchange))
	})
	for _, e := range tops[:min(len(tops), 12)] {
		ex.bars = append(ex.bars, bar{label: e.Exchange, value: float64(e.Total.Minor) / 100,
			text: money(e.Total) + " (" + fmtInt(e.Payers) + " payers)"})
	}
	return []*chart{
		pay,
		statusChart(s),
		{title: "Suspects by country", horizontal: true, unit: "count", bars: countryBars(s.SuspectsByCountry), empty: "No suspects placed."},
		ex,
		{title: "Victims by country", horizontal: true, unit: "count", bars: countryBars(s.VictimsByCountry), empty: "No victims."},
	}
}

// statusChart shows the money received on chain, one bar per payment
// status (verified first, then the others in report order), so that no bar
// mixes verified money with anything else.
func statusChart(s Summary) *chart {
	c := cur(s)
	ch := &chart{title: "Money received on chain, by payment status", horizontal: true, unit: "money", currency: c,
		empty: "No money received on chain."}
	add := func(label string, m coinsift.Money, n int) {
		if m.Minor == 0 && n == 0 {
			return
		}
		if m.Currency == "" {
			m.Currency = c
		}
		ch.bars = append(ch.bars, bar{label: label, value: float64(m.Minor) / 100,
			text: money(m) + " (" + fmtInt(n) + " payments)"})
	}
	add("verified", s.Verified, s.VerifiedPayments)
	for _, l := range statusLabels {
		for _, t := range s.ByStatus {
			if t.Status == l.status && l.short != "" {
				add(l.short, t.Value, t.Payments)
			}
		}
	}
	return ch
}

type figure struct{ Label, Value string }

// statusLabels names the link statuses other than verified in the key
// figures, in report order.
var statusLabels = []struct{ status, label, short string }{
	{"late", "Late payments (paid in full after the window)", "late"},
	{"partial", "Partial payments (underpaid)", "partial"},
	{"amount_mismatch", "Amount-mismatched payments (overpaid or another amount)", "mismatched"},
	{"paid_again", "Paid again (further payments to a paid invoice's address)", "paid again"},
	{"duplicate", "Duplicate records (add no money)", ""},
}

// figures are the key figures: verified payments and their value alone,
// then each other status apart, then the money received on chain in all.
func figures(s Summary) []figure {
	ver := "0%"
	if s.Payments > 0 {
		ver = pct(float64(s.VerifiedPayments) / float64(s.Payments))
	}
	out := []figure{
		{"Accounts in seized database", fmtInt(s.Users)},
		{"Payments recorded", fmtInt(s.Payments)},
		{"Payments verified on chain", fmtInt(s.VerifiedPayments) + " (" + ver + ")"},
		{"Value of verified payments", money(s.Verified)},
	}
	parts := "verified"
	for _, l := range statusLabels {
		var st StatusTotal
		for _, t := range s.ByStatus {
			if t.Status == l.status {
				st = t
			}
		}
		if st.Payments == 0 && l.status == "paid_again" {
			continue // a status only some cases have
		}
		v := fmtInt(st.Payments)
		if l.short != "" {
			val := st.Value
			if val.Currency == "" {
				val.Currency = cur(s)
			}
			v += ", worth " + money(val)
			parts += ", " + l.short
		}
		out = append(out, figure{l.label, v})
	}
	return append(out,
		figure{"Value received on chain (" + parts + ")", money(s.Received)},
		figure{"Suspects selected by rule", fmtInt(s.RuleHits)})
}

func summaryPage(s Summary, charts []*chart) ([]byte, error) {
	svgs := make([]template.HTML, len(charts))
	for i, c := range charts {
		svgs[i] = template.HTML(c.svg(720)) // built by svgCanvas, which escapes every text
	}
	audit := slices.Clone(s.Case.AuditExcerpt)
	slices.SortStableFunc(audit, func(a, b AuditLine) int { return cmp.Compare(a.Seq, b.Seq) })
	var b bytes.Buffer
	err := summaryHTML.Execute(&b, map[string]any{
		"Case": s.Case, "Figures": figures(s), "Charts": svgs, "Audit": audit,
		"Footer": footer(s.Case), "Tool": tool(s.Case),
	})
	return b.Bytes(), err
}

func summaryPDF(s Summary, charts []*chart) ([]byte, error) {
	return summaryDoc(s, charts).bytes(nil)
}

// summaryDoc lays out the case summary with its charts.
func summaryDoc(s Summary, charts []*chart) *doc {
	c := s.Case
	d := newDoc(c, "Case summary: "+c.Name, "Case summary")
	d.title("Case summary - "+c.Name, "Dated "+ftime(c.Generated)+" (audit seq "+strconv.FormatInt(lastSeq(c), 10)+")"+
		"\nTriage rule "+c.RuleName+": "+c.Rule)
	d.section("Key figures")
	pairs := make([][2]string, 0, 12)
	for _, f := range figures(s) {
		pairs = append(pairs, [2]string{f.Label, latin(f.Value)})
	}
	d.kv(pairs)
	cv := pdfCanvas{d.f}
	const fs = 3.0 // mm, about 8.5 pt
	for _, ch := range charts {
		h := ch.height(fs)
		d.ensure(h + 6)
		y := d.f.GetY() + 3
		ch.draw(cv, marginL, y, bodyW, h, fs)
		d.f.SetDrawColor(0, 0, 0)
		d.f.SetXY(marginL, y+h+3)
		d.fontChanged()
	}
	heuristics(d, c)
	d.section("Audit log lines that produced this summary")
	rows := make([][]string, 0, len(c.AuditExcerpt))
	audit := slices.Clone(c.AuditExcerpt)
	slices.SortStableFunc(audit, func(a, b AuditLine) int { return cmp.Compare(a.Seq, b.Seq) })
	for _, a := range audit {
		rows = append(rows, []string{latin(strconv.FormatInt(a.Seq, 10)), latin(ftime(a.Time)), latin(a.User), latin(a.Command), latin(a.Hash)})
	}
	d.table([]column{{"Seq", 0.07, false, "R"}, {"Time (UTC)", 0.2, false, ""}, {"User", 0.12, false, ""},
		{"Command", 0.36, false, ""}, {"Hash", 0.25, true, ""}}, rows)
	if len(c.Notes) > 0 {
		d.section("Notes")
		for _, n := range c.Notes {
			d.para(clip(n, 5000, "the case notes"))
		}
	}
	return d
}
