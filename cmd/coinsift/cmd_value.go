package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/price"
	"github.com/coinsift/coinsift/price/pricedb"
	"github.com/coinsift/coinsift/value"
	"github.com/coinsift/coinsift/value/valuesql"
)

type valueOptions struct {
	currency  string
	method    string
	tolerance time.Duration
	top       int
}

func newValueCommand(g *globals) *cobra.Command {
	var o valueOptions
	def := value.DefaultConfig()
	cmd := &cobra.Command{
		Use:   "value",
		Short: "Value every linked payment at its block time, with the rate's source",
		Long: `Value every output linked to a paid payment ('coinsift link') in the case
currency (--currency, default the case setting) at its block time, with the
BTC rate of the imported price series ('coinsift prices import') by
--method (close, open, mid or vwap) — directly, or as a cross rate through
USD or EUR (ECB series) when no direct pair exists. Each value keeps the
rate, its source, method, timestamp, the price file's evidence id and the
conversion path; amounts are integer minor units, rounded half to even.

A rate further from the block time than --tolerance is never taken: that
output is quarantined (table value_problems) with the dates of the gap, and
the command exits 3 after valuing the others. Prints the largest totals
received on chain per account, with their verified part (view
account_totals). Replaces earlier values.`,
		Example: `  coinsift value
  coinsift value --currency EUR --method vwap --tolerance 24h`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runValue(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.currency, "currency", "", "ISO 4217 currency (default: the case setting)")
	f.StringVar(&o.method, "method", string(def.Method), "rate method: close, open, mid or vwap")
	f.DurationVar(&o.tolerance, "tolerance", def.Tolerance, "widest gap accepted between a block time and a price bar")
	f.IntVar(&o.top, "top", 10, "accounts to list (largest verified totals)")
	return cmd
}

func runValue(ctx context.Context, g *globals, o valueOptions) error {
	m, err := price.ParseMethod(o.method)
	if err != nil {
		return usagef("--method close|open|mid|vwap", "%v", err)
	}
	cfg := value.Config{Currency: strings.ToUpper(o.currency), Method: m, Tolerance: o.tolerance}
	var vals []value.Value
	var probs []value.Problem
	var totals []valuesql.Total
	err = g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		if cfg.Currency == "" {
			cfg.Currency = c.Config().Settings.Currency
		}
		if err := cfg.Validate(); err != nil {
			return usagef("coinsift value --help", "%v", err)
		}
		rec.Note = cfg.Describe()
		items, err := valuesql.LoadItems(ctx, c.DB())
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return fmt.Errorf("no linked payments: run 'coinsift link' first: %w", coinsift.ErrNotFound)
		}
		book, err := pricedb.LoadBook(ctx, c.DB(), nil)
		if err != nil {
			return err
		}
		vals, probs, err = value.Run(ctx, book, items, cfg, g.progress("value", "outputs"))
		if err != nil {
			return err
		}
		counts, err := valuesql.Save(ctx, c.DB(), cfg, vals, probs, c.Now())
		if err != nil {
			return err
		}
		for _, t := range valuesql.Tables {
			rec.table(t, counts[t])
		}
		if len(probs) > 0 {
			items := make([]casefile.QuarantineItem, len(probs))
			for i, p := range probs {
				items[i] = casefile.QuarantineItem{Command: "value", Evidence: p.Evidence, Source: "payments",
					Table: p.Table, Row: p.Row, Offset: -1, Reason: p.Reason, Raw: fmt.Appendf(nil, "%s:%d", p.TxID, p.Vout)}
			}
			if err := c.Quarantine(ctx, items); err != nil {
				return err
			}
		}
		totals, err = valuesql.Totals(ctx, c.DB(), o.top)
		if err != nil {
			return err
		}
		if len(probs) > 0 {
			return &coinsift.QuarantineError{Op: "value", Count: int64(len(probs))}
		}
		return nil
	})
	if err != nil && vals == nil {
		return err
	}
	if g.json {
		if perr := g.printJSON(map[string]any{"settings": cfg.Describe(), "valued": len(vals), "problems": probs, "top_accounts": totals}); perr != nil {
			return perr
		}
		return err
	}
	var sum int64
	for _, v := range vals {
		sum += v.Minor
	}
	g.printf("valued %d outputs in %s (%s): %s %s in all\n", len(vals), cfg.Currency, cfg.Describe(), minorString(sum, value.MinorDigits(cfg.Currency)), cfg.Currency)
	for i, p := range probs {
		if i == 5 {
			g.printf("… and %d more (table value_problems)\n", len(probs)-5)
			break
		}
		g.printf("not valued: %s\n", p.Reason)
	}
	if len(totals) > 0 {
		g.printf("\nlargest totals received on chain (view account_totals):\n")
		rows := make([][]string, len(totals))
		for i, t := range totals {
			rows[i] = []string{t.Account, minorString(t.Minor, value.MinorDigits(t.Currency)) + " " + t.Currency,
				minorString(t.VerifiedMinor, value.MinorDigits(t.Currency)) + " " + t.Currency, strconv.FormatInt(t.Payments, 10),
				t.First.Format(time.DateOnly), t.Last.Format(time.DateOnly)}
		}
		if perr := term.Table(g.stdout, []string{"ACCOUNT", "RECEIVED", "VERIFIED", "PAYMENTS", "FIRST", "LAST"}, rows); perr != nil {
			return perr
		}
	}
	return err
}

// minorString formats minor units with digits decimal places.
func minorString(v int64, digits int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	if digits > 0 {
		for len(s) <= digits {
			s = "0" + s
		}
		s = s[:len(s)-digits] + "." + s[len(s)-digits:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
