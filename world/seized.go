package world

import (
	"bytes"
	"container/heap"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/chaincfg/chainhash"
)

// Logical tables. Each schema variant names and lays them out differently.
const (
	tUsers = iota
	tInvoices
	tPayments // variant 2 keeps on-chain payments in a table of their own
	tLogins
	tCalls
	nTables
)

func schema(variant int) [nTables]*table {
	var s [nTables]*table
	switch variant {
	case 0:
		s[tUsers] = &table{"users", []column{
			{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"username", "varchar(255) NOT NULL"}, {"email", "varchar(255) DEFAULT NULL"},
			{"phone", "varchar(32) DEFAULT NULL"}, {"password_hash", "varbinary(32) NOT NULL"}, {"salt", "binary(16) NOT NULL"},
			{"created_at", "datetime NOT NULL"}, {"last_ip", "varchar(45) DEFAULT NULL"}, {"referrer_id", "int(11) DEFAULT NULL"},
			{"is_admin", "tinyint(1) NOT NULL DEFAULT 0"}}, []string{"PRIMARY KEY (`id`)", "KEY `idx_email` (`email`)"}}
		s[tInvoices] = &table{"invoices", []column{
			{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"user_id", "int(11) NOT NULL"}, {"package", "varchar(32) NOT NULL"},
			{"price_gbp", "decimal(10,2) NOT NULL"}, {"amount_btc", "decimal(16,8) NOT NULL"}, {"btc_address", "varchar(64) NOT NULL"},
			{"txid", "varchar(64) DEFAULT NULL"}, {"status", "enum('pending','paid','expired') NOT NULL DEFAULT 'pending'"},
			{"created_at", "datetime NOT NULL"}, {"paid_at", "datetime DEFAULT NULL"}}, []string{"PRIMARY KEY (`id`)", "KEY `idx_user` (`user_id`)"}}
		s[tLogins] = &table{"logins", []column{
			{"id", "bigint(20) NOT NULL AUTO_INCREMENT"}, {"user_id", "int(11) NOT NULL"}, {"ip", "varchar(45) NOT NULL"},
			{"user_agent", "text DEFAULT NULL"}, {"created_at", "datetime NOT NULL"}}, []string{"PRIMARY KEY (`id`)"}}
		s[tCalls] = &table{"calls", []column{
			{"id", "bigint(20) NOT NULL AUTO_INCREMENT"}, {"user_id", "int(11) NOT NULL"}, {"caller_id", "varchar(32) NOT NULL"},
			{"destination", "varchar(32) NOT NULL"}, {"started_at", "datetime NOT NULL"}, {"duration", "int(11) NOT NULL DEFAULT 0"},
			{"status", "enum('answered','no-answer','busy','failed') NOT NULL"}, {"template", "varchar(64) DEFAULT NULL"}}, []string{"PRIMARY KEY (`id`)"}}
	case 1:
		s[tUsers] = &table{"members", []column{
			{"member_id", "int(10) unsigned NOT NULL AUTO_INCREMENT"}, {"handle", "varchar(255) NOT NULL"}, {"mail", "varchar(190) DEFAULT NULL"},
			{"mobile", "varchar(20) DEFAULT NULL"}, {"pwd", "char(64) NOT NULL"}, {"pwd_salt", "char(32) NOT NULL"},
			{"joined", "int(10) unsigned NOT NULL"}, {"last_ip", "varbinary(16) DEFAULT NULL"}, {"invited_by", "int(10) unsigned DEFAULT NULL"},
			{"role", "varchar(16) NOT NULL DEFAULT 'member'"}}, []string{"PRIMARY KEY (`member_id`)", "UNIQUE KEY `uq_member` (`member_id`,`handle`)"}}
		s[tInvoices] = &table{"orders", []column{
			{"order_id", "int(10) unsigned NOT NULL AUTO_INCREMENT"}, {"member_id", "int(10) unsigned NOT NULL"}, {"product", "varchar(32) NOT NULL"},
			{"price_pence", "int(11) NOT NULL"}, {"amount_sats", "bigint(20) NOT NULL"}, {"pay_to", "varchar(90) NOT NULL"},
			{"tx_hash", "binary(32) DEFAULT NULL"}, {"state", "tinyint(4) NOT NULL COMMENT '0 open, 1 paid, 2 expired'"},
			{"created", "int(10) unsigned NOT NULL"}, {"paid", "int(10) unsigned DEFAULT NULL"}}, []string{"PRIMARY KEY (`order_id`)", "KEY `member` (`member_id`)"}}
		s[tLogins] = &table{"sessions", []column{
			{"session_id", "bigint(20) unsigned NOT NULL AUTO_INCREMENT"}, {"member_id", "int(10) unsigned NOT NULL"},
			{"ts", "int(10) unsigned NOT NULL"}, {"ip", "varbinary(16) NOT NULL"}, {"ua", "varchar(512) DEFAULT NULL"}}, []string{"PRIMARY KEY (`session_id`)"}}
		s[tCalls] = &table{"call_log", []column{
			{"call_id", "bigint(20) unsigned NOT NULL AUTO_INCREMENT"}, {"member_id", "int(10) unsigned NOT NULL"},
			{"cli", "varchar(20) NOT NULL"}, {"dialled", "varchar(20) NOT NULL"}, {"ts", "int(10) unsigned NOT NULL"},
			{"secs", "int(10) unsigned NOT NULL"}, {"result", "varchar(16) NOT NULL"}, {"script", "varchar(64) DEFAULT NULL"}}, []string{"PRIMARY KEY (`call_id`)"}}
	default:
		s[tUsers] = &table{"tbl_user", []column{
			{"uid", "int(11) NOT NULL AUTO_INCREMENT"}, {"user_name", "varchar(255) NOT NULL"}, {"user_pass", "varchar(100) NOT NULL"},
			{"user_email", "varchar(150) DEFAULT NULL"}, {"user_phone", "varchar(30) DEFAULT NULL"}, {"reg_date", "varchar(20) NOT NULL"},
			{"ref", "varchar(255) DEFAULT NULL"}, {"last_ip", "varchar(45) DEFAULT NULL"}}, []string{"PRIMARY KEY (`uid`)"}}
		s[tInvoices] = &table{"tbl_order", []column{
			{"oid", "int(11) NOT NULL AUTO_INCREMENT"}, {"uid", "int(11) NOT NULL"}, {"plan", "varchar(32) NOT NULL"},
			{"gbp", "varchar(16) NOT NULL"}, {"status", "varchar(16) NOT NULL"}, {"order_date", "datetime NOT NULL"}}, []string{"PRIMARY KEY (`oid`)"}}
		s[tPayments] = &table{"tbl_btc_tx", []column{
			{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"oid", "int(11) NOT NULL"}, {"wallet", "varchar(64) NOT NULL"},
			{"btc", "varchar(20) NOT NULL"}, {"hash", "varchar(64) DEFAULT NULL"}, {"confirmed", "datetime DEFAULT NULL"}}, []string{"PRIMARY KEY (`id`)", "KEY `oid` (`oid`)"}}
		s[tLogins] = &table{"tbl_access", []column{
			{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"uid", "int(11) NOT NULL"}, {"remote_addr", "varchar(45) NOT NULL"},
			{"http_user_agent", "text DEFAULT NULL"}, {"access_time", "datetime NOT NULL"}}, []string{"PRIMARY KEY (`id`)"}}
		s[tCalls] = &table{"tbl_cdr", []column{
			{"id", "int(11) NOT NULL AUTO_INCREMENT"}, {"uid", "int(11) NOT NULL"}, {"src", "varchar(32) NOT NULL"},
			{"dst", "varchar(32) NOT NULL"}, {"calldate", "datetime NOT NULL"}, {"billsec", "int(11) NOT NULL"},
			{"disposition", "varchar(45) NOT NULL"}, {"ivr", "varchar(64) DEFAULT NULL"}}, []string{"PRIMARY KEY (`id`)"}}
	}
	return s
}

func ipString(ip [4]byte) string {
	return strconv.Itoa(int(ip[0])) + "." + strconv.Itoa(int(ip[1])) + "." + strconv.Itoa(int(ip[2])) + "." + strconv.Itoa(int(ip[3]))
}

func satsDecimal(s int64) string {
	return fmt.Sprintf("%d.%08d", s/100_000_000, s%100_000_000)
}

func penceDecimal(p int64) string { return fmt.Sprintf("%d.%02d", p/100, p%100) }

// seizedDir holds the table writers of one dump.
type seizedDir struct {
	dir     string
	variant int
	schema  [nTables]*table
	writers [nTables]*tableWriter
}

func (s *seizedDir) open(t int) (*tableWriter, error) {
	tb := s.schema[t]
	w, err := newTableWriter(tb, filepath.Join(s.dir, ".part-"+tb.name+".sql"), filepath.Join(s.dir, "csv", tb.name+".csv"))
	s.writers[t] = w
	return w, err
}

// writeUsers writes the accounts.
func (g *gen) writeUsers(w *tableWriter, v int) {
	r := newRand(g.cfg.Seed, "users")
	for id, ai := range g.accountOrder {
		a := &g.accounts[ai]
		// last_ip: the address of the account's last login, else of its
		// sign-up; sometimes not recorded.
		var lastIP string
		ip := g.lastIP[id]
		if a.person >= 0 && chance(r, 0.93) {
			if ip == ([4]byte{}) {
				ip = u32ip(g.persons[a.person].nets.loginAddr(r, a.created))
			}
			lastIP = ipString(ip)
		}
		email := a.email
		if chance(r, 0.01) {
			email = ""
		}
		switch v {
		case 0:
			w.Int(int64(id + 1))
			w.Str(a.username)
			nullable(w, email)
			nullable(w, a.phone)
			w.Bin(a.pwHash[:])
			w.Bin(a.salt[:])
			w.Time(a.created)
			nullable(w, lastIP)
			if a.referrer > 0 {
				w.Int(int64(g.accountID[a.referrer-1]))
			} else {
				w.Null()
			}
			w.Int(b2i(a.kind == accTest))
		case 1:
			w.Int(int64(id + 1))
			w.Str(a.username)
			nullable(w, email)
			nullable(w, a.phone)
			w.Str(hex.EncodeToString(a.pwHash[:]))
			w.Str(hex.EncodeToString(a.salt[:]))
			w.Int(a.created)
			if lastIP == "" {
				w.Null()
			} else {
				w.Bin(ip[:])
			}
			if a.referrer > 0 {
				w.Int(int64(g.accountID[a.referrer-1]))
			} else {
				w.Null()
			}
			if a.kind == accTest {
				w.Str("tester")
			} else {
				w.Str("member")
			}
		default:
			w.Int(int64(id + 1))
			w.Str(a.username)
			w.Str("$2y$10$" + bcryptish(a.salt[:], a.pwHash[:]))
			nullable(w, email)
			nullable(w, a.phone)
			w.Str(time.Unix(a.created, 0).UTC().Format("02/01/2006 15:04"))
			if a.referrer > 0 {
				w.Str(g.accounts[a.referrer-1].username)
			} else {
				w.Null()
			}
			nullable(w, lastIP)
		}
		w.End()
		if id == len(g.accountOrder)/2 {
			w.RawCSV(fmt.Sprintf(`%d,"unterminated,quote`, id+1000000)) // a malformed CSV row
		}
	}
}

func bcryptish(salt, h []byte) string {
	const alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 53)
	src := append(append([]byte{}, salt...), h...)
	for i := range b {
		b[i] = alphabet[int(src[i%len(src)]+byte(i*7))%64]
	}
	return string(b)
}

func nullable(w *tableWriter, s string) {
	if s == "" {
		w.Null()
	} else {
		w.Str(s)
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// seizedInvoice is what the processor recorded for an invoice.
type seizedInvoice struct {
	status invStatus
	txid   string // "" when none
	paidAt int64  // 0 when none
	label  string // other families: the status as the dump writes it
	note   string // other families: the gateway callback or the pasted tx proof ("" NULL)
	amount string // other families: the amount as the dump writes it
}

// seizedInvoices computes the recorded rows of every invoice, in order: the
// status and txid of inv.seized, and for fake_paid invoices a payment time
// and sometimes the txid of the latest payment credited before (a processor
// error).
func (g *gen) seizedInvoices() []seizedInvoice {
	if g.cfg.family() != FamilyISpoof {
		return g.familySeized()
	}
	out := make([]seizedInvoice, len(g.invoices))
	var lastTx [32]byte
	for i := range g.invoices {
		inv := &g.invoices[i]
		status, rec := inv.seized()
		s := seizedInvoice{status: status}
		if status == invPaid {
			switch {
			case len(inv.pays) > 0:
				last := inv.pays[len(inv.pays)-1]
				s.paidAt = last.at
				if rec {
					s.txid = chainhash.Hash(last.txid).String()
				}
				lastTx = last.txid
			default:
				s.paidAt = inv.created + 120 + int64(inv.addr%1800)
				if inv.recorded && inv.accept && lastTx != ([32]byte{}) {
					s.txid = chainhash.Hash(lastTx).String()
				}
			}
		}
		out[i] = s
	}
	return out
}

// writeInvoices writes invoices (and variant 2's separate payment table).
// A duplicated invoice is written twice, the copy with the next id.
func (g *gen) writeInvoices(w, pw *tableWriter, v int) {
	var payID int64
	for i, s := range g.seizedInvoices() {
		inv := &g.invoices[i]
		id := int64(g.invoiceID[i])
		for k := range 1 + b2int(inv.dup) {
			g.writeInvoice(w, pw, v, inv, id+int64(k), g.keys.net, s.status, s.txid, s.paidAt, &payID)
		}
	}
}

func (g *gen) writeInvoice(w, pw *tableWriter, v int, inv *invoice, id int64, net *chaincfg.Params, status invStatus, txid string, paidAt int64, payID *int64) {
	uid := int64(g.accountID[inv.account])
	addr := g.addrs[inv.addr].encode(net)
	switch v {
	case 0:
		w.Int(id)
		w.Int(uid)
		w.Str(packages[inv.pkg].name)
		w.Dec(penceDecimal(inv.pence))
		w.Dec(satsDecimal(inv.sats))
		w.Str(addr)
		nullable(w, txid)
		w.Str(invStatusNames[status])
		w.Time(inv.created)
		if paidAt != 0 {
			w.Time(paidAt)
		} else {
			w.Null()
		}
	case 1:
		w.Int(id)
		w.Int(uid)
		w.Str(packages[inv.pkg].name)
		w.Int(inv.pence)
		w.Int(inv.sats)
		w.Str(addr)
		if txid != "" {
			h, _ := chainhash.NewHashFromStr(txid)
			w.Bin(h[:])
		} else {
			w.Null()
		}
		w.Int(int64([]int{1, 2, 0}[status]))
		w.Int(inv.created)
		if paidAt != 0 {
			w.Int(paidAt)
		} else {
			w.Null()
		}
	default:
		w.Int(id)
		w.Int(uid)
		w.Str(packages[inv.pkg].name)
		w.Str("£" + penceDecimal(inv.pence))
		w.Str([]string{"complete", "cancelled", "awaiting"}[status])
		w.Time(inv.created)
		*payID++
		pw.Int(*payID)
		pw.Int(id)
		pw.Str(addr)
		pw.Str(coinsiftBTC(inv.sats))
		nullable(pw, txid)
		if paidAt != 0 {
			pw.Time(paidAt)
		} else {
			pw.Null()
		}
		pw.End()
	}
	w.End()
}

// coinsiftBTC prints sats as BTC without trailing zeros ("0.0123").
func coinsiftBTC(s int64) string {
	t := satsDecimal(s)
	for t[len(t)-1] == '0' {
		t = t[:len(t)-1]
	}
	if t[len(t)-1] == '.' {
		t = t[:len(t)-1]
	}
	return t
}

// stream is one account's sorted sequence of login or call times: a
// Poisson stream on an even clock (u) read through the account's daily
// rhythm.
type stream struct {
	next  int64
	u     int64
	left  int
	gap   float64
	acct  int32
	rng   *rand.Rand
	clock *clock
}

// advance moves the stream to its event at even time u.
func (s *stream) advance(u int64) {
	s.u = u
	t := u
	if s.clock != nil {
		t = s.clock.at(u)
	}
	s.next = max(t, s.next+1)
}

type streamHeap []*stream

func (h streamHeap) Len() int { return len(h) }
func (h streamHeap) Less(i, j int) bool {
	if h[i].next != h[j].next {
		return h[i].next < h[j].next
	}
	return h[i].acct < h[j].acct
}
func (h streamHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *streamHeap) Push(x any)   { *h = append(*h, x.(*stream)) }
func (h *streamHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// merged yields the events of every account in global time order (the order
// of AUTO_INCREMENT ids), drawing each account's count from a log-normal.
// clockOf gives the rhythm of each account's events (nil: none).
func (g *gen) merged(name string, mean, sigma float64, clockOf func(a *account) *clock, yield func(acct int32, t int64, r *rand.Rand) bool) {
	r := newRand(g.cfg.Seed, name)
	var h streamHeap
	for id, ai := range g.accountOrder {
		a := &g.accounts[ai]
		n := int(lognormal(r, mean, sigma))
		if a.kind == accDuplicate {
			n = 0
		}
		if a.kind == accTest {
			n = min(n, 20)
		}
		if n == 0 {
			continue
		}
		span := float64(End.Unix() - a.created)
		s := &stream{left: n, gap: span / float64(n), acct: int32(id), rng: newRand(g.cfg.Seed^uint64(id)<<20, name), next: a.created}
		if clockOf != nil {
			s.clock = clockOf(a)
		}
		s.advance(a.created + int64(s.rng.ExpFloat64()*s.gap/2))
		if s.next < End.Unix() {
			h = append(h, s)
		}
	}
	heap.Init(&h)
	for h.Len() > 0 {
		s := h[0]
		if !yield(s.acct, s.next, s.rng) {
			return
		}
		s.left--
		s.advance(s.u + 1 + int64(s.rng.ExpFloat64()*s.gap))
		if s.left == 0 || s.next >= End.Unix() {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
	}
}

// writeLogins streams the login log.
func (g *gen) writeLogins(ctx context.Context, w *tableWriter, v int, prog func(int64)) error {
	var id int64
	var err error
	office := &clock{zone: tzones["Europe/London"], c: loginCurve}
	clockOf := func(a *account) *clock {
		if a.person < 0 {
			return office
		}
		return &g.persons[a.person].clock
	}
	g.merged("logins", g.p.loginsMean, 1.0, clockOf, func(acct int32, t int64, r *rand.Rand) bool {
		a := &g.accounts[g.accountOrder[acct]]
		var ip [4]byte
		ua := userAgents[0]
		if a.person >= 0 {
			p := &g.persons[a.person]
			ip = u32ip(p.nets.loginAddr(r, t))
			ua = userAgents[p.uas[r.IntN(len(p.uas))]]
		} else {
			ip = [4]byte{10, 0, 0, byte(2 + acct%200)}
		}
		g.lastIP[acct] = ip
		id++
		switch v {
		case familyLayout:
			g.writeFamilyLogin(w, id, int64(acct+1), ip, ua, t, r)
		case 0:
			w.Int(id)
			w.Int(int64(acct + 1))
			w.Str(ipString(ip))
			if r.IntN(500) == 0 {
				w.Null()
			} else {
				w.Str(ua)
			}
			w.Time(t)
		case 1:
			w.Int(id)
			w.Int(int64(acct + 1))
			w.Int(t)
			w.Bin(ip[:])
			w.Str(ua)
		default:
			w.Int(id)
			w.Int(int64(acct + 1))
			w.Str(ipString(ip))
			w.Str(ua)
			w.Time(t)
		}
		w.End()
		if id%100_000 == 0 {
			prog(100_000)
			if err = ctx.Err(); err != nil {
				return false
			}
		}
		return true
	})
	return err
}

// victim is one person the service's users called.
type victim struct {
	calls, answered int32
	defrauded       bool
	lossPence       int64
	bank            int8
	first           int64
}

func (g *gen) victimPhone(i int) string {
	var b [12]byte
	binary.LittleEndian.PutUint64(b[:], g.cfg.Seed)
	binary.LittleEndian.PutUint32(b[8:], uint32(i))
	h := sha256.Sum256(b[:])
	c := &countries[0]
	switch {
	case i%20 == 1:
		c = &countries[1]
	case i%20 == 2:
		c = &countries[2]
	case i%20 == 3:
		c = &countries[3]
	}
	r := rand.New(rand.NewPCG(binary.LittleEndian.Uint64(h[:8]), binary.LittleEndian.Uint64(h[8:16])))
	return phoneNumber(r, c)
}

func victimCountry(i int) string {
	switch i % 20 {
	case 1:
		return "US"
	case 2:
		return "NL"
	case 3:
		return "AU"
	}
	return "GB"
}

// writeCalls streams the call log and fills the victims' tallies.
func (g *gen) writeCalls(ctx context.Context, w *tableWriter, v int, prog func(int64)) error {
	nv := max(50, int(float64(g.p.users)*g.p.victimsPerUse))
	g.victims = make([]victim, nv)
	phones := make([]string, nv)
	for i := range phones {
		phones[i] = g.victimPhone(i)
		g.victims[i].bank = -1
	}
	// Random UK mobile numbers shown as caller id when no bank's is.
	spoofed := make([]string, 500)
	sr := newRand(g.cfg.Seed, "spoofed caller ids")
	for i := range spoofed {
		spoofed[i] = phoneNumber(sr, &countries[0])
	}
	byCountry := map[string][]int{}
	for i, b := range banks {
		byCountry[b.country] = append(byCountry[b.country], i)
	}
	var id int64
	var err error
	// Calls follow the victims' (UK) day, whatever the caller's.
	uk := &clock{zone: tzones["Europe/London"], c: callCurve}
	g.merged("calls", g.p.callsMean, 1.3, func(*account) *clock { return uk }, func(acct int32, t int64, r *rand.Rand) bool {
		// Users work through lead lists: most calls go to a skewed subset.
		vi := int(float64(nv) * math.Pow(r.Float64(), 1.6))
		vc := &g.victims[vi]
		cands := byCountry[victimCountry(vi)]
		if vc.bank < 0 {
			vc.bank = int8(cands[r.IntN(len(cands))])
			vc.first = t
		}
		bank := banks[vc.bank]
		caller := bank.official
		if r.IntN(5) == 0 {
			caller = spoofed[r.IntN(len(spoofed))]
		}
		status := weighted(r, []float64{45, 35, 10, 10})
		dur := int64(0)
		if status == 0 {
			dur = int64(lognormal(r, 150, 1.0)) + 3
			vc.answered++
			if dur > 400 && !vc.defrauded && r.IntN(4) == 0 {
				vc.defrauded = true
				vc.lossPence = int64(lognormal(r, 150000, 1.0))
			}
		}
		vc.calls++
		tmpl := bank.template
		id++
		switch v {
		case 0:
			w.Int(id)
			w.Int(int64(acct + 1))
			w.Str(caller)
			w.Str(phones[vi])
			w.Time(t)
			w.Int(dur)
			w.Str([]string{"answered", "no-answer", "busy", "failed"}[status])
			if r.IntN(50) == 0 {
				w.Null()
			} else {
				w.Str(tmpl)
			}
		case 1:
			w.Int(id)
			w.Int(int64(acct + 1))
			w.Str(caller)
			w.Str(phones[vi][1:])
			w.Int(t)
			w.Int(dur)
			w.Str([]string{"ANSWER", "NOANSWER", "BUSY", "CHANUNAVAIL"}[status])
			w.Str(tmpl)
		default:
			w.Int(id)
			w.Int(int64(acct + 1))
			w.Str(caller)
			w.Str(phones[vi])
			w.Time(t)
			w.Int(dur)
			w.Str([]string{"ANSWERED", "NO ANSWER", "BUSY", "FAILED"}[status])
			w.Str(tmpl)
		}
		w.End()
		if id%100_000 == 0 {
			prog(100_000)
			if err = ctx.Err(); err != nil {
				return false
			}
		}
		return true
	})
	g.victimPhones = phones
	return err
}

// assembleDump concatenates the header, each table's structure and data,
// and the footer into one dump file, then removes the parts.
func (s *seizedDir) assemble(dbName string, structures [nTables]*bytes.Buffer, done time.Time) error {
	path := filepath.Join(s.dir, dbName+".sql")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, dumpHeader, dbName)
	for t := range nTables {
		w := s.writers[t]
		if w == nil {
			continue
		}
		if _, err := f.Write(structures[t].Bytes()); err != nil {
			f.Close()
			return err
		}
		part := filepath.Join(s.dir, ".part-"+s.schema[t].name+".sql")
		pf, err := os.Open(part)
		if err != nil {
			f.Close()
			return err
		}
		_, err = io.Copy(f, pf)
		pf.Close()
		if err != nil {
			f.Close()
			return fmt.Errorf("assemble dump: %w", err)
		}
		if err := os.Remove(part); err != nil {
			f.Close()
			return err
		}
	}
	fmt.Fprintf(f, "\n"+dumpFooter, done.Format("2006-01-02 15:04:05"))
	return f.Close()
}
