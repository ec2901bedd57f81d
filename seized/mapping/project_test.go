package mapping_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
	"github.com/google/go-cmp/cmp"
)

const loginsMapping = `version: 1
region: GB
tables:
  - source: logins
    target: logins
    columns:
      account_key: {column: user_id}
      ip: {column: ip}
      login_at: {column: created_at%s}
      user_agent: {column: user_agent}
`

const loginsTable = "CREATE TABLE `logins` (\n  `id` bigint NOT NULL,\n  `user_id` int NOT NULL,\n  `ip` varchar(45),\n  `user_agent` text,\n  `created_at` %s\n);\n"

// loginsDump returns a dump of one logins table (created_at of type typ)
// with the given value tuples, one INSERT per three rows.
func loginsDump(typ string, tuples ...string) string {
	var b strings.Builder
	b.WriteString("SET NAMES utf8mb4;\n")
	b.WriteString(strings.Replace(loginsTable, "%s", typ, 1))
	for i := 0; i < len(tuples); i += 3 {
		j := min(i+3, len(tuples))
		b.WriteString("INSERT INTO `logins` VALUES " + strings.Join(tuples[i:j], ",") + ";\n")
	}
	return b.String()
}

func plainLogins(from, n int) []string {
	var out []string
	for i := from; i < from+n; i++ {
		out = append(out, "("+itoa(i)+","+itoa(i%7+1)+",'10.0.0."+itoa(i%250)+"','Mozilla/5.0 <script>x</script>','2021-0"+itoa(i%9+1)+"-1"+itoa(i%10)+" 0"+itoa(i%10)+":1"+itoa(i%6)+":2"+itoa(i%10)+"')")
	}
	return out
}

func itoa(i int) string { return fmtS(i) }

// TestLoginsProjection loads logins with and without the projection and
// checks that the canonical logins are the same rows, with their
// provenance, and that the projection took the path it should.
func TestLoginsProjection(t *testing.T) {
	plain := plainLogins(1, 12)
	with := func(at int, extra ...string) []string {
		out := append([]string(nil), plain[:at]...)
		out = append(out, extra...)
		return append(out, plainLogins(100, 5)...)
	}
	tests := []struct {
		name   string
		dumps  []string // loaded in order, as separate evidence
		unit   string   // login_at unit
		view   int      // projections expected in seized_projections
		stored int      // rows expected in logins_rows: all of a table's once one row is not projected
		check  string   // a query over logins and its result, "query|want", optional
	}{
		{name: "plain", dumps: []string{loginsDump("datetime", plain...)}, view: 1},
		{name: "plain-timestamp-type", dumps: []string{loginsDump("timestamp NULL", plain...)}, view: 1},
		{name: "nulls-empties", view: 1, dumps: []string{loginsDump("datetime", append(plain,
			"(50,3,NULL,NULL,NULL)", "(51,4,'','',''),(54,5,'::1','ua','0001-01-01 00:00:00')", "(55,5,'0a00000z','ua','9999-12-31 23:59:59')")...)}},
		{name: "fractions", stored: 14, dumps: []string{loginsDump("datetime(6)", append(plain,
			"(52,5,'1.2.3.4','ua','2021-03-04 05:06:07.5')", "(53,5,'1.2.3.4','ua','2021-03-04 05:06:07.123456')")...)}},
		{name: "ipv6-hex", stored: 7, dumps: []string{loginsDump("datetime", "(1,1,'1.1.1.1','ua','2021-01-01 00:00:00')",
			"(2,1,'20010db8000000000000000000000001','ua','2021-01-01 00:00:01')", "(3,1,'1.1.1.1','ua','2021-01-01 00:00:02')",
			"(4,1,'1.1.1.1','ua','2021-01-01 00:00:03')", "(5,1,'1.1.1.1','ua','2021-01-01 00:00:03')", "(6,1,'1.1.1.1','ua','2021-01-01 00:00:03')", "(7,1,'1.1.1.1','ua','2021-01-01 00:00:03')")}},
		{name: "hex-ip", stored: 11, dumps: []string{loginsDump("datetime", with(5, "(60,2,'0a000005','ua','2021-01-01 00:00:00')")...)}},
		{name: "zero-date", stored: 6, dumps: []string{loginsDump("datetime", with(0, "(61,2,'1.1.1.1','ua','0000-00-00 00:00:00')")...)}},
		{name: "bad-time-quarantined", stored: 12, dumps: []string{loginsDump("datetime", with(7, "(62,2,'1.1.1.1','ua','yesterday')")...)}},
		{name: "iso-time", stored: 17, dumps: []string{loginsDump("datetime", with(11, "(63,2,'1.1.1.1','ua','2021-01-01T10:00:00Z')")...)}},
		{name: "invalid-day", stored: 8, dumps: []string{loginsDump("datetime", with(3, "(64,2,'1.1.1.1','ua','2021-02-30 10:00:00')")...)}},
		{name: "trailing-space", stored: 8, dumps: []string{loginsDump("datetime", with(3, "(65,2,'1.1.1.1','ua','2021-02-03 10:00:00 ')")...)}},
		// Epoch times are projected too (they were written as records
		// until the projection read them: stored 3, view 0).
		{name: "epoch-unit", unit: ", unit: epoch_s", view: 1, dumps: []string{loginsDump("bigint", "(1,1,'1.1.1.1','ua','1600000000')", "(2,1,'1.1.1.1','ua','1600000001')", "(3,1,NULL,NULL,'1600000002')")}},
		{name: "epoch-ms-text", unit: ", unit: epoch_ms", view: 1, dumps: []string{loginsDump("varchar(20)", "(1,1,'1.1.1.1','ua','1600000000123')", "(2,1,'1.1.1.1','ua','')", "(3,1,NULL,NULL,'-1600000002000')")}},
		{name: "epoch-beyond-9999", unit: ", unit: epoch_s", stored: 4, dumps: []string{loginsDump("bigint", "(1,1,'1.1.1.1','ua','1600000000')", "(2,1,'1.1.1.1','ua','253402300800')", "(3,1,NULL,NULL,'1600000002')", "(4,1,NULL,NULL,'1600000003')")}},
		{name: "two-evidence", view: 2, dumps: []string{loginsDump("datetime", plain...), loginsDump("datetime", plainLogins(200, 4)...)}},
		{name: "two-evidence-one-stored", view: 1, stored: 6, dumps: []string{loginsDump("datetime", plain...), loginsDump("datetime", with(0, "(61,2,'1.1.1.1','ua','0000-00-00 00:00:00')")...)}},
		// A table re-created with its columns in another order gets a src
		// table of its own, and its rows are read by the new names.
		{name: "recreated-table", view: 2, check: `SELECT ip, user_agent FROM logins WHERE src_row = 13|9.9.9.9|ua2` + "\n", dumps: []string{loginsDump("datetime", plain...) +
			strings.Replace(strings.Replace(loginsTable, "%s", "datetime", 1), "`ip` varchar(45),\n  `user_agent` text", "`user_agent` text,\n  `ip` varchar(45)", 1) +
			"INSERT INTO `logins` VALUES (300,1,'ua2','9.9.9.9','2022-01-01 01:01:01'),(301,2,NULL,'9.9.9.8','2022-01-01 01:01:02'),(302,2,'x','9.9.9.7','2022-01-01 01:01:03'),(303,3,'y','9.9.9.6','2022-01-01 01:01:04'),(304,4,'z','9.9.9.5','2022-01-01 01:01:05');\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			var files []string
			for i, d := range tt.dumps {
				f := filepath.Join(dir, "dump"+itoa(i)+".sql")
				if err := os.WriteFile(f, []byte(d), 0o644); err != nil {
					t.Fatal(err)
				}
				files = append(files, f)
			}
			m, err := mapping.Read(strings.NewReader(strings.Replace(loginsMapping, "%s", tt.unit, 1)))
			if err != nil {
				t.Fatal(err)
			}
			c, want, got := loadBothWays(t, dir, files, m, "logins")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("logins with projection differ (-without +with):\n%s", diff)
			}
			if strings.Count(want, "\n") < 3 {
				t.Errorf("too few logins: %q", want)
			}
			if n := countQuery(t, c, `SELECT count(*) FROM seized_projections`); n != tt.view {
				t.Errorf("projections = %d, want %d", n, tt.view)
			}
			if n := countQuery(t, c, `SELECT count(*) FROM logins_rows`); n != tt.stored {
				t.Errorf("logins_rows = %d, want %d", n, tt.stored)
			}
			if q, want, ok := strings.Cut(tt.check, "|"); ok {
				if got := dumpQuery(t, c, q); got != want {
					t.Errorf("%s = %q, want %q", q, got, want)
				}
			}
		})
	}
}

func mustCase(t *testing.T, dir string) *casefile.Case {
	t.Helper()
	tm := time.Date(2022, 11, 24, 9, 0, 0, 0, time.UTC)
	c, err := casefile.Init(context.Background(), dir, casefile.InitOptions{Name: "t", Options: casefile.Options{Now: func() time.Time { return tm }}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func countQuery(t *testing.T, c *casefile.Case, q string) int {
	t.Helper()
	var n int
	if err := c.DB().QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func dumpQuery(t *testing.T, c *casefile.Case, q string) string {
	t.Helper()
	rows, err := c.DB().Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteString("|")
			}
			if tv, ok := v.(time.Time); ok {
				v = tv.UTC().Format(time.RFC3339Nano)
			}
			b.WriteString(fmtAny(v))
		}
		b.WriteString("\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLoginsProjectionPlainTable loads logins into a case that already
// holds a plain src_logins table of text with a projection, as cases made
// before typed stores (migration 140) do: the new rows get a store of
// their own, and the view logins holds both.
func TestLoginsProjectionPlainTable(t *testing.T) {
	dir := t.TempDir()
	c := mustCase(t, filepath.Join(dir, "case"))
	db := c.DB()
	for _, q := range []string{
		`CREATE TABLE src_logins (id VARCHAR, user_id VARCHAR, ip VARCHAR, user_agent VARCHAR, created_at VARCHAR,
			_evidence VARCHAR NOT NULL, _row BIGINT NOT NULL, _offset BIGINT NOT NULL)`,
		`INSERT INTO seized_src_columns VALUES ('src_logins', 1, 'id', 'bigint', false, NULL), ('src_logins', 2, 'user_id', 'int', false, NULL),
			('src_logins', 3, 'ip', 'varchar(45)', false, NULL), ('src_logins', 4, 'user_agent', 'text', false, NULL), ('src_logins', 5, 'created_at', 'datetime', false, NULL)`,
		`INSERT INTO src_logins VALUES ('1', '7', '1.2.3.4', 'old', '2020-01-01 00:00:00', 'oldev', 1, 100), ('2', '8', '', NULL, 'bad', 'oldev', 2, 200)`,
		`INSERT INTO seized_projections VALUES ('oldev', 'src_logins', 'logins', '{"account_key":"user_id","ip":"ip","login_at":"created_at","user_agent":"user_agent"}', 2)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	f := filepath.Join(dir, "dump.sql")
	if err := os.WriteFile(f, []byte(loginsDump("datetime", plainLogins(1, 3)...)), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := mapping.Read(strings.NewReader(strings.Replace(loginsMapping, "%s", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	ev, _, err := c.AddEvidence(context.Background(), f, casefile.KindSeized, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{Mapper: m, VerifyProjection: true}); err != nil {
		t.Fatal(err)
	}
	got := dumpQuery(t, c, `SELECT account_key, ip, login_at, user_agent, src_table, src_row FROM logins ORDER BY src_table, src_row`)
	want := "7|1.2.3.4|2020-01-01T00:00:00Z|old|src_logins|1\n" +
		"8|NULL|NULL|NULL|src_logins|2\n" +
		"2|10.0.0.1|2021-02-11T01:11:21Z|Mozilla/5.0 <script>x</script>|src_logins_" + ev.ID[:8] + "|1\n" +
		"3|10.0.0.2|2021-03-12T02:12:22Z|Mozilla/5.0 <script>x</script>|src_logins_" + ev.ID[:8] + "|2\n" +
		"4|10.0.0.3|2021-04-13T03:13:23Z|Mozilla/5.0 <script>x</script>|src_logins_" + ev.ID[:8] + "|3\n"
	if got != want {
		t.Errorf("logins:\n%s\nwant:\n%s", got, want)
	}
}

// loadBothWays loads files into two new cases under dir with mapping m,
// once writing every target row (NoProjection) and once projecting where
// it can (with VerifyProjection), and returns the projected case and both
// dumps of the target table and the quarantine (want: written, got:
// projected).
func loadBothWays(t *testing.T, dir string, files []string, m *mapping.Mapping, target string) (c *casefile.Case, want, got string) {
	t.Helper()
	load := func(noProj bool) (*casefile.Case, string) {
		c := mustCase(t, filepath.Join(dir, "case-"+map[bool]string{true: "rows", false: "proj"}[noProj]))
		for _, f := range files {
			ev, _, err := c.AddEvidence(context.Background(), f, casefile.KindSeized, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{Mapper: m, NoProjection: noProj, VerifyProjection: !noProj})
			if err != nil {
				t.Fatalf("Load(NoProjection=%v): %v", noProj, err)
			}
			if n := res.Canonical[target]; n == 0 {
				t.Errorf("Load(NoProjection=%v): no %s counted", noProj, target)
			}
		}
		return c, dumpQuery(t, c, `SELECT * FROM `+target+` ORDER BY evidence_id, src_table, src_row`) +
			dumpQuery(t, c, `SELECT src_table, row_no, reason FROM quarantine ORDER BY ALL`)
	}
	_, want = load(true)
	c, got = load(false)
	return c, want, got
}
