package triagesql

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	_ "github.com/duckdb/duckdb-go/v2"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/triage"
)

// TestReadVictimsMatchesGroups checks that ReadVictims, which merges calls
// in the database, finds exactly the victims that triage.Victims makes of
// readCalls' groups: on random calls with NULL and empty accounts, caller
// IDs, templates, start times and destinations, numbers in several
// countries, and numbers whose calls are partly or wholly undated.
func TestReadVictimsMatchesGroups(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	// The canonical calls table (casefile/migrations/010_seized.sql).
	if _, err := db.ExecContext(ctx, `CREATE TABLE calls (
		account_key VARCHAR, caller_id VARCHAR, destination_raw VARCHAR, destination_e164 VARCHAR,
		started_at TIMESTAMP, duration_s BIGINT, status VARCHAR, template VARCHAR,
		evidence_id VARCHAR NOT NULL, src_table VARCHAR NOT NULL, src_row BIGINT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	dests := []string{"+447700900123", "+447700900456", "+31612345678", "+61412345678", "+33612345678",
		"+353851234567", "+12025550123", "+14165550123", "+79161234567", ""}
	callers := []string{"+443001234567", "+448001111111", "", "BANK"}
	templates := []string{"barclays", "HSBC", "", "amazon"}
	accounts := []string{"u1", "u2", "u3", ""}
	pick := func(r *rand.Rand, s []string) any {
		if r.IntN(12) == 0 {
			return nil
		}
		return s[r.IntN(len(s))]
	}
	r := rand.New(rand.NewPCG(7, 7))
	base := time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)
	stmt, err := db.PrepareContext(ctx, `INSERT INTO calls VALUES (?, ?, NULL, ?, ?, ?, NULL, ?, 'ev', 'src_calls', ?)`)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3000 {
		var started any = base.Add(time.Duration(r.IntN(90*24*3600)) * time.Second)
		if r.IntN(15) == 0 {
			started = nil
		}
		var dur any = int64(r.IntN(200))
		if r.IntN(30) == 0 {
			dur = nil
		}
		dest := pick(r, dests)
		if dest == "+79161234567" {
			started = nil // this number's calls are never dated
		}
		if _, err := stmt.ExecContext(ctx, pick(r, accounts), pick(r, callers), dest, started, dur, pick(r, templates), i+1); err != nil {
			t.Fatal(err)
		}
	}
	stmt.Close()
	dir := triage.NewDirectory([]triage.Organisation{
		{Name: "Barclays", Country: "GB", OfficialNumber: "+443001234567", Template: "barclays"},
		{Name: "HSBC UK", Country: "GB", Template: "hsbc"},
	})
	for _, minDur := range []time.Duration{0, 60 * time.Second, 150 * time.Second, time.Hour} {
		t.Run(fmt.Sprint(minDur), func(t *testing.T) {
			groups, skipped, err := readCalls(ctx, db, minDur)
			if err != nil {
				t.Fatal(err)
			}
			want := triage.Victims(groups, dir)
			got, gotSkipped, err := ReadVictims(ctx, db, minDur, dir)
			if err != nil {
				t.Fatal(err)
			}
			if gotSkipped != skipped {
				t.Errorf("skipped = %d; want %d", gotSkipped, skipped)
			}
			if minDur < time.Hour && len(want) == 0 {
				t.Fatal("no victims: the test data is wrong")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ReadVictims differs from triage.Victims(readCalls) (-want +got):\n%s", diff)
			}
		})
	}
}

// readCalls is the reference ReadVictims is checked against: the calls of
// at least minDuration grouped by account, caller ID, destination and
// template, row by row into Go (as the victims command read them before
// ReadVictims), and how many long-enough calls had no usable destination.
func readCalls(ctx context.Context, db *sql.DB, minDuration time.Duration) ([]triage.Calls, int64, error) {
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
