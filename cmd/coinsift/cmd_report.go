package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nyaruka/phonenumbers"
	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/report"
	"github.com/coinsift/coinsift/report/reportsql"
	"github.com/coinsift/coinsift/triage"
	"github.com/coinsift/coinsift/triage/rule"
	"github.com/coinsift/coinsift/triage/triagesql"
)

// agencies names the partner agency of a country in referral packages.
var agencies = map[coinsift.Country]string{
	"GB": "National Crime Agency / Metropolitan Police Service",
	"NL": "Politie, Team High Tech Crime (NL)",
	"AU": "Australian Federal Police",
	"FR": "Office anti-cybercriminalité, Police nationale (FR)",
	"IE": "An Garda Síochána, Garda National Cyber Crime Bureau (IE)",
	"US": "Federal Bureau of Investigation (US)",
	"DE": "Bundeskriminalamt (DE)",
	"BE": "Federal Computer Crime Unit (BE)",
	"ES": "Policía Nacional (ES)",
	"IT": "Polizia Postale (IT)",
	"CA": "Royal Canadian Mounted Police (CA)",
}

func agencyOf(cc coinsift.Country) string {
	if a, ok := agencies[cc]; ok {
		return a
	}
	return "Competent authority (" + string(cc) + ")"
}

func newReportCommand(g *globals) *cobra.Command {
	c := groupCommand("report", "Write referral packages and the case summary")
	c.Example = `  coinsift report referrals --out referrals --countries NL,AU,FR,IE
  coinsift report summary --out summary`
	c.AddCommand(newReportReferralsCommand(g), newReportSummaryCommand(g))
	return c
}

type referralOptions struct {
	out       string
	rule      string
	countries []string
	redact    []string
	victims   []string
	// settings are the report settings given as flags (nil: keep case.toml's).
	authority, legalBasis, officer *string
}

func newReportReferralsCommand(g *globals) *cobra.Command {
	var o referralOptions
	cmd := &cobra.Command{
		Use:   "referrals --out DIR",
		Short: "Write one referral package per country: suspects, evidence sheets, production orders",
		Long: `Write one package per country (DIR/<CC>/) for the partner agency there: the
suspects the rule selects who are placed in that country (suspects.csv,
.xlsx, .json), one PDF evidence sheet per suspect (identifiers, payments with
txids, block times, values and rate sources, funding exchanges, placement
evidence, heuristics and their measured error rates), a production-order
draft per exchange, the victims in that country when --share-victims names
it, and manifest.json with the SHA-256 of every file and the audit excerpt
that produced them. A package is written whole or not at all; an existing
one is never overwritten. Reruns on an unchanged case give identical bytes.

Production orders name the requesting authority, the legal basis and the
officer from case.toml ([settings.report] authority, legal_basis, officer).
--authority, --legal-basis and --officer set them in case.toml before the
packages are written (and for every later run); a setting never given is
printed as a placeholder to complete, e.g. "[REQUESTING AUTHORITY - to be
completed]".`,
		Example: `  coinsift report referrals --out referrals --countries NL,AU,FR,IE
  coinsift report referrals --out uk --rule ispoof-uk --countries GB --share-victims GB \
      --authority "Metropolitan Police Service, Cyber Crime Unit" \
      --legal-basis "Proceeds of Crime Act 2002, s.345 (production order)" --officer "DC A. Smith"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.out == "" {
				return usagef("coinsift report referrals --out DIR", "--out is required")
			}
			for _, f := range []struct {
				name string
				dst  **string
			}{{"authority", &o.authority}, {"legal-basis", &o.legalBasis}, {"officer", &o.officer}} {
				if cmd.Flags().Changed(f.name) {
					v, _ := cmd.Flags().GetString(f.name)
					v = strings.TrimSpace(v)
					*f.dst = &v
				}
			}
			var err error
			if o.countries, err = parseCountries("--countries", o.countries); err != nil {
				return err
			}
			if o.victims, err = parseCountries("--share-victims", o.victims); err != nil {
				return err
			}
			return runReportReferrals(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "output directory")
	f.StringVar(&o.rule, "rule", "referrals", "triage rule selecting the suspects (name or expression)")
	f.StringSliceVar(&o.countries, "countries", nil, "countries to write packages for (default: every country with suspects)")
	f.StringSliceVar(&o.redact, "redact", nil, "fields to redact: "+strings.Join(report.RedactionFields, ", "))
	f.StringSliceVar(&o.victims, "share-victims", nil, "countries whose package may include their victims")
	f.String("authority", "", "requesting authority named on production orders (stored in case.toml)")
	f.String("legal-basis", "", "law the production orders are made under (stored in case.toml)")
	f.String("officer", "", "officer in charge named on production orders (stored in case.toml)")
	return cmd
}

func runReportReferrals(ctx context.Context, g *globals, o referralOptions) error {
	type written struct {
		Country  coinsift.Country `json:"country"`
		Agency   string           `json:"agency"`
		Suspects int              `json:"suspects"`
		Orders   int              `json:"orders"`
		Victims  int              `json:"victims"`
		Files    int              `json:"files"`
		Dir      string           `json:"dir"`
	}
	var done []written
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		cur := c.Config().Settings.Currency
		rules, err := triagesql.Rules(ctx, c.DB())
		if err != nil {
			return err
		}
		nr, r, err := resolveRule(rules, o.rule, cur)
		if err != nil {
			return err
		}
		all, err := triagesql.ReadSuspects(ctx, c.DB(), cur)
		if err != nil {
			return err
		}
		ranked := triage.Rank(all, r)
		byCountry := map[coinsift.Country][]triage.Suspect{}
		for _, s := range ranked {
			if s.Country != "" {
				byCountry[s.Country] = append(byCountry[s.Country], s)
			}
		}
		countries := make([]coinsift.Country, 0)
		if len(o.countries) > 0 {
			for _, cc := range o.countries {
				countries = append(countries, coinsift.Country(cc))
			}
			if err := checkRuleCountries(rules, nr, r, all, countries, byCountry, cur, g.stderr); err != nil {
				return err
			}
		} else {
			for cc := range byCountry {
				countries = append(countries, cc)
			}
		}
		sort.Slice(countries, func(i, j int) bool { return countries[i] < countries[j] })
		share := map[coinsift.Country]bool{}
		for _, cc := range o.victims {
			share[coinsift.Country(cc)] = true
		}
		if o.authority != nil || o.legalBasis != nil || o.officer != nil {
			rs := c.Config().Settings.Report
			for _, f := range []struct{ from, to *string }{{o.authority, &rs.Authority}, {o.legalBasis, &rs.LegalBasis}, {o.officer, &rs.Officer}} {
				if f.from != nil {
					*f.to = *f.from
				}
			}
			if err := c.SetReportSettings(rs); err != nil {
				return err
			}
		}
		rc, err := reportsql.LoadCase(ctx, c, coinsiftVersion(), nr)
		if err != nil {
			return err
		}
		var persons []string
		for _, cc := range countries {
			for _, s := range byCountry[cc] {
				persons = append(persons, s.Person)
			}
		}
		loader, err := reportsql.NewLoader(ctx, c.DB(), cur, persons)
		if err != nil {
			return err
		}
		for _, cc := range countries {
			sus := loader.Suspects(byCountry[cc])
			ref := report.Referral{Country: cc, Agency: agencyOf(cc), Suspects: sus, Orders: reportsql.Orders(cc, sus), VictimsAllowed: share[cc]}
			if ref.VictimsAllowed {
				if ref.Victims, err = reportsql.Victims(ctx, c.DB(), cc); err != nil {
					return err
				}
			}
			m, err := report.WriteReferral(ctx, o.out, rc, ref, report.Redaction{Fields: o.redact})
			if err != nil {
				return err
			}
			for _, f := range m.Files {
				rec.file(filepath.Join(o.out, string(cc), filepath.FromSlash(f.Path)), f.Size, f.SHA256)
			}
			done = append(done, written{Country: cc, Agency: ref.Agency, Suspects: len(sus), Orders: len(ref.Orders),
				Victims: len(ref.Victims), Files: len(m.Files), Dir: filepath.Join(o.out, string(cc))})
		}
		rec.Note = nr.Name + ": " + nr.Expr
		return nil
	})
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(done)
	}
	rows := make([][]string, 0, len(done))
	for _, d := range done {
		rows = append(rows, []string{string(d.Country), d.Agency, fmt.Sprint(d.Suspects), fmt.Sprint(d.Orders), fmt.Sprint(d.Victims), d.Dir})
	}
	return term.Table(g.stdout, []string{"COUNTRY", "AGENCY", "SUSPECTS", "ORDERS", "VICTIMS", "PACKAGE"}, rows)
}

func newReportSummaryCommand(g *globals) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "summary --out DIR",
		Short: "Write the case summary as HTML and PDF, with charts",
		Long: `Write the case summary (DIR/summary.html, DIR/summary.pdf, DIR/manifest.json):
key figures, payments over time, suspects by country (from the last
'coinsift triage'), top funding exchanges, victims by country, heuristics
with their measured error rates, and the audit excerpt.`,
		Args: noArgs,
		Example: `  coinsift report summary --out summary
  coinsift --case ./elaborate report summary --out /media/usb/elaborate-summary`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usagef("coinsift report summary --out DIR", "--out is required")
			}
			ctx := cmd.Context()
			var m report.Manifest
			err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
				var nr triage.NamedRule
				c.DB().QueryRowContext(ctx, `SELECT rule_name, rule_expr FROM suspects LIMIT 1`).Scan(&nr.Name, &nr.Expr)
				rc, err := reportsql.LoadCase(ctx, c, coinsiftVersion(), nr)
				if err != nil {
					return err
				}
				s, err := reportsql.Summary(ctx, c.DB(), rc)
				if err != nil {
					return err
				}
				if m, err = report.WriteSummary(ctx, out, s); err != nil {
					return err
				}
				for _, f := range m.Files {
					rec.file(filepath.Join(out, filepath.FromSlash(f.Path)), f.Size, f.SHA256)
				}
				return nil
			})
			if err != nil {
				return err
			}
			if g.json {
				return g.printJSON(m)
			}
			g.printf("wrote %s (summary.html, summary.pdf, manifest.json)\n", out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "output directory")
	return cmd
}

// parseCountries reads a list of ISO 3166-1 alpha-2 codes given to flag:
// upper-cased, trimmed, each a known country or region (one with a phone
// numbering plan), else a usage error naming the code.
func parseCountries(flag string, list []string) ([]string, error) {
	regions := phonenumbers.GetSupportedRegions()
	out := make([]string, 0, len(list))
	for _, cc := range list {
		cc = strings.ToUpper(strings.TrimSpace(cc))
		if len(cc) != 2 || !regions[cc] {
			return nil, usagef("coinsift report referrals --help", "%s %q: not an ISO 3166-1 alpha-2 country code (e.g. GB, NL, AU)", flag, cc)
		}
		out = append(out, cc)
	}
	return out, nil
}

// checkRuleCountries refuses a package for a country the rule excludes by
// construction (no suspect placed there could ever match it, as GB under
// the default rule "referrals"), naming the rules that do select suspects
// there; it warns on stderr about a country where the rule selects no one
// (the package is written, saying so).
func checkRuleCountries(rules []triage.NamedRule, nr triage.NamedRule, r *rule.Rule, all []triage.Suspect,
	countries []coinsift.Country, byCountry map[coinsift.Country][]triage.Suspect, cur string, stderr io.Writer) error {
	for _, cc := range countries {
		if len(byCountry[cc]) > 0 {
			continue
		}
		if ruleCanSelect(r, cc, cur) {
			fmt.Fprintf(stderr, "coinsift: warning: rule %s (%s) selects no suspect placed in %s; its package says so\n",
				sanitize.Terminal(nr.Name), sanitize.Terminal(nr.Expr), cc)
			continue
		}
		var others []string
		for _, o := range rules {
			or, err := rule.Parse(o.Expr, triage.Schema(cur))
			if err != nil || o.Name == nr.Name {
				continue
			}
			n := 0
			for _, s := range triage.Rank(all, or) {
				if s.Country == cc {
					n++
				}
			}
			if n > 0 {
				others = append(others, fmt.Sprintf("--rule %s (%d suspect(s) there)", o.Name, n))
			}
		}
		hint := "no other rule selects anyone placed there either"
		if len(others) > 0 {
			hint = "use " + strings.Join(others, " or ")
		}
		return usagef("coinsift report referrals --help", "--countries %s: rule %s (%s) never selects anyone placed in %s; %s",
			cc, sanitize.Terminal(nr.Name), sanitize.Terminal(nr.Expr), cc, sanitize.Terminal(hint))
	}
	return nil
}

// ruleCanSelect reports whether r matches some suspect placed in cc:
// it tries suspects with the largest and with no figures, paid directly
// by an exchange or not.
func ruleCanSelect(r *rule.Rule, cc coinsift.Country, cur string) bool {
	many := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	for _, big := range []bool{true, false} {
		for _, direct := range []bool{true, false} {
			zero := coinsift.Money{Currency: cur}
			s := triage.Suspect{Person: "probe", Country: cc, Confidence: 0, Direct: direct,
				Received: zero, Verified: zero, Late: zero, Partial: zero, Mismatch: zero, PaidAgain: zero}
			if big {
				s.Confidence, s.Payments, s.VerifiedPayments, s.Calls, s.Victims = 1, 1e6, 1e6, 1e6, 1e6
				for _, m := range []*coinsift.Money{&s.Received, &s.Verified, &s.Late, &s.Partial, &s.Mismatch, &s.PaidAgain} {
					m.Minor = 1e12
				}
				s.Exchanges, s.Accounts = many, many
			}
			if r.Match(&s) {
				return true
			}
		}
	}
	return false
}
