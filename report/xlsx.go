package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheet collects rows for one worksheet and writes them with excelize's
// StreamWriter (a cell call per value costs ten times as much at 18,000
// suspects). Text goes through cell (escaped, clipped, formula-neutralised)
// and is written as a string value, so no value is ever stored as a
// formula; numbers are written as numbers.
type sheet struct {
	f     *excelize.File
	name  string
	rows  [][]any
	err   error
	width []float64
}

func (s *sheet) put(vals ...any) {
	row := make([]any, len(vals))
	for i, v := range vals {
		var n int
		switch v := v.(type) {
		case string:
			c := cell(v)
			n = utf8.RuneCountInString(c)
			row[i] = c
		case int:
			n = len(strconv.Itoa(v))
			row[i] = int64(v)
		case int64:
			n = len(strconv.FormatInt(v, 10))
			row[i] = v
		case float64:
			n = 10
			row[i] = v
		default:
			s.err = fmt.Errorf("sheet %s: unsupported value %T", s.name, v)
			return
		}
		for len(s.width) <= i {
			s.width = append(s.width, 8)
		}
		s.width[i] = min(max(s.width[i], float64(n)+2), 60)
	}
	s.rows = append(s.rows, row)
}

// finish writes the sheet: column widths, the frozen bold header, rows.
func (s *sheet) finish(bold int) {
	if s.err != nil {
		return
	}
	w, err := s.f.NewStreamWriter(s.name)
	if err != nil {
		s.err = err
		return
	}
	for i, wd := range s.width {
		if s.err = w.SetColWidth(i+1, i+1, wd); s.err != nil {
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
			opts = append(opts, excelize.RowOpts{StyleID: bold})
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

func suspectsXLSX(c Case, r Referral) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w, entries: map[string]*bytes.Buffer{}} })
	gen := c.Generated.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{
		Created: gen, Modified: gen, Creator: tool(c), LastModifiedBy: tool(c),
		Title: cell("Suspects referred to " + r.Agency), Subject: cell(c.Name),
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
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}

	sus := &sheet{f: f, name: "Suspects"}
	sus.put(anyRow(SuspectColumns)...)
	for _, s := range r.Suspects {
		row := anyRow(suspectRow(s))
		row[0], row[7], row[9], row[10] = s.Rank, len(s.Payments), s.Calls, s.Victims
		row[3], row[11] = s.Confidence, s.Score
		sus.put(row...)
	}
	sus.finish(bold)

	pay := &sheet{f: f, name: "Payments"}
	pay.put("rank", "person", "account", "invoice", "address", "txid", "vout", "height", "block_time",
		"btc", "value", "currency", "rate", "rate_source", "rate_time", "rate_evidence", "status", "provenance")
	for _, s := range r.Suspects {
		for _, p := range s.Payments {
			pay.put(s.Rank, s.Person, p.Account, p.Invoice, p.Address, p.TxID.String(), int64(p.Vout), int64(p.Height),
				rfc(p.BlockTime), p.Sats.String(), decimal(p.Value), p.Value.Currency, p.Rate, p.RateSource,
				rfc(p.RateTime), p.RateEvidence, p.Status, p.Provenance)
		}
	}
	pay.finish(bold)

	fund := &sheet{f: f, name: "Funding"}
	fund.put("rank", "person", "exchange", "jurisdiction", "share", "btc", "hops", "withdrawal_txid",
		"withdrawal_height", "withdrawal_time", "exchange_address", "model")
	for _, s := range r.Suspects {
		for _, src := range s.Sources {
			fund.put(s.Rank, s.Person, src.Exchange, string(src.Jurisdiction), src.Share, src.Sats.String(), src.Hops,
				src.WithdrawalTxID.String(), int64(src.WithdrawalHeight), rfc(src.WithdrawalTime), src.Address, src.Model)
		}
	}
	fund.finish(bold)

	info := &sheet{f: f, name: "Case"}
	info.put("field", "value")
	info.put("case", c.Name)
	info.put("agency", r.Agency)
	info.put("country", string(r.Country))
	info.put("generated", rfc(c.Generated))
	info.put("rule", c.Rule)
	info.put("rule_name", c.RuleName)
	info.put("currency", c.Currency)
	info.put("tool", tool(c))
	info.put("audit_seq", strconv.FormatInt(lastSeq(c), 10))
	for _, h := range c.Heuristics {
		info.put("heuristic", h.Name+" v"+h.Version+": precision "+h.figureRaw("precision")+", recall "+h.figureRaw("recall")+" ("+h.Measured+")")
	}
	for _, n := range c.Notes {
		info.put("note", n)
	}
	info.finish(bold)

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
