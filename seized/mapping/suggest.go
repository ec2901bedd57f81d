package mapping

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
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
	// extra hints propose optional fields (messenger handles): they add
	// nothing to the table's score, so that a table is not judged by
	// fields few tables have.
	extra bool
	// sample, if set, recognises a value of the field among the column's
	// samples (0.5 times their share); a name containing a weak word adds
	// 0.2 when some do.
	sample func(string) bool
	weak   []string
}

// contactWords are column names that hold some way to reach the customer.
var contactWords = []string{"contact", "messenger", "chat"}

// identifierHints propose the accounts fields of typed identifiers.
var identifierHints = []hint{
	{field: "telegram", words: []string{"telegram", "tg", "tg_", "_tg", "tlg"}, extra: true, sample: isTelegramHandle, weak: contactWords},
	{field: "jabber", words: []string{"jabber", "xmpp", "jid"}, extra: true, sample: isJabberID, weak: contactWords},
	{field: "icq", words: []string{"icq"}, extra: true},
	{field: "discord", words: []string{"discord"}, extra: true},
	{field: "wickr", words: []string{"wickr"}, extra: true},
	{field: "skype", words: []string{"skype"}, extra: true},
	{field: "whatsapp", words: []string{"whatsapp"}, extra: true},
	{field: "threema", words: []string{"threema"}, extra: true},
	{field: "wallet", words: []string{"wallet", "btc_address", "bitcoin_address", "payout", "withdraw", "refund_address"}, extra: true},
}

// jabberDomains are XMPP servers whose names do not say so.
var jabberDomains = []string{"exploit.im", "creep.im", "thesecure.biz", "jabb.im", "404.city", "dukgo.com", "draugr.de", "xmpp.jp", "jabber.de", "jabber.ru", "jabber.org", "jabber.cz", "riseup.net"}

// isJabberID recognises a JID on a server named jabber.* or xmpp.*, or a
// known XMPP server (with an optional /resource).
func isJabberID(v string) bool {
	v = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(v, "xmpp:")))
	if i := strings.IndexByte(v, '/'); i >= 0 {
		v = v[:i]
	}
	at := strings.IndexByte(v, '@')
	if at <= 0 || strings.ContainsAny(v, " \t") {
		return false
	}
	d := v[at+1:]
	if strings.HasPrefix(d, "jabber.") || strings.HasPrefix(d, "xmpp.") || strings.Contains(d, ".jabber.") || strings.Contains(d, ".xmpp.") {
		return true
	}
	for _, j := range jabberDomains {
		if d == j {
			return true
		}
	}
	return false
}

var hints = map[string][]hint{
	"accounts": {
		{field: "account_key", words: []string{"user_id", "userid", "uid", "member_id", "account_id", "id"}},
		{field: "username", words: []string{"username", "user_name", "login", "nick", "handle", "member"}},
		{field: "email", words: []string{"email", "mail"}, kinds: []detect.Kind{detect.Email}},
		{field: "phone", words: []string{"phone", "mobile", "tel", "msisdn"}, kinds: []detect.Kind{detect.Phone}},
		{field: "ip", words: []string{"ip", "last_ip", "reg_ip"}, kinds: []detect.Kind{detect.IPv4, detect.IPv6}},
		{field: "created_at", words: []string{"created", "registered", "joined", "signup", "date", "time"}, kinds: []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
		{field: "country", words: []string{"country", "cc", "nation"}, kinds: []detect.Kind{detect.Country}},
	},
	"payments": {
		{field: "account_key", words: []string{"user_id", "userid", "uid", "member_id", "account_id", "user", "customer"}},
		{field: "address", words: []string{"address", "deposit", "wallet", "btc_address", "addr"}, kinds: []detect.Kind{detect.BTCAddress, detect.BTCTestnet}},
		{field: "amount", words: []string{"btc", "satoshi", "sats", "amount_btc", "btc_amount", "crypto_amount", "amount"}, kinds: []detect.Kind{detect.BTCAmount}},
		{field: "fiat_amount", words: []string{"price", "gbp", "usd", "eur", "fiat", "cost", "total"}, kinds: []detect.Kind{detect.Decimal}},
		{field: "fiat_currency", words: []string{"currency", "cur"}, kinds: []detect.Kind{detect.Currency}},
		{field: "txid", words: []string{"txid", "tx_hash", "txhash", "transaction", "hash"}, kinds: []detect.Kind{detect.TxID}},
		{field: "vout", words: []string{"vout", "output_index", "n"}},
		{field: "status", words: []string{"status", "state"}},
		{field: "created_at", words: []string{"created", "date", "time", "invoice"}, kinds: []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
		{field: "paid_at", words: []string{"paid", "confirmed", "completed"}, kinds: []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
	},
	"logins": {
		{field: "account_key", words: []string{"user_id", "userid", "uid", "member_id", "account_id", "user"}},
		{field: "ip", words: []string{"ip", "address", "remote"}, kinds: []detect.Kind{detect.IPv4, detect.IPv6}},
		{field: "login_at", words: []string{"time", "date", "at", "login", "created"}, kinds: []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
		{field: "user_agent", words: []string{"agent", "ua", "browser"}},
	},
	"calls": {
		{field: "account_key", words: []string{"user_id", "userid", "uid", "member_id", "account_id", "user"}},
		// src, clid, dst and billsec are Asterisk's CDR columns; ani and
		// dnis the telephone network's names; caller_id_number and
		// destination_number FreeSWITCH's.
		{field: "caller_id", words: []string{"caller", "callerid", "cli", "clid", "src", "source", "ani", "from", "spoof", "display"}, kinds: []detect.Kind{detect.Phone}},
		{field: "destination", words: []string{"dest", "destination", "dst", "called", "dialled", "dialed", "dnis", "number", "to", "victim", "target"}, kinds: []detect.Kind{detect.Phone}},
		{field: "started_at", words: []string{"start", "time", "date", "created", "at"}, kinds: []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}},
		// billsec (the answered part) before duration (which counts the
		// ringing too) where a CDR has both.
		{field: "duration_s", words: []string{"billsec", "duration", "secs", "seconds", "length"}, kinds: []detect.Kind{detect.Integer}},
		{field: "status", words: []string{"status", "result", "disposition", "state"}},
		{field: "template", words: []string{"template", "script", "org", "bank", "company", "scenario", "ivr", "campaign"}},
	},
}

func init() {
	hints["accounts"] = append(hints["accounts"], identifierHints...)
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
	scored := 0 // hints that count in the table's score
	for _, h := range hs {
		if !h.extra {
			scored++
		}
	}
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
		if !h.extra {
			score += cd.s / float64(scored)
		}
	}
	if target == "payments" {
		score += suggestJSON(t, tm, usedC) / float64(scored)
	}
	return tm, score
}

// jsonFields are the payments fields proposed at a path inside a column
// of JSON text, and how a value at the path is recognised.
var jsonFields = []struct {
	field string
	is    func(string) bool
	unit  string
}{
	{"txid", detect.IsTxID, ""},
	{"address", func(v string) bool { _, ok := detect.BitcoinAddress(v); return ok }, ""},
	{"amount", func(v string) bool {
		for _, k := range detect.Classify(v, "") {
			if k == detect.BTCAmount {
				return true
			}
		}
		return false
	}, "btc"},
}

// suggestJSON proposes, for payments fields no column was given, a path
// inside a column whose samples are JSON text (a gateway's callback) where
// a value is a txid, an address or a BTC amount: the path where most
// samples hold one. It returns the fields' summed scores.
func suggestJSON(t seized.TableReport, tm Table, used map[int]bool) float64 {
	score := 0.0
	for ci, c := range t.Columns {
		if used[ci] || c.Binary || len(c.Samples) == 0 {
			continue
		}
		var docs []any
		for _, smp := range c.Samples {
			v := strings.TrimSpace(smp)
			if v == "" || (v[0] != '{' && v[0] != '[') || jsonDepth([]byte(v)) != nil {
				continue
			}
			var d any
			if json.Unmarshal([]byte(v), &d) == nil {
				docs = append(docs, d)
			}
		}
		if len(docs) == 0 || 2*len(docs) < len(c.Samples) {
			continue
		}
		for _, jf := range jsonFields {
			if _, ok := tm.Columns[jf.field]; ok {
				continue
			}
			hits := map[string]int{}
			for _, d := range docs {
				seen := map[string]bool{}
				walkJSON(d, jsonPath{}, 0, func(p jsonPath, v string) {
					if k := p.String(); jf.is(v) && !seen[k] {
						seen[k] = true
						hits[k]++
					}
				})
			}
			best, n := "", 0
			for p, h := range hits {
				if h > n || (h == n && p < best) {
					best, n = p, h
				}
			}
			if n == 0 {
				continue
			}
			share := float64(n) / float64(len(c.Samples))
			tm.Columns[jf.field] = Column{Column: c.Name, JSON: best, Unit: jf.unit, Confidence: round2(0.4 + 0.5*share)}
			score += 0.5 * share
		}
	}
	return score
}

// walkJSON calls leaf for every string or number in v, with its path, to
// depth 8.
func walkJSON(v any, p jsonPath, depth int, leaf func(jsonPath, string)) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walkJSON(x[k], append(p[:len(p):len(p)], step{name: k, index: -1}), depth+1, leaf)
		}
	case []any:
		for i, e := range x {
			if i >= 4 {
				break
			}
			walkJSON(e, append(p[:len(p):len(p)], step{index: i}), depth+1, leaf)
		}
	case string:
		leaf(p, x)
	case float64:
		leaf(p, strconv.FormatFloat(x, 'f', -1, 64))
	}
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
	if h.sample != nil && len(c.Samples) > 0 {
		hits := 0
		for _, v := range c.Samples {
			if h.sample(v) {
				hits++
			}
		}
		if hits > 0 {
			s += 0.5 * float64(hits) / float64(len(c.Samples))
			for _, w := range h.weak {
				if strings.Contains(n, w) {
					s += 0.2
					break
				}
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
