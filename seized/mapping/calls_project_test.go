package mapping_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
	"github.com/google/go-cmp/cmp"
)

const callsMapping = `version: 1
region: GB
tables:
  - source: calls
    target: calls
    columns:
      account_key: {column: user_id}
      caller_id: {column: caller_id}
      destination: {column: destination}
      started_at: {column: started_at, unit: datetime}
      duration_s: {column: duration}
      status: {column: status}
      template: {column: template}
`

// epochCalls returns n call rows from id from with started_at as epoch
// integers in unit scale (1 s, 1000 ms, …) and E.164 destinations.
func epochCalls(from, n int, scale int64) []string {
	var out []string
	for i := from; i < from+n; i++ {
		at := (1600000000 + int64(i)*3607) * scale
		out = append(out, "("+itoa(i)+","+itoa(i%7+1)+",'+441632960001','"+e164(i)+"',"+fmtS(at)+","+itoa(i%50)+",'busy','t')")
	}
	return out
}

const callsTable = "CREATE TABLE `calls` (\n  `id` bigint NOT NULL,\n  `user_id` int NOT NULL,\n  `caller_id` varchar(32),\n  `destination` varchar(32),\n  `started_at` datetime,\n  `duration` %s,\n  `status` varchar(16),\n  `template` varchar(64)\n);\n"

// callsDump returns a dump of one calls table (duration of type typ) with
// the given value tuples, one INSERT per three rows.
func callsDump(typ string, tuples ...string) string {
	var b strings.Builder
	b.WriteString("SET NAMES utf8mb4;\n")
	b.WriteString(strings.Replace(callsTable, "%s", typ, 1))
	for i := 0; i < len(tuples); i += 3 {
		j := min(i+3, len(tuples))
		b.WriteString("INSERT INTO `calls` VALUES " + strings.Join(tuples[i:j], ",") + ";\n")
	}
	return b.String()
}

// plainCalls returns n call rows from id from; dest formats the
// destination of row i.
func plainCalls(from, n int, dest func(i int) string) []string {
	var out []string
	for i := from; i < from+n; i++ {
		out = append(out, "("+itoa(i)+","+itoa(i%7+1)+",'+44163296000"+itoa(i%10)+"','"+dest(i)+"','2021-0"+itoa(i%9+1)+"-1"+itoa(i%10)+
			" 0"+itoa(i%10)+":1"+itoa(i%6)+":2"+itoa(i%10)+"',"+itoa(i*37%600)+",'answered','hmrc_"+itoa(i%3)+"')")
	}
	return out
}

func e164(i int) string     { return "+4479" + itoa(10000000+i*7919%9000000) }
func national(i int) string { return "079" + itoa(10000000+i*7919%9000000) }

// TestCallsProjection loads calls with and without the projection and
// checks that the canonical calls are the same rows, with their
// provenance, that national destinations get their E.164 form through the
// kept derived values, and that the projection took the path it should.
func TestCallsProjection(t *testing.T) {
	plain := plainCalls(1, 12, e164)
	with := func(at int, extra ...string) []string {
		out := append([]string(nil), plain[:at]...)
		out = append(out, extra...)
		return append(out, plainCalls(100, 5, e164)...)
	}
	repeated := func(i int) string { return national(i % 4) }
	tests := []struct {
		name   string
		dumps  []string // loaded in order, as separate evidence
		view   int      // projections expected in seized_projections
		values int      // rows expected in seized_projection_values
		stored int      // rows expected in calls_rows
		unit   string   // started_at's unit, default datetime
		atType string   // started_at's column type, default datetime
	}{
		{name: "e164", dumps: []string{callsDump("int", plain...)}, view: 1},
		{name: "e164-text-duration", dumps: []string{callsDump("varchar(8)", plain...)}, view: 1},
		{name: "national", dumps: []string{callsDump("int", plainCalls(1, 12, national)...)}, view: 1, values: 12},
		{name: "national-repeated", dumps: []string{callsDump("int", plainCalls(1, 12, repeated)...)}, view: 1, values: 4},
		{name: "mixed-unparsable", view: 1, values: 4, dumps: []string{callsDump("int", append(plain,
			"(50,3,NULL,'020 7946 0018',NULL,NULL,NULL,NULL)", "(51,4,'','','',0,'',''),(54,5,'x','12','2021-01-01 00:00:00',1,'busy',NULL)",
			"(55,5,'y','not a number','2021-01-01 00:00:00',-5,'busy','t')", "(56,6,'z','+44 20 7946 0018','2021-01-01 00:00:00',9223372036854775807,'busy','t')")...)}},
		{name: "duration-leading-zero", stored: 6, dumps: []string{callsDump("varchar(8)", with(0, "(60,2,'x','+447911123456','2021-01-01 00:00:00','012','busy','t')")...)}},
		{name: "duration-space", stored: 11, dumps: []string{callsDump("varchar(8)", with(5, "(61,2,'x','07911123456','2021-01-01 00:00:00',' 12','busy','t')")...)}},
		{name: "bad-duration-quarantined", stored: 12, dumps: []string{callsDump("varchar(8)", with(7, "(62,2,'x','07911123456','2021-01-01 00:00:00','long','busy','t')")...)}},
		{name: "zero-date", stored: 6, dumps: []string{callsDump("int", with(0, "(63,2,'x','07911123456','0000-00-00 00:00:00',1,'busy','t')")...)}},
		{name: "iso-time", stored: 6, dumps: []string{callsDump("int", with(0, "(64,2,'x','07911123456','2021-01-01T10:00:00Z',1,'busy','t')")...)}},
		{name: "two-evidence", view: 2, values: 8, dumps: []string{callsDump("int", plainCalls(1, 12, repeated)...), callsDump("int", plainCalls(200, 4, repeated)...)}},
		{name: "two-evidence-one-stored", view: 1, values: 4, stored: 6, dumps: []string{callsDump("int", plainCalls(1, 12, repeated)...),
			callsDump("int", with(0, "(63,2,'x','07911123456','0000-00-00 00:00:00',1,'busy','t')")...)}},
		{name: "epoch-s", unit: "epoch_s", atType: "bigint", view: 1, dumps: []string{callsDump("int", epochCalls(1, 12, 1)...)}},
		{name: "epoch-ms-text", unit: "epoch_ms", atType: "varchar(20)", view: 1, dumps: []string{callsDump("int", epochCalls(1, 12, 1000)...)}},
		{name: "epoch-us-nulls", unit: "epoch_us", atType: "bigint", view: 1, dumps: []string{callsDump("int", append(epochCalls(1, 12, 1000000),
			"(50,3,'x','+447911123456',NULL,1,'busy','t')", "(51,3,'x','+447911123456','',1,'busy','t')")...)}},
		{name: "epoch-beyond-9999", unit: "epoch_s", atType: "bigint", stored: 17, dumps: []string{callsDump("int", append(append(epochCalls(1, 6, 1),
			"(50,3,'x','+447911123456',253402300800,1,'busy','t')", "(51,3,'x','+447911123456',-62135596801,1,'busy','t')"), epochCalls(100, 9, 1)...)...)}},
		{name: "epoch-negative", unit: "epoch_s", atType: "bigint", view: 1, dumps: []string{callsDump("int", append(epochCalls(1, 6, 1),
			"(50,3,'x','+447911123456',-62135596800,1,'busy','t')", "(51,3,'x','+447911123456',253402300799,1,'busy','t')")...)}},
		{name: "epoch-space", unit: "epoch_s", atType: "varchar(20)", stored: 13, dumps: []string{callsDump("int", append(epochCalls(1, 6, 1),
			append([]string{"(50,3,'x','+447911123456',' 1600000000',1,'busy','t')"}, epochCalls(100, 6, 1)...)...)...)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			var files []string
			for i, d := range tt.dumps {
				if tt.atType != "" {
					d = strings.Replace(d, "`started_at` datetime", "`started_at` "+tt.atType, 1)
				}
				f := filepath.Join(dir, "dump"+itoa(i)+".sql")
				if err := os.WriteFile(f, []byte(d), 0o644); err != nil {
					t.Fatal(err)
				}
				files = append(files, f)
			}
			mt := callsMapping
			if tt.unit != "" {
				mt = strings.Replace(mt, "unit: datetime", "unit: "+tt.unit, 1)
			}
			m, err := mapping.Read(strings.NewReader(mt))
			if err != nil {
				t.Fatal(err)
			}
			c, want, got := loadBothWays(t, dir, files, m, "calls")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("calls with projection differ (-without +with):\n%s", diff)
			}
			if strings.Count(want, "\n") < 3 {
				t.Errorf("too few calls: %q", want)
			}
			if n := countQuery(t, c, `SELECT count(*) FROM seized_projections WHERE target = 'calls'`); n != tt.view {
				t.Errorf("projections = %d, want %d", n, tt.view)
			}
			if n := countQuery(t, c, `SELECT count(*) FROM seized_projection_values`); n != tt.values {
				t.Errorf("projection values = %d, want %d", n, tt.values)
			}
			if n := countQuery(t, c, `SELECT count(*) FROM calls_rows`); n != tt.stored {
				t.Errorf("calls_rows = %d, want %d", n, tt.stored)
			}
		})
	}
}

// callsBinding binds the calls mapping to a table of id, user_id,
// caller_id, destination, started_at, duration, status, template.
func callsBinding(t testing.TB) (seized.Projector, seized.RowMapper) {
	t.Helper()
	m, err := mapping.Read(strings.NewReader(callsMapping))
	if err != nil {
		t.Fatal(err)
	}
	var cols []seized.Column
	for _, n := range []string{"id", "user_id", "caller_id", "destination", "started_at", "duration", "status", "template"} {
		cols = append(cols, seized.Column{Name: n})
	}
	rm := m.Bind(&seized.Table{Name: "calls", Columns: cols})
	p, ok := rm.(seized.Projector)
	if !ok {
		t.Fatal("calls mapper is no Projector")
	}
	if target, _, ok := p.Projection(); !ok || target != "calls" {
		t.Fatalf("calls mapping offers no projection to calls (%q)", target)
	}
	if _, ok := rm.(seized.Deriver); !ok {
		t.Fatal("calls mapper is no Deriver")
	}
	return p, rm
}

// checkCallsProjects holds Projects to its promise for one call row: when
// it says yes, Map makes exactly one call record, equal to the projection
// with the derived E.164 destination.
func checkCallsProjects(t *testing.T, p seized.Projector, rm seized.RowMapper, row []seized.Value) bool {
	t.Helper()
	if !p.Projects(row) {
		return false
	}
	var recs seized.Records
	err := rm.Map(row, &recs)
	target, cols, _ := p.Projection()
	if err != nil || len(recs.Calls) != 1 || len(recs.Accounts)+len(recs.Identifiers)+len(recs.Payments)+len(recs.Logins) != 0 ||
		!seized.MatchesDerivedProjection(target, cols, rm.(seized.Deriver), row, recs.Calls[0]) {
		t.Errorf("Projects(%v) = true, but Map gives %v (err %v)", row, recs.Calls, err)
	}
	return true
}

func TestCallsProjects(t *testing.T) {
	p, rm := callsBinding(t)
	for _, tt := range []struct {
		dest, at, dur string
		want          bool
	}{
		{"+447911123456", "2021-03-04 05:06:07", "12", true},
		{"07911 123456", "2021-03-04 05:06:07", "0", true},
		{"not a number", "2021-03-04 05:06:07", "-3", true},
		{"NULL", "NULL", "NULL", true},
		{"", "", "", true},
		{"+447911123456", "2021-03-04 05:06:07", "012", false},
		{"+447911123456", "2021-03-04 05:06:07", " 12", false},
		{"+447911123456", "2021-03-04 05:06:07", "-0", false},
		{"+447911123456", "2021-03-04 05:06:07", "9223372036854775808", false},
		{"+447911123456", "2021-03-04 05:06:07", "1.5", false},
		{"+447911123456", "2021-02-29 00:00:00", "1", false},
		{"+447911123456", "0000-00-00 00:00:00", "1", false},
		{"+447911123456", "2021-03-04T05:06:07", "1", false},
	} {
		row := []seized.Value{val("1"), val("7"), val("+441632960001"), val(tt.dest), val(tt.at), val(tt.dur), val("answered"), val("hmrc")}
		if got := checkCallsProjects(t, p, rm, row); got != tt.want {
			t.Errorf("Projects(dest %q, at %q, duration %q) = %v, want %v", tt.dest, tt.at, tt.dur, got, tt.want)
		}
	}
}

// FuzzCallsProjects: whatever the values, a call row Projects accepts maps
// to its projection.
func FuzzCallsProjects(f *testing.F) {
	f.Add("7", "07911123456", "2021-03-04 05:06:07", "12", "answered", uint8(0))
	f.Add("", "+447911123456", "9999-12-31 23:59:59", "-9223372036854775808", "", uint8(5))
	f.Add("x", "\xff", "0001-01-01 00:00:00", "0", "t", uint8(16))
	f.Fuzz(func(t *testing.T, key, dest, at, dur, status string, nulls uint8) {
		p, rm := callsBinding(t)
		vals := []string{key, "+441632960001", dest, at, dur, status, "tmpl"}
		row := []seized.Value{val("1")}
		for i, v := range vals {
			if nulls&(1<<i) != 0 {
				row = append(row, seized.Value{Null: true})
			} else {
				row = append(row, seized.Value{Data: []byte(v)})
			}
		}
		checkCallsProjects(t, p, rm, row)
	})
}
