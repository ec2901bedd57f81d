package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/term"
)

// progressThreshold is the file size above which hashing shows a bar.
const progressThreshold = 8 << 20

type evidenceAddOptions struct {
	kind string
	note string
}

func newEvidenceCommand(g *globals) *cobra.Command {
	c := groupCommand("evidence", "Register and verify evidence files")
	c.Example = `  coinsift evidence add seized/ispoof.sql.gz --kind seized --note 'server image, item 4'
  coinsift evidence list
  coinsift evidence verify`
	c.AddCommand(newEvidenceAddCommand(g), newEvidenceListCommand(g), newEvidenceVerifyCommand(g))
	return c
}

func newEvidenceAddCommand(g *globals) *cobra.Command {
	var o evidenceAddOptions
	cmd := &cobra.Command{
		Use:   "add FILE...",
		Short: "Hash files and register them as evidence",
		Long: `Hash each FILE with SHA-256 (streaming) and register its path, size, hash,
kind and time in evidence.jsonl. A file whose hash is already registered is
reported, not added twice. A registered path whose bytes have changed is an
error.`,
		Example: "  coinsift evidence add seized/ispoof.sql.gz --kind seized --note 'server image, item 4'\n  coinsift evidence add --kind blocks --note 'node data, exhibit 9' ~/.bitcoin/blocks/blk*.dat",
		Args:    minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvidenceAdd(cmd.Context(), g, o, args)
		},
	}
	cmd.Flags().StringVar(&o.kind, "kind", casefile.KindOther, "kind of evidence: seized, blocks, prices, tags, directory, truth or other")
	cmd.Flags().StringVar(&o.note, "note", "", "free-text note (exhibit number, chain of custody)")
	return cmd
}

type evidenceAddResult struct {
	casefile.Evidence
	Added bool `json:"added"`
}

func runEvidenceAdd(ctx context.Context, g *globals, o evidenceAddOptions, files []string) error {
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			return fmt.Errorf("evidence %s: %w", f, err)
		}
		if st.IsDir() {
			return usagef("coinsift evidence add "+filepath.Join(f, "*"), "evidence %s: is a directory; name the files", f)
		}
	}
	var results []evidenceAddResult
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		for _, f := range files {
			var p coinsift.Progress = coinsift.NopProgress{}
			if st, err := os.Stat(f); err == nil && st.Size() > progressThreshold {
				p = g.progress("hash "+filepath.Base(f), "bytes")
			}
			ev, added, err := c.AddEvidence(ctx, f, o.kind, o.note, p)
			if err != nil {
				return err
			}
			rec.input(ev)
			results = append(results, evidenceAddResult{Evidence: ev, Added: added})
		}
		var n int64
		for _, r := range results {
			if r.Added {
				n++
			}
		}
		rec.table("evidence", n)
		return nil
	})
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(results)
	}
	for _, r := range results {
		if r.Added {
			g.printf("added    %s  %s  %s (%d bytes)\n", r.ID, r.Kind, r.Path, r.Size)
		} else {
			g.printf("already  %s  %s  %s (registered %s)\n", r.ID, r.Kind, r.Path, r.AddedAt.Format("2006-01-02 15:04:05"))
		}
	}
	return nil
}

func newEvidenceListCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List registered evidence",
		Args:  noArgs,
		Example: `  coinsift evidence list
  coinsift --json evidence list > evidence.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvidenceList(cmd.Context(), g)
		},
	}
}

func runEvidenceList(ctx context.Context, g *globals) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	list, err := c.EvidenceList()
	if err != nil {
		return err
	}
	if g.json {
		if list == nil {
			list = []casefile.Evidence{}
		}
		return g.printJSON(list)
	}
	rows := make([][]string, 0, len(list))
	for _, e := range list {
		rows = append(rows, []string{e.ID, e.Kind, strconv.FormatInt(e.Size, 10), e.AddedAt.Format("2006-01-02 15:04:05"), e.Path, e.Note})
	}
	return term.Table(g.stdout, []string{"ID", "KIND", "SIZE", "ADDED (UTC)", "PATH", "NOTE"}, rows)
}

func newEvidenceVerifyCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Re-hash every evidence file: ok, changed or missing",
		Long: `Re-hash every registered evidence file and compare it with the hash taken at
intake. Exits 1 when any file is changed or missing.`,
		Args: noArgs,
		Example: `  coinsift evidence verify
  coinsift --case ./elaborate --json evidence verify`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvidenceVerify(cmd.Context(), g)
		},
	}
}

// errEvidenceNotOK reports that evidence verification found a problem.
var errEvidenceNotOK = errors.New("evidence changed or missing")

func runEvidenceVerify(ctx context.Context, g *globals) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	checks, err := c.VerifyEvidence(ctx, func(path string) coinsift.Progress {
		if st, err := os.Stat(path); err == nil && st.Size() > progressThreshold {
			return g.progress("verify "+filepath.Base(path), "bytes")
		}
		return coinsift.NopProgress{}
	})
	if err != nil {
		return err
	}
	bad := 0
	for _, ch := range checks {
		if ch.State != casefile.StateOK {
			bad++
		}
	}
	if g.json {
		if checks == nil {
			checks = []casefile.EvidenceCheck{}
		}
		if err := g.printJSON(map[string]any{"ok": bad == 0, "files": checks}); err != nil {
			return err
		}
	} else {
		rows := make([][]string, 0, len(checks))
		for _, ch := range checks {
			rows = append(rows, []string{ch.State, ch.ID, ch.Path})
		}
		if err := term.Table(g.stdout, []string{"STATE", "ID", "PATH"}, rows); err != nil {
			return err
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d of %d file(s): %w", bad, len(checks), errEvidenceNotOK)
	}
	return nil
}
