package seized_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized"
)

// TestRawStoreRoundTrip loads integer and datetime columns whose text is
// canonical, odd or hostile, from two evidence files into one store, and
// checks that the src_* view gives back every value byte for byte (the
// values DuckDB prints, not only Go), which values were stored typed, and
// the evidence of each row.
func TestRawStoreRoundTrip(t *testing.T) {
	ints := []string{"0", "7", "-7", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
		"18446744073709551615", "-0", "007", "+7", " 7", "1e3", "", "0x10", "١٢", "<script>1</script>"}
	times := []string{"2022-11-24 09:00:00", "1000-01-01 00:00:00", "9999-12-31 23:59:59", "1969-12-31 23:59:59",
		"2020-02-29 12:00:00", "0000-00-00 00:00:00", "2021-02-29 12:00:00", "2021-01-10 12:00:60", "0999-12-31 23:59:59",
		"2021-01-10 12:00:00.5", "2021-01-10T12:00:00", "", "=HYPERLINK(\"x\")", "2021-01-10 12:00:00 "}
	typedInts, typedTimes := 5, 5
	n := max(len(ints), len(times))
	dump := func(from int) string {
		var b strings.Builder
		b.WriteString("CREATE TABLE `t` (\n  `id` bigint(20) NOT NULL,\n  `n` int(11) DEFAULT NULL,\n  `at` datetime DEFAULT NULL,\n  `s` varchar(9)\n);\n")
		for i := 0; i < n+1; i++ { // the last row: NULLs
			v := func(vals []string) string {
				if i >= len(vals) {
					return "NULL"
				}
				return "'" + strings.ReplaceAll(vals[i], "'", "''") + "'"
			}
			fmt.Fprintf(&b, "INSERT INTO `t` VALUES (%d,%s,%s,%s);\n", from+i, v(ints), v(times), v(ints))
		}
		return b.String()
	}
	c := MustInit(t)
	dir := t.TempDir()
	for i, from := range []int{1, 1001} {
		path := filepath.Join(dir, fmt.Sprintf("dump%d.sql", i))
		if err := os.WriteFile(path, []byte(dump(from)), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := seized.Load(context.Background(), c, MustEvidence(t, c, path), seized.LoadOptions{}); err != nil {
			t.Fatalf("Load %d: %v", i, err)
		}
	}
	db := c.DB()
	var want strings.Builder
	for _, from := range []int{1, 1001} {
		for i := 0; i < n+1; i++ {
			v := func(vals []string) string {
				if i >= len(vals) {
					return "NULL"
				}
				return vals[i]
			}
			fmt.Fprintf(&want, "%d|%s|%s|%s\n", from+i, v(ints), v(times), v(ints))
		}
	}
	// query prints NULL for NULL; no value above is the text "NULL".
	if got := query(t, db, `SELECT id, n, "at", s FROM src_t`); !sameLines(got, want.String()) {
		t.Errorf("src_t:\n%s\nwant (in any order):\n%s", got, want.String())
	}
	if got := query(t, db, `SELECT typeof(id), typeof(n), typeof("at"), typeof(s), typeof(_evidence), typeof(_row) FROM src_t LIMIT 1`); got != "VARCHAR|VARCHAR|VARCHAR|VARCHAR|VARCHAR|BIGINT\n" {
		t.Errorf("src_t column types = %q", got)
	}
	// Stored typed where canonical, as text beside otherwise, twice over.
	wantCounts := fmt.Sprintf("%d|%d|%d|%d|%d\n", 2*(n+1), 2*typedInts, 2*(len(ints)-typedInts), 2*typedTimes, 2*(len(times)-typedTimes))
	if got := query(t, db, `SELECT count(c1), count(c2), count(t2), count(c3), count(t3) FROM seized_rows_t`); got != wantCounts {
		t.Errorf("typed/exception counts = %q, want %q", got, wantCounts)
	}
	if got := query(t, db, `SELECT storage FROM seized_src_columns WHERE src_table = 'src_t' ORDER BY ordinal`); got != "bigint\nbigint\ntimestamp\ntext\n" {
		t.Errorf("storage = %q", got)
	}
	if got := query(t, db, `SELECT count(DISTINCT _evidence), count(*) FILTER (WHERE _evidence IS NULL) FROM src_t`); got != "2|0\n" {
		t.Errorf("evidence of rows = %q", got)
	}
	if got := query(t, db, `SELECT count(*) FROM src_t v JOIN seized_src_stores s ON s.src_table = 'src_t' AND s.evidence_id = v._evidence`); got != fmt.Sprintf("%d\n", 2*(n+1)) {
		t.Errorf("rows whose evidence is registered = %q", got)
	}
}

func sameLines(a, b string) bool {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(la) != len(lb) {
		return false
	}
	m := map[string]int{}
	for _, l := range la {
		m[l]++
	}
	for _, l := range lb {
		m[l]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}

// TestRawStoreReservedNames loads a table whose columns are named like the
// provenance columns (_row, _evidence, _offset) and like the store's own
// (_ev, c1, t1): the load keeps every value under the source's names, and
// the view's provenance columns take DuckDB's suffix (_row_1 and so on).
func TestRawStoreReservedNames(t *testing.T) {
	c := MustInit(t)
	path := filepath.Join(t.TempDir(), "d.sql")
	dump := "CREATE TABLE `t` (\n  `_row` int(11),\n  `_evidence` varchar(9),\n  `_offset` datetime,\n  `_ev` int(11),\n  `c1` int(11),\n  `t1` varchar(3)\n);\n" +
		"INSERT INTO `t` VALUES (-1,'<b>x</b>','2020-01-01 00:00:00',5,6,'y');\n"
	if err := os.WriteFile(path, []byte(dump), 0o644); err != nil {
		t.Fatal(err)
	}
	ev := MustEvidence(t, c, path)
	if _, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	var got string
	err := c.DB().QueryRow(`SELECT concat_ws('|', "_row", "_evidence", "_offset", "_ev", c1, t1, _evidence_1 = ?, _row_1, _offset_1 > 0) FROM src_t`, ev.ID).Scan(&got)
	if err != nil {
		t.Fatal(err)
	}
	if want := "-1|<b>x</b>|2020-01-01 00:00:00|5|6|y|true|1|true"; got != want {
		t.Errorf("src_t = %q; want %q", got, want)
	}
}
