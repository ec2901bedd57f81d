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
		{"caller_id", []string{"caller", "callerid", "cli", "from", "spoof", "display"}, []detect.Kind{detect.Phone}},
		{"destination", []string{"dest", "destination", "called", "number", "to", "victim", "target"}, []detect.Kind{detect.Phone}},
		{"started_at", []string{"start", "time", "date", "created", "at"}, []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
		{"duration_s", []string{"duration", "secs", "seconds", "length", "billsec"}, []detect.Kind{detect.Integer}},
		{"status", []string{"status", "result", "disposition", "state"}, nil},
		{"template", []string{"template", "script", "org", "bank", "company", "scenario"}, nil},
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
	for _, r := range reports {
		for _, t := range r.Tables {
			best := Table{}
			bestScore := 0.0
			for _, target := range targets {
				tm, score := suggestTable(t, target)
				if score > bestScore {
					best, bestScore = tm, score
				}
			}
			if bestScore >= 0.35 && len(best.Columns) >= 2 {
				best.Confidence = round2(math.Min(bestScore, 1))
				m.Tables = append(m.Tables, best)
			}
		}
	}
	sort.SliceStable(m.Tables, func(i, j int) bool { return m.Tables[i].Source < m.Tables[j].Source })
	return m
}

func suggestTable(t seized.TableReport, target string) (Table, float64) {
	tm := Table{Source: t.Name, Target: target, Columns: map[string]Column{}}
	used := map[string]bool{}
	score := 0.0
	name := strings.ToLower(t.Name)
	for _, w := range tableWords[target] {
		if strings.Contains(name, w) {
			score += 0.3
			break
		}
	}
	hs := hints[target]
	for _, h := range hs {
		bestC, bestS := -1, 0.0
		for ci, c := range t.Columns {
			if used[c.Name] {
				continue
			}
			s := columnScore(c, h)
			if s > bestS {
				bestC, bestS = ci, s
			}
		}
		if bestC < 0 || bestS < 0.3 {
			continue
		}
		c := t.Columns[bestC]
		used[c.Name] = true
		col := Column{Column: c.Name, Confidence: round2(math.Min(bestS, 1))}
		col.Unit = unitFor(h.field, c)
		if h.field == "fiat_amount" {
			for _, cur := range []string{"gbp", "usd", "eur", "aud"} {
				if strings.Contains(strings.ToLower(c.Name), cur) {
					col.Currency = strings.ToUpper(cur)
				}
			}
		}
		tm.Columns[h.field] = col
		score += bestS / float64(len(hs))
	}
	return tm, score
}

// columnScore rates how well column c fits hint h: name words count 0.65 (0.8 for the whole name),
// value kinds up to 0.5 (their share).
func columnScore(c seized.ColumnReport, h hint) float64 {
	n := strings.ToLower(c.Name)
	s := 0.0
	for i, w := range h.words {
		if n == w {
			s = 0.8
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
		if share(detect.Integer) > 0.5 && strings.Contains(strings.ToLower(c.Name), "pence") || strings.Contains(strings.ToLower(c.Name), "cents") {
			return "minor"
		}
		return "major"
	}
	return ""
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
