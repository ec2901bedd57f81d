package world

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/btcsuite/btcd/blockchain"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/chaincfg/chainhash"
	"github.com/btcsuite/btcd/wire"
)

const (
	bootstrapBlocks = 600        // coinbase-only blocks in Nov 2020 that mint the money
	blockVersion    = 0x20000007 // BIP9 signalling CSV, SegWit and Taproot (btcd regtest activates them at 432)
	dust            = 1000
	maxBlockWeight  = 3_600_000
)

type exchange struct {
	idx      int
	actor    uint32
	hot      uint32
	cold     uint32
	hotAddr  uint32
	deposits map[uint32]uint32 // wallet id → deposit address (lookup only)
	queue    []withdrawal
}

type withdrawal struct {
	addr   uint32
	value  int64
	inv    int32 // invoice paid by this withdrawal, -1
	target int32 // wallet funded, -1
}

type evKind uint8

const (
	evPayInvoice evKind = iota
	evForward
	evCashout
	evShopPay
)

type event struct {
	at   int64
	seq  uint64
	kind evKind
	a, b int32
	v    int64
}

type eventHeap []event

func (h eventHeap) Len() int { return len(h) }
func (h eventHeap) Less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].seq < h[j].seq
}
func (h eventHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *eventHeap) Push(x any)   { *h = append(*h, x.(event)) }
func (h *eventHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (g *gen) schedule(at int64, k evKind, a, b int32, v int64) {
	g.seq++
	heap.Push(&g.events, event{at: at, seq: g.seq, kind: k, a: a, b: b, v: v})
}

func (g *gen) newActor(t actorType, name, country string) uint32 {
	g.actors = append(g.actors, actor{typ: t, name: name, country: country})
	return uint32(len(g.actors) - 1)
}

func (g *gen) newWallet(a uint32, k walletKind, r *rand.Rand) uint32 {
	w := &wallet{id: uint32(len(g.wallets)), actor: a, kind: k, beh: drawBehaviour(r), person: -1, exchange: -1, next: -1, lastTopup: -1}
	g.wallets = append(g.wallets, w)
	return w.id
}

// newAddr derives a new address for wallet w and records it in the truth.
func (g *gen) newAddr(w uint32, k addrKind, role addrRole) uint32 {
	id := uint32(len(g.addrs))
	g.addrs = append(g.addrs, addrRec{wallet: w, kind: k, role: role, hash: g.keys.derive(id, k)})
	a := &g.addrs[id]
	g.truth.addresses.row(a.encode(g.keys.net), w, g.wallets[w].actor, a.kind.scriptType().String(), roleNames[role])
	return id
}

// recvAddr returns an address on which wallet w receives, new or reused.
func (g *gen) recvAddr(w uint32) uint32 {
	wl := g.wallets[w]
	if len(wl.recv) > 0 && chance(g.r, wl.beh.reuse) {
		return wl.recv[g.r.IntN(len(wl.recv))]
	}
	a := g.newAddr(w, wl.beh.kindAt(g.now), roleReceive)
	wl.recv = append(wl.recv, a)
	return a
}

// depositAddr is the exchange deposit address of wallet w (reused, as
// exchanges do).
func (g *gen) depositAddr(ex int, w uint32) uint32 {
	e := g.exchanges[ex]
	if a, ok := e.deposits[w]; ok {
		return a
	}
	a := g.newAddr(e.hot, exchangeFacts[ex].kind, roleDeposit)
	e.deposits[w] = a
	return a
}

// feeRate is the market rate (sat/vB) at the current time times the
// wallet's habit: high in the 2021 bull market, low in 2022.
func (g *gen) feeRate(w *wallet) float64 {
	t := float64(g.now-Start.Unix()) / float64(End.Unix()-Start.Unix())
	base := 60*math.Exp(-4*t) + 3
	f := base * w.beh.feeMult * lognormal(g.r, 1, 0.3)
	return max(1, min(f, 400))
}

type payOut struct {
	addr  uint32
	value int64
}

type spendOpt struct {
	sweep     bool // spend every mature coin, no change; outs[0] gets the rest
	inbox     bool // spend the deposit inbox instead of the main pool
	maxInputs int
	kind      string // transaction kind for the truth
}

// spend builds, signs and mines into the current block a transaction from w.
// It returns the outputs' vouts (parallel to outs) and false when w cannot pay.
func (g *gen) spend(w *wallet, outs []payOut, o spendOpt) ([]uint32, [32]byte, bool) {
	pool := &w.utxos
	if o.inbox {
		pool = &w.inbox
	}
	rate := g.feeRate(w)
	var target int64
	outSize := 0.0
	for _, p := range outs {
		target += p.value
		outSize += outVSize[g.addrs[p.addr].kind]
	}
	maxIn := o.maxInputs
	if maxIn == 0 {
		maxIn = 200
	}
	var sel []int
	var sum int64
	inSize := 0.0
	fee := func(nOutExtra float64) int64 {
		return int64(math.Ceil((10.5 + outSize + nOutExtra + inSize) * rate))
	}
	used := make(map[int]bool)
	mature := 0
	for i := range *pool {
		if (*pool)[i].matureAt <= g.height {
			mature++
		}
	}
	if mature == 0 {
		return nil, [32]byte{}, false
	}
	if o.sweep {
		for i := range *pool {
			if (*pool)[i].matureAt <= g.height && len(sel) < maxIn {
				sel = append(sel, i)
				sum += (*pool)[i].value
				inSize += inVSize[g.addrs[(*pool)[i].addr].kind]
			}
		}
		f := fee(0)
		if sum-f-target < dust || len(outs) == 0 {
			return nil, [32]byte{}, false
		}
		outs = slices.Clone(outs)
		outs[0].value += sum - f - target
	} else {
		changeSize := outVSize[w.beh.kindAt(g.now)]
		for sum < target+fee(changeSize) {
			if len(sel) >= maxIn || len(sel) >= mature {
				return nil, [32]byte{}, false
			}
			best := -1
			if w.beh.largestFirst {
				for i := range *pool {
					if !used[i] && (*pool)[i].matureAt <= g.height && (best < 0 || (*pool)[i].value > (*pool)[best].value) {
						best = i
					}
				}
			} else {
				for try := 0; try < 4*len(*pool)+8; try++ {
					i := g.r.IntN(len(*pool))
					if !used[i] && (*pool)[i].matureAt <= g.height {
						best = i
						break
					}
				}
			}
			if best < 0 {
				return nil, [32]byte{}, false
			}
			used[best] = true
			sel = append(sel, best)
			sum += (*pool)[best].value
			inSize += inVSize[g.addrs[(*pool)[best].addr].kind]
		}
	}
	ins := make([]utxo, len(sel))
	for k, i := range sel {
		ins[k] = (*pool)[i]
	}
	// Remove the spent coins.
	slices.Sort(sel)
	for k := len(sel) - 1; k >= 0; k-- {
		i := sel[k]
		(*pool)[i] = (*pool)[len(*pool)-1]
		*pool = (*pool)[:len(*pool)-1]
	}
	if !o.inbox {
		w.bal -= sum
	}
	final := slices.Clone(outs)
	changeAt := -1
	if !o.sweep {
		f := fee(outVSize[w.beh.kindAt(g.now)])
		change := sum - target - f
		if change >= dust {
			var ca uint32
			switch {
			case w.beh.changeReuse:
				ca = ins[0].addr
			case w.beh.changeSame:
				ca = g.newAddr(w.id, g.addrs[ins[0].addr].kind, roleChange)
			default:
				ca = g.newAddr(w.id, w.beh.kindAt(g.now), roleChange)
			}
			changeAt = len(final)
			if !w.beh.changeLast {
				changeAt = g.r.IntN(len(final) + 1)
			}
			final = slices.Insert(final, changeAt, payOut{addr: ca, value: change})
		}
	}
	g.r.Shuffle(len(ins), func(i, j int) { ins[i], ins[j] = ins[j], ins[i] })
	tx := g.buildTx(w, ins, final)
	h := g.addTx(tx, ins, final, o.kind, w.id)
	if changeAt >= 0 {
		g.truth.change.row(chainhash.Hash(h).String(), changeAt, w.id)
	}
	vouts := make([]uint32, 0, len(outs))
	for i := range final {
		if i != changeAt {
			vouts = append(vouts, uint32(i))
		}
	}
	return vouts, h, true
}

// buildTx assembles a transaction with w's habits (version, locktime, RBF).
func (g *gen) buildTx(w *wallet, ins []utxo, outs []payOut) *wire.MsgTx {
	tx := wire.NewMsgTx(w.beh.version)
	seq := uint32(wire.MaxTxInSequenceNum)
	if w.beh.antiSnipe {
		tx.LockTime = uint32(g.height - 1)
		if chance(g.r, 0.1) {
			tx.LockTime -= uint32(g.r.IntN(min(100, int(g.height)-1)))
		}
		seq = wire.MaxTxInSequenceNum - 1
	}
	if w.beh.rbf {
		seq = wire.MaxTxInSequenceNum - 2
	}
	for _, in := range ins {
		ti := wire.NewTxIn(&wire.OutPoint{Hash: in.hash, Index: in.index}, nil, nil)
		ti.Sequence = seq
		tx.AddTxIn(ti)
	}
	for _, o := range outs {
		tx.AddTxOut(wire.NewTxOut(o.value, g.addrs[o.addr].pkScript()))
	}
	g.finish(tx, ins)
	return tx
}

// finish fills in signatures, real or dummy.
func (g *gen) finish(tx *wire.MsgTx, ins []utxo) {
	if g.cfg.Sign {
		prev := make([]*wire.TxOut, len(ins))
		keys := make([]uint32, len(ins))
		kinds := make([]addrKind, len(ins))
		for i, in := range ins {
			a := &g.addrs[in.addr]
			prev[i] = wire.NewTxOut(in.value, a.pkScript())
			keys[i], kinds[i] = in.addr, a.kind
		}
		if err := g.keys.signTx(tx, prev, keys, kinds); err != nil {
			g.err = fmt.Errorf("sign tx: %w", err)
		}
		return
	}
	fill := func(b []byte) {
		for i := 0; i < len(b); i += 8 {
			v := g.r.Uint64()
			for j := 0; j < 8 && i+j < len(b); j++ {
				b[i+j] = byte(v >> (8 * j))
			}
		}
	}
	for i, in := range ins {
		dummyInput(tx.TxIn[i], g.addrs[in.addr].kind, g.keys.pub(in.addr), fill)
	}
}

// addTx puts tx into the current block and credits its outputs.
func (g *gen) addTx(tx *wire.MsgTx, ins []utxo, outs []payOut, kind string, w uint32) [32]byte {
	h := [32]byte(tx.TxHash())
	var in, out int64
	for _, u := range ins {
		in += u.value
	}
	for i, o := range outs {
		out += o.value
		g.credit(utxo{hash: h, index: uint32(i), value: o.value, addr: o.addr, matureAt: g.height + 1})
	}
	g.fees += in - out
	g.block = append(g.block, tx)
	g.weight += tx.SerializeSizeStripped()*3 + tx.SerializeSize()
	g.ntx++
	g.truth.txs.row(chainhash.Hash(h).String(), g.height, kind, w, len(ins), len(outs), in-out)
	return h
}

func (g *gen) credit(u utxo) {
	a := &g.addrs[u.addr]
	w := g.wallets[a.wallet]
	if a.role == roleDeposit {
		w.inbox = append(w.inbox, u)
		return
	}
	w.utxos = append(w.utxos, u)
	w.bal += u.value
}

// subsidy is regtest's block subsidy (halving every 150 blocks).
func subsidy(h int32) int64 {
	n := h / chaincfg.RegressionNetParams.SubsidyReductionInterval
	if n >= 64 {
		return 0
	}
	return 50 * 100_000_000 >> uint(n)
}

// sealBlock adds the coinbase, mines the block and hands it to the writer.
func (g *gen) sealBlock(extra []payOut) error {
	miner := g.pools[g.r.IntN(len(g.pools))]
	value := subsidy(g.height) + g.fees
	outs := extra
	if len(outs) == 0 {
		outs = []payOut{{addr: g.recvAddr(miner), value: value}}
	}
	cb := g.coinbase(outs)
	txs := append([]*wire.MsgTx{cb}, g.block...)
	blk, err := g.mine(txs, g.blockTime, g.prev, uint32(g.height))
	if err != nil {
		return err
	}
	h := blk.BlockHash()
	for i, o := range outs {
		g.credit(utxo{hash: cb.TxHash(), index: uint32(i), value: o.value, addr: o.addr, matureAt: g.height + 100})
	}
	g.truth.txs.row(cb.TxHash().String(), g.height, "coinbase", g.addrs[outs[0].addr].wallet, 1, len(outs), 0)
	if err := g.blocks.add(blk, g.height, false); err != nil {
		return err
	}
	// Now and then a competing block at the same height loses the race.
	if g.height > bootstrapBlocks && (chance(g.r, g.staleRate) || g.height == bootstrapBlocks+50) {
		alt := g.coinbase([]payOut{{addr: g.recvAddr(g.pools[g.r.IntN(len(g.pools))]), value: subsidy(g.height)}})
		ab, err := g.mine([]*wire.MsgTx{alt}, g.blockTime.Add(time.Duration(1+g.r.IntN(30))*time.Second), g.prev, uint32(g.height)+1<<24)
		if err != nil {
			return err
		}
		if err := g.blocks.add(ab, g.height, true); err != nil {
			return err
		}
	}
	g.prev = h
	g.block, g.fees, g.weight = g.block[:0], 0, 0
	return nil
}

func (g *gen) coinbase(outs []payOut) *wire.MsgTx {
	cb := wire.NewMsgTx(1)
	// BIP34 height push, then an extra nonce.
	hb := []byte{}
	for v := g.height; v > 0; v >>= 8 {
		hb = append(hb, byte(v))
	}
	if len(hb) > 0 && hb[len(hb)-1]&0x80 != 0 {
		hb = append(hb, 0)
	}
	sig := append([]byte{byte(len(hb))}, hb...)
	sig = append(sig, 0x08)
	for range 8 {
		sig = append(sig, byte(g.r.IntN(256)))
	}
	in := wire.NewTxIn(&wire.OutPoint{Index: wire.MaxPrevOutIndex}, sig, nil)
	cb.AddTxIn(in)
	for _, o := range outs {
		cb.AddTxOut(wire.NewTxOut(o.value, g.addrs[o.addr].pkScript()))
	}
	return cb
}

// mine sets the witness commitment and merkle root and finds a nonce.
func (g *gen) mine(txs []*wire.MsgTx, t time.Time, prev chainhash.Hash, nonceSalt uint32) (*wire.MsgBlock, error) {
	cb := txs[0]
	witness := false
	for _, tx := range txs[1:] {
		if tx.HasWitness() {
			witness = true
			break
		}
	}
	if witness {
		var reserved [32]byte
		cb.TxIn[0].Witness = wire.TxWitness{reserved[:]}
		hashes := make([]chainhash.Hash, len(txs))
		for i, tx := range txs[1:] {
			hashes[i+1] = tx.WitnessHash()
		}
		root := merkleRoot(hashes)
		c := chainhash.DoubleHashB(append(root[:], reserved[:]...))
		cb.AddTxOut(wire.NewTxOut(0, append([]byte{0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed}, c...)))
	}
	hashes := make([]chainhash.Hash, len(txs))
	for i, tx := range txs {
		hashes[i] = tx.TxHash()
	}
	blk := &wire.MsgBlock{Header: wire.BlockHeader{
		Version: blockVersion, PrevBlock: prev, MerkleRoot: merkleRoot(hashes),
		Timestamp: t, Bits: chaincfg.RegressionNetParams.PowLimitBits,
	}, Transactions: txs}
	target := blockchain.CompactToBig(blk.Header.Bits)
	for n := nonceSalt; ; n++ {
		blk.Header.Nonce = n
		h := blk.Header.BlockHash()
		if blockchain.HashToBig(&h).Cmp(target) <= 0 {
			return blk, nil
		}
		if n-nonceSalt > 1<<20 {
			return nil, fmt.Errorf("mine block: no nonce found")
		}
	}
}

func merkleRoot(h []chainhash.Hash) chainhash.Hash {
	if len(h) == 0 {
		return chainhash.Hash{}
	}
	level := slices.Clone(h)
	var buf [64]byte
	for len(level) > 1 {
		if len(level)%2 == 1 {
			level = append(level, level[len(level)-1])
		}
		next := level[:0]
		for i := 0; i < len(level); i += 2 {
			copy(buf[:32], level[i][:])
			copy(buf[32:], level[i+1][:])
			next = append(next, chainhash.DoubleHashH(buf[:]))
		}
		level = next
	}
	return level[0]
}

// runChain simulates the economy block by block.
func (g *gen) runChain(ctx context.Context, prog func(int64)) error {
	g.r = newRand(g.cfg.Seed, "chain")
	g.prev = *chaincfg.RegressionNetParams.GenesisHash
	g.staleRate = 4 / (g.p.blocksPerDay * 730)
	if err := g.blocks.add(chaincfg.RegressionNetParams.GenesisBlock, 0, false); err != nil {
		return err
	}
	// Bootstrap: Nov 2020, coinbase-only blocks that fund exchanges' cold
	// wallets, the background population and the pools.
	bt := Start.Add(-30 * 24 * time.Hour)
	nbg := len(g.bg)
	perBlock := (nbg + bootstrapBlocks/2 - 1) / (bootstrapBlocks / 2)
	for h := int32(1); h <= bootstrapBlocks; h++ {
		g.height, g.now = h, bt.Unix()
		g.blockTime = bt
		value := subsidy(h)
		var outs []payOut
		if h <= bootstrapBlocks/2 {
			ex := g.exchanges[int(h)%len(g.exchanges)]
			outs = append(outs, payOut{addr: g.newAddr(ex.cold, kP2WPKH, roleCold), value: value})
		} else {
			k := int(h) - bootstrapBlocks/2 - 1
			lo, hi := min(k*perBlock, nbg), min((k+1)*perBlock, nbg)
			share := value / int64(hi-lo+1)
			for i := lo; i < hi; i++ {
				outs = append(outs, payOut{addr: g.recvAddr(g.bg[i]), value: share})
			}
			outs = append(outs, payOut{addr: g.recvAddr(g.pools[int(h)%len(g.pools)]), value: value - share*int64(hi-lo)})
		}
		if err := g.sealBlock(outs); err != nil {
			return err
		}
		bt = bt.Add(time.Duration(30*24*3600/bootstrapBlocks) * time.Second)
	}
	// Exchanges move most of the cold funds to their hot wallets.
	g.height++
	g.blockTime, g.now = Start.Add(-time.Hour), Start.Add(-time.Hour).Unix()
	for _, ex := range g.exchanges {
		cw := g.wallets[ex.cold]
		if cw.bal > 0 {
			g.spend(cw, []payOut{{addr: ex.hotAddr, value: cw.bal / 2}}, spendOpt{kind: "cold_to_hot"})
		}
	}
	if err := g.sealBlock(nil); err != nil {
		return err
	}
	spacing := 86400 / g.p.blocksPerDay
	t := float64(Start.Unix())
	day := int32(math.Round(g.p.blocksPerDay))
	for {
		t += max(1, g.r.ExpFloat64()*spacing)
		if int64(t) >= End.Unix() {
			break
		}
		g.height++
		g.now = int64(t)
		g.blockTime = time.Unix(g.now, 0).UTC()
		for g.events.Len() > 0 && g.events[0].at <= g.now {
			e := heap.Pop(&g.events).(event)
			g.handle(e)
		}
		for range poisson(g.r, g.p.bgPerBlock) {
			g.background()
		}
		for i, ex := range g.exchanges {
			if int(g.height)%exchangeFacts[i].batch == 0 {
				g.exchangeBatch(ex)
			}
			if (g.height+int32(i)*7)%day == 0 {
				g.consolidate(ex)
			}
		}
		// Daily, weekly and intra-day jobs; the offsets are taken modulo
		// the period so that they also run at tiny block rates.
		if g.height%day == 5%day {
			g.serviceSweep()
		}
		if g.height%(7*day) == 11%(7*day) {
			g.payAdmins()
			g.poolsSell()
		}
		if k := max(1, day/6); g.height%k == 3%k {
			g.coinjoin(0)
		}
		if k := max(1, day/3); g.height%k == 7%k {
			g.coinjoin(1)
		}
		if g.err != nil {
			return g.err
		}
		if err := g.sealBlock(nil); err != nil {
			return err
		}
		if g.height%500 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			prog(500)
		}
	}
	return g.blocks.close()
}

// handle runs one scheduled event.
func (g *gen) handle(e event) {
	switch e.kind {
	case evPayInvoice:
		g.payInvoice(e.a, int(e.b), e.v)
	case evForward:
		w := g.wallets[e.a]
		to := g.wallets[w.next]
		if _, _, ok := g.spend(w, []payOut{{addr: g.recvAddr(to.id)}}, spendOpt{sweep: true, kind: "hop"}); !ok {
			g.schedule(g.now+3600, evForward, e.a, 0, 0)
		}
	case evCashout:
		w := g.wallets[e.a]
		ex := int(w.exchange)
		g.spend(w, []payOut{{addr: g.depositAddr(ex, w.id)}}, spendOpt{sweep: true, kind: "cashout"})
	case evShopPay:
		p := &g.persons[e.a]
		if p.wallet < 0 {
			return
		}
		w := g.wallets[p.wallet]
		v := penceToSats(e.v, g.prices.gbpPence(time.Unix(g.now, 0)))
		shop := g.shops[int(e.b)%len(g.shops)]
		if w.bal > v*2 {
			g.spend(w, []payOut{{addr: g.recvAddr(shop), value: v}}, spendOpt{kind: "shop_payment"})
		}
	}
}

// payInvoice makes (or retries) a payment of amount to invoice i.
func (g *gen) payInvoice(i int32, try int, amount int64) {
	inv := &g.invoices[i]
	acc := &g.accounts[inv.account]
	p := &g.persons[acc.person]
	if p.mode == payDirect || p.wallet < 0 || try > 40 {
		g.exchanges[p.exchange].queue = append(g.exchanges[p.exchange].queue, withdrawal{addr: inv.addr, value: amount, inv: i, target: -1})
		return
	}
	w := g.wallets[p.wallet]
	if w.bal > amount+200_000 && (!w.mixer || w.topupDue <= g.now) {
		vouts, h, ok := g.spend(w, []payOut{{addr: inv.addr, value: amount}}, spendOpt{kind: "service_payment"})
		if ok {
			g.markPaid(i, h, vouts[0], w.id, w.lastTopup, amount)
			return
		}
	}
	if w.topupDue <= g.now {
		g.topUp(w, p, amount)
	}
	g.schedule(max(w.topupDue, g.now+1800), evPayInvoice, i, int32(try+1), amount)
}

func (g *gen) markPaid(i int32, h [32]byte, vout uint32, w uint32, source int32, value int64) {
	inv := &g.invoices[i]
	p := payment{txid: h, vout: vout, height: g.height, at: g.now, wallet: int32(w), source: source, value: value}
	if w == ^uint32(0) {
		p.wallet = -1
	}
	inv.pays = append(inv.pays, p)
}

// topUp funds a customer's wallet from the person's exchange, through hop
// wallets or a CoinJoin as the person's habit is.
func (g *gen) topUp(w *wallet, p *person, need int64) {
	rate := g.prices.gbpPence(time.Unix(g.now, 0))
	pence := satsToPence(need, rate)
	// Buy a round amount of pounds, a bit more than needed.
	step := int64(5000)
	if pence > 100000 {
		step = 50000
	}
	buy := (pence*(110+int64(g.r.IntN(150)))/100/step + 1) * step
	v := penceToSats(buy, rate)
	if w.mixer {
		v = max(v, 12_000_000) // enough for a 0.1 BTC Wasabi output
	}
	target := w.id
	delay := int64(3600 * (1 + g.r.IntN(6)))
	if len(p.hops) > 0 && w.id == uint32(p.wallet) {
		target = uint32(p.hops[len(p.hops)-1])
		for k := len(p.hops) - 1; k >= 0; k-- {
			delay += int64(3600 * (2 + g.r.IntN(24)))
			g.schedule(g.now+delay, evForward, p.hops[k], 0, 0)
		}
		delay += 3600
	}
	if w.mixer {
		delay += int64(86400 / g.p.blocksPerDay * 6 * float64(1+g.r.IntN(3)))
	}
	ex := g.exchanges[p.exchange]
	ex.queue = append(ex.queue, withdrawal{addr: g.recvAddr(target), value: v, inv: -1, target: int32(target)})
	w.topupDue = g.now + delay
	w.lastTopup = int32(p.exchange)
}

// exchangeBatch pays the queued withdrawals in one transaction.
func (g *gen) exchangeBatch(ex *exchange) {
	if len(ex.queue) == 0 {
		return
	}
	hot := g.wallets[ex.hot]
	n := min(len(ex.queue), 150)
	batch := ex.queue[:n]
	outs := make([]payOut, n)
	var total int64
	for i, q := range batch {
		outs[i] = payOut{addr: q.addr, value: q.value}
		total += q.value
	}
	if hot.bal < total+10_000_000 {
		g.refill(ex, total)
	}
	vouts, h, ok := g.spend(hot, outs, spendOpt{kind: "exchange_withdrawal", maxInputs: 50})
	if !ok {
		return // try again at the next batch
	}
	for i, q := range batch {
		if q.inv >= 0 {
			g.markPaid(q.inv, h, vouts[i], ^uint32(0), int32(ex.idx), q.value)
		}
		if q.target >= 0 {
			g.wallets[q.target].lastTopup = int32(ex.idx)
		}
	}
	ex.queue = slices.Delete(ex.queue, 0, n)
}

// refill moves funds from cold to hot, or borrows from the richest exchange's
// cold wallet (an OTC trade) when the cold wallet is empty.
func (g *gen) refill(ex *exchange, need int64) {
	cold := g.wallets[ex.cold]
	amount := need + 50*100_000_000
	if cold.bal < amount+1_000_000 {
		best := g.exchanges[0]
		for _, e := range g.exchanges {
			if g.wallets[e.cold].bal > g.wallets[best.cold].bal {
				best = e
			}
		}
		cold = g.wallets[best.cold]
		amount = min(amount, cold.bal/2)
	}
	if amount > dust*10 {
		g.spend(cold, []payOut{{addr: ex.hotAddr, value: amount}}, spendOpt{kind: "cold_to_hot"})
	}
}

// consolidate sweeps an exchange's deposit addresses into its hot wallet.
func (g *gen) consolidate(ex *exchange) {
	hot := g.wallets[ex.hot]
	for k := 0; k < 5 && len(hot.inbox) > 0; k++ {
		to := ex.hotAddr
		if chance(g.r, 0.3) {
			to = g.newAddr(ex.hot, exchangeFacts[ex.idx].kind, roleHot)
		}
		if _, _, ok := g.spend(hot, []payOut{{addr: to}}, spendOpt{sweep: true, inbox: true, maxInputs: 250, kind: "exchange_consolidation"}); !ok {
			return
		}
	}
	// Keep the hot wallet from growing without bound: excess goes cold.
	if hot.bal > 2000*100_000_000 {
		g.spend(hot, []payOut{{addr: g.newAddr(ex.cold, kP2WPKH, roleCold), value: hot.bal / 2}}, spendOpt{kind: "hot_to_cold"})
	}
}

func (g *gen) serviceSweep() {
	w := g.wallets[g.serviceDeposit]
	for len(w.inbox) > 0 {
		to := g.recvAddr(g.serviceCons)
		if _, _, ok := g.spend(w, []payOut{{addr: to}}, spendOpt{sweep: true, inbox: true, maxInputs: 200, kind: "service_sweep"}); !ok {
			return
		}
	}
}

func (g *gen) payAdmins() {
	cons := g.wallets[g.serviceCons]
	if cons.bal < 10_000_000 {
		return
	}
	share := []int64{50, 30, 20}
	budget := cons.bal * 8 / 10
	outs := make([]payOut, len(g.admins))
	for i, a := range g.admins {
		outs[i] = payOut{addr: g.recvAddr(a), value: budget * share[i] / 100}
	}
	if _, _, ok := g.spend(cons, outs, spendOpt{kind: "admin_payout"}); ok {
		for _, a := range g.admins {
			g.schedule(g.now+int64(86400*(1+g.r.IntN(5))), evCashout, int32(a), 0, 0)
		}
	}
}

// poolsSell sends mining income and shop takings to exchanges.
func (g *gen) poolsSell() {
	for _, p := range append(slices.Clone(g.pools), g.shops...) {
		w := g.wallets[p]
		ex := int(w.exchange)
		if ex < 0 {
			ex = int(p) % len(g.exchanges)
		}
		if w.bal > 1_000_000 {
			g.spend(w, []payOut{{addr: g.depositAddr(ex, w.id), value: w.bal * 9 / 10}}, spendOpt{kind: "sell", maxInputs: 400})
		}
	}
}

// background makes one transaction of ordinary traffic.
func (g *gen) background() {
	w := g.wallets[g.bg[g.r.IntN(len(g.bg))]]
	rate := g.prices.gbpPence(time.Unix(g.now, 0))
	low := penceToSats(5000, rate)
	if w.bal < low {
		if w.topupDue <= g.now {
			ex := g.exchanges[w.exchange]
			pence := int64([]int{100, 200, 250, 500, 1000, 2000, 5000}[g.r.IntN(7)]) * 100
			ex.queue = append(ex.queue, withdrawal{addr: g.recvAddr(w.id), value: penceToSats(pence, rate), inv: -1, target: int32(w.id)})
			w.topupDue = g.now + 86400
		}
		return
	}
	amount := func() int64 {
		if chance(g.r, w.beh.roundBTC) {
			for _, v := range []int64{100_000_000, 50_000_000, 10_000_000, 5_000_000, 1_000_000, 500_000, 100_000} {
				if v < w.bal/2 {
					return v
				}
			}
		}
		return int64(float64(w.bal) * (0.05 + 0.5*g.r.Float64()))
	}
	switch x := g.r.Float64(); {
	case x < 0.6:
		to := g.wallets[g.bg[g.r.IntN(len(g.bg))]]
		g.spend(w, []payOut{{addr: g.recvAddr(to.id), value: amount()}}, spendOpt{kind: "payment"})
	case x < 0.8:
		ex := int(w.exchange)
		if chance(g.r, 0.5) {
			g.spend(w, []payOut{{addr: g.depositAddr(ex, w.id)}}, spendOpt{sweep: true, kind: "exchange_deposit"})
		} else {
			g.spend(w, []payOut{{addr: g.depositAddr(ex, w.id), value: amount()}}, spendOpt{kind: "exchange_deposit"})
		}
	case x < 0.9:
		outs := []payOut{}
		for range 2 + g.r.IntN(3) {
			outs = append(outs, payOut{addr: g.recvAddr(g.bg[g.r.IntN(len(g.bg))]), value: amount() / 4})
		}
		g.spend(w, outs, spendOpt{kind: "payment"})
	case w.mixer:
		k := g.r.IntN(2)
		g.cjQueue[k] = append(g.cjQueue[k], w.id)
	case len(w.utxos) > 3:
		g.spend(w, []payOut{{addr: g.recvAddr(w.id)}}, spendOpt{sweep: true, kind: "self_consolidation"})
	default:
		g.spend(w, []payOut{{addr: g.recvAddr(g.shops[g.r.IntN(len(g.shops))]), value: amount() / 3}}, spendOpt{kind: "shop_payment"})
	}
}

// coinjoin runs one round: style 0 is Wasabi-like (0.1 BTC outputs, many
// participants, change, coordinator fee), style 1 Whirlpool-like (five
// inputs, five equal outputs).
func (g *gen) coinjoin(style int) {
	denom := []int64{10_000_000, 5_000_000}[style]
	want := []int{g.p.cjParticipants(), 5}[style]
	// Customers who mix, then regular mixers from the background.
	var parts []*wallet
	seen := map[uint32]bool{}
	add := func(id uint32) {
		w := g.wallets[id]
		if !seen[id] && w.bal > denom+500_000 && len(parts) < want {
			seen[id] = true
			parts = append(parts, w)
		}
	}
	for _, p := range g.mixingCustomers {
		w := g.wallets[p]
		if w.topupDue > g.now && w.bal > denom+500_000 {
			add(p)
		}
	}
	for _, id := range g.cjQueue[style] {
		add(id)
	}
	g.cjQueue[style] = g.cjQueue[style][:0]
	for try := 0; len(parts) < want && try < 3*want; try++ {
		id := g.bg[g.r.IntN(len(g.bg))]
		if g.wallets[id].mixer {
			add(id)
		}
	}
	if len(parts) < min(want, 5) {
		return
	}
	var ins []utxo
	var outs []payOut
	var fees int64
	for _, w := range parts {
		// Largest coin first; one or two inputs.
		var sel []int
		var sum int64
		for sum < denom+200_000 && len(sel) < 3 {
			best := -1
			for i := range w.utxos {
				if !slices.Contains(sel, i) && w.utxos[i].matureAt <= g.height && (best < 0 || w.utxos[i].value > w.utxos[best].value) {
					best = i
				}
			}
			if best < 0 {
				break
			}
			sel = append(sel, best)
			sum += w.utxos[best].value
		}
		if sum < denom+200_000 {
			continue
		}
		slices.Sort(sel)
		for k := len(sel) - 1; k >= 0; k-- {
			ins = append(ins, w.utxos[sel[k]])
			w.utxos[sel[k]] = w.utxos[len(w.utxos)-1]
			w.utxos = w.utxos[:len(w.utxos)-1]
		}
		w.bal -= sum
		fee := int64(len(sel)) * 100 * int64(g.feeRate(w)) / 1
		coordFee := denom * 3 / 1000
		if style == 1 {
			coordFee = 0
		}
		outs = append(outs, payOut{addr: g.newAddr(w.id, kP2WPKH, roleReceive), value: denom})
		if ch := sum - denom - fee - coordFee; ch >= dust {
			outs = append(outs, payOut{addr: g.newAddr(w.id, kP2WPKH, roleChange), value: ch})
		}
		fees += coordFee
	}
	if len(outs) == 0 {
		return
	}
	if fees > 0 {
		outs = append(outs, payOut{addr: g.recvAddr(g.coords[style]), value: fees})
	}
	g.r.Shuffle(len(ins), func(i, j int) { ins[i], ins[j] = ins[j], ins[i] })
	// Equal outputs first, sorted by value as Wasabi does.
	slices.SortStableFunc(outs, func(a, b payOut) int {
		if a.value == denom && b.value != denom {
			return -1
		}
		if b.value == denom && a.value != denom {
			return 1
		}
		return int(b.value - a.value)
	})
	coord := g.wallets[g.coords[style]]
	tx := g.buildTx(coord, ins, outs)
	tx.LockTime, tx.Version = 0, 1
	for _, in := range tx.TxIn {
		in.Sequence = wire.MaxTxInSequenceNum
	}
	g.finish(tx, ins)
	h := g.addTx(tx, ins, outs, "coinjoin", coord.id)
	g.truth.coinjoins.row(chainhash.Hash(h).String(), []string{"wasabi", "whirlpool"}[style], int64(denom), len(parts), len(ins), len(outs))
}

// cjParticipants is the Wasabi round size for the scale.
func (p params) cjParticipants() int {
	return max(5, min(60, p.users/500))
}
