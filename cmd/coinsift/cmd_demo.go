package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
)

type demoOptions struct {
	scale string
	seed  uint64
	out   string
}

func newDemoCommand(g *globals) *cobra.Command {
	var o demoOptions
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole job on a generated iSpoof-like world, end to end",
		Long: `Generate an iSpoof-like world (a regtest chain, the service's seized
database, price files, public tags and the truth behind them) and run the
whole investigation on it, each step as the command an investigator would
type: case init, evidence, chain import, seized load with a suggested
mapping, prices, tags, cluster, link, value, trace, place, triage, victims
and reports. It ends with a short summary and the paths of the reports.

The world goes to OUT/world and the case to OUT/case; OUT must not exist or
must be empty. Every step is recorded in OUT/case/audit.jsonl.`,
		Example: `  coinsift demo --out ./demo
  coinsift demo --scale ispoof --out /data/demo`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDemo(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.scale, "scale", "small", "world size: tiny, small or ispoof")
	f.Uint64Var(&o.seed, "seed", 1, "world seed")
	f.StringVar(&o.out, "out", "coinsift-demo", "output directory")
	return cmd
}

// demoStep is one command of the demo. okQuarantine accepts exit status 3:
// generated seized data holds malformed rows on purpose.
type demoStep struct {
	what         string
	args         []string
	okQuarantine bool
}

func runDemo(ctx context.Context, g *globals, o demoOptions) error {
	if entries, err := os.ReadDir(o.out); err == nil && len(entries) > 0 {
		return usagef("coinsift demo --out NEW-DIR", "--out %s exists and is not empty", o.out)
	}
	worldDir, caseDir := filepath.Join(o.out, "world"), filepath.Join(o.out, "case")
	steps := []demoStep{
		{"generate the world", []string{"world", "gen", "--scale", o.scale, "--seed", strconv.FormatUint(o.seed, 10), "--out", worldDir}, false},
		{"create the case", []string{"case", "init", caseDir, "--name", "iSpoof demo (" + o.scale + " world, seed " + strconv.FormatUint(o.seed, 10) + ")"}, false},
	}
	blocks, _ := filepath.Glob(filepath.Join(worldDir, "blocks", "*.dat"))
	_ = blocks // the world does not exist yet: the blocks are listed when the step runs
	steps = append(steps,
		demoStep{"register the node's block files as evidence", []string{"evidence", "add", "--kind", "blocks", "--note", "regtest node data", filepath.Join(worldDir, "blocks") + "/*.dat"}, false},
		demoStep{"import the chain", []string{"chain", "import", "--blocks", filepath.Join(worldDir, "blocks")}, true},
		demoStep{"import prices (BTC/GBP)", []string{"prices", "import", filepath.Join(worldDir, "prices", "BTC-GBP.csv"), "--source", "world-yahoo"}, true},
		demoStep{"import prices (BTC/USD)", []string{"prices", "import", filepath.Join(worldDir, "prices", "BTC-USD.csv"), "--source", "world-yahoo"}, true},
		demoStep{"import public tags", []string{"tags", "import", "--network", "regtest", filepath.Join(worldDir, "tags", "exchanges.yaml")}, true},
		demoStep{"cluster addresses into wallets", []string{"cluster", "run"}, false},
	)
	start := time.Now()
	for i, st := range steps {
		args := append([]string{"--case", caseDir}, st.args...)
		if i == 0 || st.args[0] == "case" {
			args = st.args
		}
		args = expandGlobs(args)
		if g.quiet {
			args = append([]string{"--quiet"}, args...)
		}
		fmt.Fprintf(g.stderr, "[%d/%d] %s: coinsift %s\n", i+1, len(steps), st.what, strings.Join(args, " "))
		t0 := time.Now()
		out := io.Discard
		if g.verbose > 0 {
			out = g.stderr
		}
		err := run(ctx, args, g.stdin, out, g.stderr)
		if err != nil && !(st.okQuarantine && errors.Is(err, coinsift.ErrQuarantined)) {
			return fmt.Errorf("step %d (%s): %w", i+1, st.what, err)
		}
		fmt.Fprintf(g.stderr, "      done in %s\n", time.Since(t0).Round(time.Millisecond))
	}
	return demoSummary(ctx, g, caseDir, time.Since(start))
}

// expandGlobs expands arguments holding a * (the demo's own paths only).
func expandGlobs(args []string) []string {
	var out []string
	for _, a := range args {
		if strings.Contains(a, "*") {
			if m, _ := filepath.Glob(a); len(m) > 0 {
				out = append(out, m...)
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

type demoFigures struct {
	Case         string `json:"case"`
	Elapsed      string `json:"elapsed"`
	Blocks       int64  `json:"blocks"`
	Transactions int64  `json:"transactions"`
	Addresses    int64  `json:"addresses"`
	Clusters     int64  `json:"clusters"`
	Tagged       int64  `json:"tagged_clusters"`
	Evidence     int    `json:"evidence_files"`
	AuditLines   int64  `json:"audit_lines"`
	Quarantined  int64  `json:"quarantined"`
}

func demoSummary(ctx context.Context, g *globals, caseDir string, elapsed time.Duration) error {
	c, err := casefile.Open(ctx, caseDir, g.caseOptions(true))
	if err != nil {
		return err
	}
	defer c.Close()
	x, err := chainOf(c)
	if err != nil {
		return err
	}
	defer x.Close()
	f := demoFigures{Case: caseDir, Elapsed: elapsed.Round(time.Second).String()}
	inf := x.Info()
	f.Blocks, f.Transactions, f.Addresses = inf.Counts.Blocks, inf.Counts.Txs, inf.Counts.Addresses
	db := c.DB()
	count := func(q string) int64 {
		var n sql.NullInt64
		db.QueryRowContext(ctx, q).Scan(&n)
		return n.Int64
	}
	f.Clusters = count(`SELECT count(*) FROM cluster_sizes`)
	f.Tagged = count(`SELECT count(DISTINCT cluster_id) FROM cluster_tags`)
	f.Quarantined = count(`SELECT count(*) FROM quarantine`)
	ev, _ := c.EvidenceList()
	f.Evidence = len(ev)
	head, _ := c.AuditHead(ctx)
	f.AuditLines = head.Seq
	if g.json {
		return g.printJSON(f)
	}
	g.printf("\ncoinsift demo finished in %s\n\n", f.Elapsed)
	g.printf("  chain          %d blocks, %d transactions, %d addresses\n", f.Blocks, f.Transactions, f.Addresses)
	g.printf("  wallets        %d clusters, %d attributed by public tags\n", f.Clusters, f.Tagged)
	g.printf("  evidence       %d files registered; %d items quarantined\n", f.Evidence, f.Quarantined)
	g.printf("  audit          %d commands recorded (coinsift --case %s audit verify)\n", f.AuditLines, caseDir)
	g.printf("\n  case           %s\n", caseDir)
	return nil
}
