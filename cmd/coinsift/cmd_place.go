package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/place"
	"github.com/coinsift/coinsift/place/placesql"
)

type placeOptions struct {
	region string
	mmdb   []string
}

func newPlaceCommand(g *globals) *cobra.Command {
	var o placeOptions
	cmd := &cobra.Command{
		Use:   "place",
		Short: "Place every account and person in a jurisdiction, with a confidence and the evidence",
		Long: `Place every account and person of the seized data in a country: from phone
numbers (libphonenumber), sign-up and login IPs (the embedded IP-to-country
table, or MaxMind-format databases given with --mmdb, tried first), e-mail
domains, the jurisdictions of the exchanges that funded the account's payments
(from 'coinsift trace payers' and the actor packs imported with 'coinsift tags
import'; an exchange listed in several countries counts a share in each), and
the time-of-day pattern of logins, combined into a country with a
confidence; other supported countries are kept as conflicts. An account's IP
column counts as the sign-up address only when its name says so (signup_ip,
reg_ip, created_ip …); last_ip and the like are read as login addresses. The
weights, the model and the measured error rates are in
docs/methodology-place.md. Persons (see 'coinsift persons') are placed from
the signals of all their accounts.

Results go to the placements and placement_evidence tables, replacing any
earlier run. 'coinsift place show SUBJECT' explains one placement.`,
		Args: noArgs,
		Example: `  coinsift place
  coinsift place --mmdb GeoLite2-Country.mmdb --region GB
  coinsift place show P-344`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPlace(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.region, "region", "", "default region of phone numbers without a country code (default: the case's)")
	cmd.Flags().StringArrayVar(&o.mmdb, "mmdb", nil, "MaxMind-format IP database to consult before the embedded table (repeatable)")
	cmd.AddCommand(newPlaceShowCommand(g), newPlaceEvalCommand(g))
	return cmd
}

func runPlace(ctx context.Context, g *globals, o placeOptions) error {
	var loc place.Fallback
	for _, p := range o.mmdb {
		m, err := place.OpenMMDB(p)
		if err != nil {
			return err
		}
		defer m.Close()
		loc = append(loc, m)
	}
	loc = append(loc, place.IPLoc{})
	w := place.DefaultWeights()
	var accounts, persons, placed int
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		region := o.region
		if region == "" {
			region = c.Config().Settings.DefaultRegion
		}
		extra, err := placesql.ReadExchanges(ctx, c.DB())
		if err != nil {
			return err
		}
		ins, err := placesql.ReadAccounts(ctx, c.DB(), placesql.Options{Region: region, Locator: loc, Extra: extra})
		if err != nil {
			return err
		}
		if len(ins) == 0 {
			return placesql.ErrNoSeized
		}
		p := g.progress("place", "subjects")
		p.SetTotal(int64(len(ins)))
		byAccount := make(map[string]int, len(ins)) // account key → index in ins and rs
		for i := range ins {
			byAccount[ins[i].Subject] = i
		}
		rs := make([]placesql.Result, len(ins), 2*len(ins))
		if err := eachParallel(ctx, len(ins), p, func(i int) {
			in := &ins[i]
			rs[i] = placeOne("account", in.Subject, in.Signals, &in.Logins, w)
		}); err != nil {
			return err
		}
		p.Done()
		accounts = len(ins)
		members, err := placesql.ReadPersons(ctx, c.DB())
		if err != nil {
			return err
		}
		ids := make([]string, 0, len(members))
		for id := range members {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		prs := make([]placesql.Result, len(ids))
		if err := eachParallel(ctx, len(ids), nil, func(j int) {
			id := ids[j]
			if ms := members[id]; len(ms) == 1 {
				// A person of one account has that account's signals and
				// logins, so that account's placement.
				if i, ok := byAccount[ms[0]]; ok {
					r := rs[i]
					r.Kind, r.Subject = "person", id
					prs[j] = r
					return
				}
			}
			var sig []place.Signal
			var logins place.Rhythm
			for _, a := range members[id] {
				if i, ok := byAccount[a]; ok {
					sig = append(sig, ins[i].Signals...)
					logins.Merge(&ins[i].Logins)
				}
			}
			prs[j] = placeOne("person", id, sig, &logins, w)
		}); err != nil {
			return err
		}
		rs = append(rs, prs...)
		persons = len(ids)
		for _, r := range rs {
			if r.Country != "" {
				placed++
			}
		}
		if err := placesql.Save(ctx, c.DB(), rs, w); err != nil {
			return err
		}
		rec.table("placements", int64(len(rs)))
		return nil
	})
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(map[string]int{"accounts": accounts, "persons": persons, "placed": placed})
	}
	g.printf("placed %d of %d subjects (%d accounts, %d persons)\n", placed, accounts+persons, accounts, persons)
	return nil
}

// eachParallel calls fn(i) for i in [0, n) on GOMAXPROCS goroutines, in
// chunks, adding to p (if not nil) as chunks finish; fn must only write
// state of its own i. It returns ctx's error if ctx ends first.
func eachParallel(ctx context.Context, n int, p coinsift.Progress, fn func(i int)) error {
	const chunk = 256
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk) {
		wg.Go(func() {
			for ctx.Err() == nil {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				hi := min(lo+chunk, n)
				for i := lo; i < hi; i++ {
					fn(i)
				}
				if p != nil {
					p.Add(int64(hi - lo))
				}
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

func placeOne(kind, subject string, sig []place.Signal, logins *place.Rhythm, w place.Weights) placesql.Result {
	all := append(append([]place.Signal(nil), sig...), logins.Signals()...)
	pl := place.Combine(all, w)
	return placesql.Result{Kind: kind, Subject: subject, Placement: pl, Signals: len(pl.Evidence)}
}

type placeRow struct {
	Kind       string  `json:"subject_kind"`
	Subject    string  `json:"subject"`
	Country    string  `json:"country"`
	Confidence float64 `json:"confidence"`
	Conflicts  string  `json:"conflicts"`
	Evidence   []evRow `json:"evidence"`
}

type evRow struct {
	Kind    string  `json:"kind"`
	Country string  `json:"country"`
	Weight  float64 `json:"weight"`
	Value   string  `json:"value"`
	Detail  string  `json:"detail"`
	Source  string  `json:"source"`
}

func newPlaceShowCommand(g *globals) *cobra.Command {
	var person, account string
	cmd := &cobra.Command{
		Use:   "show ACCOUNT|P-PERSON",
		Short: "Explain the placement of an account or person: country, confidence, every signal",
		Long: `Explain the placement of an account (its key) or a person (P-<n>, as triage
prints it): country, confidence and every signal. A bare number that is
both an account key and a person id is refused: say P-<n> (or --person n)
for the person, --account KEY for the account.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("coinsift place show --help", "needs at most 1 argument, got %d", len(args))
			}
			return nil
		},
		Example: `  coinsift place show P-344
  coinsift place show --account 1042
  coinsift --json place show P-344 > placement-P-344.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			bare := ""
			if len(args) == 1 {
				bare = args[0]
			}
			ctx := cmd.Context()
			c, err := g.openCase(ctx)
			if err != nil {
				return err
			}
			defer c.Close()
			has := func(kind string) func(string) bool {
				return func(subj string) bool {
					var n int
					err := c.DB().QueryRowContext(ctx, `SELECT count(*) FROM placements WHERE subject_kind = ? AND subject = ?`, kind, subj).Scan(&n)
					return err == nil && n > 0
				}
			}
			sub, err := resolveSubject("coinsift place show KEY|P-N", bare, person, account, has("account"), has("person"))
			if err != nil {
				return err
			}
			kind, subj := "account", sub.Account
			if sub.Person != "" {
				kind, subj = "person", sub.Person
			}
			var rows []placeRow
			q, err := c.DB().QueryContext(ctx, `SELECT subject_kind, subject, coalesce(country, ''), confidence, coalesce(conflicts, '')
				FROM placements WHERE subject_kind = ? AND subject = ?`, kind, subj)
			if err != nil {
				return err
			}
			for q.Next() {
				var r placeRow
				if err := q.Scan(&r.Kind, &r.Subject, &r.Country, &r.Confidence, &r.Conflicts); err != nil {
					q.Close()
					return err
				}
				rows = append(rows, r)
			}
			q.Close()
			if len(rows) == 0 {
				return fmt.Errorf("no placement of %s %q (run 'coinsift place'): %w", kind, subj, coinsift.ErrNotFound)
			}
			for i := range rows {
				ev, err := c.DB().QueryContext(ctx, `SELECT kind, country, weight, value, coalesce(detail, ''),
					coalesce(src_table || ' row ' || src_row, '') FROM placement_evidence
					WHERE subject_kind = ? AND subject = ? ORDER BY weight DESC, kind, value`, rows[i].Kind, rows[i].Subject)
				if err != nil {
					return err
				}
				for ev.Next() {
					var e evRow
					if err := ev.Scan(&e.Kind, &e.Country, &e.Weight, &e.Value, &e.Detail, &e.Source); err != nil {
						ev.Close()
						return err
					}
					rows[i].Evidence = append(rows[i].Evidence, e)
				}
				ev.Close()
			}
			if g.json {
				return g.printJSON(rows)
			}
			for _, r := range rows {
				country := r.Country
				if country == "" {
					country = "undecided"
				}
				name := r.Subject
				if r.Kind == "person" {
					name = coinsift.FormatPerson(name)
				}
				g.printf("%s %s: %s (confidence %.2f)", r.Kind, name, country, r.Confidence)
				if r.Conflicts != "" {
					g.printf("; conflicting signals for %s", r.Conflicts)
				}
				g.printf("\n")
				tr := make([][]string, 0, len(r.Evidence))
				for _, e := range r.Evidence {
					tr = append(tr, []string{e.Kind, e.Country, strconv.FormatFloat(e.Weight, 'f', 2, 64), e.Value, e.Detail, e.Source})
				}
				if err := term.Table(g.stdout, []string{"SIGNAL", "COUNTRY", "WEIGHT", "VALUE", "DETAIL", "SOURCE"}, tr); err != nil {
					return err
				}
				g.printf("\n")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&person, "person", "", "the person N (N or P-N)")
	cmd.Flags().StringVar(&account, "account", "", "the account with key KEY")
	return cmd
}

func newPlaceEvalCommand(g *globals) *cobra.Command {
	var truth string
	cmd := &cobra.Command{
		Use:   "eval --truth DIR",
		Short: "Measure placement accuracy against a generated world's truth",
		Long: `Compare the stored account placements with a generated world's truth
(DIR/accounts.tsv: user_id and country), overall, per country and by
confidence. Test and duplicate accounts without a true country are left out.`,
		Args: noArgs,
		Example: `  coinsift place eval --truth world/truth
  coinsift --json place eval --truth world/truth > placement-eval.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if truth == "" {
				return usagef("coinsift place eval --truth WORLD/truth", "--truth is required")
			}
			return runPlaceEval(cmd.Context(), g, truth)
		},
	}
	cmd.Flags().StringVar(&truth, "truth", "", "truth directory of a generated world")
	return cmd
}

func runPlaceEval(ctx context.Context, g *globals, dir string) error {
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	truth, err := readTruthColumn(filepath.Join(dir, "accounts.tsv"), "user_id", "country")
	if err != nil {
		return err
	}
	tc := map[string]coinsift.Country{}
	for k, v := range truth {
		if cc, ok := place.ParseCountry(v); ok {
			tc[k] = cc
		}
	}
	pred := map[string]place.Placement{}
	rows, err := c.DB().QueryContext(ctx, `SELECT subject, coalesce(country, ''), confidence FROM placements WHERE subject_kind = 'account'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var s, cc string
		var conf float64
		if err := rows.Scan(&s, &cc, &conf); err != nil {
			rows.Close()
			return err
		}
		if _, ok := tc[s]; ok {
			pred[s] = place.Placement{Country: coinsift.Country(cc), Confidence: conf}
		}
	}
	rows.Close()
	rep := place.Evaluate(pred, tc)
	if g.json {
		return g.printJSON(rep)
	}
	g.printf("%d accounts with a true country: %d placed (coverage %s), %d correct: accuracy %s, precision %s; %d placements without truth ignored\n\n",
		rep.Total, rep.Placed, pct(rep.Coverage), rep.Correct, pct(rep.Accuracy), pct(rep.Precision), rep.Ignored)
	tab := make([][]string, 0, len(rep.Countries))
	for _, s := range rep.Countries {
		tab = append(tab, []string{string(s.Country), strconv.Itoa(s.Truth), strconv.Itoa(s.Placed), strconv.Itoa(s.Correct), pct(s.Precision), pct(s.Recall)})
	}
	if err := term.Table(g.stdout, []string{"COUNTRY", "TRUTH", "PLACED", "CORRECT", "PRECISION", "RECALL"}, tab); err != nil {
		return err
	}
	g.printf("\n")
	tab = tab[:0]
	for _, b := range rep.Buckets {
		tab = append(tab, []string{fmt.Sprintf("%.1f-%.1f", b.Min, b.Max), strconv.Itoa(b.Placed), strconv.Itoa(b.Correct), pct(b.Accuracy), fmt.Sprintf("%.2f", b.MeanConfidence)})
	}
	return term.Table(g.stdout, []string{"CONFIDENCE", "PLACED", "CORRECT", "ACCURACY", "MEAN CONFIDENCE"}, tab)
}

// readTruthColumn reads two named columns of a truth TSV into a map.
func readTruthColumn(path, key, val string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("truth: %w", err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) == 0 {
		return nil, fmt.Errorf("truth %s: empty: %w", path, coinsift.ErrInvalid)
	}
	head := strings.Split(lines[0], "\t")
	ki, vi := -1, -1
	for i, h := range head {
		switch h {
		case key:
			ki = i
		case val:
			vi = i
		}
	}
	if ki < 0 || vi < 0 {
		return nil, fmt.Errorf("truth %s: needs columns %q and %q: %w", path, key, val, coinsift.ErrInvalid)
	}
	out := make(map[string]string, len(lines))
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if ki < len(f) && vi < len(f) {
			out[f[ki]] = f[vi]
		}
	}
	return out, nil
}
