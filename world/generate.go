package world

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/btcsuite/btcd/chaincfg/chainhash"
	"github.com/btcsuite/btcd/wire"

	coinsift "github.com/coinsift/coinsift"
)

// Summary counts what Generate wrote.
type Summary struct {
	Blocks       int              `json:"blocks"`       // block records in blk files, stale ones included
	StaleBlocks  int              `json:"stale_blocks"` // blocks that lost a race
	Transactions int64            `json:"transactions"` // transactions on the main chain, coinbases included
	BlockBytes   int64            `json:"block_bytes"`  // bytes of blk files
	Addresses    int              `json:"addresses"`    // addresses in the truth
	Users        int              `json:"users"`        // seized user rows
	Invoices     int              `json:"invoices"`     // seized invoice rows
	Payments     int              `json:"payments"`     // invoices paid on chain
	Rows         map[string]int64 `json:"rows"`         // seized rows per table
	SeizedRows   int64            `json:"seized_rows"`  // all seized rows
	Victims      int              `json:"victims"`      // people called
}

type gen struct {
	cfg    Config
	p      params
	out    string
	keys   *keyring
	prices *prices
	r      *rand.Rand
	err    error

	actors   []actor
	wallets  []*wallet
	addrs    []addrRec
	persons  []person
	accounts []account
	// accountOrder lists accounts by id-1; accountID maps back.
	accountOrder []int32
	accountID    []int32
	invoices     []invoice
	invoiceID    []int32 // seized id of each invoice (duplicated rows take the next)
	victims      []victim
	victimPhones []string
	nets         map[uint64]usedNet // networks people log in from, for the truth
	lastIP       [][4]byte          // by account id-1: the address of the last login

	serviceDeposit, serviceCons uint32
	admins, pools, shops, bg    []uint32
	coords                      [2]uint32
	mixingCustomers             []uint32
	cjQueue                     [2][]uint32
	exchanges                   []*exchange

	events    eventHeap
	seq       uint64
	height    int32
	now       int64
	blockTime time.Time
	prev      chainhash.Hash
	block     []*wire.MsgTx
	fees      int64
	weight    int
	ntx       int64
	staleRate float64

	blocks *blockWriter
	truth  *truthFiles
}

// Generate writes a world into outDir (created if needed): blocks/, seized/,
// prices/, tags/, directory/ and truth/. progress may be nil.
func Generate(ctx context.Context, cfg Config, outDir string, progress coinsift.ProgressFunc) (Summary, error) {
	var sum Summary
	if err := cfg.Validate(); err != nil {
		return sum, err
	}
	if progress == nil {
		progress = coinsift.NopProgressFunc
	}
	g := &gen{cfg: cfg, p: scaleParams[cfg.Scale], out: outDir, keys: newKeyring(cfg.Seed, cfg.Sign), prices: newPrices(cfg.Seed)}
	for _, d := range []string{"blocks", "seized/csv", "prices", "tags", "directory", "truth"} {
		if err := os.MkdirAll(filepath.Join(outDir, d), 0o755); err != nil {
			return sum, fmt.Errorf("create world dir: %w", err)
		}
	}
	if err := g.prices.write(filepath.Join(outDir, "prices")); err != nil {
		return sum, fmt.Errorf("write prices: %w", err)
	}
	var err error
	if g.truth, err = openTruth(filepath.Join(outDir, "truth")); err != nil {
		return sum, fmt.Errorf("open truth: %w", err)
	}
	defer g.truth.close()
	g.nets = map[uint64]usedNet{}
	g.populate()
	g.lastIP = make([][4]byte, len(g.accountOrder))
	for _, w := range g.wallets {
		if w.kind == wkPersonal && w.mixer {
			g.mixingCustomers = append(g.mixingCustomers, w.id)
		}
	}
	if cfg.family() == FamilyISpoof {
		g.planInvoices()
	} else {
		g.planFamilyInvoices()
	}

	// The login and call logs do not depend on the chain: write them on the
	// other core while the chain is made.
	sd := &seizedDir{dir: filepath.Join(outDir, "seized"), variant: cfg.SchemaVariant, schema: cfg.seizedSchema()}
	var structures [nTables]*bytes.Buffer
	for t := range nTables {
		structures[t] = new(bytes.Buffer)
	}
	lw, err := sd.open(tLogins)
	if err != nil {
		return sum, err
	}
	cw, err := sd.open(tCalls)
	if err != nil {
		return sum, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	var logErrs [2]error
	for k, w := range []*tableWriter{lw, cw} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := progress("seized "+w.t.name, "rows")
			defer p.Done()
			switch {
			case k == 0:
				logErrs[k] = g.writeLogins(ctx, w, g.layout(), p.Add)
			case cfg.family() == FamilyISpoof:
				logErrs[k] = g.writeCalls(ctx, w, cfg.SchemaVariant, p.Add)
			default:
				logErrs[k] = g.writeSideLog(ctx, w, p.Add)
			}
			if logErrs[k] != nil {
				cancel()
			}
		}()
	}

	var key *[8]byte
	if cfg.XOR {
		kr := newRand(cfg.Seed, "xor")
		var k [8]byte
		for i := range k {
			k[i] = byte(kr.IntN(256))
		}
		key = &k
	}
	shuf := newRand(cfg.Seed, "download-order")
	g.blocks, err = newBlockWriter(filepath.Join(outDir, "blocks"), key, func(n int) int { return shuf.IntN(n) })
	if err != nil {
		cancel()
		wg.Wait()
		return sum, fmt.Errorf("open blocks: %w", err)
	}
	g.blocks.index = func(h int32, hash string, file int, off int64, size int, stale bool, ntx int, t int64) {
		g.truth.blocks.row(h, hash, t, fmt.Sprintf("blk%05d.dat", file), off, size, stale, ntx)
	}
	cp := progress("chain", "blocks")
	cp.SetTotal(int64(g.p.blocksPerDay*730) + bootstrapBlocks)
	chainErr := g.runChain(ctx, cp.Add)
	cp.Done()
	if chainErr != nil {
		cancel()
		wg.Wait()
		return sum, fmt.Errorf("generate chain: %w", chainErr)
	}
	wg.Wait()
	if err := errors.Join(logErrs[:]...); err != nil {
		return sum, fmt.Errorf("write seized logs: %w", err)
	}
	if err := lw.close(structures[tLogins]); err != nil {
		return sum, err
	}
	if err := cw.close(structures[tCalls]); err != nil {
		return sum, err
	}

	// Tables that need the chain's results.
	uw, err := sd.open(tUsers)
	if err != nil {
		return sum, err
	}
	if cfg.family() == FamilyISpoof {
		g.writeUsers(uw, cfg.SchemaVariant)
	} else {
		g.writeFamilyUsers(uw)
	}
	if err := uw.close(structures[tUsers]); err != nil {
		return sum, err
	}
	iw, err := sd.open(tInvoices)
	if err != nil {
		return sum, err
	}
	var pw *tableWriter
	if sd.schema[tPayments] != nil {
		if pw, err = sd.open(tPayments); err != nil {
			return sum, err
		}
	}
	if cfg.family() == FamilyISpoof {
		g.writeInvoices(iw, pw, cfg.SchemaVariant)
	} else {
		g.writeFamilyInvoices(iw)
	}
	if err := iw.close(structures[tInvoices]); err != nil {
		return sum, err
	}
	if pw != nil {
		if err := pw.close(structures[tPayments]); err != nil {
			return sum, err
		}
	}
	// The dump is completed after its last row (seized load warns about
	// rows dated after the dump).
	if err := sd.assemble(string(cfg.family()), structures, End.Add(6*time.Hour)); err != nil {
		return sum, fmt.Errorf("assemble dump: %w", err)
	}
	if err := g.writeTruth(filepath.Join(outDir, "truth")); err != nil {
		return sum, fmt.Errorf("write truth: %w", err)
	}
	if err := g.writeMapping(filepath.Join(outDir, "truth", "mapping.yaml")); err != nil {
		return sum, fmt.Errorf("write truth mapping: %w", err)
	}
	if err := g.writeTags(filepath.Join(outDir, "tags")); err != nil {
		return sum, fmt.Errorf("write tags: %w", err)
	}
	if err := writeDirectory(filepath.Join(outDir, "directory")); err != nil {
		return sum, fmt.Errorf("write directory: %w", err)
	}
	if err := g.truth.close(); err != nil {
		return sum, fmt.Errorf("write truth: %w", err)
	}
	sum = Summary{Blocks: g.blocks.Blocks, StaleBlocks: g.blocks.Stale, Transactions: g.ntx + int64(g.height) + 1,
		BlockBytes: g.blocks.Bytes, Addresses: len(g.addrs), Rows: map[string]int64{}, Victims: len(g.victims)}
	for t, w := range sd.writers {
		if w != nil {
			sum.Rows[sd.schema[t].name] = w.rows
			sum.SeizedRows += w.rows
		}
	}
	sum.Users = int(sd.writers[tUsers].rows)
	sum.Invoices = int(sd.writers[tInvoices].rows)
	for i := range g.invoices {
		if len(g.invoices[i].pays) > 0 {
			sum.Payments++
		}
	}
	return sum, nil
}

// planInvoices draws every account's invoices and schedules the payments.
func (g *gen) planInvoices() {
	r := newRand(g.cfg.Seed, "invoices")
	pw := make([]float64, len(packages))
	for i, p := range packages {
		pw[i] = p.w
	}
	for _, ai := range g.accountOrder {
		a := &g.accounts[ai]
		if a.kind == accDuplicate {
			continue
		}
		n := int(lognormal(r, g.p.invoicesMean, 0.9))
		if a.kind == accTest {
			n = 1 + r.IntN(2)
		}
		for range n {
			t := a.created + r.Int64N(max(1, End.Unix()-a.created-3*86400))
			if a.person >= 0 {
				// Orders at the person's local times of day.
				t = min(max(g.persons[a.person].clock.at(t), a.created+60), End.Unix()-3*86400)
			}
			if t < Start.Unix()+3600 {
				t = Start.Unix() + 3600 + r.Int64N(86400)
			}
			pk := weighted(r, pw)
			rate := g.prices.gbpPence(time.Unix(t, 0))
			inv := invoice{account: ai, pkg: pk, pence: packages[pk].pence, rate: rate, created: t, dupOf: -1,
				sats: penceToSats(packages[pk].pence, rate), recorded: chance(r, 0.93), accept: chance(r, 0.4)}
			switch {
			case a.kind == accTest:
				inv.status = invExpired
			case chance(r, 0.72):
				inv.status = invPaid
			case t > End.Unix()-2*86400:
				inv.status = invPending
			default:
				inv.status = invExpired
			}
			if a.kind == accNormal {
				x := r.Float64()
				switch {
				case inv.status == invPaid && x < 0.03:
					inv.noise = noisePartial
				case inv.status == invPaid && x < 0.05:
					inv.noise = noiseOver
				case inv.status == invPaid && x < 0.08 && t+invoiceExpiry+6*86400 < End.Unix():
					inv.noise = noiseLate
				case inv.status == invPaid && x < 0.11:
					inv.noise = noiseSplit
				case inv.status == invExpired && x < 0.05:
					inv.noise = noiseFake
				}
			}
			inv.dup = chance(r, 0.01)
			g.invoices = append(g.invoices, inv)
		}
	}
	g.numberInvoices()
	for i := range g.invoices {
		inv := &g.invoices[i]
		g.now = inv.created
		w := g.wallets[g.serviceDeposit]
		inv.addr = g.newAddr(g.serviceDeposit, w.beh.kindAt(inv.created), roleDeposit)
		if inv.status != invPaid {
			continue
		}
		g.schedulePayments(r, i)
	}
	// Customers also buy from fraud shops.
	for i := range g.persons {
		for range r.IntN(3) {
			g.schedule(Start.Unix()+r.Int64N(End.Unix()-Start.Unix()), evShopPay, int32(i), int32(r.IntN(64)), int64(2000+r.IntN(30000)))
		}
	}
}

// schedulePayments schedules the on-chain payments of invoice i, planned to
// be paid, as its noise says.
func (g *gen) schedulePayments(r *rand.Rand, i int) {
	inv := &g.invoices[i]
	at := inv.created + int64(60+r.IntN(3000))
	switch inv.noise {
	case noiseNone:
		g.schedule(at, evPayInvoice, int32(i), 0, inv.sats)
	case noisePartial:
		g.schedule(at, evPayInvoice, int32(i), 0, inv.sats*int64(90+r.IntN(10))/100)
	case noiseOver:
		g.schedule(at, evPayInvoice, int32(i), 0, inv.sats*int64(101+r.IntN(10))/100)
	case noiseLate:
		g.schedule(inv.created+invoiceExpiry+int64(86400+r.IntN(4*86400)), evPayInvoice, int32(i), 0, inv.sats)
	case noiseSplit:
		first := inv.sats * int64(30+r.IntN(41)) / 100
		g.schedule(at, evPayInvoice, int32(i), 0, first)
		g.schedule(at+int64(3600+r.IntN(29*3600)), evPayInvoice, int32(i), 0, inv.sats-first)
	case noisePaidTwice:
		g.schedule(at, evPayInvoice, int32(i), 0, inv.sats)
		g.schedule(at+int64(2*86400+r.IntN(18*86400)), evPayInvoice, int32(i), 0, inv.sats)
	}
}

// numberInvoices sorts the invoices by creation (then account), makes sure
// at least one row is duplicated, and gives them their seized ids in
// creation order; a duplicated row (double submit) takes the next id.
func (g *gen) numberInvoices() {
	slices.SortStableFunc(g.invoices, func(a, b invoice) int {
		if a.created != b.created {
			return int(a.created - b.created)
		}
		return int(a.account - b.account)
	})
	// Every world has at least one duplicated row.
	if n := len(g.invoices); n > 0 && !slices.ContainsFunc(g.invoices, func(inv invoice) bool { return inv.dup }) {
		g.invoices[n/2].dup = true
	}
	g.invoiceID = make([]int32, len(g.invoices))
	id := int32(0)
	for i := range g.invoices {
		id++
		g.invoiceID[i] = id
		if g.invoices[i].dup {
			id++
		}
	}
}
