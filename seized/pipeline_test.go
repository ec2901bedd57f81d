package seized_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
	"github.com/google/go-cmp/cmp"
)

// writeMixedDump writes a dump in which users and calls alternate, users
// coming back after calls (as in dumps concatenated by hand), with more
// rows than a batch, one unreadable call row and one unmappable one.
func writeMixedDump(tb testing.TB) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("/*!40101 SET NAMES utf8mb4 */;\n" +
		"CREATE TABLE `users` (`id` int, `username` varchar(64), `email` varchar(128));\n" +
		"CREATE TABLE `calls` (`id` bigint, `user_id` int, `destination` varchar(32), `started_at` datetime, `duration` int);\n")
	users := func(from, to int) {
		for i := from; i <= to; i++ {
			if (i-from)%5000 == 0 {
				if i > from {
					b.WriteString(";\n")
				}
				b.WriteString("INSERT INTO `users` VALUES ")
			} else {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "(%d,'<b>user%d</b>','U%d@Example.org')", i, i, i)
		}
		b.WriteString(";\n")
	}
	users(1, 20000)
	for i := 1; i <= 30000; i++ {
		if i%7000 == 1 {
			if i > 1 {
				b.WriteString(";\n")
			}
			b.WriteString("INSERT INTO `calls` VALUES ")
		} else {
			b.WriteByte(',')
		}
		switch i {
		case 12345:
			fmt.Fprintf(&b, "(%d,%d,'+447700900123','yesterday',5)", i, i%25000+1)
		case 21000: // the last of its statement: the reader skips the rest of a statement after a bad tuple
			fmt.Fprintf(&b, "(%d,@)", i)
		default:
			fmt.Fprintf(&b, "(%d,%d,'+4477009%05d','2022-%02d-%02d %02d:%02d:00',%d)", i, i%25000+1, i, i%12+1, i%28+1, i%24, i%60, i%3600)
		}
	}
	b.WriteString(";\n")
	users(20001, 25000)
	path := filepath.Join(tb.TempDir(), "mixed.sql")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

const mixedMapping = `version: 1
region: GB
tables:
  - source: users
    target: accounts
    columns:
      account_key: {column: id}
      username: {column: username}
      email: {column: email}
  - source: calls
    target: calls
    columns:
      account_key: {column: user_id}
      destination: {column: destination}
      started_at: {column: started_at, unit: datetime}
      duration_s: {column: duration}
`

// TestLoadSegments loads the mixed dump with segments of every size, from
// one per batch to one per run of a table, and checks that every table
// holds the same rows, with their provenance.
func TestLoadSegments(t *testing.T) {
	path := writeMixedDump(t)
	m, err := mapping.Read(strings.NewReader(mixedMapping))
	if err != nil {
		t.Fatal(err)
	}
	var first map[string]string
	for _, seg := range []int64{1, 64 << 10, 1 << 40} {
		t.Run(fmt.Sprint(seg), func(t *testing.T) {
			defer seized.SetSegCanonBytes(seg)()
			c := MustInit(t)
			ev := MustEvidence(t, c, path)
			res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{Mapper: m})
			if err != nil {
				t.Fatal(err)
			}
			if res.Rows != 25000+29999 || res.Quarantined != 2 ||
				res.Canonical["accounts"] != 25000 || res.Canonical["identifiers"] != 25000 || res.Canonical["calls"] != 29998 {
				t.Errorf("result = %+v", res)
			}
			db := c.DB()
			got := map[string]string{
				"src_users":   query(t, db, `SELECT * FROM src_users ORDER BY _row`),
				"src_calls":   query(t, db, `SELECT * FROM src_calls ORDER BY _row`),
				"accounts":    query(t, db, `SELECT * FROM accounts ORDER BY src_row`),
				"identifiers": query(t, db, `SELECT * FROM identifiers ORDER BY src_row`),
				"calls":       query(t, db, `SELECT * FROM calls ORDER BY src_row`),
				"quarantine":  query(t, db, `SELECT src_table, row_no, reason FROM quarantine ORDER BY row_no`),
				"tables":      query(t, db, `SELECT source_table, src_table, rows, quarantined FROM seized_src_tables ORDER BY 1`),
			}
			// Spot checks: values, provenance and the source's order.
			for _, c := range []struct{ name, q, want string }{
				{"user rows in order", `SELECT count(*) FROM src_users WHERE CAST(id AS INT) <> _row`, "0\n"},
				{"user 20001 after the calls", `SELECT username, email FROM src_users WHERE _row = 20001`, "<b>user20001</b>|U20001@Example.org\n"},
				{"call provenance", `SELECT count(*) FROM calls c JOIN src_calls s ON s._row = c.src_row
					WHERE c.destination_raw IS DISTINCT FROM s.destination OR c.account_key IS DISTINCT FROM s.user_id
					OR c.evidence_id <> s._evidence OR c.src_table <> 'src_calls'`, "0\n"},
				{"call times", `SELECT started_at, duration_s FROM calls WHERE src_row = 29999`, "2022-12-12 23:59:00 +0000 UTC|1199\n"},
				{"normalized email", `SELECT value, normalized FROM identifiers WHERE src_row = 7`, "U7@Example.org|u7@example.org\n"},
				{"offsets grow", `SELECT count(*) FROM (SELECT _offset - lag(_offset) OVER (ORDER BY _row) AS d FROM src_calls) WHERE d <= 0`, "0\n"},
			} {
				if g := query(t, db, c.q); g != c.want {
					t.Errorf("%s: got %q, want %q", c.name, g, c.want)
				}
			}
			if diff := cmp.Diff("calls|12345|map: started_at \"yesterday\": not a time\ncalls|21000|unexpected '@' at start of value\n", got["quarantine"]); diff != "" {
				t.Errorf("quarantine (-want +got):\n%s", diff)
			}
			if first == nil {
				first = got
				return
			}
			for k, v := range got {
				if v != first[k] {
					t.Errorf("%s differs from the first load's", k)
				}
			}
		})
	}
}

// cancelAfter is a Progress that cancels a load once it has seen n bytes.
type cancelAfter struct {
	mu     sync.Mutex
	n      int64
	seen   int64
	cancel context.CancelFunc
}

func (p *cancelAfter) SetTotal(int64) {}
func (p *cancelAfter) Done()          {}
func (p *cancelAfter) Add(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.seen += n; p.seen >= p.n {
		p.cancel()
	}
}

// TestLoadCancelMidway cancels loads at several points, inside the first
// batch, between segments and near the end: each leaves the case as it
// was, and a later load works.
func TestLoadCancelMidway(t *testing.T) {
	path := writeMixedDump(t)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := mapping.Read(strings.NewReader(mixedMapping))
	if err != nil {
		t.Fatal(err)
	}
	defer seized.SetSegCanonBytes(64 << 10)()
	for _, at := range []int64{1, st.Size() / 3, st.Size() - 1} {
		t.Run(fmt.Sprint(at), func(t *testing.T) {
			c := MustInit(t)
			ev := MustEvidence(t, c, path)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := seized.Load(ctx, c, ev, seized.LoadOptions{Mapper: m, Progress: &cancelAfter{n: at, cancel: cancel}})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Load = %v; want context.Canceled", err)
			}
			got := query(t, c.DB(), `SELECT (SELECT count(*) FROM seized_loads), (SELECT count(*) FROM accounts) + (SELECT count(*) FROM calls)
				+ (SELECT count(*) FROM identifiers) + (SELECT count(*) FROM quarantine),
				(SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'src_%' OR table_name LIKE 'coinsift_load_%')`)
			if got != "0|0|0\n" {
				t.Errorf("after a cancelled load: loads|canonical rows|tables = %s; want 0|0|0", got)
			}
			res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{Mapper: m})
			if err != nil || res.Rows != 25000+29999 || res.Canonical["calls"] != 29998 {
				t.Fatalf("Load after cancel = %+v, %v", res, err)
			}
		})
	}
}
