package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/internal/term"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = ""

func coinsiftVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// globals holds the global flags and the streams of one run.
type globals struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	args           []string

	caseDir string
	json    bool
	verbose int
	quiet   bool

	logger   *slog.Logger
	progress coinsift.ProgressFunc
}

func newRootCommand(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "coinsift",
		Short: "Follow cryptocurrency payments out of a seized database",
		Long: `coinsift follows cryptocurrency payments out of a seized database: it links
the payments recorded in a seized dump to the Bitcoin chain, values them,
clusters and traces the paying wallets, places suspects in jurisdictions and
writes referral packages — every figure traceable to evidence bytes.

A case is a directory (see 'coinsift case init'); --case or COINSIFT_CASE
names it, and the current directory is the default.

` + exitStatusHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          noArgs,
		Example: `  coinsift demo --out ./demo
  coinsift case init ./elaborate --name "Operation Elaborate"
  coinsift --case ./elaborate chain import --blocks ~/.bitcoin/blocks
  coinsift --case ./elaborate --json triage --rule ispoof-uk > suspects.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return g.setup(cmd.Context())
		},
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{err: err, hint: strings.Replace("coinsift "+commandName(cmd)+" --help", "  ", " ", 1)}
	})
	pf := root.PersistentFlags()
	pf.StringVar(&g.caseDir, "case", envOr("COINSIFT_CASE", "."), "case directory (env COINSIFT_CASE)")
	pf.BoolVar(&g.json, "json", false, "machine-readable JSON on stdout (and errors as JSON on stderr)")
	pf.CountVarP(&g.verbose, "verbose", "v", "log more on stderr: -v info, -vv debug")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "no progress bars")
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetHelpCommand(&cobra.Command{Hidden: true})

	root.AddCommand(
		newVersionCommand(g),
		newCaseCommand(g),
		newEvidenceCommand(g),
		newAuditCommand(g),
		newSQLCommand(g),
		newChainCommand(g),
		newTxCommand(g),
		newAddressCommand(g),
		newClusterCommand(g),
		newTraceCommand(g),
		newWorldCommand(g),
		newDemoCommand(g),
		newPlaceCommand(g),
		newVictimsCommand(g),
		newTriageCommand(g),
		newReportCommand(g),
		newPricesCommand(g),
		newTagsCommand(g),
		newLinkCommand(g),
		newValueCommand(g),
		newPersonsCommand(g),
		newSeizedCommand(g),
	)
	for _, c := range root.Commands() {
		addExitStatus(c)
	}
	return root
}

// addExitStatus appends the EXIT STATUS section to the help of c and its
// subcommands.
func addExitStatus(c *cobra.Command) {
	if c.Long == "" {
		c.Long = c.Short + "."
	}
	if !strings.Contains(c.Long, "EXIT STATUS") {
		c.Long += "\n\n" + exitStatusHelp
	}
	for _, s := range c.Commands() {
		addExitStatus(s)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func (g *globals) setup(ctx context.Context) error {
	level := slog.LevelWarn
	switch {
	case g.verbose >= 2:
		level = slog.LevelDebug
	case g.verbose == 1:
		level = slog.LevelInfo
	}
	g.logger = slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: level}))
	g.progress = term.NewProgressFunc(g.stderr, !g.quiet && !g.json)
	if pf, ok := ctx.Value(progressKey{}).(coinsift.ProgressFunc); ok && !g.quiet && !g.json {
		g.progress = pf // a line of the demo's board (see withProgress)
	}
	return nil
}

type progressKey struct{}

// withProgress makes the commands run with ctx report progress to pf
// instead of bars of their own: the demo gives the steps that run side by
// side lines of one term.Board.
func withProgress(ctx context.Context, pf coinsift.ProgressFunc) context.Context {
	return context.WithValue(ctx, progressKey{}, pf)
}

// commandName is the command path without the program name, e.g. "evidence add".
func commandName(cmd *cobra.Command) string {
	if cmd == nil {
		return ""
	}
	return strings.TrimPrefix(strings.TrimPrefix(cmd.CommandPath(), "coinsift"), " ")
}

// Argument validators that report usage errors (exit 2).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		hint := "coinsift " + commandName(cmd) + " --help"
		if cmd.HasSubCommands() {
			return usagef(strings.Replace(hint, "  ", " ", 1), "unknown command %q", args[0])
		}
		return usagef(hint, "takes no arguments, got %q", args[0])
	}
	return nil
}

func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("coinsift "+commandName(cmd)+" --help", "needs %d argument(s), got %d", n, len(args))
		}
		return nil
	}
}

func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("coinsift "+commandName(cmd)+" --help", "needs at least %d argument(s), got %d", n, len(args))
		}
		return nil
	}
}

// groupCommand returns a command that only holds subcommands.
func groupCommand(use, short string) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
}

func (g *globals) caseOptions(readOnly bool) casefile.Options {
	return casefile.Options{ReadOnly: readOnly, Logger: g.logger, Version: coinsiftVersion()}
}

// openCase opens the case read-only, for commands that only read it.
func (g *globals) openCase(ctx context.Context) (*casefile.Case, error) {
	if s := sharedFor(ctx, g.caseDir); s != nil {
		return s.c.Borrow(), nil
	}
	return casefile.Open(ctx, g.caseDir, g.caseOptions(true))
}

// change opens the case for writing, runs fn and appends one audit line
// that records the command, its inputs and outputs and how it ended —
// whether fn succeeded, quarantined input, was interrupted or failed.
func (g *globals) change(ctx context.Context, fn func(c *casefile.Case, rec *auditRecord) error) (err error) {
	s := sharedFor(ctx, g.caseDir)
	var c *casefile.Case
	if s != nil {
		c = s.c.Borrow()
	} else if c, err = casefile.Open(ctx, g.caseDir, g.caseOptions(false)); err != nil {
		return err
	}
	defer func() { err = errors.Join(err, c.Close()) }()
	rec := &auditRecord{}
	ferr := fn(c, rec)
	if s != nil {
		if err := s.turns.wait(ctx, s.step); err != nil {
			ferr = errors.Join(ferr, err)
		}
	}
	return errors.Join(ferr, g.appendAudit(c, rec, ferr))
}

func (g *globals) appendAudit(c *casefile.Case, rec *auditRecord, ferr error) error {
	e := rec.AuditEntry
	e.Command = append([]string{"coinsift"}, g.args...)
	switch exitCode(ferr) {
	case exitOK:
		e.Status = casefile.StatusOK
	case exitQuarantined:
		e.Status = casefile.StatusQuarantined
	case exitInterrupted:
		e.Status = casefile.StatusInterrupted
	default:
		e.Status = casefile.StatusFailed
		if e.Note == "" {
			e.Note = ferr.Error()
		}
	}
	// The audit line is written even when the command was interrupted.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.AppendAudit(ctx, e); err != nil {
		return err
	}
	return nil
}

// auditRecord collects what a command read and wrote for its audit line.
type auditRecord struct {
	casefile.AuditEntry
}

func (r *auditRecord) input(ev casefile.Evidence) {
	for _, in := range r.Inputs {
		if in.Evidence == ev.ID {
			return
		}
	}
	r.Inputs = append(r.Inputs, casefile.AuditInput{Evidence: ev.ID, SHA256: ev.SHA256, Path: ev.Path})
}

func (r *auditRecord) table(name string, rows int64) {
	r.Outputs.Tables = append(r.Outputs.Tables, casefile.AuditTable{Name: name, Rows: rows})
}

func (r *auditRecord) file(path string, size int64, sha string) {
	r.Outputs.Files = append(r.Outputs.Files, casefile.AuditFile{Path: path, Size: size, SHA256: sha})
}

// printJSON writes v as one indented JSON document on stdout.
func (g *globals) printJSON(v any) error {
	enc := json.NewEncoder(g.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// printf writes human-readable results on stdout (not in --json mode).
// String arguments are made safe for a terminal: values from seized data
// (account keys, labels, paths) cannot move the cursor or recolour the
// screen.
func (g *globals) printf(format string, a ...any) {
	for i, v := range a {
		if s, ok := v.(string); ok {
			a[i] = sanitize.Terminal(s)
		}
	}
	fmt.Fprintf(g.stdout, format, a...)
}

// chainOf opens the chain index of an open case.
func chainOf(c *casefile.Case) (*chainindex.Index, error) {
	dir := c.ChainDir()
	x, err := chainindex.Open(dir)
	if errors.Is(err, chainindex.ErrNoIndex) {
		return nil, fmt.Errorf("no chain index in %s (import one with 'coinsift chain import --blocks DIR'): %w", dir, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open chain index %s: %w", dir, err)
	}
	return x, nil
}

// openCaseChain opens the case read-only and its chain index; done closes both.
func (g *globals) openCaseChain(ctx context.Context) (*casefile.Case, *chainindex.Index, func(), error) {
	c, err := g.openCase(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	x, err := chainOf(c)
	if err != nil {
		c.Close()
		return nil, nil, nil, err
	}
	return c, x, func() { x.Close(); c.Close() }, nil
}
