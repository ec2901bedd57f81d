package mapping

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/detect"
)

// Check returns a *seized.MissingError when the mapping of source table t
// names a column t lacks: a field's column, or the key or value column of
// a lookup that reads t. It returns nil when t is not mapped.
func (m *Mapping) Check(t *seized.Table) error {
	m.prepare()
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	missing := func(table, field, col string) error {
		return &seized.MissingError{Table: table, Field: field, Column: col, In: t.Name, Have: names, Guess: seized.Closest(col, names)}
	}
	for _, mt := range m.Tables {
		if !matchTable(mt.Source, t.Name) {
			continue
		}
		for _, f := range slices.Sorted(maps.Keys(mt.Columns)) {
			if c := mt.Columns[f].Column; columnIndex(t.Columns, c) < 0 {
				return missing(mt.Source, mt.Target+"."+f, c)
			}
		}
	}
	ids := make([]string, 0, len(m.lookups))
	for id := range m.lookups {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		lt := m.lookups[id]
		if !matchTable(lt.table, t.Name) {
			continue
		}
		for _, c := range append([]string{lt.key}, lt.values...) {
			if columnIndex(t.Columns, c) < 0 {
				return missing(lt.table, "lookup", c)
			}
		}
	}
	return nil
}

// SourceTables lists the source tables the mapping names, lookups included,
// sorted and without repeats.
func (m *Mapping) SourceTables() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if k := strings.ToLower(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	for _, t := range m.Tables {
		add(t.Source)
		for _, c := range t.Columns {
			if c.Lookup != nil {
				add(c.Lookup.Table)
			}
		}
	}
	sort.Strings(out)
	return out
}

// role is what a mapped field's values must look like.
type role int

const (
	roleName    role = iota // a username: not a bare integer
	roleAddress             // a Bitcoin address
	roleTime                // a time between the genesis block and the dump
)

// roles are the fields whose content Checks examines.
var roles = map[string]role{
	"accounts.username":   roleName,
	"payments.address":    roleAddress,
	"accounts.created_at": roleTime,
	"payments.created_at": roleTime,
	"payments.paid_at":    roleTime,
	"logins.login_at":     roleTime,
	"calls.started_at":    roleTime,
}

// Genesis is the earliest plausible time of anything paid in bitcoin: the
// genesis block, 2009-01-03.
var Genesis = time.Date(2009, 1, 3, 0, 0, 0, 0, time.UTC)

// Checks examines what the mapped columns hold, row by row (it is a
// seized.RowObserver), and reports the columns whose content contradicts
// their role: a username that is an integer in nearly every row, an
// address column with few or no valid Bitcoin addresses, times before the
// genesis block or after the dump was made. Fields read through a lookup
// are not examined.
type Checks struct {
	m      *Mapping
	checks map[*seized.Table][]*roleCheck
	all    []*roleCheck
	byKey  map[string]*roleCheck // table|field|column: one per mapped column across re-created tables
}

// roleCheck counts one mapped column's values.
type roleCheck struct {
	table, field, column string
	role                 role
	unit                 string
	idx                  int
	values, against      int64           // against: integers (roleName), invalid (roleAddress), before Genesis (roleTime)
	days                 map[int64]int64 // roleTime: values by day since 1970, to count those after a date
	minT, maxT           time.Time
}

var _ seized.RowObserver = (*Checks)(nil)

// NewChecks returns the checks of m's mapped columns.
func (m *Mapping) NewChecks() *Checks {
	return &Checks{m: m, checks: map[*seized.Table][]*roleCheck{}, byKey: map[string]*roleCheck{}}
}

// Observe counts row of table t.
func (c *Checks) Observe(t *seized.Table, row []seized.Value) {
	rcs, ok := c.checks[t]
	if !ok {
		rcs = c.bind(t)
		c.checks[t] = rcs
	}
	for _, rc := range rcs {
		if rc.idx >= len(row) {
			continue
		}
		v := row[rc.idx]
		if v.Null || len(v.Data) == 0 {
			continue
		}
		rc.observe(v.Data)
	}
}

func (c *Checks) bind(t *seized.Table) []*roleCheck {
	var out []*roleCheck
	for _, mt := range c.m.Tables {
		if !matchTable(mt.Source, t.Name) {
			continue
		}
		for _, f := range slices.Sorted(maps.Keys(mt.Columns)) {
			col := mt.Columns[f]
			r, ok := roles[mt.Target+"."+f]
			idx := columnIndex(t.Columns, col.Column)
			if !ok || col.Lookup != nil || col.JSON != "" || idx < 0 || t.Columns[idx].Binary {
				continue
			}
			key := t.Name + "|" + mt.Target + "." + f + "|" + col.Column
			rc := c.byKey[key]
			if rc == nil {
				rc = &roleCheck{table: t.Name, field: mt.Target + "." + f, column: col.Column, role: r, unit: col.Unit, days: map[int64]int64{}}
				c.byKey[key] = rc
				c.all = append(c.all, rc)
			}
			rc.idx = idx
			out = append(out, rc)
		}
	}
	return out
}

func (rc *roleCheck) observe(b []byte) {
	switch rc.role {
	case roleName:
		rc.values++
		if isDigits(b) {
			rc.against++
		}
	case roleAddress:
		rc.values++
		if _, ok := detect.BitcoinAddress(strings.TrimSpace(string(b))); !ok {
			rc.against++
		}
	case roleTime:
		t, ok := parseRoleTime(string(b), rc.unit)
		if !ok {
			return // not a time: the mapping sets the row aside
		}
		rc.values++
		if rc.values == 1 || t.Before(rc.minT) {
			rc.minT = t
		}
		if rc.values == 1 || t.After(rc.maxT) {
			rc.maxT = t
		}
		if t.Before(Genesis) {
			rc.against++
			return
		}
		if d := dayOf(t); len(rc.days) < maxDays {
			rc.days[d]++
		} else {
			rc.days[maxDays]++ // too many days: taken as beyond any dump date
		}
	}
}

// maxDays bounds the days a time check tells apart (about 270 years after
// 1970); later times share one count.
const maxDays = 100000

func dayOf(t time.Time) int64 { return t.Unix() / 86400 }

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// parseRoleTime reads a time as the mapping does (binding.time), without
// its errors: epoch integers in the field's unit, or text.
func parseRoleTime(v, unit string) (time.Time, bool) {
	if strings.HasPrefix(unit, "epoch") {
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		return detect.EpochTime(n, detect.Kind(unit)), true
	}
	t, _, ok := detect.ParseTime(v)
	return t, ok
}

// ParseDumpDate reads the date of a dump tool's completion line
// ("2022-11-24  6:00:00", as seized.Report.DumpCompleted holds it).
func ParseDumpDate(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02 15:04:05", strings.Join(strings.Fields(s), " "))
	return t, err == nil
}

// Warnings returns the doubts about the columns observed, in the order
// they were first seen. until is the latest plausible time (the dump's
// date; the zero time: no upper bound): a time after it (by more than a
// day, counted by month) contradicts its role.
func (c *Checks) Warnings(until time.Time) []seized.Warning {
	var out []seized.Warning
	for _, rc := range c.all {
		if w, ok := rc.warning(until); ok {
			out = append(out, w)
		}
	}
	return out
}

func (rc *roleCheck) warning(until time.Time) (seized.Warning, bool) {
	w := seized.Warning{Table: rc.table, Field: rc.field, Column: rc.column, Values: rc.values, Against: rc.against}
	if rc.values == 0 {
		return w, false
	}
	head := fmt.Sprintf("table %s, field %s (column %s): ", rc.table, rc.field, rc.column)
	share := func(n int64) string {
		return fmt.Sprintf("%d of %d values (%.0f%%)", n, rc.values, 100*float64(n)/float64(rc.values))
	}
	switch rc.role {
	case roleName:
		if rc.against*10 < rc.values*9 {
			return w, false
		}
		w.Message = head + share(rc.against) + " are integers: an id rather than a username?"
	case roleAddress:
		if rc.against*2 <= rc.values {
			return w, false
		}
		if rc.against == rc.values {
			w.Message = head + fmt.Sprintf("none of its %d values is a valid Bitcoin address", rc.values)
		} else {
			w.Message = head + share(rc.against) + " are no valid Bitcoin address"
		}
	case roleTime:
		late := int64(0)
		bound := "the genesis block (2009-01-03)"
		if !until.IsZero() {
			// Times up to a day after the dump's date pass (time zones).
			last := dayOf(until) + 1
			for d, n := range rc.days {
				if d > last {
					late += n
				}
			}
			bound = "2009-01-03 .. " + until.Format("2006-01-02")
		}
		w.Against += late
		if w.Against == 0 {
			return w, false
		}
		unit := rc.unit
		if unit == "" {
			unit = "datetime"
		}
		w.Message = head + share(w.Against) + fmt.Sprintf(" fall outside %s (unit %s; earliest %s, latest %s)", bound, unit,
			rc.minT.Format("2006-01-02 15:04:05"), rc.maxT.Format("2006-01-02 15:04:05"))
		if until.IsZero() {
			w.Message = head + share(w.Against) + fmt.Sprintf(" fall before %s (unit %s; earliest %s)", bound, unit, rc.minT.Format("2006-01-02 15:04:05"))
		}
	}
	return w, true
}
