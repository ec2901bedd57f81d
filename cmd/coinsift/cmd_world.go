package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/coinsift/coinsift/world"
)

type worldGenOptions struct {
	scale   string
	seed    uint64
	out     string
	variant int
	family  string
	xor     bool
	sign    bool
}

func newWorldCommand(g *globals) *cobra.Command {
	c := groupCommand("world", "Generate synthetic worlds with known truth")
	c.Example = `  coinsift world gen --scale small --seed 1 --out world
  coinsift world gen --scale ispoof --out /data/ispoof-world`
	c.AddCommand(newWorldGenCommand(g))
	return c
}

func newWorldGenCommand(g *globals) *cobra.Command {
	o := worldGenOptions{scale: string(world.ScaleTiny), seed: 1}
	cmd := &cobra.Command{
		Use:   "gen --out DIR",
		Short: "Generate a world: chain, seized dump, prices, tags and truth",
		Long: `Generate a complete, self-consistent synthetic case into DIR: a regtest
Bitcoin Core blocks directory (blocks/), the seized database of a spoofing
service as a MariaDB dump and CSV (seized/; --family picks the kind of service:
ispoof, a phone-spoofing service, or booter, cardshop, ransomware), daily price files (prices/), a
GraphSense TagPack (tags/), the official numbers of the impersonated
organisations (directory/) and the truth behind it all (truth/). The format is
documented in docs/format/world.md. The same options give byte-identical
output. World generation does not change a case.

Scales: tiny (unit tests, under 2 s), small (a few thousand users, seconds),
ispoof (59,000 users, ~70 million seized rows, ~1 million transactions,
a few minutes). --sign makes every signature real (slower).`,
		Example: "  coinsift world gen --scale small --seed 7 --out /tmp/world\n  coinsift world gen --scale ispoof --schema-variant 1 --xor --out /data/ispoof-world\n  coinsift world gen --family cardshop --scale small --out /tmp/cardshop-world",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWorldGen(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.scale, "scale", o.scale, "world size: tiny, small or ispoof")
	f.Uint64Var(&o.seed, "seed", o.seed, "random seed")
	f.StringVar(&o.out, "out", "", "output directory (required)")
	f.IntVar(&o.variant, "schema-variant", 0, fmt.Sprintf("seized schema layout, 0..%d (ispoof family only)", world.NumSchemaVariants-1))
	f.StringVar(&o.family, "family", string(world.FamilyISpoof), "kind of service: ispoof, booter, cardshop or ransomware")
	f.BoolVar(&o.xor, "xor", false, "obfuscate block files with a key in blocks/xor.dat (Bitcoin Core 28+)")
	f.BoolVar(&o.sign, "sign", false, "sign every transaction (consensus-valid chain; slower)")
	return cmd
}

func runWorldGen(ctx context.Context, g *globals, o worldGenOptions) error {
	if o.out == "" {
		return usagef("coinsift world gen --out DIR", "world gen: --out is required")
	}
	cfg := world.Config{Scale: world.Scale(o.scale), Seed: o.seed, Family: world.Family(o.family), SchemaVariant: o.variant, XOR: o.xor, Sign: o.sign, Logger: g.logger}
	if err := cfg.Validate(); err != nil {
		return usagef("coinsift world gen --help", "%v", err)
	}
	sum, err := world.Generate(ctx, cfg, o.out, g.progress)
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(sum)
	}
	g.printf("world %s %s seed %d in %s: %d blocks (%d stale), %d transactions, %d payments, %d seized rows, %d victims\n",
		o.family, o.scale, o.seed, o.out, sum.Blocks, sum.StaleBlocks, sum.Transactions, sum.Payments, sum.SeizedRows, sum.Victims)
	return nil
}
