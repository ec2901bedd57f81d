package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/persons"
	"github.com/coinsift/coinsift/persons/personsql"
	"github.com/coinsift/coinsift/trace"
)

func newTracePayersCommand(g *globals) *cobra.Command {
	o := traceOptions{}
	def := trace.DefaultConfig()
	var workers int
	cmd := &cobra.Command{
		Use:   "payers",
		Short: "Trace every paid payment back to its sources; store who paid per account",
		Long: `Run the backward trace ('coinsift trace back') for every payment that
'coinsift link' found paid (verified, late, partial, amount_mismatch), over
the stored clustering and cluster tags, on --workers goroutines. Stores per
payment (table payment_payers, payment_sources) the paying cluster — the
cluster of the paying transaction's first input address —, whether an
exchange paid the deposit address directly (hop 1) with the exchange's
withdrawal txid, or from how many hops which exchanges funded it with which
shares; and per account (account_payers, account_sources) the sums.
Replaces earlier payer results.`,
		Example: `  coinsift trace payers
  coinsift trace payers --hops 8 --workers 4 --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTracePayers(cmd.Context(), g, o, workers)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.hops, "hops", def.Hops, "transactions to walk at most")
	f.StringVar(&o.model, "model", string(def.Model), "attribution model: haircut, fifo or poison")
	f.IntVar(&o.maxCluster, "max-cluster", def.MaxCluster, "stop at untagged clusters larger than this (0: no bound)")
	f.Float64Var(&o.minShare, "min-share", def.MinShare, "drop paths whose share falls below this")
	f.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "parallel traces")
	return cmd
}

type payersSummary struct {
	Settings string         `json:"settings"`
	Payments int            `json:"payments"`
	Accounts int            `json:"accounts"`
	Direct   int            `json:"direct_from_exchange"`
	Errors   int            `json:"errors"`
	ByTop    map[string]int `json:"payments_by_top_exchange"`
}

func runTracePayers(ctx context.Context, g *globals, o traceOptions, workers int) error {
	m, err := trace.ParseModel(o.model)
	if err != nil {
		return usagef("--model haircut|fifo|poison", "%v", err)
	}
	cfg := trace.Config{Model: m, Hops: o.hops, MaxCluster: o.maxCluster, MinShare: o.minShare, MaxVisits: trace.DefaultConfig().MaxVisits}
	if err := cfg.Validate(); err != nil {
		return usagef("coinsift trace payers --help", "%v", err)
	}
	if workers < 1 {
		return usagef("coinsift trace payers --help", "--workers %d: must be at least 1", workers)
	}
	settings := fmt.Sprintf("trace/back model=%s hops=%d max-cluster=%d min-share=%g", cfg.Model, cfg.Hops, cfg.MaxCluster, cfg.MinShare)
	sum := payersSummary{Settings: settings, ByTop: map[string]int{}}
	err = g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		rec.Note = settings
		x, err := chainOf(c)
		if err != nil {
			return err
		}
		defer x.Close()
		starts, keys, err := personsql.LoadStarts(ctx, c.DB())
		if err != nil {
			return err
		}
		if len(starts) == 0 {
			return fmt.Errorf("no paid payments: run 'coinsift link' first: %w", coinsift.ErrNotFound)
		}
		view, err := traceView(ctx, c, x)
		if err != nil {
			if errors.Is(err, coinsift.ErrNotFound) {
				return fmt.Errorf("%w (run 'coinsift cluster run' first)", err)
			}
			return err
		}
		walk := func(ctx context.Context, outs []int64) ([]persons.Source, error) {
			r, err := trace.Back(ctx, x, outs, cfg, view, view)
			if err != nil {
				return nil, err
			}
			src := make([]persons.Source, len(r.Sources))
			for i, s := range r.Sources {
				src[i] = persons.Source{Entity: s.Entity.Name, Category: s.Entity.Category, Share: s.Share, Sats: s.Sats,
					Hops: s.Hops, Tx: s.Tx, Height: s.Height}
			}
			return src, nil
		}
		clusterOf := func(a uint32) uint32 {
			if int(a) < len(view.Cluster) {
				return view.Cluster[a]
			}
			return a
		}
		payers, err := persons.Payers(ctx, x, starts, walk, persons.PayersConfig{Workers: workers, ClusterOf: clusterOf},
			g.progress("trace payers", "payments"))
		if err != nil {
			return err
		}
		counts, err := personsql.SavePayers(ctx, c.DB(), keys, payers, settings, c.Now())
		if err != nil {
			return err
		}
		for _, t := range personsql.PayerTables {
			rec.table(t, counts[t])
		}
		sum.Payments, sum.Accounts = len(payers), int(counts["account_payers"])
		for _, p := range payers {
			if p.Direct {
				sum.Direct++
			}
			if p.Err != "" {
				sum.Errors++
			}
			top := p.Exchange
			if top == "" {
				top = "(none)"
			}
			sum.ByTop[top]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(sum)
	}
	g.printf("traced %d payments of %d accounts (%s): %d paid directly by an exchange, %d errors\n\n",
		sum.Payments, sum.Accounts, settings, sum.Direct, sum.Errors)
	rows := [][]string{}
	for _, k := range sortedCountKeys(sum.ByTop) {
		rows = append(rows, []string{k, strconv.Itoa(sum.ByTop[k])})
	}
	return term.Table(g.stdout, []string{"LARGEST EXCHANGE SOURCE", "PAYMENTS"}, rows)
}

// sortedCountKeys returns the keys of m, ascending.
func sortedCountKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
