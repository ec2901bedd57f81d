package main

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/internal/term"
	"github.com/coinsift/coinsift/triage"
	"github.com/coinsift/coinsift/triage/triagesql"
)

type victimsOptions struct {
	minDuration time.Duration
	directory   string
	out         string
	country     string
}

func newVictimsCommand(g *globals) *cobra.Command {
	var o victimsOptions
	cmd := &cobra.Command{
		Use:   "victims",
		Short: "Find the victims in the call logs: numbers called long enough, by country",
		Long: `Find the victims in the seized call logs: every number called at least once
for --min-duration or longer, in E.164, with its country, the number of such
calls, the first and last, the longest, the service accounts that called it,
and the organisations impersonated — the owner of the caller ID shown (from
--directory, a CSV of official numbers: organisation, official_number,
country, template), else the call's template. Deduplicated by number.

The list replaces the victims table. --out writes a notification list as CSV
(cells safe for spreadsheets); --country keeps one country in it.`,
		Example: `  coinsift victims --directory world/directory/organisations.csv
  coinsift victims --min-duration 2m --out notify-gb.csv --country GB`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVictims(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.DurationVar(&o.minDuration, "min-duration", 60*time.Second, "shortest call that counts")
	f.StringVar(&o.directory, "directory", "", "CSV of official numbers of impersonated organisations (registered as evidence)")
	f.StringVar(&o.out, "out", "", "write a notification list (CSV) to this file")
	f.StringVar(&o.country, "country", "", "with --out: only victims in this country (ISO 3166-1 alpha-2)")
	return cmd
}

func runVictims(ctx context.Context, g *globals, o victimsOptions) error {
	if o.minDuration < 0 {
		return usagef("--min-duration 60s", "--min-duration %s: must not be negative", o.minDuration)
	}
	var vs []triage.Victim
	var unusable int64
	err := g.change(ctx, func(c *casefile.Case, rec *auditRecord) error {
		var dir *triage.Directory
		if o.directory != "" {
			ev, _, err := c.AddEvidence(ctx, o.directory, casefile.KindDirectory, "directory of official numbers", nil)
			if err != nil {
				return err
			}
			rec.input(ev)
			f, err := os.Open(o.directory)
			if err != nil {
				return err
			}
			orgs, err := triagesql.ReadDirectory(f, o.directory)
			f.Close()
			if err != nil {
				return err
			}
			dir = triage.NewDirectory(orgs)
		}
		var err error
		if vs, unusable, err = triagesql.ReadVictims(ctx, c.DB(), o.minDuration, dir); err != nil {
			return err
		}
		if err := triagesql.SaveVictims(ctx, c.DB(), vs, o.minDuration); err != nil {
			return err
		}
		rec.table("victims", int64(len(vs)))
		if o.out != "" {
			size, sum, err := writeVictimsCSV(o.out, vs, o.country)
			if err != nil {
				return err
			}
			rec.file(o.out, size, sum)
		}
		return nil
	})
	if err != nil {
		return err
	}
	byCountry := map[string]int{}
	for _, v := range vs {
		byCountry[string(v.Country)]++
	}
	if g.json {
		return g.printJSON(map[string]any{"victims": len(vs), "by_country": byCountry, "calls_without_number": unusable,
			"min_duration_s": int64(o.minDuration / time.Second)})
	}
	g.printf("%d victims (numbers called for %s or longer)", len(vs), o.minDuration)
	if unusable > 0 {
		g.printf("; %d long calls had no usable number", unusable)
	}
	g.printf("\n\n")
	cs := make([]string, 0, len(byCountry))
	for k := range byCountry {
		cs = append(cs, k)
	}
	sort.Slice(cs, func(i, j int) bool {
		if byCountry[cs[i]] != byCountry[cs[j]] {
			return byCountry[cs[i]] > byCountry[cs[j]]
		}
		return cs[i] < cs[j]
	})
	rows := make([][]string, 0, len(cs))
	for _, k := range cs {
		name := k
		if name == "" {
			name = "(unknown)"
		}
		rows = append(rows, []string{name, strconv.Itoa(byCountry[k])})
	}
	return term.Table(g.stdout, []string{"COUNTRY", "VICTIMS"}, rows)
}

// writeVictimsCSV writes the notification list and returns its size and hash.
func writeVictimsCSV(path string, vs []triage.Victim, country string) (int64, string, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, "", err
	}
	h := sha256.New()
	w := csv.NewWriter(f)
	write := func(rec []string) {
		for i := range rec {
			rec[i] = sanitize.CSVCell(rec[i])
		}
		w.Write(rec)
	}
	write([]string{"e164", "country", "calls", "longest_call_s", "first_call", "last_call", "impersonated"})
	for _, v := range vs {
		if country != "" && !strings.EqualFold(string(v.Country), country) {
			continue
		}
		write([]string{v.E164, string(v.Country), strconv.Itoa(v.Calls), strconv.FormatInt(int64(v.LongestCall/time.Second), 10),
			v.FirstCall.Format(time.RFC3339), v.LastCall.Format(time.RFC3339), strings.Join(v.Organisations, "; ")})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return 0, "", fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return 0, "", err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, "", err
	}
	h.Write(b)
	return int64(len(b)), hex.EncodeToString(h.Sum(nil)), nil
}
