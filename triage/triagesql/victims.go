package triagesql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/nyaruka/phonenumbers"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/triage"
)

// ReadCalls groups the calls of at least minDuration by account, caller ID,
// destination and template. It also returns how many long-enough calls had
// no usable destination number.
func ReadCalls(ctx context.Context, db *sql.DB, minDuration time.Duration) ([]triage.Calls, int64, error) {
	min := int64(minDuration / time.Second)
	var skipped sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM calls WHERE duration_s >= ? AND destination_e164 IS NULL`, min).Scan(&skipped); err != nil {
		return nil, 0, fmt.Errorf("read calls: %w", err)
	}
	rows, err := db.QueryContext(ctx, `SELECT coalesce(account_key, ''), coalesce(caller_id, ''), destination_e164,
			coalesce(template, ''), count(*), max(duration_s), sum(duration_s), min(started_at), max(started_at)
		FROM calls WHERE duration_s >= ? AND destination_e164 IS NOT NULL
		GROUP BY ALL ORDER BY 3, 1, 2, 4`, min)
	if err != nil {
		return nil, 0, fmt.Errorf("read calls: %w", err)
	}
	defer rows.Close()
	var out []triage.Calls
	countries := map[string]coinsift.Country{}
	for rows.Next() {
		var c triage.Calls
		var longest, total int64
		var first, last sql.NullTime
		if err := rows.Scan(&c.Account, &c.CallerID, &c.Destination, &c.Template, &c.Count, &longest, &total, &first, &last); err != nil {
			return nil, 0, fmt.Errorf("read calls: %w", err)
		}
		c.Longest, c.Total = time.Duration(longest)*time.Second, time.Duration(total)*time.Second
		c.First, c.Last = first.Time.UTC(), last.Time.UTC()
		cc, ok := countries[c.Destination]
		if !ok {
			cc = countryOf(c.Destination)
			countries[c.Destination] = cc
		}
		c.Country = cc
		out = append(out, c)
	}
	return out, skipped.Int64, rows.Err()
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
