package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/cluster"
	"github.com/coinsift/coinsift/internal/term"
)

type clusterEvalOptions struct {
	truth    string
	markdown bool
}

func newClusterEvalCommand(g *globals) *cobra.Command {
	var o clusterEvalOptions
	cmd := &cobra.Command{
		Use:   "eval --truth DIR",
		Short: "Measure each heuristic's precision and recall against a generated world's truth",
		Long: `Cluster the case's chain with each heuristic alone and with the default
combination, and compare every result with the ground truth of a generated
world (DIR/addresses.tsv, DIR/change.tsv, DIR/coinjoins.tsv; see
docs/format/world.md): pairwise and B-cubed precision and recall of the
clusters, precision and recall of each change sub-heuristic, and of CoinJoin
detection. Nothing is stored. --markdown prints the tables for
docs/methodology.md.`,
		Args: noArgs,
		Example: `  coinsift cluster eval --truth world/truth
  coinsift cluster eval --truth world/truth --markdown > clustering.md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.truth == "" {
				return usagef("coinsift cluster eval --truth WORLD/truth", "--truth is required")
			}
			return runClusterEval(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.truth, "truth", "", "truth directory of a generated world")
	cmd.Flags().BoolVar(&o.markdown, "markdown", false, "print Markdown tables")
	return cmd
}

type indexResolver struct{ x *chainindex.Index }

func (r indexResolver) AddressID(s string) (uint32, bool) {
	a, err := r.x.AddressByString(s)
	return a, err == nil
}

func (r indexResolver) TxNum(s string) (int64, bool) {
	id, err := coinsift.ParseTxID(s)
	if err != nil {
		return 0, false
	}
	t, err := r.x.TxByID(id)
	return t, err == nil
}

type evalRow struct {
	Name   string         `json:"name"`
	Config string         `json:"settings"`
	Scores cluster.Scores `json:"scores"`
	Stats  cluster.Stats  `json:"stats"`
}

type evalReport struct {
	Truth      string                `json:"truth"`
	Addresses  int                   `json:"addresses_with_truth"`
	Unresolved int                   `json:"unresolved_truth_rows"`
	Runs       []evalRow             `json:"runs"`
	Change     []cluster.ChangeScore `json:"change"`
	TrueChange int64                 `json:"true_change_outputs"`
	CoinJoin   cluster.JoinScore     `json:"coinjoin"`
}

func runClusterEval(ctx context.Context, g *globals, o clusterEvalOptions) error {
	_, x, done, err := g.openCaseChain(ctx)
	if err != nil {
		return err
	}
	defer done()
	src := cluster.FromIndex(x)
	res := indexResolver{x}
	var truth cluster.Truth
	for _, f := range []struct {
		name string
		read func(*os.File) error
	}{
		{"addresses.tsv", func(f *os.File) error { return truth.ReadWallets(f, res, src.NumAddresses()) }},
		{"change.tsv", func(f *os.File) error { return truth.ReadChange(f, res) }},
		{"coinjoins.tsv", func(f *os.File) error { return truth.ReadJoins(f, res) }},
	} {
		path := filepath.Join(o.truth, f.name)
		fh, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("truth: %w", err)
		}
		err = f.read(fh)
		fh.Close()
		if err != nil {
			return fmt.Errorf("truth %s: %w", path, err)
		}
	}
	rep := evalReport{Truth: o.truth, Unresolved: truth.Unresolved, TrueChange: int64(len(truth.Change))}
	runs := []struct{ name, heuristics string }{
		{"multi-input alone", "multi-input"},
		{"multi-input + coinjoin guard", "multi-input,coinjoin"},
	}
	for _, h := range cluster.Heuristics() {
		if strings.HasPrefix(h.Name, "change-") {
			runs = append(runs, struct{ name, heuristics string }{"+ " + h.Name + " alone", "multi-input,coinjoin," + h.Name})
		}
	}
	runs = append(runs, struct{ name, heuristics string }{"default (" + cluster.DefaultHeuristics + ")", cluster.DefaultHeuristics})
	for i, r := range runs {
		cfg := cluster.DefaultConfig()
		cfg.Heuristics, _ = cluster.ParseSet(r.heuristics)
		cfg.KeepMerges = false
		if i < len(runs)-1 {
			cfg.MinChangeVotes = 1 // a heuristic alone decides by itself
		}
		p := g.progress("eval "+r.name, "txs")
		p.SetTotal(2 * x.NumTxs())
		out, err := cluster.Run(ctx, src, cfg, g.logger, p)
		if err != nil {
			return err
		}
		sc := cluster.Evaluate(out.Cluster, truth.Wallet)
		rep.Addresses = sc.Addresses
		rep.Runs = append(rep.Runs, evalRow{Name: r.name, Config: cfg.Describe(), Scores: sc, Stats: out.Stats})
		if i == len(runs)-1 {
			rep.CoinJoin = cluster.EvaluateJoins(out, truth.Joins)
		}
	}
	// Each change sub-heuristic's own answers, all enabled together.
	cfg := cluster.DefaultConfig()
	cfg.Heuristics, _ = cluster.ParseSet("multi-input,coinjoin,change")
	cfg.KeepMerges = false
	all, err := cluster.Run(ctx, src, cfg, g.logger, nil)
	if err != nil {
		return err
	}
	rep.Change = cluster.EvaluateChange(all.Changes, func(tx int64, v int) bool { return truth.Change[cluster.TxOut{Tx: tx, Vout: v}] }, rep.TrueChange)
	if g.json {
		return g.printJSON(rep)
	}
	return printEval(g, rep, o.markdown)
}

func printEval(g *globals, rep evalReport, md bool) error {
	rows := make([][]string, 0, len(rep.Runs))
	for _, r := range rep.Runs {
		rows = append(rows, []string{r.Name, fmt.Sprint(r.Stats.Clusters), fmt.Sprint(r.Stats.Largest),
			pct(r.Scores.PairPrecision), pct(r.Scores.PairRecall), pct(r.Scores.BCubedPrecision), pct(r.Scores.BCubedRecall)})
	}
	head := []string{"RUN", "CLUSTERS", "LARGEST", "PAIR PRECISION", "PAIR RECALL", "B3 PRECISION", "B3 RECALL"}
	chRows := make([][]string, 0, len(rep.Change))
	for _, s := range rep.Change {
		chRows = append(chRows, []string{s.Name, fmt.Sprint(s.Named), fmt.Sprint(s.Correct), pct(s.Precision), pct(s.Recall)})
	}
	chHead := []string{"CHANGE HEURISTIC", "NAMED", "CORRECT", "PRECISION", "RECALL"}
	cj := rep.CoinJoin
	if md {
		mdTable(g, head, rows)
		g.printf("\n")
		mdTable(g, chHead, chRows)
		g.printf("\nCoinJoin detection: %d detected, %d true, %d correct: precision %s, recall %s.\n",
			cj.Detected, cj.True, cj.Correct, pct(cj.Precision), pct(cj.Recall))
		g.printf("\n%d addresses with a known wallet; %d true change outputs; %d truth rows not in the index.\n",
			rep.Addresses, rep.TrueChange, rep.Unresolved)
		return nil
	}
	g.printf("%d addresses with a known wallet (%d truth rows not in the index)\n\n", rep.Addresses, rep.Unresolved)
	if err := term.Table(g.stdout, head, rows); err != nil {
		return err
	}
	g.printf("\n")
	if err := term.Table(g.stdout, chHead, chRows); err != nil {
		return err
	}
	g.printf("\ncoinjoin detection: %d detected, %d true, %d correct: precision %s, recall %s\n",
		cj.Detected, cj.True, cj.Correct, pct(cj.Precision), pct(cj.Recall))
	return nil
}

func mdTable(g *globals, head []string, rows [][]string) {
	g.printf("| %s |\n|%s\n", strings.Join(head, " | "), strings.Repeat("---|", len(head)))
	for _, r := range rows {
		g.printf("| %s |\n", strings.Join(r, " | "))
	}
}

// pct formats a ratio as a percentage with one decimal.
func pct(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }
