package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/cluster/clustersql"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/link"
	"github.com/coinsift/coinsift/link/linksql"
)

type linkOptions struct {
	tolSats int64
	tolPPM  int64
	window  time.Duration
	slack   time.Duration
}

func newLinkCommand(g *globals) *cobra.Command {
	var o linkOptions
	def := link.DefaultConfig()
	cmd := &cobra.Command{
		Use:   "link",
		Short: "Match the seized payments to the chain; find unrecorded deposits",
		Long: `Match every payment of the canonical payments table (filled by 'coinsift
seized load --mapping') to outputs of the chain index: by the recorded txid
(and vout) when there is one, else by the deposit address, the amount (within
max(--tolerance-sats, --tolerance-ppm)) and the time (--window after the
invoice's creation, blocks up to --slack early). Each output is assigned to
at most one payment; payments to a reused address are served in creation
order, and at an address several invoices share an invoice first takes an
output of its own amount in its window. A payment its recorded txid pays
short takes the other unused outputs to its address in the window (the
parts of a split payment).

Statuses: verified, amount_mismatch (overpaid, or a recorded tx paying
another amount), partial (underpaid), late (after the window), unpaid (no
output and the service says so), not_found (recorded txid absent, or no
unused output to the address), address_never_seen (no output although the
service says paid), duplicate (another record of a linked payment), and
paid_again: a further output to a paid invoice's address from a cluster
that paid the invoice, after its payment, attached to the same account as
a row of its own (key: the source table suffixed +again1, +again2, ...).

Also clusters the service's own wallet from its spends: from the deposit
addresses, every transaction spending a service output adds its other
inputs (unless a CoinJoin) and its change (an output the stored clustering
puts with an input; run 'coinsift cluster run' first), until nothing is
added (table service_addresses, with why each address is in). Lists the
deposits to it that no payment accounts for and that come from outside the
service (unrecorded_deposits); outputs whose transaction spends service
outputs are the service's own transfers and are only counted. Describes
the wallet by cluster: sizes, sweeps and where the sweeps went. Replaces
earlier links.`,
		Example: `  coinsift link
  coinsift link --window 96h --tolerance-ppm 10000 --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLink(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.Int64Var(&o.tolSats, "tolerance-sats", int64(def.ToleranceSats), "amount tolerance in satoshis (the larger of this and --tolerance-ppm applies)")
	f.Int64Var(&o.tolPPM, "tolerance-ppm", def.TolerancePPM, "amount tolerance in parts per million of the recorded amount")
	f.DurationVar(&o.window, "window", def.Window, "time after the invoice's creation within which a payment is on time")
	f.DurationVar(&o.slack, "slack", def.Slack, "how much earlier than the invoice's creation a block may be stamped")
	return cmd
}

func runLink(ctx context.Context, g *globals, o linkOptions) error {
	cfg := link.Config{ToleranceSats: coinsift.Sats(o.tolSats), TolerancePPM: o.tolPPM, Window: o.window, Slack: o.slack}
	if err := cfg.Validate(); err != nil {
		return usagef("coinsift link --help", "%v", err)
	}
	var res *link.Result
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		rec.Note = cfg.Describe()
		x, err := chainOf(c)
		if err != nil {
			return err
		}
		defer x.Close()
		ps, err := linksql.LoadPayments(ctx, c.DB())
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			return fmt.Errorf("no payments in the case: load the seized database with 'coinsift seized load --mapping FILE': %w", coinsift.ErrNotFound)
		}
		var cl link.Clustering
		as, err := clustersql.LoadAssignment(ctx, c.DB(), int(x.NumAddresses())+1)
		switch {
		case errors.Is(err, coinsift.ErrNotFound):
			g.logger.Warn("no clustering: the service wallet is the deposit addresses alone (run 'coinsift cluster run')")
		case err != nil:
			return err
		default:
			cl = as.Cluster
		}
		res, err = link.Run(ctx, x, ps, cl, cfg, g.progress("link", "payments"))
		if err != nil {
			return err
		}
		counts, err := linksql.Save(ctx, c.DB(), res, c.Now())
		if err != nil {
			return err
		}
		for _, t := range linksql.Tables {
			rec.table(t, counts[t])
		}
		return nil
	})
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(map[string]any{"settings": cfg.Describe(), "stats": res.Stats, "service_wallet": res.Wallet})
	}
	g.printf("linked %d payments (%s)\n\n", res.Stats.Payments, cfg.Describe())
	rows := [][]string{}
	for _, s := range link.Statuses {
		rows = append(rows, []string{string(s), strconv.Itoa(res.Stats.ByStatus[s])})
	}
	if err := term.Table(g.stdout, []string{"STATUS", "PAYMENTS"}, rows); err != nil {
		return err
	}
	var unrec coinsift.Sats
	for _, d := range res.Unrecorded {
		unrec += d.Sats
	}
	var again coinsift.Sats
	for _, l := range res.Links {
		if l.Status == link.PaidAgain {
			again += l.Paid
		}
	}
	if n := res.Stats.ByStatus[link.PaidAgain]; n > 0 {
		g.printf("\npaid again: %d further payment(s), %s BTC, attached to the accounts whose invoices they paid again (status paid_again)\n", n, again)
	}
	g.printf("\nunrecorded deposits: %d outputs, %s BTC from outside the service (table unrecorded_deposits)\n", len(res.Unrecorded), unrec)
	g.printf("the service's own transfers: %d outputs, %s BTC, its change and moves between its addresses (not unrecorded deposits)\n",
		res.Stats.SelfTransfers, res.Stats.SelfTransferSats)
	why := map[link.Why]int{}
	for _, a := range res.Service {
		why[a.Why]++
	}
	g.printf("service wallet: %d address(es): %d deposit, %d co-spent, %d change; %d pass(es)", len(res.Service),
		why[link.WhyDeposit], why[link.WhyCoSpent], why[link.WhyChange], res.Stats.ServiceRounds)
	if res.Stats.ServiceIncomplete {
		g.printf(", stopped at the bound of %d: incomplete", link.MaxServiceRounds)
	}
	g.printf(" (table service_addresses)\n")
	g.printf("in %d cluster(s); the largest by address:\n\n", len(res.Wallet))
	wrows := [][]string{}
	parts := append([]link.WalletPart(nil), res.Wallet...)
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].Size > parts[j].Size })
	for i, w := range parts {
		if i == 10 {
			break
		}
		to := ""
		if len(w.Destinations) > 0 {
			to = fmt.Sprintf("%d (%s, %s BTC)", w.Destinations[0].Cluster, w.Destinations[0].Example, w.Destinations[0].Sats)
		}
		wrows = append(wrows, []string{strconv.FormatUint(uint64(w.Cluster), 10), strconv.Itoa(w.Size), strconv.Itoa(w.DepositAddresses),
			w.Received.String(), strconv.Itoa(w.Sweeps), to})
	}
	return term.Table(g.stdout, []string{"CLUSTER", "SIZE", "DEPOSIT ADDRS", "RECEIVED BTC", "SWEEPS", "LARGEST DESTINATION"}, wrows)
}
