package mapping

import (
	"math"
	"sort"
	"strings"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/detect"
)

// hint says that a column name containing one of words, or values of one of
// kinds, suggests a canonical field.
type hint struct {
	field string
	words []string
	kinds []detect.Kind
}

var hints = map[string][]hint{
	"accounts": {
		{"account_key", []string{"user_id", "userid", "uid", "member_id", "account_id", "id"}, nil},
		{"username", []string{"username", "user_name", "login", "nick", "handle", "member"}, nil},
		{"email", []string{"email", "mail"}, []detect.Kind{detect.Email}},
		{"phone", []string{"phone", "mobile", "tel", "msisdn"}, []detect.Kind{detect.Phone}},
		{"ip", []string{"ip", "last_ip", "reg_ip"}, []detect.Kind{detect.IPv4, detect.IPv6}},
		{"created_at", []string{"created", "registered", "joined", "signup", "date", "time"}, []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
		{"country", []string{"country", "cc", "nation"}, []detect.Kind{detect.Country}},
	},
	"payments": {
		{"account_key", []string{"user_id", "userid", "uid", "member_id", "account_id", "user", "customer"}, nil},
		{"address", []string{"address", "deposit", "wallet", "btc_address", "addr"}, []detect.Kind{detect.BTCAddress, detect.BTCTestnet}},
		{"amount", []string{"btc", "satoshi", "sats", "amount_btc", "btc_amount", "crypto_amount", "amount"}, []detect.Kind{detect.BTCAmount}},
		{"fiat_amount", []string{"price", "gbp", "usd", "eur", "fiat", "cost", "total"}, []detect.Kind{detect.Decimal}},
		{"fiat_currency", []string{"currency", "cur"}, []detect.Kind{detect.Currency}},
		{"txid", []string{"txid", "tx_hash", "txhash", "transaction", "hash"}, []detect.Kind{detect.TxID}},
		{"vout", []string{"vout", "output_index", "n"}, nil},
		{"status", []string{"status", "state"}, nil},
		{"created_at", []string{"created", "date", "time", "invoice"}, []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
		{"paid_at", []string{"paid", "confirmed", "completed"}, []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
	},
	"logins": {
		{"account_key", []string{"user_id", "userid", "uid", "member_id", "account_id", "user"}, nil},
		{"ip", []string{"ip", "address", "remote"}, []detect.Kind{detect.IPv4, detect.IPv6}},
		{"login_at", []string{"time", "date", "at", "login", "created"}, []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
		{"user_agent", []string{"agent", "ua", "browser"}, nil},
	},
	"calls": {
		{"account_key", []string{"user_id", "userid", "uid", "member_id", "account_id", "user"}, nil},
		// src, clid, dst and billsec are Asterisk's CDR columns; ani and
		// dnis the telephone network's names; caller_id_number and
		// destination_number FreeSWITCH's.
		{"caller_id", []string{"caller", "callerid", "cli", "clid", "src", "source", "ani", "from", "spoof", "display"}, []detect.Kind{detect.Phone}},
		{"destination", []string{"dest", "destination", "dst", "called", "dialled", "dialed", "dnis", "number", "to", "victim", "target"}, []detect.Kind{detect.Phone}},
		{"started_at", []string{"start", "time", "date", "created", "at"}, []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
		// billsec (the answered part) before duration (which counts the
		// ringing too) where a CDR has both.
		{"duration_s", []string{"billsec", "duration", "secs", "seconds", "length"}, []detect.Kind{detect.Integer}},
		{"status", []string{"status", "result", "disposition", "state"}, nil},
		{"template", []string{"template", "script", "org", "bank", "company", "scenario", "ivr", "campaign"}, nil},
	},
}

// tableWords are words in a table name that suggest a target.
var tableWords = map[string][]string{
	"accounts": {"user", "member", "account", "customer", "client"},
	"payments": {"payment", "invoice", "deposit", "order", "transaction", "topup", "purchase", "btc"},
	"logins":   {"login", "session", "access", "auth", "ip_log", "iplog"},
	"calls":    {"call", "cdr", "dial", "voip"},
}

var targets = []string{"accounts", "payments", "logins", "calls"}

// Suggest proposes a mapping from inspection reports: for each table, the
// canonical target whose fields its columns best match (by column name and
// by the kinds of their values), with a confidence from 0 to 1. Tables that
// match nothing well are left out. The investigator reviews and edits the
// result before loading with it.
func Suggest(region string, reports ...*seized.Report) *Mapping {
	m := &Mapping{Version: Version, Region: region}
	var list []suggested
	for _, r := range reports {
		for _, t := range r.Tables {
			best := Table{}
			bestScore := 0.0
			for _, target := range targets {
				tm, score := suggestTable(t, target, region)
				if score > bestScore {
					best, bestScore = tm, score
				}
			}
			if bestScore >= 0.35 && len(best.Columns) >= 2 {
				best.Confidence = round2(math.Min(bestScore, 1))
				list = append(list, suggested{best, t})
			}
		}
	}
	for _, s := range mergePayments(list) {
		m.Tables = append(m.Tables, s.t)
	}
	sort.SliceStable(m.Tables, func(i, j int) bool { return m.Tables[i].Source < m.Tables[j].Source })
	return m
}

type suggested struct {
	t   Table
	rep seized.TableReport
}

// mergePayments folds a payments table without deposit addresses (an
// orders table: account, price, status, creation) into a payments table
// with them (the Bitcoin payment records) that refers to it by key: the
// folded fields become lookups (Column.Lookup) on the key, and the folded
// table is dropped, so that each invoice gives one payments row.
func mergePayments(list []suggested) []suggested {
	drop := map[int]bool{}
	for si := range list {
		sec := &list[si]
		if sec.t.Target != "payments" || hasField(sec.t, "address") || len(sec.rep.Columns) == 0 {
			continue
		}
		key := sec.rep.Columns[0].Name
		for pi := range list {
			pri := &list[pi]
			if pi == si || drop[pi] || pri.t.Target != "payments" || !hasField(pri.t, "address") {
				continue
			}
			join := joinColumn(pri.rep, sec.rep.Name, key)
			if join == "" {
				continue
			}
			for f, c := range sec.t.Columns {
				if _, ok := pri.t.Columns[f]; ok && f != "created_at" {
					continue
				}
				if f == "created_at" {
					// The order's creation opens the payment window; the
					// payment record's own time, if taken for created_at,
					// is when it was paid.
					if pc, ok := pri.t.Columns["created_at"]; ok {
						if _, paid := pri.t.Columns["paid_at"]; !paid {
							pri.t.Columns["paid_at"] = pc
						}
					}
				}
				pri.t.Columns[f] = Column{Column: join, Unit: c.Unit, Currency: c.Currency, Confidence: c.Confidence,
					Lookup: &Lookup{Table: sec.t.Source, Key: key, Value: c.Column}}
			}
			drop[si] = true
			break
		}
	}
	var out []suggested
	for i, s := range list {
		if !drop[i] {
			out = append(out, s)
		}
	}
	return out
}

func hasField(t Table, f string) bool {
	_, ok := t.Columns[f]
	return ok
}

// joinColumn returns the column of rep that refers to table's key column:
// the same name (not rep's own first column), or <word>_id for a word of the
// table's name when the key is "id".
func joinColumn(rep seized.TableReport, table, key string) string {
	for i, c := range rep.Columns {
		if i > 0 && strings.EqualFold(c.Name, key) {
			return c.Name
		}
	}
	if !strings.EqualFold(key, "id") {
		return ""
	}
	words := strings.FieldsFunc(strings.ToLower(table), func(r rune) bool { return r == '_' || r == '.' })
	for i, c := range rep.Columns {
		if i == 0 {
			continue
		}
		n := strings.ToLower(c.Name)
		for _, w := range words {
			if n == w+"_id" || n == strings.TrimSuffix(w, "s")+"_id" {
				return c.Name
			}
		}
	}
	return ""
}

func suggestTable(t seized.TableReport, target, region string) (Table, float64) {
	tm := Table{Source: t.Name, Target: target, Columns: map[string]Column{}}
	score := 0.0
	name := strings.ToLower(t.Name)
	for _, w := range tableWords[target] {
		if strings.Contains(name, w) {
			score += 0.3
			break
		}
	}
	// Assign fields to columns greedily, best (field, column) score first, so
	// that a column fitting a later field better ("confirmed" → paid_at) is
	// not taken by an earlier one (created_at).
	hs := hints[target]
	type cand struct {
		h, c int
		s    float64
	}
	var cands []cand
	for hi, h := range hs {
		for ci, c := range t.Columns {
			if s := columnScore(c, h); s >= 0.3 {
				cands = append(cands, cand{hi, ci, s})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].s != cands[j].s {
			return cands[i].s > cands[j].s
		}
		if cands[i].h != cands[j].h {
			return cands[i].h < cands[j].h
		}
		return cands[i].c < cands[j].c
	})
	usedH, usedC := map[int]bool{}, map[int]bool{}
	for _, cd := range cands {
		if usedH[cd.h] || usedC[cd.c] {
			continue
		}
		usedH[cd.h], usedC[cd.c] = true, true
		h, c := hs[cd.h], t.Columns[cd.c]
		col := Column{Column: c.Name, Confidence: round2(math.Min(cd.s, 1))}
		col.Unit = unitFor(h.field, c)
		if h.field == "fiat_amount" {
			col.Currency = currencyFor(c, region)
		}
		tm.Columns[h.field] = col
		score += cd.s / float64(len(hs))
	}
	return tm, score
}

// regionCurrency is the currency assumed for a fiat amount whose column
// name and values do not say, by the mapping's region.
var regionCurrency = map[string]string{"GB": "GBP", "US": "USD", "AU": "AUD", "CA": "CAD", "NL": "EUR", "IE": "EUR",
	"FR": "EUR", "DE": "EUR", "ES": "EUR", "IT": "EUR", "BE": "EUR", "CH": "CHF"}

// currencyFor names the currency of a fiat column: from its name (price_gbp,
// price_pence) or its values' symbol (£150.00), else the region's.
func currencyFor(c seized.ColumnReport, region string) string {
	n := strings.ToLower(c.Name)
	for _, cur := range []string{"gbp", "usd", "eur", "aud"} {
		if strings.Contains(n, cur) {
			return strings.ToUpper(cur)
		}
	}
	if strings.Contains(n, "pence") {
		return "GBP"
	}
	for _, s := range c.Samples {
		for _, cs := range currencySymbols {
			if strings.HasPrefix(strings.TrimSpace(s), cs.sym) {
				return cs.code
			}
		}
	}
	return regionCurrency[strings.ToUpper(region)]
}

// columnScore rates how well column c fits hint h: name words count 0.65 (0.8 for the whole name),
// value kinds up to 0.5 (their share).
func columnScore(c seized.ColumnReport, h hint) float64 {
	n := strings.ToLower(c.Name)
	s := 0.0
	for i, w := range h.words {
		if n == w {
			s = 0.8 - 0.0001*float64(i) // earlier words win ties
			break
		}
		if strings.Contains(n, w) && len(w) > 2 {
			s = math.Max(s, 0.65-0.01*float64(i))
		}
	}
	for _, k := range h.kinds {
		for _, m := range c.Matches {
			if m.Kind == k {
				s += 0.5 * m.Share
			}
		}
	}
	return s
}

// unitFor picks the unit of a time or amount field from the detected kinds.
func unitFor(field string, c seized.ColumnReport) string {
	share := func(k detect.Kind) float64 {
		for _, m := range c.Matches {
			if m.Kind == k {
				return m.Share
			}
		}
		return 0
	}
	switch field {
	case "created_at", "paid_at", "login_at", "started_at":
		switch {
		case share(detect.EpochS) > 0.5:
			return "epoch_s"
		case share(detect.EpochMS) > 0.5:
			return "epoch_ms"
		case share(detect.EpochUS) > 0.5:
			return "epoch_us"
		}
		return "datetime"
	case "amount":
		if share(detect.Integer) > 0.5 {
			return "sats"
		}
		return "btc"
	case "fiat_amount":
		n := strings.ToLower(c.Name)
		if share(detect.Integer) > 0.5 && (strings.Contains(n, "pence") || strings.Contains(n, "cents") || strings.Contains(n, "minor")) {
			return "minor"
		}
		return "major"
	case "txid":
		if c.Binary || c.NonText > 0 {
			return "internal" // 32 bytes as hashed, as Bitcoin libraries store them
		}
	}
	return ""
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
