package triagesql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nyaruka/phonenumbers"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/triage"
)

// victimsQuery merges the calls of at least $1 seconds by destination, as
// triage.Victims merges calls grouped by (account, caller ID, destination,
// template): DuckDB does the grouping over
// millions of calls and Go sees one row per number, with its accounts (not
// deduplicated: a DISTINCT list costs DuckDB more than Go) and its distinct
// caller IDs and templates. A (destination, account, caller ID, template)
// group whose calls all lack a start time has a zero first call in
// triage.Victims, which then is the number's first call: "undated" flags
// the numbers that have one.
const victimsQuery = `WITH long AS (
		SELECT destination_e164 AS d, coalesce(account_key, '') AS a, coalesce(caller_id, '') AS c,
			coalesce(template, '') AS t, duration_s, started_at
		FROM calls WHERE duration_s >= $1 AND destination_e164 IS NOT NULL AND destination_e164 <> ''),
	undated AS (
		SELECT DISTINCT d FROM (
			SELECT long.d FROM long JOIN (SELECT DISTINCT d, a, c, t FROM long WHERE started_at IS NULL) USING (d, a, c, t)
			GROUP BY long.d, long.a, long.c, long.t HAVING count(long.started_at) = 0))
	SELECT d, count(*), max(duration_s), sum(duration_s), min(started_at), max(started_at),
		d IN (SELECT d FROM undated), coalesce(list(a) FILTER (WHERE a <> ''), []),
		list(DISTINCT {'caller': c, 'template': t})
	FROM long GROUP BY d`

// ReadVictims returns the victims in the calls of at least minDuration,
// named as dir says (nil: by template), and how many long-enough calls had
// no usable destination number. The victims are those triage.Victims makes
// of the calls grouped by account, caller ID, destination and template, in
// the same order (victims_test.go checks it); ReadVictims merges them in the
// database and parses each number once.
func ReadVictims(ctx context.Context, db *sql.DB, minDuration time.Duration, dir *triage.Directory) ([]triage.Victim, int64, error) {
	min := int64(minDuration / time.Second)
	var skipped sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM calls WHERE duration_s >= ? AND destination_e164 IS NULL`, min).Scan(&skipped); err != nil {
		return nil, 0, fmt.Errorf("read victims: %w", err)
	}
	rows, err := db.QueryContext(ctx, victimsQuery, min)
	if err != nil {
		return nil, 0, fmt.Errorf("read victims: %w", err)
	}
	defer rows.Close()
	out := []triage.Victim{}
	for rows.Next() {
		var v triage.Victim
		var longest, total int64
		var first, last sql.NullTime
		var undated bool
		var accounts, pairs []any
		if err := rows.Scan(&v.E164, &v.Calls, &longest, &total, &first, &last, &undated, &accounts, &pairs); err != nil {
			return nil, 0, fmt.Errorf("read victims: %w", err)
		}
		v.LongestCall, v.TotalDuration = time.Duration(longest)*time.Second, time.Duration(total)*time.Second
		v.FirstCall, v.LastCall = first.Time.UTC(), last.Time.UTC()
		if undated {
			v.FirstCall = time.Time{}.UTC()
		}
		if v.Accounts, err = stringList(accounts); err != nil {
			return nil, 0, fmt.Errorf("read victims: %s: accounts: %w", v.E164, err)
		}
		sort.Strings(v.Accounts)
		v.Accounts = slices.Compact(v.Accounts)
		orgs := make(map[string]bool, len(pairs))
		for _, p := range pairs {
			m, ok := p.(map[string]any)
			if !ok {
				return nil, 0, fmt.Errorf("read victims: %s: caller and template: got %T", v.E164, p)
			}
			caller, ok1 := m["caller"].(string)
			template, ok2 := m["template"].(string)
			if !ok1 || !ok2 {
				return nil, 0, fmt.Errorf("read victims: %s: caller and template: got %v", v.E164, m)
			}
			if o := dir.Impersonated(triage.Calls{CallerID: caller, Template: template}); o != "" {
				orgs[o] = true
			}
		}
		v.Organisations = make([]string, 0, len(orgs))
		for o := range orgs {
			v.Organisations = append(v.Organisations, o)
		}
		sort.Strings(v.Organisations)
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("read victims: %w", err)
	}
	countries(out)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Country != out[j].Country {
			return out[i].Country < out[j].Country
		}
		return out[i].E164 < out[j].E164
	})
	return out, skipped.Int64, nil
}

// stringList converts a LIST of VARCHAR as the driver returns it.
func stringList(l []any) ([]string, error) {
	out := make([]string, len(l))
	for i, v := range l {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("got %T, want a string", v)
		}
		out[i] = s
	}
	return out, nil
}

// countries sets the country of every victim from its number, parsing the
// numbers on every CPU: libphonenumber takes tens of microseconds a number.
func countries(vs []triage.Victim) {
	workers := min(runtime.GOMAXPROCS(0), len(vs)/1024+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(vs); i += workers {
				vs[i].Country = countryOf(vs[i].E164)
			}
		})
	}
	wg.Wait()
}

// countryOf returns the region of an E.164 number: from the country calling
// code when one region owns it, else by full parsing (+1, +7, +44 …).
func countryOf(e164 string) coinsift.Country {
	n, err := phonenumbers.Parse(e164, "ZZ")
	if err != nil {
		return ""
	}
	cc := int(n.GetCountryCode())
	if regions := phonenumbers.GetRegionCodesForCountryCode(cc); len(regions) == 1 {
		return coinsift.Country(regions[0])
	}
	if r := phonenumbers.GetRegionCodeForNumber(n); r != "" && r != "ZZ" && r != "001" {
		return coinsift.Country(r)
	}
	return coinsift.Country(phonenumbers.GetRegionCodeForCountryCode(cc))
}

// ReadDirectory reads a CSV of official numbers with a header naming at
// least organisation and official_number (optionally country, template).
func ReadDirectory(r io.Reader, name string) ([]triage.Organisation, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("directory %s: header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	oi, ok1 := col["organisation"]
	ni, ok2 := col["official_number"]
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("directory %s: header %q needs organisation and official_number: %w", name, head, coinsift.ErrInvalid)
	}
	get := func(rec []string, k string) string {
		if i, ok := col[k]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []triage.Organisation
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("directory %s: line %d: %w", name, line, err)
		}
		if oi >= len(rec) || ni >= len(rec) {
			return nil, fmt.Errorf("directory %s: line %d: too few fields: %w", name, line, coinsift.ErrInvalid)
		}
		out = append(out, triage.Organisation{Name: strings.TrimSpace(rec[oi]), OfficialNumber: strings.TrimSpace(rec[ni]),
			Country: coinsift.Country(get(rec, "country")), Template: get(rec, "template")})
	}
	return out, nil
}

// SaveVictims replaces the victims table.
func SaveVictims(ctx context.Context, db *sql.DB, vs []triage.Victim, minDuration time.Duration) error {
	err := casefile.InTx(ctx, db, func(conn *sql.Conn) error {
		if _, err := conn.ExecContext(ctx, `DELETE FROM victims`); err != nil {
			return err
		}
		min := int64(minDuration / time.Second)
		return casefile.AppendRows(ctx, conn, "victims", len(vs), func(i int) []driver.Value {
			v := vs[i]
			var cc driver.Value
			if v.Country != "" {
				cc = string(v.Country)
			}
			return []driver.Value{v.E164, cc, int32(v.Calls), int64(v.LongestCall / time.Second), int64(v.TotalDuration / time.Second),
				v.FirstCall, v.LastCall, strings.Join(v.Organisations, "; "), strings.Join(v.Accounts, ", "), min}
		})
	})
	if err != nil {
		return fmt.Errorf("save victims: %w", err)
	}
	return nil
}
