package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
)

func newSeizedCommand(g *globals) *cobra.Command {
	c := groupCommand("seized", "Inspect, map and load seized databases")
	c.Example = `  coinsift seized inspect seized/ispoof.sql.gz
  coinsift seized map --suggest seized/ispoof.sql.gz > mapping.yaml
  coinsift seized load seized/ispoof.sql.gz --mapping mapping.yaml`
	c.Long = `Read seized databases — mysqldump/mariadb-dump files (plain or gzip), CSV/TSV
files and JSON lines — without a database server: 'inspect' shows what the
tables hold, 'map --suggest' proposes how their columns become the case's
canonical accounts, identifiers, payments, logins and calls
(docs/format/mapping.md), and 'load' copies every row into the case with its
provenance.`
	c.AddCommand(newSeizedInspectCommand(g), newSeizedMapCommand(g), newSeizedLoadCommand(g))
	return c
}

type seizedInspectOptions struct {
	region    string
	sample    int64
	skipCount bool   // rows past the sample need not be counted
	mapping   string // check this mapping against the files (inspect --mapping)
}

func (o *seizedInspectOptions) flags(cmd *cobra.Command, sample int64, usage string) {
	cmd.Flags().StringVar(&o.region, "region", "GB", "default region of phone numbers without a country code (ISO 3166)")
	cmd.Flags().Int64Var(&o.sample, "sample", sample, usage)
}

// suggestSample is the rows per table that 'map --suggest' profiles.
const suggestSample = 20000

func (o *seizedInspectOptions) validate(hint string) error {
	if len(o.region) != 2 {
		return usagef(hint, "--region %q: want a two-letter country code", o.region)
	}
	o.region = strings.ToUpper(o.region)
	if o.sample < 0 {
		return usagef(hint, "--sample %d: want 0 or more", o.sample)
	}
	return nil
}

func newSeizedInspectCommand(g *globals) *cobra.Command {
	var o seizedInspectOptions
	cmd := &cobra.Command{
		Use:   "inspect FILE...",
		Short: "Show the tables of seized files, their row counts and what their columns hold",
		Long: `Read each FILE (mysqldump, CSV/TSV or JSON lines; gzip allowed) and print
its tables, row counts and, per column, the kinds of values found (Bitcoin
address, txid, e-mail, phone, IP, time, amount …) with their share and a few
samples. Nothing is written; no case is needed. Rows that cannot be read
are counted and shown.`,
		Example: "  coinsift seized inspect seized/ispoof.sql.gz\n  coinsift seized inspect seized/ispoof.sql.gz --sample 100000\n  coinsift seized inspect --sample 0 exports/users.csv exports/payments.jsonl",
		Args:    minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSeizedInspect(cmd.Context(), g, o, args)
		},
	}
	o.flags(cmd, 0, "profile at most N rows per table (0: all); row counts stay exact")
	cmd.Flags().StringVar(&o.mapping, "mapping", "", "check this mapping against the files: a missing table or column is an error, a column whose content contradicts its role a warning")
	return cmd
}

func (g *globals) inspectFiles(ctx context.Context, o seizedInspectOptions, files []string) ([]*seized.Report, error) {
	var m *mapping.Mapping
	if o.mapping != "" {
		var err error
		if m, err = readMapping(o.mapping); err != nil {
			return nil, err
		}
	}
	var reps []*seized.Report
	for _, f := range files {
		p := g.progress("inspect "+filepath.Base(f), "bytes")
		opts := seized.InspectOptions{Region: o.region, SampleRows: o.sample, SkipCount: o.skipCount, Progress: p}
		var checks *mapping.Checks
		if m != nil {
			checks = m.NewChecks()
			opts.Mapper, opts.Observer = m, checks
		}
		rep, err := seized.Inspect(ctx, f, opts)
		if err != nil {
			return nil, err
		}
		if checks != nil {
			rep.Warnings = checks.Warnings(dumpDate(rep.DumpCompleted, time.Now()))
			for _, w := range rep.Warnings {
				g.warnf("%s: %s", f, w.Message)
			}
		}
		reps = append(reps, rep)
	}
	return reps, nil
}

// readMapping reads and validates a mapping file.
func readMapping(path string) (*mapping.Mapping, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usagef("coinsift seized load --help", "--mapping: %v", err)
	}
	defer f.Close()
	m, err := mapping.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// dumpDate is the latest plausible time of a seized file's rows: the date
// of its dump tool's completion line, or else now.
func dumpDate(completed string, now time.Time) time.Time {
	if t, ok := mapping.ParseDumpDate(completed); ok {
		return t
	}
	return now
}

func runSeizedInspect(ctx context.Context, g *globals, o seizedInspectOptions, files []string) error {
	if err := o.validate("coinsift seized inspect --help"); err != nil {
		return err
	}
	reps, err := g.inspectFiles(ctx, o, files)
	if err != nil {
		return err
	}
	if g.json {
		if err := g.printJSON(reps); err != nil {
			return err
		}
		return truncatedInputs(reps)
	}
	for i, r := range reps {
		if i > 0 {
			g.printf("\n")
		}
		if err := r.WriteText(g.stdout); err != nil {
			return err
		}
	}
	return truncatedInputs(reps)
}

// incompleteError reports input that ends early: the command did its work
// on what was there and exits with status 3.
type incompleteError struct{ msg string }

func (e *incompleteError) Error() string { return e.msg }

// Is reports that an incompleteError is of kind coinsift.ErrQuarantined.
func (e *incompleteError) Is(target error) bool { return target == coinsift.ErrQuarantined }

// truncatedInputs returns an *incompleteError naming the truncated files
// among reps, or nil.
func truncatedInputs(reps []*seized.Report) error {
	var msgs []string
	for _, r := range reps {
		if r.Truncated != nil {
			msgs = append(msgs, r.Truncated.String())
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return &incompleteError{msg: strings.Join(msgs, "; ")}
}

// warnf writes one warning line on stderr, made safe for a terminal.
func (g *globals) warnf(format string, a ...any) {
	fmt.Fprintln(g.stderr, "warning: "+sanitize.Terminal(fmt.Sprintf(format, a...)))
}

type seizedMapOptions struct {
	seizedInspectOptions
	suggest bool
	score   string // compare the suggestion with this true mapping
}

func newSeizedMapCommand(g *globals) *cobra.Command {
	var o seizedMapOptions
	cmd := &cobra.Command{
		Use:   "map --suggest FILE...",
		Short: "Propose a mapping of seized tables onto the canonical tables",
		Long: `Inspect each FILE and write a proposed mapping (docs/format/mapping.md) on
stdout as YAML, or as JSON with --json: for each source table the canonical
target (accounts, payments, logins, calls) and, for each canonical field,
the source column and its unit, with confidences. Review it, edit it if
needed, and pass it to 'coinsift seized load --mapping'.

Only the first --sample rows of each table are profiled (default 20,000;
0: all). In a mysqldump or mariadb-dump file the rest of a sampled table is
skipped by looking for line ends only, without parsing it.`,
		Example: "  coinsift seized map --suggest seized/ispoof.sql > mapping.yaml\n  coinsift seized map --suggest --sample 0 exports/users.csv exports/payments.csv > mapping.yaml\n  coinsift seized map --suggest seized/booter.sql --score booter.truth.yaml",
		Args:    minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSeizedMap(cmd.Context(), g, o, args)
		},
	}
	o.flags(cmd, suggestSample, "profile at most N rows per table (0: all)")
	o.skipCount = true
	cmd.Flags().BoolVar(&o.suggest, "suggest", false, "suggest a mapping from the files' contents (required)")
	cmd.Flags().StringVar(&o.score, "score", "", "instead of the mapping, print how it compares with the true mapping in `FILE` (kept, changed, missing, extra fields and the share kept)")
	return cmd
}

func runSeizedMap(ctx context.Context, g *globals, o seizedMapOptions, files []string) error {
	const hint = "coinsift seized map --suggest FILE... > mapping.yaml"
	if !o.suggest {
		return usagef(hint, "--suggest is required")
	}
	if err := o.validate(hint); err != nil {
		return err
	}
	reps, err := g.inspectFiles(ctx, o.seizedInspectOptions, files)
	if err != nil {
		return err
	}
	m := mapping.Suggest(o.region, reps...)
	if o.score != "" {
		truth, err := readMapping(o.score)
		if err != nil {
			return err
		}
		c := mapping.Compare(truth, m)
		if g.json {
			return g.printJSON(c)
		}
		return c.Write(g.stdout)
	}
	if g.json {
		return g.printJSON(m)
	}
	return m.Write(g.stdout)
}

type seizedLoadOptions struct {
	mapping string
	region  string
	note    string
}

func newSeizedLoadCommand(g *globals) *cobra.Command {
	var o seizedLoadOptions
	cmd := &cobra.Command{
		Use:   "load FILE... [--mapping mapping.yaml]",
		Short: "Register seized files as evidence and load their rows into the case",
		Long: `Register each FILE as evidence (kind seized) and load every row into a raw
table src_<table> of the case (every value as the source's text, binary
columns as BLOB, plus _evidence, _row and _offset; integers and datetimes
are stored typed underneath, see docs/format/mapping.md). With --mapping, also derive the canonical
accounts, identifiers, payments, logins and calls tables, each row carrying
evidence_id, src_table and src_row.

Each file loads in one transaction: an error or Ctrl-C leaves the case as it
was. Loading a file that was loaded already does nothing. Rows that cannot be
read or mapped go to the quarantine table with their row number and byte
offset; the load carries on and the command exits 3.`,
		Example: `  coinsift seized map --suggest seized/ispoof.sql > mapping.yaml
  coinsift seized load seized/ispoof.sql --mapping mapping.yaml`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSeizedLoad(cmd.Context(), g, o, cmd.Flags().Changed("region"), args)
		},
	}
	cmd.Flags().StringVar(&o.mapping, "mapping", "", "mapping file (docs/format/mapping.md); without it only raw src_* tables are loaded")
	cmd.Flags().StringVar(&o.region, "region", "GB", "default phone region, overriding the mapping's")
	cmd.Flags().StringVar(&o.note, "note", "", "free-text note for the evidence records (exhibit number)")
	return cmd
}

func runSeizedLoad(ctx context.Context, g *globals, o seizedLoadOptions, regionSet bool, files []string) error {
	const hint = "coinsift seized load --help"
	if len(o.region) != 2 {
		return usagef(hint, "--region %q: want a two-letter country code", o.region)
	}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			return fmt.Errorf("seized %s: %w", f, err)
		}
		if st.IsDir() {
			return usagef("coinsift seized load "+filepath.Join(f, "*"), "seized %s: is a directory; name the files", f)
		}
		// A file that is no export is refused before it is registered.
		if err := seized.Check(f); err != nil {
			return err
		}
	}
	var m *mapping.Mapping
	if o.mapping != "" {
		var err error
		if m, err = readMapping(o.mapping); err != nil {
			return err
		}
		if regionSet || m.Region == "" {
			m.Region = strings.ToUpper(o.region)
		}
		files = m.LoadOrder(files)
	}
	var results []*seized.LoadResult
	var quarantined int64
	var truncated []string
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		totals := map[string]int64{}
		defer func() {
			names := make([]string, 0, len(totals))
			for n := range totals {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				rec.table(n, totals[n])
			}
			if quarantined > 0 {
				rec.table("quarantine", quarantined)
			}
		}()
		if m != nil {
			rec.Note = "mapping " + o.mapping + " sha256 " + m.SHA256()
		}
		for _, f := range files {
			var hp coinsift.Progress = coinsift.NopProgress{}
			if st, err := os.Stat(f); err == nil && st.Size() > progressThreshold {
				hp = g.progress("hash "+filepath.Base(f), "bytes")
			}
			// Registration and load are one step: the file is registered
			// as evidence only once its load committed, so a file the load
			// refuses is not kept as seized evidence.
			ev, _, err := c.PrepareEvidence(ctx, f, casefile.KindSeized, o.note, hp)
			if err != nil {
				return err
			}
			opts := seized.LoadOptions{Progress: g.progress("load "+filepath.Base(f), "bytes"), Logger: g.logger}
			var checks *mapping.Checks
			if m != nil {
				checks = m.NewChecks()
				opts.Mapper, opts.Observer = m, checks
				for _, other := range files {
					if other != f {
						opts.ElsewhereTables = append(opts.ElsewhereTables, seized.FileTable(other))
					}
				}
			}
			res, err := seized.Load(ctx, c, ev, opts)
			if err != nil {
				return err
			}
			if checks != nil && !res.AlreadyLoaded {
				res.Warnings = checks.Warnings(dumpDate(res.DumpCompleted, c.Now()))
				for _, w := range res.Warnings {
					g.warnf("%s: %s", f, w.Message)
				}
			}
			if ev, _, err = c.RegisterEvidence(ctx, ev); err != nil {
				return err
			}
			rec.input(ev)
			if res.Truncated != nil {
				truncated = append(truncated, res.Truncated.String())
			}
			results = append(results, res)
			quarantined += res.Quarantined
			for _, t := range res.Tables {
				totals[t.SrcTable] += t.Rows
			}
			for n, k := range res.Canonical {
				totals[n] += int64(k)
			}
		}
		if m != nil && len(results) > 0 {
			// CSV and JSON-lines files hold one table each and may be
			// loaded one command at a time: a table of the mapping that
			// no load of the case holds yet is a warning, not an error.
			ws, err := unloadedTables(ctx, c, m)
			if err != nil {
				return err
			}
			pw, err := seized.PaymentWarnings(ctx, c.DB())
			if err != nil {
				return err
			}
			ws = append(ws, pw...)
			last := results[len(results)-1]
			for _, w := range ws {
				g.warnf("%s", w.Message)
				last.Warnings = append(last.Warnings, w)
			}
		}
		if len(truncated) > 0 {
			return &incompleteError{msg: fmt.Sprintf("%s (%d item(s) quarantined)", strings.Join(truncated, "; "), quarantined)}
		}
		if quarantined > 0 {
			return &coinsift.QuarantineError{Op: "load " + fileSummary(files), Count: quarantined}
		}
		return nil
	})
	if g.json {
		if results == nil {
			results = []*seized.LoadResult{}
		}
		if perr := g.printJSON(results); perr != nil {
			return perr
		}
		return err
	}
	for i, r := range results {
		if i > 0 {
			g.printf("\n")
		}
		if r.AlreadyLoaded {
			g.printf("already  %s  %s  loaded before; nothing to do\n", r.Evidence, r.Path)
			continue
		}
		g.printf("loaded   %s  %s  %s: %d row(s), %d quarantined, %s in %s (%s rows/s)\n", r.Evidence, r.Path, r.Format,
			r.Rows, r.Quarantined, byteSize(r.Bytes), r.Elapsed.Round(time.Millisecond), rate(r.Rows, r.Elapsed))
		if r.Truncated != nil {
			g.printf("TRUNCATED %s\n", r.Truncated.String())
		}
		for _, w := range r.Warnings {
			g.printf("warning  %s\n", w.Message)
		}
		keys := make([]string, 0, len(r.RawValues))
		for k := range r.RawValues {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if what, why, ok := strings.Cut(k, " ("); ok {
				g.printf("note     %s: %d (%s\n", what, r.RawValues[k], why) // phones left raw: 3 (national format, …)
			} else {
				g.printf("note     %s: %d\n", k, r.RawValues[k])
			}
		}
		rows := make([][]string, 0, len(r.Tables)+len(r.Canonical))
		for _, t := range r.Tables {
			rows = append(rows, []string{t.SrcTable, t.Source, strconv.FormatInt(t.Rows, 10), strconv.FormatInt(t.Quarantined, 10)})
		}
		for _, n := range seized.CanonicalTables {
			if k, ok := r.Canonical[n]; ok {
				rows = append(rows, []string{n, "(canonical)", strconv.Itoa(k), ""})
			}
		}
		if err := term.Table(g.stdout, []string{"TABLE", "SOURCE", "ROWS", "QUARANTINED"}, rows); err != nil {
			return err
		}
	}
	return err
}

// unloadedTables warns about each table m names that no seized load of the
// case holds (a dump lacking one fails its load; see seized.MissingError).
func unloadedTables(ctx context.Context, c *casefile.Case, m *mapping.Mapping) ([]seized.Warning, error) {
	rows, err := c.DB().QueryContext(ctx, `SELECT DISTINCT source_table FROM seized_src_tables ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("loaded tables: %w", err)
	}
	defer rows.Close()
	var loaded, bare []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("loaded tables: %w", err)
		}
		loaded = append(loaded, t)
		bare = append(bare, t[strings.LastIndexByte(t, '.')+1:])
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loaded tables: %w", err)
	}
	var out []seized.Warning
	for _, name := range m.SourceTables() {
		found := false
		for _, t := range loaded {
			if strings.EqualFold(name, t) || strings.HasSuffix(strings.ToLower(t), "."+strings.ToLower(name)) {
				found = true
				break
			}
		}
		if found {
			continue
		}
		msg := fmt.Sprintf("mapping names table %q, which no file loaded into the case holds yet", name)
		if g := seized.Closest(name, bare); g != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", g)
		}
		out = append(out, seized.Warning{Table: name, Message: msg})
	}
	return out, nil
}

func fileSummary(files []string) string {
	if len(files) == 1 {
		return filepath.Base(files[0])
	}
	return strconv.Itoa(len(files)) + " files"
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return strconv.FormatInt(n, 10) + " B"
}

func rate(rows int64, d time.Duration) string {
	if d <= 0 {
		return "-"
	}
	r := float64(rows) / d.Seconds()
	switch {
	case r >= 1e6:
		return fmt.Sprintf("%.2f M", r/1e6)
	case r >= 1e3:
		return fmt.Sprintf("%.0f k", r/1e3)
	}
	return fmt.Sprintf("%.0f", r)
}
