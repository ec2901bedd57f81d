package world

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

// The ransomware family: an affiliate panel selling subscriptions. Almost
// everyone pays ONE static address (a second one late in the timeline) and
// pastes the txid paid with into tx_proof; some paste it wrong, truncated or
// padded, and a few re-submit an old txid for a new subscription, which an
// administrator credits again. Amounts are satoshi integers.

func ransomwareSchema() [nTables]*table {
	var s [nTables]*table
	s[tUsers] = &table{"users", []column{
		{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"login", "varchar(255) NOT NULL"}, {"xmpp", "varchar(255) DEFAULT NULL"},
		{"tg", "varchar(64) DEFAULT NULL"}, {"email", "varchar(255) DEFAULT NULL"}, {"pass", "varchar(100) NOT NULL"},
		{"created_at", "datetime NOT NULL"}, {"role", "enum('affiliate','admin','test') NOT NULL DEFAULT 'affiliate'"}},
		[]string{"PRIMARY KEY (`id`)", "UNIQUE KEY `login` (`login`(64),`id`)"}}
	s[tInvoices] = &table{"subs", []column{
		{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"user_id", "int(11) NOT NULL"}, {"plan", "varchar(16) NOT NULL"},
		{"amount_sats", "bigint(20) NOT NULL"}, {"pay_to", "varchar(64) NOT NULL"}, {"tx_proof", "varchar(128) DEFAULT NULL"},
		{"status", "enum('new','pending','active','rejected','expired') NOT NULL DEFAULT 'new'"},
		{"created_at", "datetime NOT NULL"}, {"activated_at", "datetime DEFAULT NULL"}},
		[]string{"PRIMARY KEY (`id`)", "KEY `user_id` (`user_id`)"}}
	s[tLogins] = &table{"access_log", []column{
		{"id", "bigint(20) NOT NULL AUTO_INCREMENT"}, {"user_id", "int(11) NOT NULL"}, {"ip", "varchar(45) NOT NULL"},
		{"ua", "text DEFAULT NULL"}, {"ts", "int(11) NOT NULL"}}, []string{"PRIMARY KEY (`id`)"}}
	s[tCalls] = &table{"builds", []column{
		{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"user_id", "int(11) NOT NULL"}, {"os", "enum('windows','linux','esxi') NOT NULL"},
		{"config", "text NOT NULL"}, {"created_at", "datetime NOT NULL"}}, []string{"PRIMARY KEY (`id`)"}}
	return s
}

// ransomwarePlans are the subscriptions the panel sells.
var ransomwarePlans = []famPlan{{"basic", 15000, 50}, {"pro", 40000, 35}, {"elite", 100000, 15}}

func (g *gen) ransomwareUser(w *tableWriter, id int, a *account, email string) {
	w.Int(int64(id + 1))
	w.Str(a.username)
	nullable(w, a.jabber)
	nullable(w, a.telegram)
	nullable(w, email)
	w.Str("$2y$10$" + bcryptish(a.salt[:], a.pwHash[:]))
	w.Time(a.created)
	if a.kind == accTest {
		w.Str("test")
	} else {
		w.Str("affiliate")
	}
}

// ransomwareRow fills the status and the tx proof of subscription i as the
// panel holds them; out holds the rows before it.
func (g *gen) ransomwareRow(r *rand.Rand, i int, out []seizedInvoice, s *seizedInvoice) {
	inv := &g.invoices[i]
	s.amount = fmt.Sprint(inv.sats)
	switch {
	case inv.noise == noiseCreditedTwice:
		// The txid of the account's latest earlier paid subscription,
		// re-submitted and credited again.
		for j := i - 1; j >= 0; j-- {
			if e := &g.invoices[j]; e.account == inv.account && len(e.pays) > 0 {
				s.txid = hashString(e.pays[len(e.pays)-1].txid)
				break
			}
		}
		if s.txid == "" {
			s.status, s.label = invExpired, "expired"
			return
		}
		s.status, s.label, s.note = invPaid, "active", s.txid
		s.paidAt = inv.created + 600 + int64(r.IntN(86400))
	case s.status == invPaid:
		s.label = "active"
		if s.txid == "" {
			return // activated by hand, no proof kept
		}
		switch x := r.IntN(100); {
		case x < 85:
			s.note = s.txid
		case x < 90:
			s.note = " " + strings.ToUpper(s.txid) + " "
		case x < 96:
			s.note = s.txid[:16+r.IntN(33)] // truncated when pasted
		default:
			s.note = hexString(r, 64) // a wrong txid; matched by amount
		}
		s.txid = strings.ToLower(strings.TrimSpace(s.note))
	case len(inv.pays) > 0:
		// Paid but short or late: the proof waits for an administrator.
		s.label = "pending"
		s.note = hashString(inv.pays[len(inv.pays)-1].txid)
		s.txid = s.note
	case s.status == invPending:
		s.label = "new"
	case chance(r, 0.1):
		s.label = "rejected"
		s.note = hexString(r, 64) // a proof of nothing
		s.txid = s.note
	default:
		s.label = "expired"
	}
}

func ransomwareSub(w *tableWriter, id, uid int64, addr string, inv *invoice, s *seizedInvoice) {
	w.Int(id)
	w.Int(uid)
	w.Str(ransomwarePlans[inv.pkg].name)
	w.Int(inv.sats)
	w.Str(addr)
	nullable(w, s.note)
	w.Str(s.label)
	w.Time(inv.created)
	if s.paidAt != 0 && s.status == invPaid {
		w.Time(s.paidAt)
	} else {
		w.Null()
	}
}

func ransomwareBuild(w *tableWriter, r *rand.Rand, id, uid, t int64) {
	w.Int(id)
	w.Int(uid)
	w.Str([]string{"windows", "windows", "windows", "linux", "esxi"}[r.IntN(5)])
	note := "YOUR FILES ARE ENCRYPTED"
	if r.IntN(200) == 0 {
		note = hostileNames[r.IntN(len(hostileNames))]
	}
	q, _ := json.Marshal(note) // a string always marshals
	w.Str(fmt.Sprintf(`{"ext":".%s","kill_procs":%t,"note":%s,"delay":%d}`, hexString(r, 5), r.IntN(2) == 0, q, r.IntN(600)))
	w.Time(t)
}
