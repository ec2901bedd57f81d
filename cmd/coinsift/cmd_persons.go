package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/persons"
	"github.com/coinsift/coinsift/persons/personsql"
)

func newPersonsCommand(g *globals) *cobra.Command {
	cfg := persons.DefaultConfig()
	var explain string
	cmd := &cobra.Command{
		Use:   "persons",
		Short: "Group accounts into persons, with the reasons; explain or override",
		Long: `Group the seized accounts into persons. Two accounts are one person when
they share a strong identifier — an E.164 phone number or a bitcoin
address — or enough weak evidence (--corroboration, default 2 pieces):
each public login address they share counts one, paying from the same
cluster ('coinsift trace payers') one, a normalised e-mail one. So a
wallet shared by two people does not join them unless they also logged in
from the same addresses. Clusters carrying any tag (exchanges, services)
and the clusters of payments an exchange made directly do not count. A
value shared by more than --max-accounts accounts (--max-ip-accounts for
login addresses: VPN exits, carrier NAT) is dropped and listed in table
person_dropped. The investigator's overrides ('coinsift persons override')
apply first. Stores persons and person_links, replacing earlier ones. The
rule and its error rates are in docs/methodology.md ("Persons").

With --explain ACCOUNT, changes nothing and shows the stored person of the
account and the chain of links that joins it to each other account.`,
		Example: `  coinsift persons
  coinsift persons --explain 1042
  coinsift persons override split 1042 2213 --note "siblings sharing a wallet"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if explain != "" {
				return runPersonsExplain(cmd.Context(), g, explain)
			}
			return runPersons(cmd.Context(), g, cfg)
		},
	}
	cmd.Flags().IntVar(&cfg.MaxAccounts, "max-accounts", cfg.MaxAccounts, "ignore a shared value joining more accounts than this (0: no bound)")
	cmd.Flags().IntVar(&cfg.MaxIPAccounts, "max-ip-accounts", cfg.MaxIPAccounts, "ignore a login address shared by more accounts than this (0: --max-accounts)")
	cmd.Flags().IntVar(&cfg.Corroboration, "corroboration", cfg.Corroboration, "pieces of weak evidence (login addresses, paying cluster, e-mail) needed without a strong one (1: any joins)")
	cmd.Flags().StringVar(&explain, "explain", "", "show why ACCOUNT is grouped with its person's other accounts")
	cmd.AddCommand(newPersonsOverrideCommand(g))
	return cmd
}

type personsSummary struct {
	Accounts   int                `json:"accounts"`
	Persons    int                `json:"persons"`
	Multi      int                `json:"persons_with_several_accounts"`
	Links      map[string]int     `json:"links_by_reason"`
	Dropped    []persons.Dropped  `json:"dropped"`
	Unresolved []persons.Override `json:"unresolved_splits"`
}

func runPersons(ctx context.Context, g *globals, cfg persons.Config) error {
	if cfg.MaxAccounts < 0 || cfg.MaxIPAccounts < 0 || cfg.Corroboration < 0 {
		return usagef("coinsift persons --help", "--max-accounts %d, --max-ip-accounts %d, --corroboration %d: must not be negative",
			cfg.MaxAccounts, cfg.MaxIPAccounts, cfg.Corroboration)
	}
	sum := personsSummary{Links: map[string]int{}}
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		rec.Note = fmt.Sprintf("persons/v2 max-accounts=%d max-ip-accounts=%d corroboration=%d", cfg.MaxAccounts, cfg.MaxIPAccounts, cfg.Corroboration)
		accs, err := personsql.LoadAccounts(ctx, c.DB())
		if err != nil {
			return err
		}
		ev, err := personsql.LoadEvidence(ctx, c.DB())
		if err != nil {
			return err
		}
		ovs, err := personsql.LoadOverrides(ctx, c.DB())
		if err != nil {
			return err
		}
		edges, dropped := persons.Edges(ev, cfg)
		gr := persons.Group(accs, edges, ovs)
		gr.Dropped = dropped
		counts, err := personsql.SaveGrouping(ctx, c.DB(), gr)
		if err != nil {
			return err
		}
		for _, t := range personsql.PersonTables {
			rec.table(t, counts[t])
		}
		sum.Accounts, sum.Persons = len(gr.Person), len(gr.Persons)
		for _, ms := range gr.Persons {
			if len(ms) > 1 {
				sum.Multi++
			}
		}
		for _, e := range gr.Edges {
			sum.Links[e.Reason]++
		}
		sum.Dropped, sum.Unresolved = dropped, gr.Unresolved
		if sum.Dropped == nil {
			sum.Dropped = []persons.Dropped{}
		}
		if sum.Unresolved == nil {
			sum.Unresolved = []persons.Override{}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(sum)
	}
	g.printf("%d accounts form %d persons; %d persons have several accounts\n\n", sum.Accounts, sum.Persons, sum.Multi)
	rows := [][]string{}
	for _, k := range sortedCountKeys(sum.Links) {
		rows = append(rows, []string{k, strconv.Itoa(sum.Links[k])})
	}
	if err := term.Table(g.stdout, []string{"REASON", "LINKS"}, rows); err != nil {
		return err
	}
	if len(sum.Dropped) > 0 {
		g.printf("\n%d shared value(s) joined too many accounts and were not used (table person_dropped)\n", len(sum.Dropped))
	}
	for _, u := range sum.Unresolved {
		g.printf("split %s / %s is unresolved: they are still joined through other accounts (see --explain)\n",
			sanitize.Terminal(u.A), sanitize.Terminal(u.B))
	}
	return nil
}

func runPersonsExplain(ctx context.Context, g *globals, account string) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	gr, err := personsql.LoadGrouping(ctx, c.DB())
	if err != nil {
		return err
	}
	paths, err := gr.Explain(account)
	if err != nil {
		return usagef("coinsift persons --explain ACCOUNT (an account key)", "%v", err)
	}
	pid := gr.Person[account]
	members := gr.Persons[pid-1]
	// Every link of a step's pair: weak evidence joins a pair only with
	// corroboration, so the explanation names all of it.
	byPair := map[[2]string][]persons.Edge{}
	links := []persons.Edge{}
	for _, e := range gr.Edges {
		if gr.Person[e.A] == pid {
			byPair[[2]string{e.A, e.B}] = append(byPair[[2]string{e.A, e.B}], e)
			links = append(links, e)
		}
	}
	if g.json {
		return g.printJSON(map[string]any{"account": account, "person_id": pid, "accounts": members, "paths": paths, "links": links})
	}
	g.printf("account %s is person %d with %d account(s)\n", sanitize.Terminal(account), pid, len(members))
	for _, m := range members {
		if m == account {
			continue
		}
		var steps []string
		for _, s := range paths[m] {
			var why []string
			for _, e := range byPair[[2]string{s.A, s.B}] {
				why = append(why, e.Reason+" "+sanitize.Terminal(e.Detail))
			}
			steps = append(steps, fmt.Sprintf("%s —%s— %s", sanitize.Terminal(s.From), strings.Join(why, ", "),
				sanitize.Terminal(other(s.Edge, s.From))))
		}
		g.printf("  %s: %s\n", sanitize.Terminal(m), strings.Join(steps, ", "))
	}
	return nil
}

func other(e persons.Edge, a string) string {
	if e.A == a {
		return e.B
	}
	return e.A
}

func newPersonsOverrideCommand(g *globals) *cobra.Command {
	var note string
	cmd := &cobra.Command{
		Use:   "override merge|split ACCOUNT-A ACCOUNT-B --note TEXT",
		Short: "Record that two accounts are (merge) or are not (split) one person",
		Long: `Record an investigator's decision about two accounts, with a note, in table
person_overrides (audited). merge joins them whatever the evidence; split
removes every direct link between them (a shared e-mail, phone, address or
paying cluster). A split does not cut indirect paths: if the accounts stay
joined through others, 'coinsift persons' reports the split as unresolved.
Takes effect at the next 'coinsift persons'.`,
		Args: exactArgs(3),
		Example: `  coinsift persons override split 1011 947 --note 'only login IPs of one VPN exit in common'
  coinsift persons override merge 1041 2224 --note 'same passport scan in both accounts, exhibit 7'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] != "merge" && args[0] != "split" {
				return usagef("coinsift persons override merge|split A B --note TEXT", "action %q: want merge or split", args[0])
			}
			if strings.TrimSpace(note) == "" {
				return usagef("coinsift persons override merge|split A B --note TEXT", "--note is required: say why")
			}
			if args[1] == args[2] {
				return usagef("coinsift persons override --help", "the two accounts are the same: %q", args[1])
			}
			o := persons.Override{A: args[1], B: args[2], Action: args[0], Note: note}
			err := g.change(cmd.Context(), func(c *casefile.Case, rec *auditRecord) error {
				rec.Note = fmt.Sprintf("%s %s %s: %s", o.Action, o.A, o.B, o.Note)
				if err := personsql.AddOverride(cmd.Context(), c.DB(), o, c.Now()); err != nil {
					return err
				}
				rec.table("person_overrides", 1)
				return nil
			})
			if err != nil {
				return err
			}
			if g.json {
				return g.printJSON(map[string]string{"action": o.Action, "account_a": o.A, "account_b": o.B, "note": o.Note})
			}
			g.printf("recorded %s of %s and %s; run 'coinsift persons' to apply it\n", o.Action, sanitize.Terminal(o.A), sanitize.Terminal(o.B))
			return nil
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "why (required)")
	return cmd
}
