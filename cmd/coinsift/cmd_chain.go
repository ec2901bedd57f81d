package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
	"github.com/coinsift/coinsift/bitcoin/rpc"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/chainindex/chainsql"
	"github.com/coinsift/coinsift/internal/term"
)

type chainImportOptions struct {
	blocks        string
	rpcURL        string
	rpcCookie     string
	rpcUser       string
	rpcPass       string
	noSQL         bool
	network       string
	skipPoW       bool
	confirmations int
	stopAt        int
	tableMemMiB   int64
}

func newChainCommand(g *globals) *cobra.Command {
	c := groupCommand("chain", "Import and inspect the Bitcoin chain index")
	c.Example = `  coinsift chain import --blocks ~/.bitcoin/blocks
  coinsift chain info`
	c.AddCommand(newChainImportCommand(g), newChainInfoCommand(g))
	return c
}

func newChainImportCommand(g *globals) *cobra.Command {
	var o chainImportOptions
	cmd := &cobra.Command{
		Use:   "import (--blocks DIR | --rpc URL)",
		Short: "Index a Bitcoin Core blocks directory or a node's chain into the case's chain index",
		Long: `Index the main chain into the case's chain index, from either

  --blocks DIR  the blk*.dat files of a Bitcoin Core blocks directory (honouring
                xor.dat); the main chain is chosen by most cumulative work, or
  --rpc URL     a bitcoind or btcd node over JSON-RPC (getblockhash, getblock),
                with --rpc-cookie FILE or --rpc-user/--rpc-pass (environment
                COINSIFT_RPC_USER and COINSIFT_RPC_PASS).

A later run appends only new blocks and rolls back blocks the source's best
chain replaced (a reorg). Ctrl-C leaves the index at the last committed block;
run the command again to continue. After the index, the new blocks are copied
into the tables chain_blocks, chain_txs, chain_inputs, chain_outputs and
chain_addresses of case.duckdb for 'coinsift sql' (skip with --no-sql).

Unreadable records and inputs spending unknown outputs are quarantined
(exit status 3).`,
		Example: `  coinsift chain import --blocks ~/.bitcoin/blocks
  coinsift chain import --rpc http://127.0.0.1:8332 --rpc-cookie ~/.bitcoin/.cookie --confirmations 6`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runChainImport(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.blocks, "blocks", "", "Bitcoin Core blocks directory (blk*.dat, xor.dat)")
	cmd.Flags().StringVar(&o.rpcURL, "rpc", "", "JSON-RPC URL of a bitcoind or btcd node, e.g. http://127.0.0.1:8332")
	cmd.Flags().StringVar(&o.rpcCookie, "rpc-cookie", "", "bitcoind cookie file (user:password), e.g. ~/.bitcoin/.cookie")
	cmd.Flags().StringVar(&o.rpcUser, "rpc-user", "", "RPC user (env COINSIFT_RPC_USER)")
	cmd.Flags().StringVar(&o.rpcPass, "rpc-pass", "", "RPC password (env COINSIFT_RPC_PASS; prefer the environment: flags show in ps)")
	cmd.Flags().BoolVar(&o.noSQL, "no-sql", false, "do not copy the new blocks into the chain_* tables of case.duckdb")
	cmd.Flags().StringVar(&o.network, "network", "", "mainnet, testnet3, testnet4, signet or regtest (default: from the block magic or the node)")
	cmd.Flags().BoolVar(&o.skipPoW, "skip-pow", false, "do not check headers' proof of work (synthetic chains)")
	cmd.Flags().IntVar(&o.confirmations, "confirmations", 0, "stay this many blocks behind the tip")
	cmd.Flags().IntVar(&o.stopAt, "stop-at", 0, "stop after this height (0: the tip)")
	cmd.Flags().Int64Var(&o.tableMemMiB, "table-memory", 0, "MiB of RAM the txid and address hash tables may take in memory while importing (0: 40% of RAM; -1: keep them in their files, slower)")
	return cmd
}

type chainImportResult struct {
	Source      string            `json:"source"`
	Blocks      *blockfile.Stats  `json:"blocks_dir,omitempty"`
	Import      chainindex.Result `json:"import"`
	SQL         *chainsql.Result  `json:"sql,omitempty"`
	Info        chainindex.Info   `json:"index"`
	Quarantined int64             `json:"quarantined"`
	// StoppedShort is set when the import ended before the source's tip.
	StoppedShort *chainindex.Stop `json:"stopped_short,omitempty"`
}

// maxSourceChanges bounds the imports retried after the node reorganised
// during an import.
const maxSourceChanges = 3

func runChainImport(ctx context.Context, g *globals, o chainImportOptions) error {
	if (o.blocks == "") == (o.rpcURL == "") {
		return usagef("coinsift chain import --blocks ~/.bitcoin/blocks  or  --rpc http://127.0.0.1:8332", "chain import: give one of --blocks and --rpc")
	}
	var net *bitcoin.Params
	if o.network != "" {
		if net = bitcoin.ParamsByName(o.network); net == nil {
			return usagef("coinsift chain import --network mainnet", "chain import: unknown network %q", o.network)
		}
	}
	if o.rpcUser == "" {
		o.rpcUser = os.Getenv("COINSIFT_RPC_USER")
	}
	if o.rpcPass == "" {
		o.rpcPass = os.Getenv("COINSIFT_RPC_PASS")
	}
	g.args = redactArgs(g.args)
	var res chainImportResult
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) (ferr error) {
		var blocks *blockfile.Dir // the source, when a blocks directory
		var items []casefile.QuarantineItem
		var unread []*coinsift.InputError // records of the blocks directory that could not be read
		collect := func(e *coinsift.InputError) {
			items = append(items, casefile.QuarantineItem{Command: "chain import", Source: e.Source, Offset: e.Offset, Reason: e.Op + ": " + errString(e.Err)})
		}
		opts := chainindex.Options{Confirmations: o.confirmations, StopAt: coinsift.Height(o.stopAt), Quarantine: collect,
			Progress: g.progress, Logger: g.logger, TableMemory: o.tableMemMiB << 20}
		if o.tableMemMiB < 0 {
			opts.TableMemory = -1
		}
		var src chainindex.Source
		if o.blocks != "" {
			collectRecord := func(e *coinsift.InputError) {
				unread = append(unread, e)
				collect(e)
			}
			d, err := blockfile.Open(ctx, o.blocks, blockfile.Options{Network: net, SkipPoW: o.skipPoW, Quarantine: collectRecord,
				Progress: g.progress("scan blocks", "bytes"), Logger: g.logger})
			if err != nil {
				return err
			}
			defer d.Close()
			st := d.Stats()
			res.Blocks = &st
			opts.Stale = st.Stale + st.Orphans
			src = d
			blocks = d
		} else {
			cl, err := rpc.Dial(ctx, rpc.Config{URL: o.rpcURL, User: o.rpcUser, Pass: o.rpcPass, CookieFile: o.rpcCookie, Network: net})
			if err != nil {
				return err
			}
			src = cl
		}
		res.Source = src.Source()
		var ierr error
		defer func() {
			// Say in the index how this import ended, for 'chain info'.
			if res.Info.Dir == "" || ctx.Err() != nil || (ierr != nil && !errors.Is(ierr, chainindex.ErrBrokenChain)) {
				return
			}
			res.StoppedShort = stoppedShort(ierr, res.Info.Tip, blocks, unread)
			if err := chainindex.SetLastImport(c.ChainDir(), res.StoppedShort); err != nil {
				ferr = errors.Join(ferr, err)
				return
			}
			res.Info.StoppedShort = res.StoppedShort
		}()
		for attempt := 0; ; attempt++ {
			var ir chainindex.Result
			ir, ierr = chainindex.Import(ctx, c.ChainDir(), src, opts)
			res.Import = mergeResults(res.Import, ir, attempt)
			if !errors.Is(ierr, chainindex.ErrSourceChanged) || attempt+1 >= maxSourceChanges {
				break
			}
			g.logger.Info("the source's chain changed during the import; importing again", slog.String("err", ierr.Error()))
		}
		x, xerr := chainindex.Open(c.ChainDir())
		if xerr == nil {
			defer x.Close()
			res.Info = x.Info()
		}
		rec.table("chain_index_blocks", int64(res.Import.Blocks))
		rec.table("chain_index_txs", res.Import.Txs)
		var serr error
		if !o.noSQL && xerr == nil && ctx.Err() == nil {
			// The index is committed: copy what is new into the tables.
			sr, err := chainsql.Sync(ctx, c.DB(), x, chainsql.Options{Progress: g.progress, Logger: g.logger})
			res.SQL = &sr
			for _, t := range chainsql.Tables {
				rec.table(t, sr.Rows[t])
			}
			serr = err
		}
		qerr := c.Quarantine(context.WithoutCancel(ctx), items)
		res.Quarantined = int64(len(items))
		if err := errors.Join(ierr, serr, qerr); err != nil {
			return err
		}
		if len(items) > 0 {
			return &coinsift.QuarantineError{Op: "chain import", Count: int64(len(items))}
		}
		return nil
	})
	if err != nil && !errors.Is(err, coinsift.ErrQuarantined) && res.Source == "" {
		return err
	}
	if g.json {
		return errors.Join(g.printJSON(res), err)
	}
	g.printf("network   %s\n", res.Info.Network)
	g.printf("source    %s\n", res.Source)
	if b := res.Blocks; b != nil {
		g.printf("records   %d in %d file(s), %d stale, %d orphan, %d quarantined\n", b.Records, b.Files, b.Stale, b.Orphans, b.Quarantined)
	}
	if res.Import.RolledBack > 0 {
		g.printf("rollback  %d block(s)\n", res.Import.RolledBack)
	}
	short := ""
	if res.StoppedShort != nil {
		short = " (stopped short)"
	}
	g.printf("imported  %d block(s) %d..%d, %d txs, %.1f MB in %s%s\n", res.Import.Blocks, res.Import.From, res.Import.To, res.Import.Txs,
		float64(res.Import.Bytes)/1e6, res.Import.Elapsed.Round(1e6), short)
	if s := res.StoppedShort; s != nil {
		g.printf("stopped   %s\n", s.String())
	}
	if s := res.SQL; s != nil {
		g.printf("tables    %d block(s) %d..%d copied to chain_* (%d rolled back)\n", s.To-s.From+1, s.From, s.To, s.RolledBack)
	}
	g.printf("tip       %d %s\n", res.Info.Tip, res.Info.TipHash)
	return err
}

// stoppedShort tells whether an import ended before its source's chain
// does, and why: a main-chain block that could not be read (ierr wraps
// chainindex.ErrBrokenChain), or, in a blocks directory, blocks that could
// not be connected to the chain (orphans: their parent is missing, most
// often in records that could not be read, unread). It returns nil when the
// import reached the source's tip.
func stoppedShort(ierr error, tip coinsift.Height, blocks *blockfile.Dir, unread []*coinsift.InputError) *chainindex.Stop {
	if errors.Is(ierr, chainindex.ErrBrokenChain) {
		s := &chainindex.Stop{Height: tip, Source: fmt.Sprintf("block %d", tip+1), Offset: -1, Reason: errString(ierr)}
		if blocks != nil {
			if ref, err := blocks.Ref(tip + 1); err == nil {
				s.Source, s.Offset = ref.File, ref.Offset
			}
		}
		return s
	}
	if blocks == nil || blocks.Stats().Orphans == 0 {
		return nil
	}
	s := &chainindex.Stop{Height: tip, Source: blocks.Source(), Offset: -1, Unconnected: blocks.Stats().Orphans,
		Reason: "blocks whose parent is missing (a block file or record is missing)"}
	if len(unread) > 0 {
		e := unread[0]
		s.Source, s.Offset, s.Reason = e.Source, e.Offset, e.Op+": "+errString(e.Err)
	}
	return s
}

// mergeResults adds the result of a repeated import to the previous ones.
func mergeResults(acc, r chainindex.Result, attempt int) chainindex.Result {
	if attempt == 0 {
		return r
	}
	acc.RolledBack += r.RolledBack
	acc.Blocks += r.Blocks
	acc.Txs += r.Txs
	acc.Bytes += r.Bytes
	acc.Quarantined += r.Quarantined
	acc.Elapsed += r.Elapsed
	acc.From = min(acc.From, r.From)
	acc.To = r.To
	return acc
}

// redactArgs hides the RPC password and URL credentials from the command
// line recorded in the audit log.
func redactArgs(args []string) []string {
	out := make([]string, len(args))
	copy(out, args)
	for i := 0; i < len(out); i++ {
		a := out[i]
		switch {
		case a == "--rpc-pass" && i+1 < len(out):
			out[i+1] = "xxxxx"
			i++
		case strings.HasPrefix(a, "--rpc-pass="):
			out[i] = "--rpc-pass=xxxxx"
		case a == "--rpc" && i+1 < len(out):
			out[i+1] = rpc.Redact(out[i+1])
			i++
		case strings.HasPrefix(a, "--rpc="):
			out[i] = "--rpc=" + rpc.Redact(strings.TrimPrefix(a, "--rpc="))
		}
	}
	return out
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
		Example: `  coinsift chain info
  coinsift --json chain info`,
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
		{"last import", lastImport(inf.StoppedShort)},
		{"quarantined", strconv.FormatInt(inf.Quarantined, 10)},
		{"segments", strconv.Itoa(inf.Segments)},
		{"size", fmt.Sprintf("%d bytes", inf.Bytes)},
	}
	for _, s := range inf.Sources {
		rows = append(rows, []string{"source", s})
	}
	if err := term.Table(g.stdout, []string{"FIELD", "VALUE"}, rows); err != nil {
		return err
	}
	if s := inf.StoppedShort; s != nil {
		g.printf("\nnote: the last import stopped %s; the tip above is where it stopped, not the source's tip\n", s.String())
	}
	return nil
}

// lastImport is the "last import" row of 'chain info'.
func lastImport(s *chainindex.Stop) string {
	if s == nil {
		return "complete"
	}
	return fmt.Sprintf("STOPPED SHORT at height %d (see the note below)", s.Height)
}
