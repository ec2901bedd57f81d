package place

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	coinsift "github.com/coinsift/coinsift"
)

// MinLogins is the fewest login times Timezone reads; below it a daily
// rhythm cannot be told from chance.
const MinLogins = 20

const (
	// window is the length in hours of the quiet window fitted to a day.
	window = 6
	// startFrom and startTo bound the local hour at which the fitted quiet
	// window may start: a person asleep from about midnight–3am to
	// 6–9am. Four possible starts make the fit good to about ±2 hours.
	startFrom, startTo = 0, 3
	// maxQuietShare is the largest share of logins the quietest window may
	// hold; uniformly spread logins (bots, shared accounts) put a quarter
	// there.
	maxQuietShare = 0.10
	// maxRun is the most window starts that may tie for quietest (within
	// the tolerance); more means the person is inactive so much of the day
	// that the middle of their night cannot be told.
	maxRun = 6
)

// dstRule is a daylight-saving rule, as in force since 2008, applied to
// every year.
type dstRule uint8

const (
	noDST dstRule = iota
	euDST         // last Sunday of March to last Sunday of October, 01:00 UTC
	usDST         // second Sunday of March to first Sunday of November, 02:00 local
	auDST         // first Sunday of October to first Sunday of April, 02:00 standard
	nzDST         // last Sunday of September to first Sunday of April, 02:00 standard
)

// zone is a representative time zone and the countries that keep it.
type zone struct {
	name      string
	std       int // standard offset from UTC in minutes
	dst       dstRule
	countries string
}

// zones is the offset → countries table. Countries spanning several zones
// (US, CA, AU, BR, RU, MX) appear in each of their main ones.
var zones = []zone{
	{"Pacific/Honolulu", -600, noDST, "US"},
	{"America/Anchorage", -540, usDST, "US"},
	{"America/Los_Angeles", -480, usDST, "US CA"},
	{"America/Phoenix", -420, noDST, "US"},
	{"America/Denver", -420, usDST, "US CA"},
	{"America/Chicago", -360, usDST, "US CA"},
	{"America/Mexico_City", -360, noDST, "MX"},
	{"America/New_York", -300, usDST, "US CA"},
	{"America/Bogota", -300, noDST, "CO PE EC PA JM"},
	{"America/Halifax", -240, usDST, "CA"},
	{"America/Caracas", -240, noDST, "VE DO PR BO"},
	{"America/Sao_Paulo", -180, noDST, "BR AR UY"},
	{"Europe/London", 0, euDST, "GB IE PT"},
	{"Africa/Accra", 0, noDST, "GH SN IS"},
	{"Europe/Paris", 60, euDST, "AT BE CH CZ DE DK ES FR HR HU IT LU MT NL NO PL RS SE SI SK"},
	{"Africa/Lagos", 60, noDST, "NG DZ TN MA"},
	{"Europe/Athens", 120, euDST, "BG CY EE FI GR LT LV MD RO UA"},
	{"Asia/Jerusalem", 120, euDST, "IL"},
	{"Africa/Johannesburg", 120, noDST, "ZA EG ZW"},
	{"Europe/Istanbul", 180, noDST, "TR RU BY SA IQ KW QA KE"},
	{"Asia/Dubai", 240, noDST, "AE OM AZ GE AM"},
	{"Asia/Karachi", 300, noDST, "PK UZ"},
	{"Asia/Kolkata", 330, noDST, "IN LK"},
	{"Asia/Dhaka", 360, noDST, "BD"},
	{"Asia/Bangkok", 420, noDST, "TH VN ID"},
	{"Asia/Shanghai", 480, noDST, "CN HK SG MY PH TW"},
	{"Australia/Perth", 480, noDST, "AU"},
	{"Asia/Tokyo", 540, noDST, "JP KR"},
	{"Australia/Adelaide", 570, auDST, "AU"},
	{"Australia/Brisbane", 600, noDST, "AU"},
	{"Australia/Sydney", 600, auDST, "AU"},
	{"Pacific/Auckland", 720, nzDST, "NZ"},
}

// span is one year's daylight-saving period of a rule, in Unix seconds of
// UTC (euDST) or of local standard time (the others).
type span struct{ start, end int64 }

const firstYear, lastYear = 1990, 2100

var spans = sync.OnceValue(func() *[5][lastYear - firstYear]span {
	var t [5][lastYear - firstYear]span
	for y := firstYear; y < lastYear; y++ {
		for r := euDST; r <= nzDST; r++ {
			t[r][y-firstYear] = dstSpan(r, y)
		}
	}
	return &t
})

// sunday returns the n-th Sunday (n < 0: the last) of a month at hour h,
// in Unix seconds of a clock that reads that time as UTC.
func sunday(y int, m time.Month, n, h int) int64 {
	if n < 0 {
		d := time.Date(y, m+1, 0, h, 0, 0, 0, time.UTC)
		return d.AddDate(0, 0, -int(d.Weekday())).Unix()
	}
	d := time.Date(y, m, 1, h, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, (7-int(d.Weekday()))%7+7*(n-1)).Unix()
}

func dstSpan(r dstRule, y int) span {
	switch r {
	case euDST:
		return span{sunday(y, time.March, -1, 1), sunday(y, time.October, -1, 1)}
	case usDST:
		return span{sunday(y, time.March, 2, 2), sunday(y, time.November, 1, 1)}
	case auDST: // southern: in force outside [end, start)
		return span{sunday(y, time.October, 1, 2), sunday(y, time.April, 1, 2)}
	case nzDST:
		return span{sunday(y, time.September, -1, 2), sunday(y, time.April, 1, 2)}
	}
	return span{}
}

// inDST reports whether rule r is in force at UTC second utc, local
// standard second local, in year y.
func inDST(r dstRule, y int, utc, local int64) bool {
	if r == noDST {
		return false
	}
	var s span
	if y >= firstYear && y < lastYear {
		s = spans()[r][y-firstYear]
	} else {
		s = dstSpan(r, y)
	}
	return spanHolds(r, s, utc, local)
}

// spanHolds reports whether rule r, whose period in the year is s, is in
// force at UTC second utc, local standard second local.
func spanHolds(r dstRule, s span, utc, local int64) bool {
	switch r {
	case noDST:
		return false
	case euDST:
		return utc >= s.start && utc < s.end
	case usDST:
		return local >= s.start && local < s.end
	default:
		return local < s.end || local >= s.start
	}
}

// zoneGroup is a distinct (standard offset, rule) pair: zones sharing one
// read every login at the same local hour.
type zoneGroup struct {
	std int
	dst dstRule
}

// zoneGroups lists the groups of zones, and groupOf the group of each zone.
var zoneGroups, groupOf = func() (g []zoneGroup, of []int) {
	for _, z := range zones {
		i := slices.Index(g, zoneGroup{z.std, z.dst})
		if i < 0 {
			i = len(g)
			g = append(g, zoneGroup{z.std, z.dst})
		}
		of = append(of, i)
	}
	return g, of
}()

// Timezone estimates the UTC offset of a person's day from the times (any
// location; read as instants) of at least MinLogins logins, and returns one
// signal per country keeping a fitting time zone.
//
// For every zone in a built-in table it reads the logins on the zone's clock
// (with its daylight-saving rule), finds the 6-hour window with the fewest
// logins (the middle of a run of near-ties, within max(1, 2%) logins), and
// keeps the zone when that window starts between 00:00 and 03:00 local —
// the night of a person asleep from about midnight–3am to 6–9am. It gives no
// signal when the quietest window holds more than 10% of the logins (no
// daily rhythm) or when more than six windows tie (too little activity to
// find the night). The result tells continents and bands of about four
// hours apart, not neighbouring countries. The signal's Weight is
// 1/(number of candidate countries): the rhythm says "one of these", not
// which; Value is the zone's standard offset ("UTC+01:00"), Detail the fit,
// e.g. "quiet 01-07 local: 2 of 140 logins (Europe/Paris)".
//
// Timezone(ts) is the Signals of the Rhythm of ts.
func Timezone(logins []time.Time) []Signal {
	if len(logins) < MinLogins {
		return nil
	}
	var r Rhythm
	for _, t := range logins {
		r.Add(t.Unix())
	}
	return r.Signals()
}

// Rhythm is what Timezone reads of a set of login times: how many there are
// and how many fell in each local hour on the clock of every zone it knows.
// It holds no login times, and the rhythms of several accounts add up
// (Merge) to the rhythm of all their logins, so a person's fit is made from
// their accounts' rhythms. The zero value is an empty rhythm.
type Rhythm struct {
	n    int
	hist [][24]int32 // login count by zoneGroups index and local hour; nil while empty
}

// Len returns the number of logins added.
func (r *Rhythm) Len() int { return r.n }

// Add counts a login at Unix second sec (as time.Time.Unix returns it).
func (r *Rhythm) Add(sec int64) {
	if r.hist == nil {
		r.hist = make([][24]int32, len(zoneGroups))
	}
	r.n++
	y := time.Unix(sec, 0).UTC().Year()
	// The year's daylight-saving periods, by rule, read once per login
	// rather than once per zone.
	var dst [nzDST + 1]span
	if y >= firstYear && y < lastYear {
		t := spans()
		for k := euDST; k <= nzDST; k++ {
			dst[k] = t[k][y-firstYear]
		}
	} else {
		for k := euDST; k <= nzDST; k++ {
			dst[k] = dstSpan(k, y)
		}
	}
	// The second of the UTC day, then of the local day: every offset is
	// less than a day, so one correction keeps it in [0, 86400).
	day := (sec%86400 + 86400) % 86400
	for i, g := range zoneGroups {
		off := int64(g.std) * 60
		if g.dst != noDST && spanHolds(g.dst, dst[g.dst], sec, sec+off) {
			off += 3600
		}
		local := day + off
		if local < 0 {
			local += 86400
		} else if local >= 86400 {
			local -= 86400
		}
		r.hist[i][local/3600]++
	}
}

// Merge adds the logins of o to r.
func (r *Rhythm) Merge(o *Rhythm) {
	if o.n == 0 {
		return
	}
	if r.hist == nil {
		r.hist = make([][24]int32, len(zoneGroups))
	}
	r.n += o.n
	for i := range o.hist {
		for h, c := range o.hist[i] {
			r.hist[i][h] += c
		}
	}
}

// Signals returns the time-zone signals of the logins added, as Timezone
// describes them; nil for fewer than MinLogins logins.
func (r *Rhythm) Signals() []Signal {
	n := r.n
	if n < MinLogins {
		return nil
	}
	tol := max(1, n/50)
	type fit struct{ start, quiet int }
	fits := make([]fit, len(zoneGroups))
	for i, h := range r.hist {
		fits[i] = fit{-1, 0}
		var q [24]int
		for s := range 24 {
			for k := range window {
				q[s] += int(h[(s+k)%24])
			}
		}
		best := 0
		for s := 1; s < 24; s++ {
			if q[s] < q[best] {
				best = s
			}
		}
		if float64(q[best]) > maxQuietShare*float64(n) {
			continue
		}
		left, run := best, 1
		for run < 24 && q[(left+23)%24] <= q[best]+tol {
			left, run = (left+23)%24, run+1
		}
		for run < 24 && q[(best+1)%24] <= q[best]+tol && (best+1)%24 != left {
			best, run = (best+1)%24, run+1
		}
		if run > maxRun {
			continue
		}
		start := (left + (run-1)/2) % 24
		fits[i] = fit{start, q[start]}
	}
	// Candidate zones, best fit first, then table order.
	var cand []int
	for i := range zones {
		if f := fits[groupOf[i]]; f.start >= startFrom && f.start <= startTo {
			cand = append(cand, i)
		}
	}
	slices.SortStableFunc(cand, func(a, b int) int { return fits[groupOf[a]].quiet - fits[groupOf[b]].quiet })
	var out []Signal
	seen := map[coinsift.Country]bool{}
	for _, i := range cand {
		z, f := zones[i], fits[groupOf[i]]
		var value, detail string // the same for every country of the zone
		for _, c := range strings.Fields(z.countries) {
			cc := coinsift.Country(c)
			if seen[cc] {
				continue
			}
			seen[cc] = true
			if detail == "" {
				value = formatOffset(z.std)
				detail = fmt.Sprintf("quiet %02d-%02d local: %d of %d logins (%s)",
					f.start, (f.start+window)%24, f.quiet, n, z.name)
			}
			out = append(out, Signal{Kind: KindTimezone, Country: cc, Value: value, Detail: detail})
		}
	}
	for i := range out {
		out[i].Weight = 1 / float64(len(out))
	}
	slices.SortFunc(out, func(a, b Signal) int { return strings.Compare(string(a.Country), string(b.Country)) })
	return out
}

// formatOffset formats minutes east of UTC as "UTC+05:30".
func formatOffset(m int) string {
	sign := '+'
	if m < 0 {
		sign, m = '-', -m
	}
	return fmt.Sprintf("UTC%c%02d:%02d", sign, m/60, m%60)
}
