package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/price"
	"github.com/coinsift/coinsift/price/pricedb"
)

func newPricesCommand(g *globals) *cobra.Command {
	c := groupCommand("prices", "Import price series and look up rates")
	c.Example = `  coinsift prices import BTC-GBP.csv --source yahoo
  coinsift prices list
  coinsift prices rate BTC/GBP 2021-06-01`
	c.AddCommand(newPricesImportCommand(g), newPricesListCommand(g), newPricesRateCommand(g))
	return c
}

type pricesImportOptions struct {
	source   string
	format   string
	pair     string
	interval time.Duration
	note     string
}

func newPricesImportCommand(g *globals) *cobra.Command {
	var o pricesImportOptions
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Register a price file as evidence and load its series",
		Long: `Register FILE as evidence (kind prices) and load its price series into the
case, with the evidence id and line of every row.

The format is detected from the content: daily OHLC CSV (Yahoo Finance,
CoinMarketCap), a wide file with one BASE_QUOTE column per series
(typedcypher), ECB euro reference rates (CSV or the zip as published),
Kraken OHLCVT exports (no header), Bitstamp/CryptoDataDownload CSV,
CoinGecko market_chart JSON and a plain time,base,quote,price CSV. Files
that do not name their pair (CoinGecko, Kraken, an OHLC file whose name
lacks it) need --pair. docs/format/prices.md describes every format.

Rows that cannot be read are quarantined with the reason; the command
then exits 3. Importing the same file (same SHA-256) again does nothing.`,
		Example: `  coinsift prices import BTC-GBP.csv --source yahoo
  coinsift prices import eurofxref-hist.zip --source ecb
  coinsift prices import market_chart.json --source coingecko --pair BTC/GBP`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPricesImport(cmd.Context(), g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.source, "source", "", "source name recorded on every rate (default: the file name without extension)")
	f.StringVar(&o.format, "format", "auto", "file format: auto, "+joinFormats())
	f.StringVar(&o.pair, "pair", "", "pair of a file that does not name it, e.g. BTC/GBP")
	f.DurationVar(&o.interval, "interval", 0, "bar length of Kraken/Bitstamp files when the file name does not say (e.g. 1h, 24h)")
	f.StringVar(&o.note, "note", "", "free-text note for the evidence record")
	return cmd
}

func joinFormats() string {
	var s []string
	for _, f := range price.Formats {
		s = append(s, string(f))
	}
	return strings.Join(s, ", ")
}

type pricesImportResult struct {
	Evidence    string       `json:"evidence"`
	Path        string       `json:"path"`
	Source      string       `json:"source"`
	Format      price.Format `json:"format"`
	Already     bool         `json:"already_imported"`
	Points      int64        `json:"points"`
	Skipped     int64        `json:"skipped_empty"`
	Quarantined int64        `json:"quarantined"`
}

func runPricesImport(ctx context.Context, g *globals, o pricesImportOptions, file string) error {
	format, err := price.ParseFormat(o.format)
	if err != nil {
		return usagef("coinsift prices import --help", "%v", err)
	}
	if o.pair != "" {
		if _, _, err := price.ParsePair(o.pair); err != nil {
			return usagef("coinsift prices import --help", "%v", err)
		}
	}
	source := o.source
	if source == "" {
		source = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	var res pricesImportResult
	err = g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		ev, _, err := c.AddEvidence(ctx, file, casefile.KindPrices, o.note, nil)
		if err != nil {
			return err
		}
		rec.input(ev)
		res = pricesImportResult{Evidence: ev.ID, Path: ev.Path, Source: source, Format: format}
		done, err := pricedb.Imported(ctx, c.DB(), ev.ID)
		if err != nil {
			return err
		}
		if done {
			res.Already = true
			rec.table("prices", 0)
			return nil
		}
		r, err := price.Open(file, price.Options{Format: format, Pair: o.pair, Source: source, Evidence: ev.ID, Interval: o.interval})
		if err != nil {
			return err
		}
		defer r.Close()
		res.Format = r.Format()
		out, err := pricedb.Import(ctx, c.DB(), r, ev.ID, c.Now(), g.progress("prices "+filepath.Base(file), "rows"))
		if err != nil {
			return err
		}
		res.Points, res.Skipped, res.Quarantined = out.Points, out.Skipped, int64(len(out.Bad))
		rec.table("prices", out.Points)
		if len(out.Bad) == 0 {
			return nil
		}
		items := make([]casefile.QuarantineItem, 0, len(out.Bad))
		for _, b := range out.Bad {
			items = append(items, casefile.QuarantineItem{Command: "prices import", Evidence: ev.ID, Source: ev.Path,
				Table: string(out.Format), Row: b.Row, Offset: b.Offset, Reason: b.Reason, Raw: b.Raw})
		}
		if err := c.Quarantine(ctx, items); err != nil {
			return err
		}
		rec.table("quarantine", int64(len(items)))
		return &coinsift.QuarantineError{Op: "prices import " + filepath.Base(file), Count: int64(len(items))}
	})
	if res.Evidence != "" {
		if g.json {
			if perr := g.printJSON(res); perr != nil {
				return perr
			}
		} else if res.Already {
			g.printf("already  %s  %s  imported before; nothing to do\n", res.Evidence, res.Path)
		} else {
			g.printf("imported %s  %s  format %s, source %s: %d point(s), %d empty cell(s) skipped, %d row(s) quarantined\n",
				res.Evidence, res.Path, res.Format, res.Source, res.Points, res.Skipped, res.Quarantined)
		}
	}
	return err
}

func newPricesListCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the stored price series: pairs, sources, date ranges, counts",
		Args:  noArgs,
		Example: `  coinsift prices list
  coinsift --json prices list`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPricesList(cmd.Context(), g)
		},
	}
}

func runPricesList(ctx context.Context, g *globals) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	list, err := pricedb.List(ctx, c.DB())
	if err != nil {
		return err
	}
	if g.json {
		if list == nil {
			list = []pricedb.SeriesSummary{}
		}
		return g.printJSON(list)
	}
	rows := make([][]string, 0, len(list))
	for _, s := range list {
		kind := "price"
		if s.HasOHLC {
			kind = "ohlc"
		}
		if s.HasVolume {
			kind += "+volume"
		}
		rows = append(rows, []string{s.Pair, s.Source, s.From.Format(time.DateOnly), s.To.Format(time.DateOnly),
			strconv.FormatInt(s.Points, 10), s.Formats, kind, s.Evidence})
	}
	return term.Table(g.stdout, []string{"PAIR", "SOURCE", "FROM", "TO", "POINTS", "FORMAT", "FIELDS", "EVIDENCE"}, rows)
}

type pricesRateOptions struct {
	method    string
	tolerance string
	sources   []string
}

func newPricesRateCommand(g *globals) *cobra.Command {
	var o pricesRateOptions
	cmd := &cobra.Command{
		Use:   "rate PAIR TIME",
		Short: "Show the rate of a pair at a date or time, with its source and path",
		Long: `Show the rate of PAIR (e.g. BTC/GBP) at TIME (a date such as 2021-06-01, or
an RFC 3339 time), with the source, evidence, rate time and the path used.

A direct series is used when the case has one (in either direction);
otherwise a cross rate through USD and/or EUR (the ECB series). A gap wider
than --tolerance between TIME and the nearest rate is an error naming the
dates available. Methods: close (default), open, mid = (open+close)/2 and
vwap (needs volume); price-only sources (ECB, CoinGecko) give their single
price whatever the method.`,
		Example: "  coinsift prices rate BTC/GBP 2021-06-01 --method close\n  coinsift prices rate BTC/EUR 2022-03-14T09:30:00Z --method open --tolerance 36h",
		Args:    exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPricesRate(cmd.Context(), g, o, args[0], args[1])
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.method, "method", string(price.MethodClose), "rate method: close, open, mid or vwap")
	f.StringVar(&o.tolerance, "tolerance", "72h", "widest gap accepted between TIME and a rate (e.g. 36h, 3d)")
	f.StringSliceVar(&o.sources, "source", nil, "use only these sources, in this order of preference")
	return cmd
}

// parseTolerance reads a Go duration or a number of days ("3d").
func parseTolerance(s string) (time.Duration, error) {
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 || n > 3650 {
			return 0, fmt.Errorf("tolerance %q: want e.g. 3d or 36h", s)
		}
		return time.Duration(n) * price.Day, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("tolerance %q: want e.g. 3d or 36h", s)
	}
	return d, nil
}

func runPricesRate(ctx context.Context, g *globals, o pricesRateOptions, pair, at string) error {
	const hint = "coinsift prices rate --help"
	base, quote, err := price.ParsePair(pair)
	if err != nil {
		return usagef(hint, "%v", err)
	}
	t, _, err := price.ParseTime(at)
	if err != nil {
		return usagef(hint, "%v", err)
	}
	method, err := price.ParseMethod(o.method)
	if err != nil {
		return usagef(hint, "%v", err)
	}
	tol, err := parseTolerance(o.tolerance)
	if err != nil {
		return usagef(hint, "%v", err)
	}
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	cur := []string{base, quote}
	for _, p := range price.Pivots {
		if p != base && p != quote {
			cur = append(cur, p)
		}
	}
	book, err := pricedb.LoadBook(ctx, c.DB(), cur)
	if err != nil {
		return err
	}
	r, err := book.Lookup(ctx, price.Query{Base: base, Quote: quote, At: t, Method: method, Tolerance: tol, Sources: o.sources})
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(r)
	}
	g.printf("%s %s at %s = %s (%s)\n", r.Base, r.Quote, r.At.Format(time.RFC3339), formatRate(r.Base, r.Quote, r.Value), r.Method)
	g.printf("path: %s\n", r.Path)
	rows := make([][]string, 0, len(r.Legs))
	for _, l := range r.Legs {
		pairs := l.Base + "/" + l.Quote
		if l.Inverted {
			pairs = "1 ÷ " + pairs
		}
		rows = append(rows, []string{pairs, formatRate(l.Base, l.Quote, l.Value), string(l.Method), l.Time.Format(time.RFC3339), l.Source, l.Evidence, strconv.FormatInt(l.Row, 10)})
	}
	return term.Table(g.stdout, []string{"LEG", "VALUE", "METHOD", "RATE TIME (UTC)", "SOURCE", "EVIDENCE", "ROW"}, rows)
}

// formatRate prints a rate of quote per one base for people: a fiat price
// of one bitcoin with 2 decimals (28403.27), a bitcoin price of one fiat
// unit with 8 (satoshis), a rate between fiat currencies with 6. --json
// keeps the exact stored value.
func formatRate(base, quote string, d price.Decimal) string {
	if !d.Valid() {
		return ""
	}
	switch {
	case base == "BTC":
		return d.Rat().FloatString(2)
	case quote == "BTC":
		return d.Rat().FloatString(8)
	default:
		return d.Rat().FloatString(6)
	}
}
