package mapping

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
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
	// strict: the kinds are what the field is; a column none of whose
	// classified values is of one of them keeps only 0.3 of its name's
	// score (content dominates names).
	strict bool
	// needName: the field is proposed only for a column whose name says so
	// (paid_at: a time alone does not say it is the payment's).
	needName bool
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
	{field: "tox", words: []string{"tox"}, extra: true, sample: isToxID},
	{field: "session", words: []string{"session_id", "sessionid", "session_messenger"}, extra: true},
	{field: "matrix", words: []string{"matrix", "element"}, extra: true},
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

// timeKinds are the kinds of a time.
var timeKinds = []detect.Kind{detect.Timestamp, detect.EpochS, detect.EpochMS}

// refWords name a column that refers to an account from another table.
var refWords = []string{"user_id", "userid", "uid", "member_id", "account_id", "user", "customer", "client", "cust", "buyer"}

var hints = map[string][]hint{
	"accounts": {
		{field: "account_key", words: []string{"user_id", "userid", "uid", "member_id", "account_id", "id"}},
		{field: "username", words: []string{"username", "user_name", "login", "nick", "handle", "member"}, sample: isHandle},
		{field: "email", words: []string{"email", "mail"}, kinds: []detect.Kind{detect.Email}, strict: true},
		{field: "phone", words: []string{"phone", "mobile", "tel", "msisdn"}, kinds: []detect.Kind{detect.Phone}, strict: true},
		{field: "ip", words: []string{"ip", "last_ip", "reg_ip"}, kinds: []detect.Kind{detect.IPv4, detect.IPv6}, strict: true},
		{field: "created_at", words: []string{"created", "registered", "joined", "signup", "date", "time"}, kinds: timeKinds, strict: true},
		{field: "country", words: []string{"country", "cc", "nation"}, kinds: []detect.Kind{detect.Country}, strict: true},
	},
	"payments": {
		{field: "account_key", words: refWords},
		{field: "address", words: []string{"address", "deposit", "wallet", "btc_address", "addr"}, kinds: []detect.Kind{detect.BTCAddress, detect.BTCTestnet}, strict: true},
		{field: "amount", words: []string{"btc", "satoshi", "sats", "amount_btc", "btc_amount", "crypto_amount", "amount"}, kinds: []detect.Kind{detect.BTCAmount}},
		{field: "fiat_amount", words: []string{"price", "gbp", "usd", "eur", "fiat", "cost", "total"}, kinds: []detect.Kind{detect.Decimal}},
		{field: "fiat_currency", words: []string{"currency", "cur"}, kinds: []detect.Kind{detect.Currency}, strict: true},
		{field: "txid", words: []string{"txid", "tx_hash", "txhash", "transaction", "hash"}, kinds: []detect.Kind{detect.TxID}, strict: true},
		{field: "vout", words: []string{"vout", "output_index", "n"}},
		{field: "status", words: []string{"status", "state"}},
		{field: "created_at", words: []string{"created", "date", "time", "invoice"}, kinds: timeKinds, strict: true},
		{field: "paid_at", words: []string{"paid", "confirmed", "completed", "received", "credited", "activated"}, kinds: timeKinds, strict: true, needName: true},
	},
	"logins": {
		{field: "account_key", words: refWords},
		{field: "ip", words: []string{"ip", "address", "remote"}, kinds: []detect.Kind{detect.IPv4, detect.IPv6}, strict: true},
		{field: "login_at", words: []string{"time", "date", "at", "login", "created"}, kinds: timeKinds, strict: true},
		{field: "user_agent", words: []string{"agent", "ua", "browser"}, sample: isUserAgent},
	},
	"calls": {
		{field: "account_key", words: refWords},
		// src, clid, dst and billsec are Asterisk's CDR columns; ani and
		// dnis the telephone network's names; caller_id_number and
		// destination_number FreeSWITCH's.
		{field: "caller_id", words: []string{"caller", "callerid", "cli", "clid", "src", "source", "ani", "from", "spoof", "display"}, kinds: []detect.Kind{detect.Phone}},
		{field: "destination", words: []string{"dest", "destination", "dst", "called", "dialled", "dialed", "dnis", "number", "to", "victim", "target"}, kinds: []detect.Kind{detect.Phone}},
		{field: "started_at", words: []string{"start", "time", "date", "created", "at"}, kinds: timeKinds, strict: true},
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

// minTable is the score below which a table is not mapped.
const minTable = 0.35

// lowTable is the confidence below which a mapped table is flagged in a
// comment for the investigator to check.
const lowTable = 0.5

// Suggest proposes a mapping from inspection reports: for each table, the
// canonical target whose fields its columns best match (by the kinds of
// their values first, then by column name), with a confidence from 0 to 1.
// A table is mapped only when its content fits the target: payments need a
// valid Bitcoin address or a txid with an amount, logins IP addresses,
// calls telephone numbers, accounts a key and a user name (so named) or
// a contact. Tables
// that fit nothing well are left out, with a comment saying why (Notes).
// The investigator reviews and edits the result before loading with it.
func Suggest(region string, reports ...*seized.Report) *Mapping {
	m := &Mapping{Version: Version, Region: region}
	var tabs []seized.TableReport
	for _, r := range reports {
		tabs = append(tabs, r.Tables...)
	}
	// First pass: the accounts tables and their key columns, which other
	// tables' account keys refer to (their values are a subset).
	e := &env{region: region}
	for _, t := range tabs {
		if s := suggestBest(t, e); s.ok && s.t.Target == "accounts" {
			if c, ok := s.t.Columns["account_key"]; ok {
				if p := columnProfile(t, c.Column); p != nil {
					e.keys = append(e.keys, p)
				}
			}
		}
	}
	var list []suggested
	for _, t := range tabs {
		s := suggestBest(t, e)
		switch {
		case s.ok:
			list = append(list, s)
		case s.why != "":
			m.Notes = append(m.Notes, fmt.Sprintf("not mapped: %s: %s", t.Name, s.why))
		}
	}
	list, dropped := mergePayments(list)
	for _, s := range dropped {
		m.Notes = append(m.Notes, fmt.Sprintf("not mapped: %s: looks like orders (%s) but holds no Bitcoin address or txid, and no payments table refers to it", s.rep.Name, fieldList(s.t)))
	}
	for _, s := range list {
		if s.t.Confidence < lowTable {
			m.Notes = append(m.Notes, fmt.Sprintf("low confidence: %s → %s (%.2f): check it", s.t.Source, s.t.Target, s.t.Confidence))
		}
		m.Tables = append(m.Tables, s.t)
	}
	sort.SliceStable(m.Tables, func(i, j int) bool { return m.Tables[i].Source < m.Tables[j].Source })
	return m
}

// env is what Suggest knows of the whole source while it maps one table.
type env struct {
	region string
	keys   []*detect.Profile // the account_key columns of the accounts tables
}

type suggested struct {
	t   Table
	rep seized.TableReport
	ok  bool // the table fits t.Target and scores enough
	// order: a payments table without address or txid, kept only if a
	// payments table refers to it (mergePayments)
	order bool
	why   string // why a table is not mapped ("" if it looks like nothing)
}

// suggestBest maps t onto the best target its content fits.
func suggestBest(t seized.TableReport, e *env) suggested {
	best := suggested{rep: t}
	bestScore := 0.0
	var unfit suggested // the best-scoring target the content does not fit
	unfitScore := 0.0
	for _, target := range targets {
		tm, score := suggestTable(t, target, e)
		fits, order, why := fit(t, tm, target)
		if len(tm.Columns) < 2 {
			continue
		}
		if !fits && !order {
			if score > unfitScore {
				unfit, unfitScore = suggested{t: tm, rep: t, why: fmt.Sprintf("scores %.2f as %s, but %s", math.Min(score, 1), target, why)}, score
			}
			continue
		}
		if score > bestScore {
			best, bestScore = suggested{t: tm, rep: t, order: order}, score
		}
	}
	if bestScore >= minTable {
		best.ok = true
		best.t.Confidence = round2(math.Min(bestScore, 1))
		return best
	}
	if unfitScore >= minTable && unfitScore > bestScore {
		return unfit
	}
	return suggested{rep: t}
}

// fit says whether the content of t, mapped as tm, is what target holds:
// an accounts table has a key and a user name (a column so named) or a way
// to reach its holder (not only an IP address), a
// payments table a valid Bitcoin address (in a column or inside JSON) or a
// txid together with an amount, a logins table IP addresses and times, a
// calls table telephone numbers. A payments table with an account and an
// amount but no address or txid is an orders table (order): mapped only
// through a payments table that refers to it.
func fit(t seized.TableReport, tm Table, target string) (ok, order bool, why string) {
	has := func(f string) bool { _, ok := tm.Columns[f]; return ok }
	min := 0.5
	holds := func(f string, kinds ...detect.Kind) bool {
		c, ok := tm.Columns[f]
		if !ok {
			return false
		}
		if c.JSON != "" {
			return true
		}
		cr := columnReport(t, c.Column)
		if cr == nil {
			return false
		}
		return kindShare(*cr, kinds...) >= min || (cr.Binary && binaryFits(*cr, f)) || (f == "ip" && hexIP(*cr))
	}
	switch target {
	case "accounts":
		if !has("account_key") {
			return false, false, "no column looks like its key"
		}
		for _, f := range Fields["accounts"] {
			switch f {
			case "account_key", "created_at", "country", "ip": // a server has an IP address too
			case "username":
				// Short words alone (a catalogue's brands) are no user
				// names: the column's name must say so.
				if c, ok := tm.Columns[f]; ok && c.Confidence >= 0.6 {
					return true, false, ""
				}
			default:
				if has(f) {
					return true, false, ""
				}
			}
		}
		return false, false, "no column holds user names, e-mail addresses, phone numbers or handles"
	case "payments":
		addr := holds("address", detect.BTCAddress, detect.BTCTestnet)
		tx := holds("txid", detect.TxID)
		if addr || (tx && has("amount")) {
			return true, false, ""
		}
		if has("account_key") && (has("amount") || has("fiat_amount")) {
			return false, true, ""
		}
		return false, false, "no column holds Bitcoin addresses, nor txids with amounts"
	case "logins":
		// Nearly every login has its IP address; a log of attacks or
		// scans names its targets by address or by host name.
		min = 0.8
		if !holds("ip", detect.IPv4, detect.IPv6) {
			return false, false, "no column holds IP addresses in nearly every row"
		}
		if c := tm.Columns["ip"]; containsAny(strings.ToLower(c.Column), notLoginIP) {
			return false, false, fmt.Sprintf("its IP addresses (%s) are named as a target, not as where a login came from", c.Column)
		}
		if !has("account_key") {
			return false, false, "no column refers to an account"
		}
		if n := strings.ToLower(t.Name); containsAny(n, notLoginTable) && !containsAny(n, tableWords["logins"]) {
			return false, false, "its name says its IP addresses are of machines (servers, bots, victims, targets), not where a login came from"
		}
		if !has("login_at") {
			return false, false, "no column holds times"
		}
		return true, false, ""
	case "calls":
		if !holds("caller_id", detect.Phone) && !holds("destination", detect.Phone) {
			return false, false, "no caller or destination column holds telephone numbers"
		}
		return true, false, ""
	}
	return false, false, ""
}

// notLoginIP are words in the name of a column of IP addresses that are
// not where someone logged in from: the targets of an attack or a scan.
var notLoginIP = []string{"target", "victim", "dest", "dst", "host", "server", "to_"}

// notLoginTable are words in the name of a table whose IP addresses,
// accounts and times are no logins: a hosting service's servers, a
// botnet's bots, a scanner's or a booter's targets.
var notLoginTable = []string{"server", "host", "node", "vps", "proxy", "socks", "bot", "victim", "target", "attack", "scan", "device", "machine", "infect"}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// binaryFits says whether a column whose values are no text can hold
// field f: BINARY or VARBINARY of 4 or 16 bytes an IP address, of 32 bytes
// a txid.
func binaryFits(c seized.ColumnReport, f string) bool {
	n := c.MaxLen
	if t := strings.ToLower(c.Type); strings.Contains(t, "binary(") {
		if i := strings.IndexByte(t, '('); i >= 0 {
			if j := strings.IndexByte(t[i:], ')'); j > 0 {
				if v, err := strconv.Atoi(t[i+1 : i+j]); err == nil {
					n = v
				}
			}
		}
	}
	switch f {
	case "ip":
		return n == 4 || n == 16
	case "txid":
		return n == 32
	}
	return false
}

// hexIP says whether the samples of c are all 8 or 32 hex digits: a CSV
// export of a binary column of IP addresses.
func hexIP(c seized.ColumnReport) bool {
	if len(c.Samples) == 0 {
		return false
	}
	for _, v := range c.Samples {
		if len(v) != 8 && len(v) != 32 {
			return false
		}
		if _, err := hex.DecodeString(v); err != nil {
			return false
		}
	}
	return true
}

// kindShare is the largest share of c's classified values of one of kinds.
func kindShare(c seized.ColumnReport, kinds ...detect.Kind) float64 {
	s := 0.0
	for _, m := range c.Matches {
		for _, k := range kinds {
			if m.Kind == k && m.Share > s {
				s = m.Share
			}
		}
	}
	return s
}

func columnReport(t seized.TableReport, name string) *seized.ColumnReport {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

func columnProfile(t seized.TableReport, name string) *detect.Profile {
	if c := columnReport(t, name); c != nil {
		return c.Profile()
	}
	return nil
}

// fieldList names a table's mapped fields, sorted.
func fieldList(t Table) string {
	fs := make([]string, 0, len(t.Columns))
	for f := range t.Columns {
		fs = append(fs, f)
	}
	sort.Strings(fs)
	return strings.Join(fs, ", ")
}

// mergePayments folds a payments table without deposit addresses (an
// orders table: account, price, status, creation) into a payments table
// with them (the Bitcoin payment records) that refers to it by key: the
// folded fields become lookups (Column.Lookup) on the key, and the folded
// table is dropped, so that each invoice gives one payments row. Orders
// tables that no payments table refers to are returned as dropped.
func mergePayments(list []suggested) (kept, dropped []suggested) {
	drop := map[int]bool{}
	for si := range list {
		sec := &list[si]
		if sec.t.Target != "payments" || hasField(sec.t, "address") || len(sec.rep.Columns) == 0 {
			continue
		}
		key := sec.rep.Columns[0].Name
		for pi := range list {
			pri := &list[pi]
			if pi == si || drop[pi] || pri.order || pri.t.Target != "payments" || !hasField(pri.t, "address") {
				continue
			}
			join := joinColumn(pri.rep, sec.rep, key)
			if join == "" {
				continue
			}
			// The order's creation opens the payment window; the payment
			// record's own time, if taken for created_at, is when it was
			// paid.
			if _, ok := sec.t.Columns["created_at"]; ok {
				if pc, ok := pri.t.Columns["created_at"]; ok {
					if _, paid := pri.t.Columns["paid_at"]; !paid {
						pri.t.Columns["paid_at"] = pc
					}
					delete(pri.t.Columns, "created_at")
				}
			}
			fields := make([]string, 0, len(sec.t.Columns))
			for f := range sec.t.Columns {
				fields = append(fields, f)
			}
			sort.Strings(fields)
			for _, f := range fields {
				if _, ok := pri.t.Columns[f]; ok {
					continue
				}
				c := sec.t.Columns[f]
				pri.t.Columns[f] = Column{Column: join, Unit: c.Unit, Currency: c.Currency, Confidence: c.Confidence,
					Lookup: &Lookup{Table: sec.t.Source, Key: key, Value: c.Column}}
			}
			drop[si] = true
			break
		}
	}
	for i, s := range list {
		switch {
		case drop[i]:
		case s.order:
			dropped = append(dropped, s)
		default:
			kept = append(kept, s)
		}
	}
	return kept, dropped
}

func hasField(t Table, f string) bool {
	_, ok := t.Columns[f]
	return ok
}

// joinColumn returns the column of rep that refers to the key column of
// table sec: the same name (not rep's own first column), or <word>_id for
// a word of the table's name when the key is "id", or a column whose
// values are all keys of sec. The column must be (nearly) unique in rep,
// one payment record per order: a column repeating a key (a listing's id
// in a market's orders) refers to a catalogue, not to the order paid.
func joinColumn(rep, sec seized.TableReport, key string) string {
	unique := func(c seized.ColumnReport) bool {
		p := c.Profile()
		if p == nil {
			return true // no profile (a report decoded from JSON): trust the name
		}
		n, _ := p.Distinct()
		vals := p.Count - p.Nulls - p.Empty
		return vals > 0 && float64(n) >= 0.9*float64(vals)
	}
	for i, c := range rep.Columns {
		if i > 0 && strings.EqualFold(c.Name, key) && unique(c) {
			return c.Name
		}
	}
	if strings.EqualFold(key, "id") {
		words := strings.FieldsFunc(strings.ToLower(sec.Name), func(r rune) bool { return r == '_' || r == '.' })
		for i, c := range rep.Columns {
			if i == 0 || !unique(c) {
				continue
			}
			n := strings.ToLower(c.Name)
			for _, w := range words {
				if n == w+"_id" || n == strings.TrimSuffix(w, "s")+"_id" {
					return c.Name
				}
			}
		}
	}
	kp := columnProfile(sec, key)
	if kp == nil {
		return ""
	}
	best, bestShare := "", 0.0
	for i, c := range rep.Columns {
		if i == 0 || !unique(c) || c.Profile() == nil {
			continue
		}
		if n, _ := c.Profile().Distinct(); n < 3 {
			continue
		}
		if s := c.Profile().SubsetShare(kp); s >= 0.9 && s > bestShare {
			best, bestShare = c.Name, s
		}
	}
	return best
}

func suggestTable(t seized.TableReport, target string, e *env) (Table, float64) {
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
			if s := columnScore(c, ci, h, target, e); s >= 0.3 {
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
			col.Currency = currencyFor(c, e.region)
		}
		tm.Columns[h.field] = col
		if !h.extra {
			score += cd.s / float64(scored)
		}
	}
	if target == "payments" {
		score += suggestJSON(t, tm, usedC) / float64(scored)
	}
	// Content that only the target holds counts as much as a table name.
	if ok, _, _ := fit(t, tm, target); ok && target != "accounts" {
		score += 0.3
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
		if used[ci] || c.Binary {
			continue
		}
		// The samples are short values; the profile keeps JSON texts of up
		// to 4 KiB apart (a callback is often longer).
		texts, short := c.Samples, 0
		for _, smp := range c.Samples {
			if v := strings.TrimSpace(smp); v != "" && (v[0] == '{' || v[0] == '[') {
				short++
			}
		}
		if 2*short < len(c.Samples) {
			continue
		}
		if p := c.Profile(); p != nil && len(p.Docs()) > 0 {
			texts = p.Docs()
		}
		var docs []any
		for _, smp := range texts {
			v := strings.TrimSpace(smp)
			if v == "" || (v[0] != '{' && v[0] != '[') || jsonDepth([]byte(v)) != nil {
				continue
			}
			var d any
			if json.Unmarshal([]byte(v), &d) == nil {
				docs = append(docs, d)
			}
		}
		if len(docs) == 0 || 2*len(docs) < len(texts) {
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
			share := float64(n) / float64(len(texts))
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
	if code := fiatCode(n); code != "" {
		return code
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

// columnScore rates how well column c (the table's ci-th) fits hint h of
// target: name words count 0.65 (0.8 for the whole name), value kinds up
// to 0.5 (their share), recognised samples up to 0.5. Content dominates:
// a name whose column holds none of the field's kinds keeps 0.3 of its
// score (hint.strict), an all-integer or time column is no username, and
// an account key is recognised by its values (the first column of an
// accounts table, unique; elsewhere a column whose values are keys of the
// accounts table).
func columnScore(c seized.ColumnReport, ci int, h hint, target string, e *env) float64 {
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
	if h.field == "fiat_amount" && s == 0 && fiatCode(n) != "" {
		s = 0.65
	}
	if h.needName && s == 0 {
		return 0
	}
	if h.strict && len(c.Matches) > 0 && kindShare(c, h.kinds...) == 0 {
		s *= 0.3
	}
	for _, k := range h.kinds {
		for _, m := range c.Matches {
			if m.Kind == k {
				s += 0.5 * m.Share
			}
		}
	}
	switch h.field {
	case "username":
		if kindShare(c, detect.Integer, detect.Decimal, detect.Timestamp, detect.EpochS, detect.EpochMS, detect.Email, detect.IPv4, detect.BTCAddress) >= 0.5 {
			return 0
		}
		if !mostlyDistinct(c) {
			return s * 0.5
		}
	case "account_key":
		s += keyScore(c, ci, target, e)
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

// keyScore is what the values of column c say of it as an account key:
// in an accounts table, 0.3 for a first column whose values are unique;
// elsewhere, 0.5 times the share of its distinct values that are keys of
// an accounts table, when nearly all are and there are at least 3.
func keyScore(c seized.ColumnReport, ci int, target string, e *env) float64 {
	p := c.Profile()
	if p == nil || c.Binary {
		return 0
	}
	if target == "accounts" {
		if ci == 0 && mostlyDistinct(c) && kindShare(c, detect.Integer) >= 0.9 {
			return 0.3
		}
		return 0
	}
	if ci == 0 {
		return 0 // the table's own key
	}
	if n, _ := p.Distinct(); n < 3 {
		return 0
	}
	best := 0.0
	for _, k := range e.keys {
		if s := p.SubsetShare(k); s > best {
			best = s
		}
	}
	if best < 0.8 {
		return 0
	}
	return 0.5 * best
}

// mostlyDistinct says whether at least 90 % of c's non-empty values are
// distinct (true when that is not known).
func mostlyDistinct(c seized.ColumnReport) bool {
	p := c.Profile()
	if p == nil {
		return true
	}
	n, complete := p.Distinct()
	vals := p.Count - p.Nulls - p.Empty
	return !complete || vals == 0 || float64(n) >= 0.9*float64(vals)
}

// isHandle recognises a user name: 3 to 32 letters, digits, '_', '-' and
// '.', with a letter, and not a run of hex digits (a hash).
func isHandle(v string) bool {
	if len(v) < 3 || len(v) > 32 {
		return false
	}
	letter, hex := false, true
	for _, r := range v {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			letter = true
			if !(r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
				hex = false
			}
		case r >= '0' && r <= '9':
		case r == '_' || r == '-' || r == '.':
			hex = false
		default:
			return false
		}
	}
	return letter && !(hex && len(v) >= 16)
}

// isUserAgent recognises a browser's or HTTP client's User-Agent header.
func isUserAgent(v string) bool {
	for _, p := range []string{"Mozilla/", "Opera/", "curl/", "Wget/", "python-requests/", "okhttp/", "Dalvik/"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// isToxID recognises a Tox ID: 76 hex digits.
func isToxID(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) != 76 {
		return false
	}
	for _, r := range v {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}

// fiatCode returns the ISO 4217 code a column name ends in or holds as a
// word (summa_rub, price_usd), other than BTC and XBT; "" if none.
func fiatCode(name string) string {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' }) {
		w = strings.ToUpper(w)
		if len(w) == 3 && w != "BTC" && w != "XBT" && detect.IsCurrency(w) {
			return w
		}
	}
	return ""
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
