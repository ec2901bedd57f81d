package world

import (
	"fmt"
	"math/rand/v2"
)

// The booter family: a DDoS-for-hire panel. Clients top up a balance: each
// client has one static deposit address, reused for every top-up; a
// payment gateway calls back with JSON naming the transaction, and the
// deposit row records the amount credited as a BTC decimal string. Times are
// epoch seconds.

func booterSchema() [nTables]*table {
	var s [nTables]*table
	s[tUsers] = &table{"clients", []column{
		{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"nick", "varchar(255) NOT NULL"}, {"email", "varchar(255) DEFAULT NULL"},
		{"jabber", "varchar(255) DEFAULT NULL"}, {"telegram", "varchar(64) DEFAULT NULL"}, {"reg_ip", "varchar(45) DEFAULT NULL"},
		{"created", "int(11) NOT NULL"}}, []string{"PRIMARY KEY (`id`)", "KEY `nick` (`nick`(32))"}}
	s[tInvoices] = &table{"deposits", []column{
		{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"client", "int(11) NOT NULL"}, {"address", "varchar(64) NOT NULL"},
		{"btc", "varchar(20) NOT NULL"}, {"callback", "text DEFAULT NULL"},
		{"state", "enum('waiting','confirmed','failed') NOT NULL DEFAULT 'waiting'"}, {"ts", "int(11) NOT NULL"}},
		[]string{"PRIMARY KEY (`id`)", "KEY `client` (`client`)", "KEY `address` (`address`)"}}
	s[tLogins] = &table{"auth_log", []column{
		{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"client", "int(11) NOT NULL"}, {"ip", "varchar(45) NOT NULL"},
		{"ts", "int(11) NOT NULL"}}, []string{"PRIMARY KEY (`id`)", "KEY `client` (`client`)"}}
	s[tCalls] = &table{"attacks", []column{
		{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"client", "int(11) NOT NULL"}, {"target", "varchar(255) NOT NULL"},
		{"port", "smallint(5) unsigned NOT NULL DEFAULT 80"}, {"method", "varchar(16) NOT NULL"}, {"secs", "int(11) NOT NULL"},
		{"ts", "int(11) NOT NULL"}}, []string{"PRIMARY KEY (`id`)", "KEY `client` (`client`)"}}
	return s
}

// booterPlans are the top-up amounts the panel offers.
var booterPlans = []famPlan{
	{"10", 1000, 20}, {"20", 2000, 25}, {"25", 2500, 10}, {"50", 5000, 20}, {"100", 10000, 15}, {"150", 15000, 5}, {"250", 25000, 5},
}

func (g *gen) booterUser(w *tableWriter, id int, a *account, email, regIP string) {
	w.Int(int64(id + 1))
	w.Str(a.username)
	nullable(w, email)
	nullable(w, a.jabber)
	nullable(w, a.telegram)
	nullable(w, regIP)
	w.Int(a.created)
}

// booterRow fills the gateway's view of a deposit: state, credited amount
// and callback JSON. One failed deposit in a world with enough rows has a
// callback cut short (the gateway's POST was truncated), deliberately.
func (g *gen) booterRow(r *rand.Rand, inv *invoice, s *seizedInvoice, cut *bool) {
	addr := g.addrs[inv.addr].encode(g.keys.net)
	s.amount = satsDecimal(inv.sats)
	switch s.status {
	case invPaid:
		s.label = "confirmed"
		if len(inv.pays) == 0 {
			s.note = fmt.Sprintf(`{"status":"confirmed","manual":true,"amount":%q,"address":%q}`, s.amount, addr)
			break
		}
		s.amount = satsDecimal(inv.paidSats())
		hash := "null"
		if s.txid != "" {
			hash = `"` + s.txid + `"`
		}
		s.note = fmt.Sprintf(`{"status":"confirmed","tx":{"hash":%s,"confirmations":%d},"amount":%q,"address":%q}`,
			hash, 1+r.IntN(6), s.amount, addr)
	case invPending:
		s.label = "waiting"
	default:
		if len(inv.pays) == 0 && chance(r, 0.3) {
			s.label = "waiting" // most abandoned top-ups stay waiting for ever
			break
		}
		s.label = "failed"
		s.note = fmt.Sprintf(`{"status":"expired","address":%q}`, addr)
		if !*cut && len(g.invoices) >= 20 && inv.created > Start.Unix()+(End.Unix()-Start.Unix())/2 {
			s.note = s.note[:len(s.note)/2]
			*cut = true
		}
	}
}

func booterDeposit(w *tableWriter, id, uid int64, addr string, inv *invoice, s *seizedInvoice) {
	w.Int(id)
	w.Int(uid)
	w.Str(addr)
	w.Str(s.amount)
	nullable(w, s.note)
	w.Str(s.label)
	w.Int(inv.created)
}

var attackMethods = []string{"UDP", "TCP-SYN", "NTP", "DNS", "LDAP", "HTTP-GET", "HTTP-POST", "OVH-BYPASS", "FIVEM", "HOME"}

func booterAttack(w *tableWriter, r *rand.Rand, id, uid, t int64) {
	w.Int(id)
	w.Int(uid)
	switch x := r.IntN(100); {
	case x < 70:
		w.Str(randomIP(r))
	case x < 97:
		w.Str(fmt.Sprintf("https://%s.example.%s/", hexString(r, 6), []string{"com", "net", "org", "co.uk"}[r.IntN(4)]))
	default:
		w.Str(hostileNames[r.IntN(len(hostileNames))])
	}
	w.Int(int64([]int{80, 443, 53, 22, 3074, 27015, 30120, 25565}[r.IntN(8)]))
	w.Str(attackMethods[r.IntN(len(attackMethods))])
	w.Int(int64([]int{30, 60, 120, 300, 600, 1200, 3600}[r.IntN(7)]))
	w.Int(t)
}
