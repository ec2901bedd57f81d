package main

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/cluster/clustersql"
	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/link"
	"github.com/coinsift/coinsift/trace"
)

type traceOptions struct {
	hops       int
	model      string
	maxCluster int
	minShare   float64
}

func newTraceCommand(g *globals) *cobra.Command {
	c := groupCommand("trace", "Follow money backwards to its sources or forwards to its cash-out")
	c.Example = `  coinsift trace payers
  coinsift trace back src_invoices#10569
  coinsift trace forward f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16:1`
	c.AddCommand(newTraceDirCommand(g, true), newTraceDirCommand(g, false), newTracePayersCommand(g))
	return c
}

func newTraceDirCommand(g *globals, back bool) *cobra.Command {
	o := traceOptions{}
	def := trace.DefaultConfig()
	use, short, long := "back PAYMENT|TXID[:VOUT]|ADDR", "Trace where money came from, to the first tagged entity on each path",
		`Trace backwards from a seized payment (PAYMENT: its key as 'coinsift link'
prints it, EVIDENCE/TABLE#ROW, or TABLE#ROW), an output (TXID:VOUT), all
outputs of a transaction (TXID) or every output paid to an address (ADDR)
to the first tagged entity on each path — an exchange, a mixer, a fraud
shop, a sanctioned address —
with the share of the amount each source accounts for under the chosen model
(haircut, fifo or poison). Entities come from the case's tags propagated to
clusters ('coinsift tags import', then 'coinsift cluster run'). A path stops
at a CoinJoin, at an untagged cluster larger than --max-cluster, at a
coinbase, at --hops, or when its share falls below --min-share; the result
says how much of the amount ended for each reason.`
	if !back {
		use, short, long = "forward PAYMENT|TXID[:VOUT]|ADDR", "Trace where money went, to the first tagged entity on each path",
			`Trace forwards from a seized payment (PAYMENT), an output (TXID:VOUT),
the outputs of a transaction
(TXID) or the outputs paid to an address (ADDR) to the first tagged entity it
reaches on each path — typically an exchange deposit address, where the money
was cashed out. Stops as 'trace back' does, and at unspent outputs.`
	}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Long:  long,
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTrace(cmd.Context(), g, o, args[0], back)
		},
	}
	cmd.Example = `  coinsift trace back src_invoices#10569
  coinsift trace back f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16:0 --model fifo --hops 10
  coinsift --json trace back 1BoatSLRHtKNngkdXEeobR76b53LETtpyT > sources.json`
	if !back {
		cmd.Example = `  coinsift trace forward src_invoices#10569
  coinsift trace forward f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16:1 --model poison --max-cluster 0
  coinsift --json trace forward 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy > cash-out.json`
	}
	f := cmd.Flags()
	f.IntVar(&o.hops, "hops", def.Hops, "transactions to walk at most")
	f.StringVar(&o.model, "model", string(def.Model), "attribution model: haircut, fifo or poison")
	f.IntVar(&o.maxCluster, "max-cluster", def.MaxCluster, "stop at untagged clusters larger than this (0: no bound)")
	f.Float64Var(&o.minShare, "min-share", def.MinShare, "drop paths whose share falls below this")
	return cmd
}

// paymentOutputs returns the outputs 'coinsift link' matched to a payment
// named by its reference (link.ParseRef): "EVIDENCE/TABLE#ROW" as link
// prints it, or "TABLE#ROW" when one evidence file has that table; the
// older "TABLE:ROW" is accepted too. ok is false when arg is not a payment
// reference.
func paymentOutputs(ctx context.Context, db *sql.DB, arg string) ([]int64, bool, error) {
	k, err := link.ParseRef(arg)
	if err != nil {
		return nil, false, nil
	}
	ev, table, n, row := k.Evidence, k.Table, k.Row, strconv.FormatInt(k.Row, 10)
	rows, err := db.QueryContext(ctx, `SELECT o.output, l.evidence_id FROM links l JOIN link_outputs o USING (evidence_id, src_table, src_row)
		WHERE l.src_table = ? AND l.src_row = ? AND (? = '' OR l.evidence_id = ?) ORDER BY l.evidence_id, o.seq`, table, n, ev, ev)
	if err != nil {
		return nil, true, fmt.Errorf("payment %s: %w (run 'coinsift link' first)", arg, err)
	}
	defer rows.Close()
	var outs []int64
	evs := map[string]bool{}
	for rows.Next() {
		var o int64
		var e string
		if err := rows.Scan(&o, &e); err != nil {
			return nil, true, err
		}
		outs, evs[e] = append(outs, o), true
	}
	if err := rows.Err(); err != nil {
		return nil, true, err
	}
	switch {
	case len(evs) > 1:
		return nil, true, usagef("coinsift trace back EVIDENCE/"+table+"#"+row, "payment %s is in %d evidence files: name one", arg, len(evs))
	case len(outs) == 0:
		return nil, true, fmt.Errorf("payment %s has no output on chain (see 'coinsift sql \"SELECT * FROM links WHERE src_row = %d\"'): %w", arg, n, coinsift.ErrNotFound)
	}
	return outs, true, nil
}

// traceStarts resolves TXID:VOUT, TXID or ADDR to output numbers.
func traceStarts(x *chainindex.Index, arg string, back bool) ([]int64, error) {
	txid, vout, hasVout := strings.Cut(arg, ":")
	if id, err := coinsift.ParseTxID(txid); err == nil {
		t, err := x.TxByID(id)
		if err != nil {
			return nil, err
		}
		tx := x.Tx(t)
		if hasVout {
			v, err := strconv.Atoi(vout)
			if err != nil || v < 0 || v >= tx.NumOutputs {
				return nil, usagef("TXID:VOUT with 0 ≤ VOUT < "+strconv.Itoa(tx.NumOutputs), "output %q: no such output", arg)
			}
			return []int64{tx.FirstOutput + int64(v)}, nil
		}
		outs := make([]int64, tx.NumOutputs)
		for k := range outs {
			outs[k] = tx.FirstOutput + int64(k)
		}
		return outs, nil
	}
	a, err := x.AddressByString(arg)
	if err != nil {
		return nil, fmt.Errorf("%q is neither a txid nor an address in the index: %w", arg, err)
	}
	return x.AddressOutputs(a), nil
}

// traceView builds the labeller and guard of a walk from the case's stored
// clustering and cluster tags.
func traceView(ctx context.Context, c *casefile.Case, x *chainindex.Index) (*trace.ClusterView, error) {
	as, err := clustersql.LoadAssignment(ctx, c.DB(), int(x.NumAddresses())+1)
	if err != nil {
		return nil, err
	}
	ts, err := clustersql.LoadTags(ctx, c.DB(), 0, true)
	if err != nil {
		return nil, err
	}
	v := &trace.ClusterView{Cluster: as.Cluster, Size: as.Size, Joins: as.Joins, Owners: map[uint32]trace.Entity{}}
	for _, at := range clustersql.Attribute(ts) {
		v.Owners[at.Cluster] = trace.Entity{Name: at.Entity, Category: at.Category}
	}
	return v, nil
}

func runTrace(ctx context.Context, g *globals, o traceOptions, arg string, back bool) error {
	m, err := trace.ParseModel(o.model)
	if err != nil {
		return usagef("--model haircut|fifo|poison", "%v", err)
	}
	cfg := trace.Config{Model: m, Hops: o.hops, MaxCluster: o.maxCluster, MinShare: o.minShare, MaxVisits: trace.DefaultConfig().MaxVisits}
	if err := cfg.Validate(); err != nil {
		return usagef("coinsift trace --help", "%v", err)
	}
	c, x, done, err := g.openCaseChain(ctx)
	if err != nil {
		return err
	}
	defer done()
	starts, isPayment, err := paymentOutputs(ctx, c.DB(), arg)
	if err != nil {
		return err
	}
	if !isPayment {
		if starts, err = traceStarts(x, arg, back); err != nil {
			return err
		}
	}
	view, err := traceView(ctx, c, x)
	if err != nil {
		return err
	}
	walk := trace.Back
	if !back {
		walk = trace.Forward
	}
	r, err := walk(ctx, x, starts, cfg, view, view)
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(map[string]any{"start": arg, "direction": map[bool]string{true: "back", false: "forward"}[back], "hops": cfg.Hops, "result": r})
	}
	dir := "came from"
	if !back {
		dir = "went to"
	}
	g.printf("%s BTC at %s %s (model %s, %d hops, %d transactions visited):\n\n", r.Start, sanitize.Terminal(arg), dir, r.Model, cfg.Hops, r.Visited)
	rows := make([][]string, 0, len(r.Sources))
	for _, s := range r.Sources {
		rows = append(rows, []string{s.Entity.Name, s.Entity.Category, fmt.Sprintf("%.1f%%", 100*s.Share), s.Sats.String(),
			strconv.Itoa(s.Hops), s.Tx.String(), strconv.Itoa(int(s.Height))})
	}
	if err := term.Table(g.stdout, []string{"ENTITY", "CATEGORY", "SHARE", "BTC", "HOPS", "TXID", "HEIGHT"}, rows); err != nil {
		return err
	}
	if len(r.Stops) > 0 {
		g.printf("\nuntraced:\n")
		srows := make([][]string, 0, len(r.Stops))
		for _, s := range r.Stops {
			srows = append(srows, []string{s.Reason, fmt.Sprintf("%.1f%%", 100*s.Share), strconv.Itoa(s.Count)})
		}
		return term.Table(g.stdout, []string{"STOPPED AT", "SHARE", "PATHS"}, srows)
	}
	return nil
}
