package main

import (
	"context"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/coinsift/coinsift/casefile"
)

func newVersionCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the coinsift version",
		Args:  noArgs,
		Example: `  coinsift version
  coinsift --json version`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVersion(cmd.Context(), g)
		},
	}
}

func runVersion(_ context.Context, g *globals) error {
	v := map[string]string{
		"version": coinsiftVersion(),
		"go":      runtime.Version(),
		"schema":  casefile.SchemaVersion(),
	}
	if g.json {
		return g.printJSON(v)
	}
	g.printf("coinsift %s (%s, schema %s)\n", v["version"], v["go"], v["schema"])
	return nil
}
