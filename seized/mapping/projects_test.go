package mapping_test

import (
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
)

// loginsBinding binds the logins mapping (login_at unit "") to a table of
// id, user_id, ip, user_agent, created_at.
func loginsBinding(t testing.TB) (seized.Projector, seized.RowMapper) {
	t.Helper()
	m, err := mapping.Read(strings.NewReader(strings.Replace(loginsMapping, "%s", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	tb := &seized.Table{Name: "logins", Columns: []seized.Column{{Name: "id"}, {Name: "user_id"}, {Name: "ip"}, {Name: "user_agent"}, {Name: "created_at"}}}
	rm := m.Bind(tb)
	p, ok := rm.(seized.Projector)
	if !ok {
		t.Fatal("logins mapper is no Projector")
	}
	if _, _, ok := p.Projection(); !ok {
		t.Fatal("logins mapping offers no projection")
	}
	return p, rm
}

// checkProjects holds Projects to its promise for one row: when it says
// yes, Map makes exactly one login record, equal to the projection.
func checkProjects(t *testing.T, p seized.Projector, rm seized.RowMapper, row []seized.Value) bool {
	t.Helper()
	if !p.Projects(row) {
		return false
	}
	var recs seized.Records
	err := rm.Map(row, &recs)
	target, cols, _ := p.Projection()
	if err != nil || len(recs.Logins) != 1 || len(recs.Accounts)+len(recs.Identifiers)+len(recs.Payments)+len(recs.Calls) != 0 ||
		!seized.MatchesProjection(target, cols, row, recs.Logins[0]) {
		t.Errorf("Projects(%v) = true, but Map gives %v (err %v)", row, recs.Logins, err)
	}
	return true
}

func val(s string) seized.Value {
	if s == "NULL" {
		return seized.Value{Null: true}
	}
	return seized.Value{Data: []byte(s)}
}

func TestProjects(t *testing.T) {
	p, rm := loginsBinding(t)
	for _, tt := range []struct {
		ip, at string
		want   bool
	}{
		{"10.0.0.1", "2021-03-04 05:06:07", true},
		{"NULL", "NULL", true},
		{"", "", true},
		{"0a000001", "2021-03-04 05:06:07", false}, // hex IPv4
		{"0A00000Z", "2021-03-04 05:06:07", true},  // not hex: text as written
		{"20010db8000000000000000000000001", "2021-03-04 05:06:07", false},
		{"10.0.0.1", "2021-02-29 00:00:00", false}, // no such day
		{"10.0.0.1", "2024-02-29 23:59:59", true},
		{"10.0.0.1", "0000-00-00 00:00:00", false},
		{"10.0.0.1", "0000-01-01 00:00:00", false},
		{"10.0.0.1", "2021-03-04 05:06:07.5", false},
		{"10.0.0.1", "2021-03-04T05:06:07", false},
		{"10.0.0.1", "2021-03-04 24:00:00", false},
		{"10.0.0.1", " 2021-03-04 05:06:0", false},
		{"10.0.0.1", "1600000000", false},
	} {
		row := []seized.Value{val("1"), val("7"), val(tt.ip), val("<b>ua</b>"), val(tt.at)}
		if got := checkProjects(t, p, rm, row); got != tt.want {
			t.Errorf("Projects(ip %q, at %q) = %v, want %v", tt.ip, tt.at, got, tt.want)
		}
	}
}

// FuzzProjects: whatever the values, a row Projects accepts maps to its
// projection.
func FuzzProjects(f *testing.F) {
	f.Add("7", "10.0.0.1", "Mozilla", "2021-03-04 05:06:07", uint8(0))
	f.Add("", "0a000001", "", "9999-12-31 23:59:59", uint8(3))
	f.Add("x", "::1", "\xff", "0001-01-01 00:00:00", uint8(16))
	f.Fuzz(func(t *testing.T, key, ip, ua, at string, nulls uint8) {
		p, rm := loginsBinding(t)
		vals := []string{key, ip, ua, at}
		row := []seized.Value{val("1")}
		for i, v := range vals {
			if nulls&(1<<i) != 0 {
				row = append(row, seized.Value{Null: true})
			} else {
				row = append(row, seized.Value{Data: []byte(v)})
			}
		}
		// Table order: id, user_id, ip, user_agent, created_at.
		checkProjects(t, p, rm, row)
	})
}
