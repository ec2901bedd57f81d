package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/term"
)

func newAuditCommand(g *globals) *cobra.Command {
	c := groupCommand("audit", "Show and verify the case's hash-chained audit log")
	c.Example = `  coinsift audit show
  coinsift audit verify`
	c.AddCommand(newAuditShowCommand(g), newAuditVerifyCommand(g))
	return c
}

func newAuditShowCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "show",
		Short: "List the commands that changed the case",
		Args:  noArgs,
		Example: `  coinsift audit show
  coinsift --case ./elaborate --json audit show > audit.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAuditShow(cmd.Context(), g)
		},
	}
}

func runAuditShow(ctx context.Context, g *globals) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	entries, err := casefile.ReadAudit(c.Path(casefile.AuditLogFile))
	if err != nil {
		return err
	}
	if g.json {
		if entries == nil {
			entries = []casefile.AuditEntry{}
		}
		return g.printJSON(entries)
	}
	rows := make([][]string, 0, len(entries))
	for _, e := range entries {
		var outs []string
		for _, t := range e.Outputs.Tables {
			outs = append(outs, fmt.Sprintf("%s:%d", t.Name, t.Rows))
		}
		for _, f := range e.Outputs.Files {
			outs = append(outs, f.Path)
		}
		rows = append(rows, []string{strconv.FormatInt(e.Seq, 10), e.Time.Format("2006-01-02 15:04:05"), e.User,
			e.Status, strings.Join(e.Command, " "), strings.Join(outs, " ")})
	}
	return term.Table(g.stdout, []string{"SEQ", "TIME (UTC)", "USER", "STATUS", "COMMAND", "OUTPUTS"}, rows)
}

func newAuditVerifyCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check the audit log's hash chain",
		Long: `Check every line of audit.jsonl: its hash must match its content, its seq must
follow the previous line's, its prev_hash must be the previous line's hash,
and the log must end where case.duckdb says it ends. Names the first line
that was edited, removed, reordered, truncated or appended out of chain, and
exits 1 when there is one.`,
		Args: noArgs,
		Example: `  coinsift audit verify
  coinsift --case ./elaborate audit verify`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAuditVerify(cmd.Context(), g)
		},
	}
}

// errAuditBroken reports a broken audit chain.
var errAuditBroken = errors.New("audit log does not verify")

func runAuditVerify(ctx context.Context, g *globals) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	head, err := c.AuditHead(ctx)
	if err != nil {
		return err
	}
	path := c.Path(casefile.AuditLogFile)
	good, prob, err := casefile.VerifyAudit(path, &head)
	if err != nil {
		return err
	}
	if g.json {
		if err := g.printJSON(map[string]any{"ok": prob == nil, "lines_ok": good, "head": head, "problem": prob}); err != nil {
			return err
		}
	} else if prob == nil {
		g.printf("ok: %d line(s), head seq %d %.16s\n", good, head.Seq, head.Hash)
	}
	if prob != nil {
		return fmt.Errorf("%s: %w: %w", path, errAuditBroken, prob)
	}
	return nil
}
