package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/tags"
	"github.com/coinsift/coinsift/tags/tagdb"
)

func newTagsCommand(g *globals) *cobra.Command {
	c := groupCommand("tags", "Import, add, list and export attribution tags")
	c.Example = `  coinsift tags import packs/walletexplorer.yaml ofac/sanctioned_addresses_XBT.txt
  coinsift tags list --category exchange --limit 20
  coinsift tags export --out elaborate-tags.yaml`
	c.AddCommand(newTagsImportCommand(g), newTagsListCommand(g), newTagsAddCommand(g), newTagsExportCommand(g))
	return c
}

type tagsImportOptions struct {
	network string
	format  string
	note    string
}

func newTagsImportCommand(g *globals) *cobra.Command {
	var o tagsImportOptions
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Register attribution files as evidence and load their tags",
		Long: `Register each FILE as evidence (kind tags) and load its tags: GraphSense
TagPacks (YAML, header fields inherited by every tag), GraphSense ActorPacks
(into the actors table), the OFAC SDN address list (one address per line or
a JSON array), a CSV with a header naming address and label columns
(category, source, currency, confidence optional) and WatchYourBack .tags
files (address,ticker,category,tag,subtype,url without header). The format
is detected from the content.

Only Bitcoin tags are kept; tags of other currencies are counted and
reported. Invalid addresses (for --network) and tags without a currency or
label are quarantined with the reason, and the command exits 3.

The network is --network, else the chain index's. Before any chain is
imported it is undecided: an address valid on any network is kept, and
resolves against the chain when one arrives ('coinsift cluster run' uses
the tags on the chain's addresses and says how many). Importing a file
again reads it again when a chain is there: tags that the first reading
set aside and that are valid on the chain's network are added; otherwise
it reports how many of the file's tags are on the chain's addresses.`,
		Example: "  coinsift tags import packs/walletexplorer.yaml ofac/sanctioned_addresses_XBT.txt\n  coinsift tags import world/tags/exchanges.yaml world/tags/actors.yaml",
		Args:    minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTagsImport(cmd.Context(), g, o, args)
		},
	}
	cmd.Flags().StringVar(&o.network, "network", "", "network whose addresses are valid: mainnet, testnet or regtest (default: the chain index's, else mainnet)")
	cmd.Flags().StringVar(&o.format, "format", "", "file format instead of detection: tagpack, actorpack, ofac-txt, ofac-json, csv or wyb")
	cmd.Flags().StringVar(&o.note, "note", "", "free-text note for the evidence records")
	return cmd
}

type tagsImportResult struct {
	Evidence      string           `json:"evidence"`
	Path          string           `json:"path"`
	Format        tags.Format      `json:"format"`
	Pack          string           `json:"pack"`
	Already       bool             `json:"already_imported"`
	Reread        bool             `json:"read_again"`  // imported before; read again under Network, more tags now
	Network       tags.Network     `json:"network"`     // the network the addresses were checked for ("any": no chain yet)
	Before        int64            `json:"tags_before"` // with Reread: the tags the first reading kept
	OnChain       int64            `json:"on_chain"`    // tags on addresses of the case's chain index; -1 without one
	Tags          int              `json:"tags"`
	Actors        int              `json:"actors"`
	OtherCurrency map[string]int64 `json:"other_currency"`
	Quarantined   int              `json:"quarantined"`
}

// caseNetwork returns the tags network of the case's chain index, or
// tags.AnyNetwork when the case has none yet (late resolution).
func caseNetwork(c *casefile.Case) tags.Network {
	x, err := chainindex.Open(c.ChainDir())
	if err != nil {
		return tags.AnyNetwork
	}
	defer x.Close()
	return chainNetwork(x)
}

// chainNetwork returns the tags network of a chain index.
func chainNetwork(x *chainindex.Index) tags.Network {
	switch x.Network().Name {
	case "regtest":
		return tags.Regtest
	case "mainnet":
		return tags.Mainnet
	}
	return tags.Testnet
}

// onChain counts the tags stored from evidence whose address is in the
// case's chain index, or returns -1 when the case has none.
func onChain(ctx context.Context, c *casefile.Case, evidence string) (int64, error) {
	x, err := chainindex.Open(c.ChainDir())
	if err != nil {
		return -1, nil
	}
	defer x.Close()
	addrs, err := tagdb.Addresses(ctx, c.DB(), evidence)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, a := range addrs {
		if _, err := x.AddressByString(string(a)); err == nil {
			n++
		}
	}
	return n, nil
}

func runTagsImport(ctx context.Context, g *globals, o tagsImportOptions, files []string) error {
	network, err := tags.ParseNetwork(o.network)
	if err != nil {
		return usagef("coinsift tags import --help", "%v", err)
	}
	explicit := o.network != ""
	switch tags.Format(o.format) {
	case "", tags.FormatTagPack, tags.FormatActorPack, tags.FormatOFACText, tags.FormatOFACJSON, tags.FormatCSV, tags.FormatWYB:
	default:
		return usagef("coinsift tags import --help", "format %q: unknown", o.format)
	}
	var results []tagsImportResult
	var quarantined int64
	err = g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		if !explicit {
			network = caseNetwork(c)
		}
		var nTags, nActors int64
		defer func() {
			rec.table("tags", nTags)
			rec.table("actors", nActors)
			if quarantined > 0 {
				rec.table("quarantine", quarantined)
			}
		}()
		for _, f := range files {
			ev, _, err := c.AddEvidence(ctx, f, casefile.KindTags, o.note, nil)
			if err != nil {
				return err
			}
			rec.input(ev)
			r := tagsImportResult{Evidence: ev.ID, Path: ev.Path, Network: network}
			done, err := tagdb.Imported(ctx, c.DB(), ev.ID)
			if err != nil {
				return err
			}
			if done {
				if r.Before, err = tagdb.Stored(ctx, c.DB(), ev.ID); err != nil {
					return err
				}
				r.Already, r.Tags = true, int(r.Before)
				if network != tags.AnyNetwork {
					// Read it again: a first reading before the chain was
					// there may have set aside tags valid on its network.
					res, err := tags.ReadFile(f, tags.Options{Network: network, Evidence: ev.ID, Format: tags.Format(o.format)})
					if err != nil {
						return err
					}
					if int64(len(res.Tags)) > r.Before {
						if err := tagdb.Reimport(ctx, c.DB(), ev.ID, res, c.Now()); err != nil {
							return err
						}
						r.Reread, r.Tags, r.Actors, r.Format, r.Pack = true, len(res.Tags), len(res.Actors), res.Format, res.Pack
						nTags += int64(len(res.Tags)) - r.Before
					}
				}
				if r.OnChain, err = onChain(ctx, c, ev.ID); err != nil {
					return err
				}
				results = append(results, r)
				continue
			}
			res, err := tags.ReadFile(f, tags.Options{Network: network, Evidence: ev.ID, Format: tags.Format(o.format)})
			if err != nil {
				return err
			}
			if err := tagdb.Import(ctx, c.DB(), ev.ID, res, c.Now()); err != nil {
				return err
			}
			if r.OnChain, err = onChain(ctx, c, ev.ID); err != nil {
				return err
			}
			r.Format, r.Pack, r.Tags, r.Actors, r.OtherCurrency, r.Quarantined = res.Format, res.Pack, len(res.Tags), len(res.Actors), res.OtherCurrency, len(res.Bad)
			nTags += int64(len(res.Tags))
			nActors += int64(len(res.Actors))
			items := make([]casefile.QuarantineItem, 0, len(res.Bad))
			for _, b := range res.Bad {
				items = append(items, casefile.QuarantineItem{Command: "tags import", Evidence: ev.ID, Source: ev.Path,
					Table: string(res.Format), Row: b.Row, Offset: -1, Reason: b.Reason, Raw: b.Raw})
			}
			if err := c.Quarantine(ctx, items); err != nil {
				return err
			}
			quarantined += int64(len(items))
			results = append(results, r)
		}
		if quarantined > 0 {
			return &coinsift.QuarantineError{Op: "tags import", Count: quarantined}
		}
		return nil
	})
	if g.json {
		if results == nil {
			results = []tagsImportResult{}
		}
		if perr := g.printJSON(results); perr != nil {
			return perr
		}
		return err
	}
	for _, r := range results {
		switch {
		case r.Reread:
			g.printf("re-read  %s  %s  %s %q: %d tag(s) valid on %s now (%d before), %s\n", r.Evidence, r.Path, r.Format, r.Pack,
				r.Tags, r.Network, r.Before, resolution(r))
		case r.Already && r.Actors == 0 && r.Tags == 0:
			g.printf("already  %s  %s  imported before (no tags)\n", r.Evidence, r.Path)
		case r.Already:
			g.printf("already  %s  %s  imported before: %d tag(s), %s\n", r.Evidence, r.Path, r.Tags, resolution(r))
		default:
			g.printf("imported %s  %s  %s %q: %d tag(s), %d actor(s), %d quarantined%s", r.Evidence, r.Path, r.Format, r.Pack,
				r.Tags, r.Actors, r.Quarantined, otherCurrencies(r.OtherCurrency))
			if r.Tags > 0 {
				g.printf(", %s", resolution(r))
			}
			g.printf("\n")
		}
	}
	return err
}

// resolution says how many of an import's tags are on the chain's
// addresses, or that they wait for a chain.
func resolution(r tagsImportResult) string {
	if r.OnChain < 0 {
		return "unresolved until a chain is imported (then 'coinsift cluster run')"
	}
	return strconv.FormatInt(r.OnChain, 10) + " on addresses of this chain"
}

func otherCurrencies(m map[string]int64) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	var n int64
	for _, k := range keys {
		parts = append(parts, k+" "+strconv.FormatInt(m[k], 10))
		n += m[k]
	}
	return ", " + strconv.FormatInt(n, 10) + " of other currencies skipped (" + strings.Join(parts, ", ") + ")"
}

type tagsListOptions struct {
	address  string
	category string
	own      bool
	limit    int
}

func newTagsListCommand(g *globals) *cobra.Command {
	var o tagsListOptions
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List tags, all of them: conflicting tags of one address are all shown",
		Args:  noArgs,
		Example: `  coinsift tags list --category exchange --limit 20
  coinsift tags list --address 1BoatSLRHtKNngkdXEeobR76b53LETtpyT
  coinsift --json tags list --own > own-tags.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTagsList(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.address, "address", "", "only tags of this address")
	cmd.Flags().StringVar(&o.category, "category", "", "only tags of this category")
	cmd.Flags().BoolVar(&o.own, "own", false, "only the case's own tags")
	cmd.Flags().IntVar(&o.limit, "limit", 0, "at most this many tags (0: all)")
	return cmd
}

func runTagsList(ctx context.Context, g *globals, o tagsListOptions) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	list, err := tagdb.List(ctx, c.DB(), tagdb.Filter{Address: coinsift.Address(o.address), Category: o.category, OwnOnly: o.own, Limit: o.limit})
	if err != nil {
		return err
	}
	if g.json {
		if list == nil {
			list = []tags.Tag{}
		}
		return g.printJSON(list)
	}
	rows := make([][]string, 0, len(list))
	for _, t := range list {
		conf := t.Confidence
		if t.ConfidenceLevel >= 0 && conf != "" {
			conf += " (" + strconv.Itoa(t.ConfidenceLevel) + ")"
		}
		ev := t.Evidence
		if ev == "" {
			ev = "own"
		} else {
			ev += ":" + strconv.FormatInt(t.Row, 10)
		}
		rows = append(rows, []string{string(t.Address), t.Label, t.Category, t.Actor, conf, ev, t.Source})
	}
	return term.Table(g.stdout, []string{"ADDRESS", "LABEL", "CATEGORY", "ACTOR", "CONFIDENCE", "EVIDENCE:ROW", "SOURCE"}, rows)
}

type tagsAddOptions struct {
	tags.Tag
	network string
}

func newTagsAddCommand(g *globals) *cobra.Command {
	var o tagsAddOptions
	cmd := &cobra.Command{
		Use:     "add ADDRESS",
		Short:   "Add one of the case's own tags to an address",
		Example: "  coinsift tags add 1BoatSLRHtKNngkdXEeobR76b53LETtpyT --label 'suspect wallet' --category user --source 'exhibit 12'\n  coinsift tags add 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy --label 'iSpoof hot wallet' --category market --cluster-definer --source 'server config, exhibit 4'",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTagsAdd(cmd.Context(), g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Label, "label", "", "label (required)")
	f.StringVar(&o.Category, "category", "", "GraphSense category, e.g. exchange, user, market")
	f.StringVar(&o.Abuse, "abuse", "", "GraphSense abuse type, e.g. ransomware, scam")
	f.StringVar(&o.Actor, "actor", "", "actor id")
	f.StringVar(&o.Source, "source", "", "where the attribution comes from (exhibit, report)")
	f.StringVar(&o.Confidence, "confidence", "forensic", "GraphSense confidence name")
	f.BoolVar(&o.IsClusterDefiner, "cluster-definer", false, "the tag applies to the address's whole cluster")
	f.StringVar(&o.network, "network", "mainnet", "network whose addresses are valid: mainnet, testnet or regtest")
	return cmd
}

func runTagsAdd(ctx context.Context, g *globals, o tagsAddOptions, addr string) error {
	const hint = "coinsift tags add --help"
	network, err := tags.ParseNetwork(o.network)
	if err != nil {
		return usagef(hint, "%v", err)
	}
	if strings.TrimSpace(o.Label) == "" {
		return usagef(hint, "--label is required")
	}
	a, err := tags.ValidAddress(addr, network)
	if err != nil {
		return usagef(hint, "%v", err)
	}
	t := o.Tag
	t.Address, t.Currency = a, "BTC"
	t.Confidence = strings.ToLower(t.Confidence)
	t.ConfidenceLevel = tags.ConfidenceLevel(t.Confidence)
	err = g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		if err := tagdb.AddOwn(ctx, c.DB(), t, c.Now()); err != nil {
			return err
		}
		rec.table("tags", 1)
		rec.Note = "tag " + string(a) + " " + t.Label
		return nil
	})
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(t)
	}
	g.printf("added    %s  %q\n", a, t.Label)
	return nil
}

type tagsExportOptions struct {
	out     string
	title   string
	creator string
}

func newTagsExportCommand(g *globals) *cobra.Command {
	var o tagsExportOptions
	cmd := &cobra.Command{
		Use:   "export --out FILE",
		Short: "Write the case's own tags as a GraphSense TagPack",
		Args:  noArgs,
		Example: `  coinsift tags export --out elaborate-tags.yaml
  coinsift tags export --out elaborate-tags.yaml --title 'Operation Elaborate' --creator 'Met Police Cyber Crime Unit'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTagsExport(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", "TagPack file to write (required; not overwritten)")
	cmd.Flags().StringVar(&o.title, "title", "", "pack title (default: the case name)")
	cmd.Flags().StringVar(&o.creator, "creator", "", "pack creator (default: the case name)")
	return cmd
}

func runTagsExport(ctx context.Context, g *globals, o tagsExportOptions) error {
	if o.out == "" {
		return usagef("coinsift tags export --out FILE", "--out is required")
	}
	if _, err := os.Stat(o.out); err == nil {
		return usagef("coinsift tags export --out FILE", "%s exists; not overwriting", o.out)
	}
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		list, err := tagdb.List(ctx, c.DB(), tagdb.Filter{OwnOnly: true})
		if err != nil {
			return err
		}
		name := c.Config().Name
		h := tags.PackHeader{Title: or(o.title, name+" tags"), Creator: or(o.creator, name), LastMod: c.Now(),
			Description: "Tags added in coinsift case " + name}
		var buf bytes.Buffer
		if err := tags.WritePack(&buf, h, list); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(o.out, buf.Bytes(), 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(buf.Bytes())
		abs, _ := filepath.Abs(o.out)
		rec.file(abs, int64(buf.Len()), hex.EncodeToString(sum[:]))
		if !g.json {
			g.printf("wrote    %s  %d tag(s)\n", o.out, len(list))
		}
		return nil
	})
	return err
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
