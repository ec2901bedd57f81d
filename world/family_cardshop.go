package world

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
)

// The cardshop family: a carding shop. Bills are priced in US dollars with
// the BTC/USD rate and the amount in satoshis recorded; deposit addresses
// come from a pool, and an expired, unpaid bill's address goes back to it
// and is handed to a later customer. Times are DATETIME in Moscow time,
// without an offset. Administrators 'comp' some bills (marked paid, nothing
// on chain), and some customers pay a bill twice (the same wallet pays the
// same address again later).

func cardshopSchema() [nTables]*table {
	var s [nTables]*table
	s[tUsers] = &table{"cust", []column{
		{"cust_id", "int(10) unsigned NOT NULL AUTO_INCREMENT"}, {"handle", "varchar(255) NOT NULL"}, {"mail", "varchar(190) DEFAULT NULL"},
		{"jabber", "varchar(190) DEFAULT NULL"}, {"phone", "varchar(32) DEFAULT NULL"}, {"pass_md5", "char(32) NOT NULL"},
		{"reg_local", "datetime NOT NULL"}, {"last_ip", "varchar(45) DEFAULT NULL"}}, []string{"PRIMARY KEY (`cust_id`)"}}
	s[tInvoices] = &table{"bills", []column{
		{"bill_no", "int(10) unsigned NOT NULL AUTO_INCREMENT"}, {"cust_id", "int(10) unsigned NOT NULL"}, {"usd", "decimal(10,2) NOT NULL"},
		{"rate", "decimal(12,2) NOT NULL COMMENT 'USD per BTC'"}, {"btc_sats", "bigint(20) NOT NULL"}, {"addr", "varchar(64) NOT NULL"},
		{"status", "enum('new','paid','expired','comp','cancelled') NOT NULL DEFAULT 'new'"}, {"txn", "varchar(64) DEFAULT NULL"},
		{"created_local", "datetime NOT NULL"}, {"paid_local", "datetime DEFAULT NULL"}},
		[]string{"PRIMARY KEY (`bill_no`)", "KEY `cust` (`cust_id`)", "KEY `addr` (`addr`)"}}
	s[tLogins] = &table{"visits", []column{
		{"visit_id", "bigint(20) unsigned NOT NULL AUTO_INCREMENT"}, {"cust_id", "int(10) unsigned NOT NULL"}, {"ip", "varchar(45) NOT NULL"},
		{"ua", "varchar(512) DEFAULT NULL"}, {"at", "datetime NOT NULL"}}, []string{"PRIMARY KEY (`visit_id`)"}}
	s[tCalls] = &table{"purchases", []column{
		{"id", "int(10) unsigned NOT NULL AUTO_INCREMENT"}, {"cust_id", "int(10) unsigned NOT NULL"}, {"bin", "char(6) NOT NULL"},
		{"base", "varchar(64) NOT NULL"}, {"country", "char(2) NOT NULL"}, {"price_usd", "decimal(8,2) NOT NULL"},
		{"bought_local", "datetime NOT NULL"}}, []string{"PRIMARY KEY (`id`)", "KEY `cust` (`cust_id`)"}}
	return s
}

func (g *gen) cardshopUser(w *tableWriter, id int, a *account, email, lastIP string) {
	w.Int(int64(id + 1))
	w.Str(a.username)
	nullable(w, email)
	nullable(w, a.jabber)
	nullable(w, a.phone)
	w.Str(hex.EncodeToString(a.pwHash[:16]))
	w.LocalTime(a.created, moscow)
	nullable(w, lastIP)
}

// cardshopRow fills the status as the shop writes it.
func (g *gen) cardshopRow(inv *invoice, s *seizedInvoice) {
	s.amount = fmt.Sprint(inv.sats)
	switch {
	case inv.noise == noiseComp:
		s.label = "comp"
	case s.status == invPaid:
		s.label = "paid"
	case s.status == invPending:
		s.label = "new"
	case inv.created%7 == 0:
		s.label = "cancelled" // the customer pressed cancel
	default:
		s.label = "expired"
	}
}

func cardshopBill(w *tableWriter, id, uid int64, addr string, inv *invoice, s *seizedInvoice) {
	w.Int(id)
	w.Int(uid)
	w.Dec(penceDecimal(inv.fiat))
	w.Dec(penceDecimal(inv.fiatRate))
	w.Int(inv.sats)
	w.Str(addr)
	w.Str(s.label)
	nullable(w, s.txid)
	w.LocalTime(inv.created, moscow)
	if s.paidAt != 0 {
		w.LocalTime(s.paidAt, moscow)
	} else {
		w.Null()
	}
}

var cardBases = []string{"FRESH_EU_DUMPS", "USA_MIX_98%", "UK_NONVBV", "CA_HQ", "AU_FULLZ", "BASE-2022-04", "ASIA_PLAT"}

func cardshopPurchase(w *tableWriter, r *rand.Rand, id, uid, t int64) {
	w.Int(id)
	w.Int(uid)
	w.Str(fmt.Sprintf("%d%05d", 4+r.IntN(2), r.IntN(100000)))
	if r.IntN(300) == 0 {
		h := hostileNames[r.IntN(len(hostileNames))]
		w.Str(h[:min(64, len(h))])
	} else {
		w.Str(cardBases[r.IntN(len(cardBases))])
	}
	w.Str([]string{"US", "GB", "CA", "AU", "DE", "FR", "IT", "ES"}[r.IntN(8)])
	w.Dec(penceDecimal(int64(500 + r.IntN(6000))))
	w.LocalTime(t, moscow)
}
