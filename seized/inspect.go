package seized

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/seized/detect"
)

// Report is what Inspect found in one file.
type Report struct {
	Path       string        `json:"path"`
	Format     Format        `json:"format"`
	Bytes      int64         `json:"bytes"` // decompressed bytes read
	Tables     []TableReport `json:"tables"`
	BadRows    int64         `json:"bad_rows"`
	BadSamples []string      `json:"bad_samples,omitempty"` // first few row errors
	// Truncated is set when the file ends early; the tables are what was
	// read before the cut.
	Truncated *Truncation `json:"truncated,omitempty"`
	// DumpCompleted is the date of the dump tool's completion line
	// ("-- Dump completed on DATE"), "" if none.
	DumpCompleted string `json:"dump_completed,omitempty"`
	// Warnings are a mapping's doubts about what its columns hold (set by
	// the caller that ran the checks, e.g. 'seized inspect --mapping').
	Warnings []Warning `json:"warnings,omitempty"`
}

// TableReport describes one table.
type TableReport struct {
	Name string `json:"name"`
	Rows int64  `json:"rows"`
	// RowsAtLeast: rows past the sample were skipped without being counted
	// (InspectOptions.SkipCount); Rows is a lower bound.
	RowsAtLeast bool           `json:"rows_at_least,omitempty"`
	TimeZone    string         `json:"time_zone,omitempty"`
	Columns     []ColumnReport `json:"columns"`
}

// ColumnReport describes one column and what its values look like.
type ColumnReport struct {
	Name       string         `json:"name"`
	Type       string         `json:"type,omitempty"`
	Binary     bool           `json:"binary,omitempty"`
	Nulls      int64          `json:"nulls"`
	Empty      int64          `json:"empty"`
	NonText    int64          `json:"non_text"` // values that are not valid UTF-8
	MaxLen     int            `json:"max_len"`
	Classified int64          `json:"classified"`
	Samples    []string       `json:"samples"`
	Matches    []detect.Match `json:"matches"`
	profile    *detect.Profile
}

// InspectOptions configure Inspect.
type InspectOptions struct {
	Options
	Region   string  // default phone region, e.g. "GB"
	MinShare float64 // report kinds matching at least this share; default 0.05
	// SampleRows profiles at most this many rows per table (0: all); row
	// counts stay exact.
	SampleRows int64
	// SkipCount, with SampleRows, skips the rest of a table of a mysqldump
	// or mariadb-dump file once it is sampled without counting its rows
	// (TableReport.RowsAtLeast). Without it such rows are still skipped,
	// not parsed, but counted: a dump tool writes one INSERT statement per
	// line, so the bytes are scanned for quotes, tuples and newlines only.
	// Other inputs are parsed in full either way.
	SkipCount bool
	Progress  coinsift.Progress // bytes read; nil: none
	// Mapper, if set, is checked against the tables read: a column or
	// (in a dump) a table it names that is not there is an error
	// (*MissingError).
	Mapper Mapper
	// Observer, if set, sees every row profiled.
	Observer RowObserver
}

// Inspect reads path and reports its tables, row counts, sample values and
// what each column's values look like.
func Inspect(ctx context.Context, path string, opts InspectOptions) (*Report, error) {
	if opts.MinShare == 0 {
		opts.MinShare = 0.05
	}
	if opts.Region == "" {
		opts.Region = "GB"
	}
	p := opts.Progress
	if p == nil {
		p = coinsift.NopProgress{}
	}
	defer p.Done()
	src, format, err := Open(path, opts.Options)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	rep := &Report{Path: path, Format: format}
	byName := map[string]*TableReport{}
	var cur *TableReport
	var last int64
	for n := 0; ; n++ {
		if n%8192 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			b := src.BytesRead()
			p.Add(b - last)
			last = b
		}
		ev, err := src.Next()
		if err == io.EOF {
			break
		}
		var re *RowError
		if errors.As(err, &re) {
			rep.BadRows++
			if len(rep.BadSamples) < 10 {
				rep.BadSamples = append(rep.BadSamples, re.Error())
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("inspect %s: %w", path, err)
		}
		t := src.Table()
		cur = byName[t.Name]
		if cur == nil || len(cur.Columns) != len(t.Columns) {
			if opts.Mapper != nil {
				if err := opts.Mapper.Check(t); err != nil {
					return nil, fmt.Errorf("inspect %s: %w", path, err)
				}
			}
			if cur == nil {
				rep.Tables = append(rep.Tables, TableReport{Name: t.Name})
				cur = &rep.Tables[len(rep.Tables)-1]
				// Pointers into rep.Tables move on append: index by name later.
			}
			cur.TimeZone = t.TimeZone
			cur.Columns = cur.Columns[:0]
			for _, c := range t.Columns {
				cur.Columns = append(cur.Columns, ColumnReport{Name: c.Name, Type: c.Type, Binary: c.Binary,
					profile: &detect.Profile{Region: opts.Region}})
			}
			byName = reindex(rep)
			cur = byName[t.Name]
		}
		if ev != EventRow {
			continue
		}
		cur.Rows++
		if opts.SampleRows > 0 && cur.Rows > opts.SampleRows {
			continue
		}
		if opts.Observer != nil {
			opts.Observer.Observe(t, src.Row())
		}
		for i, v := range src.Row() {
			pr := cur.Columns[i].profile
			if v.Null {
				pr.AddNull()
			} else if t.Columns[i].Binary {
				pr.Count++
				pr.Binary++
			} else {
				pr.Add(v.Data)
			}
		}
		if sk, ok := src.(tableSkipper); ok && opts.SampleRows > 0 && cur.Rows == opts.SampleRows {
			if n, ok := sk.SkipTable(!opts.SkipCount); ok {
				if n < 0 {
					cur.RowsAtLeast = true
				} else {
					cur.Rows += n
				}
			}
		}
	}
	p.Add(src.BytesRead() - last)
	rep.Bytes = src.BytesRead()
	rep.Truncated, rep.DumpCompleted = truncationOf(src, path)
	if opts.Mapper != nil && format == FormatSQLDump {
		seen := make([]string, len(rep.Tables))
		for i, t := range rep.Tables {
			seen[i] = t.Name
		}
		if err := missingTables(opts.Mapper, seen, nil, rep.Truncated != nil); err != nil {
			return nil, fmt.Errorf("inspect %s: %w", path, err)
		}
	}
	for ti := range rep.Tables {
		for ci := range rep.Tables[ti].Columns {
			c := &rep.Tables[ti].Columns[ci]
			pr := c.profile
			c.Nulls, c.Empty, c.NonText, c.MaxLen = pr.Nulls, pr.Empty, pr.Binary, pr.MaxLen
			c.Classified = pr.Classified()
			c.Samples = pr.Samples()
			if c.Samples == nil {
				c.Samples = []string{}
			}
			c.Matches = pr.Matches(opts.MinShare)
			if c.Matches == nil {
				c.Matches = []detect.Match{}
			}
		}
	}
	return rep, nil
}

// tableSkipper is a Source that can skip the rest of the current table.
type tableSkipper interface {
	SkipTable(count bool) (int64, bool)
}

func reindex(rep *Report) map[string]*TableReport {
	m := make(map[string]*TableReport, len(rep.Tables))
	for i := range rep.Tables {
		m[rep.Tables[i].Name] = &rep.Tables[i]
	}
	return m
}

// Profile returns the column's detector profile (nil after JSON decoding).
func (c *ColumnReport) Profile() *detect.Profile { return c.profile }

// WriteText writes r for a terminal: one block per table, one line per
// column with its detected kinds and samples. The output is deterministic.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s, %d bytes, %d table(s)", r.Path, r.Format, r.Bytes, len(r.Tables))
	if r.BadRows > 0 {
		fmt.Fprintf(&b, ", %d unreadable row(s)", r.BadRows)
	}
	b.WriteString("\n")
	if r.Truncated != nil {
		b.WriteString("TRUNCATED " + r.Truncated.String() + "\n")
	}
	for _, t := range r.Tables {
		fmt.Fprintf(&b, "\ntable %s: %d row(s)", t.Name, t.Rows)
		if t.TimeZone != "" {
			fmt.Fprintf(&b, ", time zone %s", t.TimeZone)
		}
		b.WriteString("\n")
		for _, c := range t.Columns {
			typ := c.Type
			if typ == "" {
				typ = "-"
			}
			fmt.Fprintf(&b, "  %-20s %-16s nulls=%d", c.Name, typ, c.Nulls)
			if c.NonText > 0 {
				fmt.Fprintf(&b, " binary=%d", c.NonText)
			}
			for _, m := range c.Matches {
				fmt.Fprintf(&b, " %s=%.0f%%", m.Kind, 100*m.Share)
			}
			if len(c.Samples) > 0 {
				q := make([]string, len(c.Samples))
				for i, s := range c.Samples {
					if len(s) > 40 {
						s = s[:40] + "…"
					}
					q[i] = fmt.Sprintf("%q", s)
				}
				fmt.Fprintf(&b, "  e.g. %s", strings.Join(q, ", "))
			}
			b.WriteString("\n")
		}
	}
	for _, s := range r.BadSamples {
		fmt.Fprintf(&b, "unreadable: %s\n", s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
