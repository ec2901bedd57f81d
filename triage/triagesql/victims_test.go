package triagesql_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/coinsift/coinsift/triage"
	"github.com/coinsift/coinsift/triage/triagesql"
)

// TestReadVictimsMatchesGroups checks that ReadVictims, which merges calls
// in the database, finds exactly the victims that triage.Victims makes of
// ReadCalls' groups: on random calls with NULL and empty accounts, caller
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
			groups, skipped, err := triagesql.ReadCalls(ctx, db, minDur)
			if err != nil {
				t.Fatal(err)
			}
			want := triage.Victims(groups, dir)
			got, gotSkipped, err := triagesql.ReadVictims(ctx, db, minDur, dir)
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
				t.Errorf("ReadVictims differs from triage.Victims(ReadCalls) (-want +got):\n%s", diff)
			}
		})
	}
}
