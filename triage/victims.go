package triage

import (
	"sort"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
)

// Calls are the call records of the seized data that share an account,
// caller ID, destination and template, already filtered to a minimum
// duration: the database aggregates 10 million calls into far fewer groups.
type Calls struct {
	Account     string
	CallerID    string // the number shown to the victim, E.164 when parseable
	Destination string // the number called, E.164
	Country     coinsift.Country
	Template    string
	Count       int
	Longest     time.Duration
	Total       time.Duration
	First, Last time.Time
}

// Organisation is an entry of a directory of official numbers.
type Organisation struct {
	Name           string
	Country        coinsift.Country
	OfficialNumber string // E.164
	Template       string // the script name the service used for it, if known
}

// Directory finds organisations by official number or template.
type Directory struct {
	byNumber   map[string]string
	byTemplate map[string]string
}

// NewDirectory indexes orgs.
func NewDirectory(orgs []Organisation) *Directory {
	d := &Directory{byNumber: map[string]string{}, byTemplate: map[string]string{}}
	for _, o := range orgs {
		if o.OfficialNumber != "" {
			d.byNumber[o.OfficialNumber] = o.Name
		}
		if o.Template != "" {
			d.byTemplate[strings.ToLower(o.Template)] = o.Name
		}
	}
	return d
}

// Impersonated names the organisation a call impersonated: the owner of the
// caller ID shown, else the organisation of the call's template, else the
// template itself.
func (d *Directory) Impersonated(c Calls) string {
	if d != nil {
		if n, ok := d.byNumber[c.CallerID]; ok {
			return n
		}
		if n, ok := d.byTemplate[strings.ToLower(c.Template)]; ok {
			return n
		}
	}
	return c.Template
}

// Victim is one number called at least once for long enough.
type Victim struct {
	E164          string           `json:"e164"`
	Country       coinsift.Country `json:"country"`
	Calls         int              `json:"calls"`
	LongestCall   time.Duration    `json:"longest_call_ns"`
	TotalDuration time.Duration    `json:"total_duration_ns"`
	FirstCall     time.Time        `json:"first_call"`
	LastCall      time.Time        `json:"last_call"`
	Organisations []string         `json:"organisations"`
	Accounts      []string         `json:"accounts"` // the service accounts that called
}

// Victims merges call groups by destination, ordered by country then
// number. Groups without a destination or without calls are skipped.
// triagesql.ReadVictims does the same merge inside the database for a whole
// case; Victims states the rule in Go and is the reference it is tested
// against.
func Victims(groups []Calls, dir *Directory) []Victim {
	by := map[string]*Victim{}
	orgs := map[string]map[string]bool{}
	accts := map[string]map[string]bool{}
	for _, c := range groups {
		if c.Destination == "" || c.Count <= 0 {
			continue
		}
		v := by[c.Destination]
		if v == nil {
			v = &Victim{E164: c.Destination, Country: c.Country, FirstCall: c.First, LastCall: c.Last}
			by[c.Destination] = v
			orgs[c.Destination] = map[string]bool{}
			accts[c.Destination] = map[string]bool{}
		}
		v.Calls += c.Count
		v.TotalDuration += c.Total
		if c.Longest > v.LongestCall {
			v.LongestCall = c.Longest
		}
		if c.First.Before(v.FirstCall) {
			v.FirstCall = c.First
		}
		if c.Last.After(v.LastCall) {
			v.LastCall = c.Last
		}
		if v.Country == "" {
			v.Country = c.Country
		}
		if o := dir.Impersonated(c); o != "" {
			orgs[c.Destination][o] = true
		}
		if c.Account != "" {
			accts[c.Destination][c.Account] = true
		}
	}
	out := make([]Victim, 0, len(by))
	for k, v := range by {
		v.Organisations = sortedKeys(orgs[k])
		v.Accounts = sortedKeys(accts[k])
		out = append(out, *v)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Country != out[j].Country {
			return out[i].Country < out[j].Country
		}
		return out[i].E164 < out[j].E164
	})
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
