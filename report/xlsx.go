package report

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/coinsift/coinsift"
)

// Typed values for sheet.put besides string, int, int64, float64,
// coinsift.Money, coinsift.Sats and time.Time. Each is written as a number with a number
// format, so that a spreadsheet sorts, filters and adds it.
type (
	// ratio is a fraction or score (confidence, share, triage score),
	// stored rounded to three decimals.
	ratio float64
	// rate is an exchange rate as decimal text, currency per BTC; it is
	// stored at full precision and shown with two decimals.
	rate string
)

// Number formats of suspects.xlsx. Times are stored as UTC and the format
// says so on every cell.
const (
	fmtTime  = `yyyy-mm-dd hh:mm:ss "UTC"`
	fmtBTC   = `0.00000000`
	fmtRate  = `#,##0.00`
	fmtRatio = `0.000`
	fmtMoney = `#,##0.00`
)

// styles holds the workbook's cell styles; money styles are made per
// currency on first use.
type styles struct {
	f                                  *excelize.File
	head, text, time, btc, rate, ratio int
	money                              map[string]int
}

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{f: f, money: map[string]int{}}
	var err error
	// The workbook's own font: a font without a family prints in the
	// reader's fallback (a serif in LibreOffice).
	if st.head, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Calibri", Size: 11}}); err != nil {
		return nil, err
	}
	// Text is indented by one character, so that an identifier beside a
	// right-aligned number ("1" then "344") does not read as one number.
	if st.text, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Indent: 1}}); err != nil {
		return nil, err
	}
	for _, x := range []struct {
		id   *int
		code string
	}{{&st.time, fmtTime}, {&st.btc, fmtBTC}, {&st.rate, fmtRate}, {&st.ratio, fmtRatio}} {
		if *x.id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &x.code}); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// moneyStyle returns the style for amounts in currency cur: two decimals
// with the currency's sign ("£1,234.56") or, for other codes, the code
// after the amount ("1,234.56 CHF"). A code that is not three letters A–Z
// gets no sign (it comes from the case settings, but is never trusted).
func (st *styles) moneyStyle(cur string) (int, error) {
	if id, ok := st.money[cur]; ok {
		return id, nil
	}
	code := fmtMoney
	switch {
	case cur == "GBP" || cur == "EUR" || cur == "USD":
		sign := `"` + symbol(cur) + `"`
		code = sign + fmtMoney + ";-" + sign + fmtMoney
	case len(cur) == 3 && strings.Trim(cur, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "":
		code = fmtMoney + ` "` + cur + `"`
	}
	id, err := st.f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		return 0, err
	}
	st.money[cur] = id
	return id, nil
}

// sheet collects rows for one worksheet and writes them with excelize's
// StreamWriter (a cell call per value costs ten times as much at 18,000
// suspects). Text goes through xcell (escaped, clipped) and is written as
// an inline string cell: a string cell is never a formula, so hostile text
// such as "=1+1" is stored and shown exactly as it is, without the CSV's
// apostrophe. Numbers, amounts and times are written as typed cells with a
// number format.
type sheet struct {
	f     *excelize.File
	st    *styles
	name  string
	rows  [][]any
	err   error
	width []float64
}

func (s *sheet) put(vals ...any) {
	if s.err != nil {
		return
	}
	row := make([]any, len(vals))
	for i, v := range vals {
		var (
			n   int // characters shown
			err error
		)
		row[i], n, err = s.value(v)
		if err != nil {
			s.err = fmt.Errorf("sheet %s: %w", s.name, err)
			return
		}
		for len(s.width) <= i {
			s.width = append(s.width, 8)
		}
		s.width[i] = min(max(s.width[i], float64(n)+2), 60)
	}
	s.rows = append(s.rows, row)
}

// value returns v as a cell value for the stream writer and the number of
// characters it shows.
func (s *sheet) value(v any) (any, int, error) {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil, 0, nil // an empty cell, not an empty string
		}
		c := xcell(v)
		return excelize.Cell{StyleID: s.st.text, Value: c}, utf8.RuneCountInString(c) + 1, nil
	case int:
		return int64(v), len(strconv.Itoa(v)), nil
	case int64:
		return v, len(strconv.FormatInt(v, 10)), nil
	case float64: // a plain number; ratio, rate, Money and Sats have formats
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return s.value(ffloat(v))
		}
		return v, len(ffloat(v)), nil
	case coinsift.Money:
		id, err := s.st.moneyStyle(v.Currency)
		if err != nil {
			return nil, 0, err
		}
		return excelize.Cell{StyleID: id, Value: float64(v.Minor) / 100}, utf8.RuneCountInString(money(v)) + 1, nil
	case coinsift.Sats:
		return excelize.Cell{StyleID: s.st.btc, Value: float64(v) / float64(coinsift.SatsPerBTC)}, len(v.String()), nil
	case ratio:
		x := float64(v)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return s.value(ffloat(x))
		}
		x = math.Round(x*1000) / 1000
		return excelize.Cell{StyleID: s.st.ratio, Value: x}, len(strconv.FormatFloat(x, 'f', 3, 64)), nil
	case rate:
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return s.value(string(v)) // kept visible as text
		}
		return excelize.Cell{StyleID: s.st.rate, Value: x}, len(thousands(int64(x))) + 3, nil
	case time.Time:
		if v.IsZero() {
			return nil, 0, nil
		}
		return excelize.Cell{StyleID: s.st.time, Value: v.UTC()}, len("2006-01-02 15:04:05 UTC"), nil
	}
	return nil, 0, fmt.Errorf("unsupported value %T", v)
}

// finish writes the sheet: column widths, the frozen bold header, an
// autofilter over all rows, the rows.
func (s *sheet) finish() {
	if s.err != nil {
		return
	}
	if len(s.rows) > 0 && len(s.rows[0]) > 0 {
		last, err := excelize.CoordinatesToCellName(len(s.rows[0]), len(s.rows))
		if err != nil {
			s.err = err
			return
		}
		// Set on the empty sheet, before streaming: the stream writer
		// writes the sheet's autoFilter element when it is flushed.
		if s.err = s.f.AutoFilter(s.name, "A1:"+last, nil); s.err != nil {
			return
		}
	}
	if s.err = s.print(); s.err != nil {
		return
	}
	w, err := s.f.NewStreamWriter(s.name)
	if err != nil {
		s.err = err
		return
	}
	for i, wd := range s.width {
		if s.err = w.SetColWidth(i+1, i+1, wd+2); s.err != nil { // +2: the filter button
			return
		}
	}
	if s.err = w.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); s.err != nil {
		return
	}
	for r, row := range s.rows {
		ref, err := excelize.CoordinatesToCellName(1, r+1)
		if err != nil {
			s.err = err
			return
		}
		var opts []excelize.RowOpts
		if r == 0 {
			opts = append(opts, excelize.RowOpts{StyleID: s.st.head})
			for i, v := range row {
				if c, ok := v.(excelize.Cell); ok {
					row[i] = c.Value // a cell's own style would replace the row's
				}
			}
		}
		if s.err = w.SetRow(ref, row, opts...); s.err != nil {
			return
		}
	}
	s.rows = nil
	s.err = w.Flush()
}

func anyRow(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// sortedZip is the workbook's ZIP writer: it holds the entries and writes
// them in one fixed order on Close. excelize writes streamed sheets in map
// order, which would make the file differ from run to run.
type sortedZip struct {
	w       io.Writer
	entries map[string]*bytes.Buffer
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if _, dup := z.entries[name]; dup {
		return nil, fmt.Errorf("xlsx: entry %s written twice", name)
	}
	b := new(bytes.Buffer)
	z.entries[name] = b
	return b, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("xlsx: AddFS is not supported") }

func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.entries))
	for n := range z.entries {
		names = append(names, n)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names))) // excelize's own order for its other entries
	zw := zip.NewWriter(z.w)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			return err
		}
		if _, err := w.Write(z.entries[n].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// print sets how the sheet prints, for a recipient who prints it: A4
// landscape at full size (fitting twenty columns to one page width makes
// them unreadable), the header row repeated on every page.
func (s *sheet) print() error {
	a4, landscape := 9, "landscape"
	if err := s.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}); err != nil {
		return err
	}
	return s.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + s.name + "'!$1:$1", Scope: s.name})
}

func suspectsXLSX(c Case, r Referral) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w, entries: map[string]*bytes.Buffer{}} })
	gen := c.Generated.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{
		Created: gen, Modified: gen, Creator: tool(c), LastModifiedBy: tool(c),
		Title: xcell("Suspects referred to " + r.Agency), Subject: xcell(c.Name),
		Revision: "1", Language: "en-GB",
	}); err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", "Suspects"); err != nil {
		return nil, err
	}
	for _, n := range []string{"Payments", "Funding", "Case"} {
		if _, err := f.NewSheet(n); err != nil {
			return nil, err
		}
	}
	// Before the sheets are streamed: afterwards excelize would parse the
	// streamed first sheet back to mark it (a fifth of the XLSX time).
	f.SetActiveSheet(0)
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}

	sus := &sheet{f: f, st: st, name: "Suspects"}
	sus.put(anyRow(SuspectColumns)...)
	for _, s := range r.Suspects {
		cur := cmp.Or(s.Received.Currency, c.Currency)
		row := anyRow(suspectRow(s))
		for i, v := range row {
			row[i] = suspectCell(SuspectColumns[i], v.(string), cur)
		}
		sus.put(row...)
	}
	sus.finish()

	pay := &sheet{f: f, st: st, name: "Payments"}
	pay.put("rank", "person", "account", "invoice", "address", "txid", "vout", "height", "block_time (UTC)",
		"btc", "value", "currency", "rate", "rate_source", "rate_time (UTC)", "rate_evidence", "status", "provenance")
	for _, s := range r.Suspects {
		for _, p := range s.Payments {
			pay.put(s.Rank, s.Person, p.Account, p.Invoice, p.Address, p.TxID.String(), int64(p.Vout), int64(p.Height),
				p.BlockTime, p.Sats, p.Value, p.Value.Currency, rate(p.Rate), p.RateSource,
				p.RateTime, p.RateEvidence, p.Status, p.Provenance)
		}
	}
	pay.finish()

	fund := &sheet{f: f, st: st, name: "Funding"}
	fund.put("rank", "person", "exchange", "jurisdiction", "share", "btc", "hops", "withdrawal_txid",
		"withdrawal_height", "withdrawal_time (UTC)", "exchange_address", "model")
	for _, s := range r.Suspects {
		for _, src := range s.Sources {
			fund.put(s.Rank, s.Person, src.Exchange, string(src.Jurisdiction), ratio(src.Share), src.Sats, src.Hops,
				src.WithdrawalTxID.String(), int64(src.WithdrawalHeight), src.WithdrawalTime, src.Address, src.Model)
		}
	}
	fund.finish()

	info := &sheet{f: f, st: st, name: "Case"}
	info.put("field", "value")
	info.put("case", c.Name)
	info.put("agency", r.Agency)
	info.put("country", string(r.Country))
	info.put("generated (UTC)", c.Generated)
	info.put("rule", c.Rule)
	info.put("rule_name", c.RuleName)
	info.put("currency", c.Currency)
	info.put("tool", tool(c))
	info.put("audit_seq", lastSeq(c))
	for _, h := range c.Heuristics {
		info.put("heuristic", h.Name+" v"+h.Version+": precision "+h.figureRaw("precision")+", recall "+h.figureRaw("recall")+" ("+h.Measured+")")
	}
	for _, n := range c.Notes {
		info.put("note", n)
	}
	info.finish()

	for _, s := range []*sheet{sus, pay, fund, info} {
		if s.err != nil {
			return nil, s.err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// suspectCell types one value of the Suspects sheet by its column name.
// suspectRow gives the text that suspects.csv holds; the sheet stores the
// same value as a number, amount or fraction, so the two files agree. A
// column not named here (or a value that does not parse) stays text.
// moneyColumns are the Suspects columns that hold money in the case
// currency: what arrived on chain and each link status's share of it.
var moneyColumns = map[string]bool{"paid": true, "received": true, "verified": true, "late": true,
	"partial": true, "amount_mismatch": true, "paid_again": true}

func suspectCell(col, v, cur string) any {
	if v == "" {
		return v
	}
	switch {
	case col == "rank" || col == "payments" || col == "verified_payments" || col == "calls" || col == "victims":
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return n
		}
	case col == "confidence" || col == "score":
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			return ratio(x)
		}
	case col == "btc" || strings.HasSuffix(col, "_btc"):
		if b, err := coinsift.ParseBTC(v); err == nil {
			return b
		}
	case moneyColumns[col] || strings.HasPrefix(col, "paid_") || col == "value":
		if m, err := coinsift.ParseMoney(v, cur); err == nil {
			return m
		}
	}
	return v
}
