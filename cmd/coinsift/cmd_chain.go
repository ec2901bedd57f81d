package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/internal/term"
)

type chainImportOptions struct {
	blocks        string
	network       string
	skipPoW       bool
	confirmations int
	stopAt        int
}

func newChainCommand(g *globals) *cobra.Command {
	c := groupCommand("chain", "Import and inspect the Bitcoin chain index")
	c.AddCommand(newChainImportCommand(g), newChainInfoCommand(g))
	return c
}

func newChainImportCommand(g *globals) *cobra.Command {
	var o chainImportOptions
	cmd := &cobra.Command{
		Use:   "import --blocks DIR",
		Short: "Index a Bitcoin Core blocks directory into the case's chain index",
		Long: `Scan the blk*.dat files of a Bitcoin Core blocks directory (honouring
xor.dat), choose the main chain by most cumulative work, and append its blocks
to the case's chain index. A later run appends only new blocks and rolls back
blocks the directory's best chain replaced. Ctrl-C leaves the index at the last
committed block; run the command again to continue.

Unreadable records and inputs spending unknown outputs are quarantined
(exit status 3).`,
		Example: "  coinsift chain import --blocks ~/.bitcoin/blocks",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runChainImport(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.blocks, "blocks", "", "Bitcoin Core blocks directory (blk*.dat, xor.dat)")
	cmd.Flags().StringVar(&o.network, "network", "", "mainnet, testnet3, testnet4, signet or regtest (default: from the block magic)")
	cmd.Flags().BoolVar(&o.skipPoW, "skip-pow", false, "do not check headers' proof of work (synthetic chains)")
	cmd.Flags().IntVar(&o.confirmations, "confirmations", 0, "stay this many blocks behind the tip")
	cmd.Flags().IntVar(&o.stopAt, "stop-at", 0, "stop after this height (0: the tip)")
	return cmd
}

type chainImportResult struct {
	Blocks      blockfile.Stats   `json:"blocks_dir"`
	Import      chainindex.Result `json:"import"`
	Info        chainindex.Info   `json:"index"`
	Quarantined int64             `json:"quarantined"`
}

func runChainImport(ctx context.Context, g *globals, o chainImportOptions) error {
	if o.blocks == "" {
		return usagef("coinsift chain import --blocks ~/.bitcoin/blocks", "chain import: --blocks is required")
	}
	var net *bitcoin.Params
	if o.network != "" {
		if net = bitcoin.ParamsByName(o.network); net == nil {
			return usagef("coinsift chain import --network mainnet", "chain import: unknown network %q", o.network)
		}
	}
	var res chainImportResult
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		var items []casefile.QuarantineItem
		collect := func(e *coinsift.InputError) {
			items = append(items, casefile.QuarantineItem{Command: "chain import", Source: e.Source, Offset: e.Offset, Reason: e.Op + ": " + errString(e.Err)})
		}
		src, err := blockfile.Open(ctx, o.blocks, blockfile.Options{Network: net, SkipPoW: o.skipPoW, Quarantine: collect,
			Progress: g.progress("scan blocks", "bytes"), Logger: g.logger})
		if err != nil {
			return err
		}
		defer src.Close()
		res.Blocks = src.Stats()
		ir, ierr := chainindex.Import(ctx, c.ChainDir(), src, chainindex.Options{
			Confirmations: o.confirmations, StopAt: coinsift.Height(o.stopAt), Quarantine: collect,
			Progress: g.progress, Stale: res.Blocks.Stale + res.Blocks.Orphans, Logger: g.logger})
		res.Import = ir
		if x, err := chainindex.Open(c.ChainDir()); err == nil {
			res.Info = x.Info()
			x.Close()
		}
		rec.table("chain_blocks", int64(ir.Blocks))
		rec.table("chain_txs", ir.Txs)
		qerr := c.Quarantine(context.WithoutCancel(ctx), items)
		res.Quarantined = int64(len(items))
		if err := errors.Join(ierr, qerr); err != nil {
			return err
		}
		if len(items) > 0 {
			return &coinsift.QuarantineError{Op: "chain import", Count: int64(len(items))}
		}
		return nil
	})
	if err != nil && !errors.Is(err, coinsift.ErrQuarantined) {
		return err
	}
	if g.json {
		return errors.Join(g.printJSON(res), err)
	}
	g.printf("network   %s\n", res.Info.Network)
	g.printf("records   %d in %d file(s), %d stale, %d orphan, %d quarantined\n", res.Blocks.Records, res.Blocks.Files, res.Blocks.Stale, res.Blocks.Orphans, res.Blocks.Quarantined)
	if res.Import.RolledBack > 0 {
		g.printf("rollback  %d block(s)\n", res.Import.RolledBack)
	}
	g.printf("imported  %d block(s) %d..%d, %d txs, %.1f MB in %s\n", res.Import.Blocks, res.Import.From, res.Import.To, res.Import.Txs,
		float64(res.Import.Bytes)/1e6, res.Import.Elapsed.Round(1e6))
	g.printf("tip       %d %s\n", res.Info.Tip, res.Info.TipHash)
	return err
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func newChainInfoCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "info",
		Short: "Show the chain index: tip, counts, sources, stale blocks",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runChainInfo(cmd.Context(), g)
		},
	}
}

// openChain opens the case's chain index read-only.
func (g *globals) openChain(ctx context.Context) (*chainindex.Index, error) {
	c, err := g.openCase(ctx)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return chainOf(c)
}

func runChainInfo(ctx context.Context, g *globals) error {
	x, err := g.openChain(ctx)
	if err != nil {
		return err
	}
	defer x.Close()
	inf := x.Info()
	if g.json {
		return g.printJSON(inf)
	}
	rows := [][]string{
		{"network", inf.Network},
		{"tip", fmt.Sprintf("%d %s %s", inf.Tip, inf.TipHash, inf.TipTime.Format("2006-01-02 15:04:05"))},
		{"blocks", strconv.FormatInt(inf.Counts.Blocks, 10)},
		{"transactions", strconv.FormatInt(inf.Counts.Txs, 10)},
		{"inputs", strconv.FormatInt(inf.Counts.Inputs, 10)},
		{"outputs", strconv.FormatInt(inf.Counts.Outputs, 10)},
		{"addresses", strconv.FormatInt(inf.Counts.Addresses, 10)},
		{"stale blocks", strconv.Itoa(inf.Stale)},
		{"quarantined", strconv.FormatInt(inf.Quarantined, 10)},
		{"segments", strconv.Itoa(inf.Segments)},
		{"size", fmt.Sprintf("%d bytes", inf.Bytes)},
	}
	for _, s := range inf.Sources {
		rows = append(rows, []string{"source", s})
	}
	return term.Table(g.stdout, []string{"FIELD", "VALUE"}, rows)
}
