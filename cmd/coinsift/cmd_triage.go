package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/triage"
	"github.com/coinsift/coinsift/triage/rule"
	"github.com/coinsift/coinsift/triage/triagesql"
)

type triageOptions struct {
	rule  string
	limit int
}

func newTriageCommand(g *globals) *cobra.Command {
	var o triageOptions
	cmd := &cobra.Command{
		Use:   "triage",
		Short: "Rank the suspects a rule selects, with scores and reasons",
		Long: `Rank the suspects (persons, and accounts in no person) that a rule selects.
--rule names a rule (built in: ispoof-uk, referrals, all-payers; or one saved
with 'coinsift triage rules add') or is an expression of the rule language,
e.g. 'country == "GB" && confidence >= 0.5 && received_gbp >= 100'.

Fields: country, confidence, placed; money in the case currency, each link
status apart: verified, late, partial, mismatch, paid_again, and received
(their sum: all money that arrived on chain), each also as <name>_gbp when
the case reports in GBP (paid, paid_gbp: deprecated names of received);
payments, verified_payments, calls, victims, exchanges, accounts, direct.
See docs/format/triage.md. The ranked list replaces the suspects table.`,
		Example: `  coinsift triage
  coinsift triage --rule 'country in ("NL", "AU", "FR", "IE") && received_gbp >= 100'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTriage(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.rule, "rule", "ispoof-uk", "rule name or expression")
	cmd.Flags().IntVar(&o.limit, "limit", 25, "suspects to print (0: all); all are stored")
	cmd.AddCommand(newTriageRulesCommand(g))
	return cmd
}

// resolveRule finds a named rule or parses an expression.
func resolveRule(rules []triage.NamedRule, arg, currency string) (triage.NamedRule, *rule.Rule, error) {
	nr := triage.NamedRule{Name: "ad hoc", Expr: arg}
	for _, r := range rules {
		if r.Name == arg {
			nr = r
		}
	}
	parsed, err := rule.Parse(nr.Expr, triage.Schema(currency))
	if err != nil {
		return nr, nil, usagef("coinsift triage --help", "rule %q: %v", nr.Name, err)
	}
	return nr, parsed, nil
}

func runTriage(ctx context.Context, g *globals, o triageOptions) error {
	var ranked []triage.Suspect
	var nr triage.NamedRule
	var total int
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		cur := c.Config().Settings.Currency
		rules, err := triagesql.Rules(ctx, c.DB())
		if err != nil {
			return err
		}
		var r *rule.Rule
		if nr, r, err = resolveRule(rules, o.rule, cur); err != nil {
			return err
		}
		all, err := triagesql.ReadSuspects(ctx, c.DB(), cur)
		if err != nil {
			return err
		}
		total = len(all)
		ranked = triage.Rank(all, r)
		rec.Note = nr.Name + ": " + nr.Expr
		if err := triagesql.SaveSuspects(ctx, c.DB(), nr, ranked); err != nil {
			return err
		}
		rec.table("suspects", int64(len(ranked)))
		return nil
	})
	if err != nil {
		return err
	}
	for i := range ranked { // persons are printed P-<n>, never as a bare number an account could have
		ranked[i].Person = coinsift.FormatPerson(ranked[i].Person)
	}
	if g.json {
		if ranked == nil {
			ranked = []triage.Suspect{}
		}
		return g.printJSON(map[string]any{"rule": nr, "considered": total, "suspects": ranked})
	}
	g.printf("rule %s: %s\n%d of %d persons match\n\n", nr.Name, nr.Expr, len(ranked), total)
	show := ranked
	if o.limit > 0 && len(show) > o.limit {
		show = show[:o.limit]
	}
	rows := make([][]string, 0, len(show))
	for i, s := range show {
		rows = append(rows, []string{strconv.Itoa(i + 1), s.Person, string(s.Country), fmt.Sprintf("%.2f", s.Confidence),
			s.Received.String(), s.Verified.String(), strconv.Itoa(s.Payments), strconv.Itoa(s.Calls), strconv.Itoa(s.Victims),
			strings.Join(s.Exchanges, ", "), fmt.Sprintf("%.1f", s.Score)})
	}
	if err := term.Table(g.stdout, []string{"RANK", "PERSON", "COUNTRY", "CONF", "RECEIVED", "VERIFIED", "PAYMENTS", "CALLS", "VICTIMS", "EXCHANGES", "SCORE"}, rows); err != nil {
		return err
	}
	if len(show) < len(ranked) {
		g.printf("(first %d; --limit 0 lists all, 'coinsift sql \"SELECT * FROM suspects\"' has them with reasons)\n", len(show))
	}
	return nil
}

func newTriageRulesCommand(g *globals) *cobra.Command {
	c := &cobra.Command{
		Use:   "rules",
		Short: "List the named rules",
		Args:  noArgs,
		Example: `  coinsift triage rules
  coinsift triage rules add uk-big 'country == "GB" && paid_gbp >= 1000' --note 'first wave of arrests'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			cs, err := g.openCase(ctx)
			if err != nil {
				return err
			}
			defer cs.Close()
			rules, err := triagesql.Rules(ctx, cs.DB())
			if err != nil {
				return err
			}
			if g.json {
				return g.printJSON(rules)
			}
			rows := make([][]string, 0, len(rules))
			for _, r := range rules {
				rows = append(rows, []string{r.Name, r.Expr, r.Note})
			}
			return term.Table(g.stdout, []string{"NAME", "RULE", "NOTE"}, rows)
		},
	}
	var note string
	add := &cobra.Command{
		Use:   "add NAME EXPR",
		Short: "Save a named rule in the case",
		Args:  exactArgs(2),
		Example: `  coinsift triage rules add uk-big 'country == "GB" && paid_gbp >= 1000' --note 'first wave of arrests'
  coinsift triage --rule uk-big`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return g.change(ctx, func(cs *casefile.Case, rec *auditRecord) error {
				nr := triage.NamedRule{Name: args[0], Expr: args[1], Note: note}
				if _, err := rule.Parse(nr.Expr, triage.Schema(cs.Config().Settings.Currency)); err != nil {
					return usagef("coinsift triage --help", "rule %q: %v", nr.Name, err)
				}
				if err := triagesql.SaveRule(ctx, cs.DB(), nr, cs.Now()); err != nil {
					return err
				}
				rec.table("triage_rules", 1)
				g.printf("saved rule %s\n", nr.Name)
				return nil
			})
		},
	}
	add.Flags().StringVar(&note, "note", "", "why the rule exists")
	c.AddCommand(add)
	return c
}
