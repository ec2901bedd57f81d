package world

import (
	"math/rand/v2"
	"slices"
	"time"
)

// dstRule is a daylight-saving rule as in force since 2008.
type dstRule uint8

const (
	noDST dstRule = iota
	euDST         // last Sunday of March to last Sunday of October, 01:00 UTC
	usDST         // second Sunday of March 02:00 to first Sunday of November 02:00, local time
	auDST         // first Sunday of October 02:00 standard to first Sunday of April 03:00 daylight time
)

// tzone is a time zone of the world's people: its IANA name, standard
// offset and daylight-saving periods over the world's years (tested against
// the IANA database).
type tzone struct {
	name string
	std  int64      // standard offset, seconds east of UTC
	dst  [][2]int64 // daylight-saving periods [start, end) in Unix seconds, sorted
}

var tzoneFacts = []struct {
	name   string
	stdMin int64
	rule   dstRule
}{
	{"Europe/London", 0, euDST}, {"Europe/Dublin", 0, euDST}, {"Europe/Lisbon", 0, euDST},
	{"Europe/Amsterdam", 60, euDST}, {"Europe/Paris", 60, euDST}, {"Europe/Berlin", 60, euDST},
	{"Europe/Madrid", 60, euDST}, {"Europe/Brussels", 60, euDST}, {"Europe/Warsaw", 60, euDST},
	{"Europe/Vilnius", 120, euDST}, {"Africa/Johannesburg", 120, noDST}, {"Asia/Dubai", 240, noDST},
	{"America/New_York", -300, usDST}, {"America/Toronto", -300, usDST}, {"America/Chicago", -360, usDST},
	{"America/Winnipeg", -360, usDST}, {"America/Denver", -420, usDST}, {"America/Edmonton", -420, usDST},
	{"America/Phoenix", -420, noDST}, {"America/Los_Angeles", -480, usDST}, {"America/Vancouver", -480, usDST},
	{"America/Halifax", -240, usDST},
	{"Australia/Sydney", 600, auDST}, {"Australia/Melbourne", 600, auDST}, {"Australia/Brisbane", 600, noDST},
	{"Australia/Adelaide", 570, auDST}, {"Australia/Perth", 480, noDST},
}

// tzones are the zones by name.
var tzones = func() map[string]*tzone {
	m := map[string]*tzone{}
	for _, f := range tzoneFacts {
		z := &tzone{name: f.name, std: f.stdMin * 60}
		for y := 2019; y <= 2024; y++ {
			var s, e int64
			switch f.rule {
			case euDST:
				s, e = sunday(y, time.March, -1, 1), sunday(y, time.October, -1, 1)
			case usDST:
				s, e = sunday(y, time.March, 2, 2)-z.std, sunday(y, time.November, 1, 1)-z.std
			case auDST:
				s, e = sunday(y-1, time.October, 1, 2)-z.std, sunday(y, time.April, 1, 2)-z.std
			default:
				continue
			}
			z.dst = append(z.dst, [2]int64{s, e})
		}
		m[f.name] = z
	}
	return m
}()

// sunday returns the n-th Sunday (n < 0: the last) of a month at hour h,
// in Unix seconds of a clock that reads that wall time as UTC.
func sunday(y int, m time.Month, n, h int) int64 {
	if n < 0 {
		d := time.Date(y, m+1, 0, h, 0, 0, 0, time.UTC)
		return d.AddDate(0, 0, -int(d.Weekday())).Unix()
	}
	d := time.Date(y, m, 1, h, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, (7-int(d.Weekday()))%7+7*(n-1)).Unix()
}

// offset is the zone's offset from UTC in seconds at Unix time t.
func (z *tzone) offset(t int64) int64 {
	i, _ := slices.BinarySearchFunc(z.dst, t, func(p [2]int64, t int64) int {
		if p[0] > t {
			return 1
		}
		return -1
	})
	if i > 0 && t < z.dst[i-1][1] {
		return z.std + 3600
	}
	return z.std
}

// curve is a daily activity profile: the cumulative share of a day's events
// before each local hour 0..24.
type curve [25]float64

func newCurve(w [24]float64) *curve {
	var c curve
	for h, x := range w {
		c[h+1] = c[h] + x
	}
	for h := range c {
		c[h] /= c[24]
	}
	return &c
}

// loginCurve is when people use the service, by local hour: busy in the
// evening, quiet from 01:00 to 07:00 (about 3 % of logins).
var loginCurve = newCurve([24]float64{
	0.55, 0.22, 0.08, 0.04, 0.03, 0.03, 0.08, 0.35, 0.70, 0.85, 0.90, 0.95,
	1.00, 0.95, 0.90, 0.90, 0.95, 1.00, 1.05, 1.15, 1.25, 1.30, 1.15, 0.90})

// callCurve is when the service's users call victims, by the victims' (UK)
// local hour: bank hours and early evening.
var callCurve = newCurve([24]float64{
	0.05, 0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.10, 0.40, 0.90, 1.00, 1.00,
	0.90, 0.90, 1.00, 1.00, 1.00, 0.90, 0.70, 0.50, 0.35, 0.25, 0.15, 0.08})

// clock is the daily rhythm of one person: a zone, a curve and a shift of
// the curve (late sleepers, night owls).
type clock struct {
	zone  *tzone
	c     *curve
	shift int64 // seconds added to the curve's local times
}

// drawClock draws a person's rhythm in zone: most people shift the login
// curve by −1 h to +1.5 h; about 7 % are night owls, 3 to 5.5 h later.
func drawClock(r *rand.Rand, zone string) (clock, bool) {
	k := clock{zone: tzones[zone], c: loginCurve, shift: int64(-3600 + r.IntN(9000))}
	owl := chance(r, 0.07)
	if owl {
		k.shift = int64(3*3600 + r.IntN(9000))
	}
	return k, owl
}

// at maps u, a time on a clock that runs evenly through the day, to a real
// time in the same local day distributed as the person's curve: a Poisson
// stream in u becomes a stream with the person's daily rhythm and the same
// number of events per day. It is monotone apart from the hour that
// daylight-saving changes repeat or skip.
func (k *clock) at(u int64) int64 {
	off := k.zone.offset(u)
	local := u + off
	day := local / 86400
	if local < 0 {
		day--
	}
	frac := float64(local-day*86400) / 86400
	c := k.c
	h := 0
	for h < 23 && c[h+1] <= frac {
		h++
	}
	sec := (float64(h) + (frac-c[h])/(c[h+1]-c[h])) * 3600
	return day*86400 + int64(sec) + k.shift - off
}
