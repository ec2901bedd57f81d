package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/term"
)

type caseInitOptions struct {
	name     string
	currency string
	region   string
	chainDir string
}

func newCaseCommand(g *globals) *cobra.Command {
	c := groupCommand("case", "Create and describe case directories")
	c.Example = `  coinsift case init ./elaborate --name "Operation Elaborate"
  coinsift --case ./elaborate case info`
	c.AddCommand(newCaseInitCommand(g), newCaseInfoCommand(g))
	return c
}

func newCaseInitCommand(g *globals) *cobra.Command {
	var o caseInitOptions
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Create a new case directory",
		Long: `Create a new case directory: case.toml (settings), case.duckdb (the store,
with the current schema), evidence.jsonl and audit.jsonl. DIR must not exist
or must be empty; an existing case is never overwritten.`,
		Example: "  coinsift case init ./elaborate --name 'Operation Elaborate'\n  coinsift case init ./elaborate-nl --name 'Elaborate (NL)' --currency EUR --region NL",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCaseInit(cmd.Context(), g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.name, "name", "", "case name (default: the directory name)")
	f.StringVar(&o.currency, "currency", "GBP", "reporting currency (ISO 4217)")
	f.StringVar(&o.region, "region", "GB", "default region for phone numbers without a country code (ISO 3166-1)")
	f.StringVar(&o.chainDir, "chain-dir", casefile.ChainDir, "chain index directory, relative to the case or absolute (cases may share one)")
	return cmd
}

func runCaseInit(ctx context.Context, g *globals, o caseInitOptions, dir string) error {
	if len(o.currency) != 3 || strings.ToUpper(o.currency) != o.currency {
		return usagef("--currency GBP", "--currency %q: want an ISO 4217 code such as GBP", o.currency)
	}
	if len(o.region) != 2 || strings.ToUpper(o.region) != o.region {
		return usagef("--region GB", "--region %q: want an ISO 3166-1 alpha-2 code such as GB", o.region)
	}
	s := casefile.DefaultSettings()
	s.Currency, s.DefaultRegion, s.ChainDir = o.currency, o.region, o.chainDir
	c, err := casefile.Init(ctx, dir, casefile.InitOptions{Name: o.name, Settings: s, Options: g.caseOptions(false)})
	if err != nil {
		return err
	}
	rec := &auditRecord{}
	aerr := g.appendAudit(c, rec, nil)
	if err := c.Close(); err != nil || aerr != nil {
		return fmt.Errorf("init %s: %w", dir, errors.Join(aerr, err))
	}
	cfg := c.Config()
	if g.json {
		return g.printJSON(map[string]any{"dir": dir, "name": cfg.Name, "created": cfg.Created, "settings": cfg.Settings})
	}
	g.printf("created case %q in %s\n", cfg.Name, dir)
	return nil
}

func newCaseInfoCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "info",
		Short: "Describe the case: settings, evidence, audit head, tables",
		Args:  noArgs,
		Example: `  coinsift case info
  coinsift --case ./elaborate --json case info`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCaseInfo(cmd.Context(), g)
		},
	}
}

type caseInfo struct {
	Dir      string             `json:"dir"`
	Config   casefile.Config    `json:"config"`
	Schema   string             `json:"schema"`
	Evidence int                `json:"evidence"`
	Audit    casefile.AuditHead `json:"audit_head"`
	Tables   []tableCount       `json:"tables"`
}

type tableCount struct {
	Name string `json:"name"`
	Rows int64  `json:"rows"`
}

func runCaseInfo(ctx context.Context, g *globals) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	ev, err := c.EvidenceList()
	if err != nil {
		return err
	}
	head, err := c.AuditHead(ctx)
	if err != nil {
		return err
	}
	tables, err := c.TableCounts(ctx)
	if err != nil {
		return err
	}
	info := caseInfo{Dir: c.Dir(), Config: c.Config(), Evidence: len(ev), Audit: head}
	info.Schema, _ = c.SchemaVersion(ctx)
	for _, t := range tables {
		info.Tables = append(info.Tables, tableCount{Name: t.Name, Rows: t.Rows})
	}
	if g.json {
		return g.printJSON(info)
	}
	cfg := info.Config
	g.printf("case      %s\ndir       %s\ncreated   %s by coinsift %s\nschema    %s\ncurrency  %s\nregion    %s\nevidence  %d file(s)\naudit     %d line(s), head %.16s\n\n",
		cfg.Name, info.Dir, cfg.Created.Format("2006-01-02 15:04:05 MST"), cfg.Version, info.Schema,
		cfg.Settings.Currency, cfg.Settings.DefaultRegion, info.Evidence, head.Seq, head.Hash)
	rows := make([][]string, 0, len(info.Tables))
	for _, t := range info.Tables {
		rows = append(rows, []string{t.Name, fmt.Sprint(t.Rows)})
	}
	return term.Table(g.stdout, []string{"TABLE", "ROWS"}, rows)
}
