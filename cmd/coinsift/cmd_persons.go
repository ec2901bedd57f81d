package main

import (
	"context"
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/persons"
	"github.com/coinsift/coinsift/persons/personsql"
	"github.com/coinsift/coinsift/place"
)

func newPersonsCommand(g *globals) *cobra.Command {
	cfg := persons.DefaultConfig()
	var explain, person, account string
	var strength map[string]string
	byCountry := true
	cmd := &cobra.Command{
		Use:   "persons",
		Short: "Group accounts into persons, with the reasons; explain or override",
		Long: `Group the seized accounts into persons (rule persons/v4). Every piece of
evidence two accounts share weighs a strength, by who controls it, and
two accounts join when their pieces sum to at least 1:
  1     an E.164 phone number, a messenger handle (telegram, jabber, icq,
        discord, wickr, session, …), a bitcoin address the customer gave,
        a deposit address paid from the same paying cluster by both
  0.5   a normalised e-mail address (typed, never verified), a paying
        cluster ('coinsift trace payers'; a wallet friends share), the
        login addresses they share in one network (an IPv4 /24 or IPv6
        /48: one piece however many addresses); all login addresses of a
        pair together weigh at most 0.5: never enough alone
  0.25  login addresses in a pool: a network most of whose accounts are
        at home in other countries, by the embedded IP table (VPN and
        hosting exits, hotel Wi-Fi; --pool-by-country), or one more than
        --pool-accounts accounts logged in from (default: no bound)
So one strong identifier joins, and so do two independent weak pieces; one
network or one wallet never does. A deposit address the service assigned
is not identity (services hand one address to several customers): it
counts only paid from one wallet by both accounts, and not at all when
more than --max-deposit-accounts accounts paid it (a static or recycled
address). A value
shared by more than --max-accounts accounts (--max-ip-accounts for one
login address) or a placeholder (test@test.com, +440000000000, "none")
contributes nothing and is listed in table person_dropped. Clusters
carrying any tag (exchanges, services) and those of payments an exchange
made directly do not count. --strength KIND=W changes a weight; kinds:
phone, messenger (or one messenger, e.g. telegram), btc_address,
deposit_address, email, paying_cluster, login_ip, login_ip_pool. The
investigator's overrides
('coinsift persons override') apply first. Stores persons, person_links
(each piece with its kind, strength and rows), person_dropped and the pairs
considered and not joined (person_rejected), replacing earlier ones. The
rule and its measured error rates are in docs/methodology.md ("Persons").

With --explain, changes nothing and shows the stored person of an account
and the chain of links that joins it to each other account, with each
link's kind, strength and rows, the pairs considered and not joined and
the account's values that were not used. Persons are printed P-<n>
everywhere (triage, place, reports) so that they cannot be taken for
accounts: --explain P-344 (or --person 344) explains person 344,
--explain KEY (or --account KEY) the account with that key. A bare number
that is both an account key and a person id is refused: say which.`,
		Example: `  coinsift persons
  coinsift persons --explain 1042
  coinsift persons --explain P-344
  coinsift persons override split 1042 2213 --note "siblings sharing a wallet"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if explain != "" || person != "" || account != "" {
				return runPersonsExplain(cmd.Context(), g, explain, person, account)
			}
			c := cfg
			if byCountry {
				c.CountryOf = ipCountry
			}
			if len(strength) > 0 {
				c.Strength = map[string]float64{}
				for k, v := range strength {
					w, err := strconv.ParseFloat(v, 64)
					if err != nil || w < 0 || w > 1 {
						return usagef("coinsift persons --help", "--strength %s=%s: want a weight from 0 to 1", k, v)
					}
					if _, ok := persons.DefaultStrength[k]; !ok && !persons.IsMessenger(k) || k == persons.ReasonOverride {
						return usagef("coinsift persons --help", "--strength %s: unknown kind of evidence", k)
					}
					c.Strength[k] = w
				}
			}
			return runPersons(cmd.Context(), g, c)
		},
	}
	cmd.Flags().IntVar(&cfg.MaxAccounts, "max-accounts", cfg.MaxAccounts, "ignore a shared value joining more accounts than this (0: no bound)")
	cmd.Flags().IntVar(&cfg.MaxIPAccounts, "max-ip-accounts", cfg.MaxIPAccounts, "ignore a login address shared by more accounts than this (0: --max-accounts)")
	cmd.Flags().IntVar(&cfg.MaxDepositAccounts, "max-deposit-accounts", cfg.MaxDepositAccounts, "ignore a deposit address paid by more accounts than this: the service's address for many (0: no bound)")
	cmd.Flags().IntVar(&cfg.PoolAccounts, "pool-accounts", cfg.PoolAccounts, "a network (IPv4 /24, IPv6 /48) more accounts logged in from is a pool: weaker (0: none)")
	cmd.Flags().BoolVar(&byCountry, "pool-by-country", byCountry, "a network most of whose accounts are at home in another country (by the embedded IP table) is a pool")
	cmd.Flags().StringToStringVar(&strength, "strength", nil, "weight of one piece of evidence of a kind, e.g. email=1,login_ip=0.4 (0..1)")
	cmd.Flags().StringVar(&explain, "explain", "", "show why an account (KEY) or a person (P-N) is grouped as it is")
	cmd.Flags().StringVar(&person, "person", "", "like --explain, for person N (N or P-N)")
	cmd.Flags().StringVar(&account, "account", "", "like --explain, for the account with key KEY")
	cmd.AddCommand(newPersonsOverrideCommand(g))
	return cmd
}

type personsSummary struct {
	Accounts   int                `json:"accounts"`
	Persons    int                `json:"persons"`
	Multi      int                `json:"persons_with_several_accounts"`
	Links      map[string]int     `json:"links_by_reason"`
	Dropped    []persons.Dropped  `json:"dropped"`
	Rejected   int                `json:"pairs_not_joined"`
	Unresolved []persons.Override `json:"unresolved_splits"`
}

func runPersons(ctx context.Context, g *globals, cfg persons.Config) error {
	if cfg.MaxAccounts < 0 || cfg.MaxIPAccounts < 0 || cfg.PoolAccounts < 0 || cfg.MaxDepositAccounts < 0 {
		return usagef("coinsift persons --help", "--max-accounts %d, --max-ip-accounts %d, --max-deposit-accounts %d, --pool-accounts %d: must not be negative",
			cfg.MaxAccounts, cfg.MaxIPAccounts, cfg.MaxDepositAccounts, cfg.PoolAccounts)
	}
	sum := personsSummary{Links: map[string]int{}}
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		rec.Note = fmt.Sprintf("persons/v4 max-accounts=%d max-ip-accounts=%d max-deposit-accounts=%d pool-accounts=%d pool-by-country=%t strength=%s",
			cfg.MaxAccounts, cfg.MaxIPAccounts, cfg.MaxDepositAccounts, cfg.PoolAccounts, cfg.CountryOf != nil, strengthNote(cfg))
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
		w := persons.Weigh(ev, cfg)
		gr := persons.Group(accs, w.Edges, ovs)
		gr.Dropped, gr.Rejected = w.Dropped, w.Rejected
		dropped := w.Dropped
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
		sum.Dropped, sum.Unresolved, sum.Rejected = dropped, gr.Unresolved, len(gr.Rejected)
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
		g.printf("\n%d shared value(s) were shared too widely or placeholders, and not used (table person_dropped)\n", len(sum.Dropped))
	}
	if sum.Rejected > 0 {
		g.printf("%d pair(s) of accounts shared evidence too weak to join them (table person_rejected)\n", sum.Rejected)
	}
	for _, u := range sum.Unresolved {
		g.printf("split %s / %s is unresolved: they are still joined through other accounts (see --explain)\n",
			sanitize.Terminal(u.A), sanitize.Terminal(u.B))
	}
	return nil
}

func runPersonsExplain(ctx context.Context, g *globals, explain, person, account string) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	gr, err := personsql.LoadGrouping(ctx, c.DB())
	if err != nil {
		return err
	}
	sub, err := resolveSubject("coinsift persons --explain P-N|KEY", explain, person, account,
		func(k string) bool { _, ok := gr.Person[k]; return ok },
		func(id string) bool {
			n, err := strconv.Atoi(id)
			return err == nil && strconv.Itoa(n) == id && n >= 1 && n <= len(gr.Persons)
		})
	if err != nil {
		return err
	}
	var pid int
	if sub.Person != "" {
		pid, _ = strconv.Atoi(sub.Person)
		account = gr.Persons[pid-1][0] // explain from its first account
	} else {
		account, pid = sub.Account, gr.Person[sub.Account]
	}
	paths, err := gr.Explain(account)
	if err != nil {
		return usagef("coinsift persons --explain KEY (an account key)", "%v", err)
	}
	pname := coinsift.FormatPerson(strconv.Itoa(pid))
	members := gr.Persons[pid-1]
	// Every link of a step's pair: weak evidence joins a pair only when
	// its pieces sum to 1, so the explanation names all of them.
	byPair := map[[2]string][]persons.Edge{}
	links := []persons.Edge{}
	for _, e := range gr.Edges {
		if gr.Person[e.A] == pid {
			byPair[[2]string{e.A, e.B}] = append(byPair[[2]string{e.A, e.B}], e)
			links = append(links, e)
		}
	}
	con, err := personsql.LoadConsidered(ctx, c.DB(), account)
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(map[string]any{"account": account, "person": pname, "person_id": pid, "accounts": members, "paths": paths, "links": links,
			"not_joined": con.Rejected, "unused_values": con.Dropped})
	}
	if sub.Person != "" {
		g.printf("person %s has %d account(s): %s; from account %s:\n", pname, len(members), strings.Join(members, ", "), account)
	} else {
		g.printf("account %s is person %s with %d account(s)\n", account, pname, len(members))
	}
	for _, m := range members {
		if m == account {
			continue
		}
		g.printf("  %s:\n", sanitize.Terminal(m))
		for _, s := range paths[m] {
			es := byPair[[2]string{s.A, s.B}]
			total := 0.0
			for _, e := range es {
				total += e.Strength
			}
			g.printf("    %s — %s (strength %.2f)\n", sanitize.Terminal(s.From), sanitize.Terminal(other(s.Edge, s.From)), total)
			for _, e := range es {
				g.printf("      %s %s  %.2f", e.Reason, sanitize.Terminal(e.Detail), e.Strength)
				if e.Rows != "" {
					g.printf("  [%s]", sanitize.Terminal(e.Rows))
				}
				g.printf("\n")
			}
		}
	}
	if len(con.Rejected) > 0 {
		g.printf("considered and not joined (%d pair(s), strongest first):\n", len(con.Rejected))
		for _, r := range con.Rejected {
			o := r.B
			if o == account {
				o = r.A
			}
			g.printf("  %s: %s\n", sanitize.Terminal(o), sanitize.Terminal(r.Pieces))
		}
	}
	if len(con.Dropped) > 0 {
		g.printf("values of the account not used:\n")
		for _, d := range con.Dropped {
			why := fmt.Sprintf("shared by %d accounts", d.Accounts)
			switch d.Why {
			case "junk":
				why = fmt.Sprintf("a placeholder (%d accounts)", d.Accounts)
			case "service_address":
				why = fmt.Sprintf("the service's address for many: paid by %d accounts", d.Accounts)
			case "shared_wallet":
				why = fmt.Sprintf("paid from a wallet that pays for %d accounts", d.Accounts)
			}
			g.printf("  %s %s: %s\n", d.Kind, sanitize.Terminal(d.Value), why)
		}
	}
	return nil
}

// subject is an account or a person named on the command line: one of
// Person (a stored person id, "344") and Account (an account key) is set.
type subject struct {
	Person  string
	Account string
}

// resolveSubject reads the one subject given as a bare value (P-N for a
// person, else an account key), as --person (N or P-N) or as --account.
// A bare value that is an account key and also a person id, or a person
// id but no account, is a usage error saying which flag to use: a person
// is never taken for an account nor the other way round.
func resolveSubject(hint, bare, person, account string, isAccount, isPerson func(string) bool) (subject, error) {
	given := 0
	for _, v := range []string{bare, person, account} {
		if v != "" {
			given++
		}
	}
	if given != 1 {
		return subject{}, usagef(hint, "name one account or person (a key, P-N, --person N or --account KEY)")
	}
	switch {
	case account != "":
		if !isAccount(account) {
			return subject{}, fmt.Errorf("no account with key %q here: %w", account, coinsift.ErrNotFound)
		}
		return subject{Account: account}, nil
	case person != "":
		id, ok := coinsift.ParsePerson(person)
		if !ok {
			id = person
		}
		if !isPerson(id) {
			return subject{}, fmt.Errorf("no person %s here: %w", coinsift.FormatPerson(id), coinsift.ErrNotFound)
		}
		return subject{Person: id}, nil
	}
	if id, ok := coinsift.ParsePerson(bare); ok {
		if !isPerson(id) {
			return subject{}, fmt.Errorf("no person %s here: %w", bare, coinsift.ErrNotFound)
		}
		return subject{Person: id}, nil
	}
	acc, per := isAccount(bare), isPerson(bare)
	switch {
	case acc && per:
		return subject{}, usagef(hint, "%q is both an account key and a person id: say %s (or --person %s) for the person, --account %s for the account",
			bare, coinsift.FormatPerson(bare), bare, bare)
	case per:
		return subject{}, usagef(hint, "%q is no account key; for person %s say %s (or --person %s)", bare, bare, coinsift.FormatPerson(bare), bare)
	case !acc:
		return subject{}, fmt.Errorf("no account with key %q here: %w", bare, coinsift.ErrNotFound)
	}
	return subject{Account: bare}, nil
}

// ipCountry is the country of a login address in the embedded IP table,
// "" when it has none.
func ipCountry(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ""
	}
	c, _, ok := place.IPLoc{}.Country(a)
	if !ok {
		return ""
	}
	return string(c)
}

// strengthNote lists the weights that differ from the defaults, for the
// audit record: "default" when none.
func strengthNote(cfg persons.Config) string {
	var ks []string
	for k := range cfg.Strength {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	var out []string
	for _, k := range ks {
		out = append(out, fmt.Sprintf("%s=%g", k, cfg.Strength[k]))
	}
	if len(out) == 0 {
		return "default"
	}
	return strings.Join(out, ",")
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
