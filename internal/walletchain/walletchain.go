package walletchain

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/txscript"
	"github.com/btcsuite/btcd/wire"
)

// Software names written to truth/txs.tsv.
const (
	SoftwareBtcwallet = "btcwallet"
	SoftwareCoreLike  = "core-like"
	SoftwareCoinbase  = "coinbase"
)

// Config sets the size of the scripted economy.
type Config struct {
	// Dir receives blocks/ and truth/; the node and wallets run in
	// Dir/run (removed afterwards unless KeepRun).
	Dir string
	// Btcwallets is the number of customers using btcwallet (default 4).
	Btcwallets int
	// CoreLike is the number of customers using the core-like wallet
	// (0: the default, 3; -1: none, a chain written by btcwallet alone).
	CoreLike int
	// Rounds is the number of blocks of activity (default 60).
	Rounds int
	// Seed drives the script (who pays whom, how much); the wallets' own
	// choices (keys, coin selection, change position) are theirs.
	Seed uint64
	// KeepRun keeps the node's and wallets' directories and logs.
	KeepRun bool
	// Logger receives progress; nil is silent.
	Logger *slog.Logger
}

// Result summarises a written chain.
type Result struct {
	Blocks     int
	Txs        int            // non-coinbase transactions
	BySoftware map[string]int // non-coinbase transactions by software
	Addresses  int            // addresses with a known wallet
	Change     int            // true change outputs
	Refused    int            // payments a wallet refused (insufficient funds)
}

// actor is one wallet of the economy.
type actor struct {
	id   int // wallet_id in the truth
	role string
	bw   *endpoint // btcwallet RPC, or nil
	core *coreLike // or the core-like wallet
}

type driver struct {
	cfg    Config
	log    *slog.Logger
	rng    *rand.Rand
	node   *endpoint
	actors []*actor
	procs  []*process
	height int32
	res    Result
}

// Run writes a chain with btcd and btcwallet and records its truth in
// cfg.Dir (see the package documentation).
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if cfg.Btcwallets == 0 {
		cfg.Btcwallets = 4
	}
	if cfg.CoreLike == 0 {
		cfg.CoreLike = 3
	}
	cfg.CoreLike = max(cfg.CoreLike, 0)
	if cfg.Rounds == 0 {
		cfg.Rounds = 60
	}
	if cfg.Btcwallets < 1 || cfg.Btcwallets > 50 || cfg.CoreLike > 50 || cfg.Rounds < 1 || cfg.Rounds > 5000 {
		return nil, fmt.Errorf("walletchain: config %+v out of range", cfg)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	d := &driver{cfg: cfg, log: log, rng: rand.New(rand.NewPCG(cfg.Seed, 0x77616c6c6574)), res: Result{BySoftware: map[string]int{}}}
	defer func() {
		for _, p := range d.procs {
			p.stop()
		}
		if !cfg.KeepRun {
			os.RemoveAll(filepath.Join(cfg.Dir, "run"))
		}
	}()
	if err := d.setup(ctx); err != nil {
		return nil, err
	}
	if err := d.script(ctx); err != nil {
		return nil, err
	}
	if err := d.record(ctx); err != nil {
		return nil, err
	}
	return &d.res, nil
}

func (d *driver) setup(ctx context.Context) error {
	btcd, err := Binary(ctx, "github.com/btcsuite/btcd", BtcdVersion)
	if err != nil {
		return err
	}
	btcwallet, err := Binary(ctx, "github.com/btcsuite/btcwallet", BtcwalletVersion)
	if err != nil {
		return err
	}
	run := filepath.Join(d.cfg.Dir, "run")
	if err := os.MkdirAll(run, 0o755); err != nil {
		return fmt.Errorf("walletchain: %w", err)
	}
	empty := filepath.Join(run, "empty.conf")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		return fmt.Errorf("walletchain: %w", err)
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	hc := &http.Client{Timeout: 2 * time.Minute}
	d.node = &endpoint{name: "btcd", url: fmt.Sprintf("http://127.0.0.1:%d", port), hc: hc}
	// startNode starts btcd; it is restarted once to mine to the
	// exchange's own address, which exists only once the wallet does.
	startNode := func(extra ...string) (*process, error) {
		args := append([]string{"--simnet", "--configfile=" + empty, "--datadir=" + filepath.Join(run, "btcd"),
			"--logdir=" + filepath.Join(run, "btcd"), "--rpcuser=" + rpcUser, "--rpcpass=" + rpcPass, "--notls",
			fmt.Sprintf("--rpclisten=127.0.0.1:%d", port), "--nolisten", "--debuglevel=info"}, extra...)
		p, err := start(run, "btcd", btcd, args...)
		if err != nil {
			return nil, err
		}
		return p, waitReady(ctx, p, d.node, "getblockcount", time.Minute)
	}
	// Segregated witness activates on simnet after three 100-block
	// deployment windows; those blocks pay an address nobody holds.
	nobody, err := btcutil.NewAddressPubKeyHash(make([]byte, 20), &chaincfg.SimNetParams)
	if err != nil {
		return fmt.Errorf("walletchain: %w", err)
	}
	node, err := startNode("--miningaddr=" + nobody.EncodeAddress())
	if node != nil {
		d.procs = append(d.procs, node)
	}
	if err != nil {
		return err
	}
	if err := d.generate(ctx, 300); err != nil {
		return err
	}
	nb := 2 + d.cfg.Btcwallets
	roles := []string{"exchange", "service"}
	for i := 0; i < nb; i++ {
		role := "customer"
		if i < len(roles) {
			role = roles[i]
		}
		wp, err := freePort()
		if err != nil {
			return err
		}
		name := fmt.Sprintf("wallet%d", i+1)
		p, err := start(run, name, btcwallet, "--simnet", "--createtemp", "--configfile="+empty,
			"--appdata="+filepath.Join(run, name), fmt.Sprintf("--rpcconnect=127.0.0.1:%d", port),
			"--noclienttls", "--noservertls", "--username="+rpcUser, "--password="+rpcPass,
			fmt.Sprintf("--rpclisten=127.0.0.1:%d", wp))
		if err != nil {
			return err
		}
		d.procs = append(d.procs, p)
		d.actors = append(d.actors, &actor{id: i + 1, role: role, bw: &endpoint{name: name, url: fmt.Sprintf("http://127.0.0.1:%d", wp), hc: hc}})
	}
	for i, a := range d.actors {
		if err := waitReady(ctx, d.procs[i+1], a.bw, "getnewaddress", 5*time.Minute); err != nil {
			return err
		}
		if err := a.bw.call(ctx, "walletpassphrase", []any{"password", 86400}, nil); err != nil {
			return err
		}
	}
	for i := 0; i < d.cfg.CoreLike; i++ {
		id := nb + i + 1
		d.actors = append(d.actors, &actor{id: id, role: "customer", core: newCoreLike(id, d.cfg.Seed)})
	}
	minerAddr, err := d.newAddress(ctx, d.actors[0])
	if err != nil {
		return err
	}
	node.stop()
	if node, err = startNode("--miningaddr=" + minerAddr); err != nil {
		return err
	}
	d.procs[0] = node
	// Mature coinbases for the exchange; btcwallet spends only once it
	// has seen a block as synced.
	if err := d.generate(ctx, 120); err != nil {
		return err
	}
	if err := d.mine(ctx); err != nil {
		return err
	}
	// Seed every customer from the exchange in one batch.
	outs := map[string]float64{}
	for _, a := range d.actors[2:] {
		addr, err := d.newAddress(ctx, a)
		if err != nil {
			return err
		}
		outs[addr] = btc(int64(2e8 + d.rng.Int64N(3e8)))
	}
	// A wallet that reconnected to the restarted node may not spend until
	// it has seen another block.
	for try := 0; ; try++ {
		var txid string
		err := d.actors[0].bw.call(ctx, "sendmany", []any{"default", outs}, &txid)
		if err == nil {
			break
		}
		if !errors.Is(err, errInsufficient) || try == 30 {
			return err
		}
		time.Sleep(time.Second)
		if err := d.mine(ctx); err != nil {
			return err
		}
	}
	return d.mine(ctx)
}

func btc(sats int64) float64 { return float64(sats) / 1e8 }

// generate mines n blocks.
func (d *driver) generate(ctx context.Context, n int) error {
	var hashes []string
	if err := d.node.call(ctx, "generate", []any{n}, &hashes); err != nil {
		return err
	}
	return d.node.call(ctx, "getblockcount", nil, &d.height)
}

// mine mines one block, waits for every btcwallet to process it and
// credits the core-like wallets with its outputs.
func (d *driver) mine(ctx context.Context) error {
	if err := d.generate(ctx, 1); err != nil {
		return err
	}
	blk, err := d.block(ctx, d.height)
	if err != nil {
		return err
	}
	for _, a := range d.actors {
		if a.core == nil {
			continue
		}
		for _, tx := range blk.Transactions {
			h := tx.TxHash()
			for v, o := range tx.TxOut {
				if a.core.owns(o.PkScript) {
					a.core.utxos = append(a.core.utxos, utxo{op: wire.OutPoint{Hash: h, Index: uint32(v)}, value: o.Value, script: o.PkScript, height: d.height})
				}
			}
		}
	}
	deadline := time.Now().Add(60 * time.Second)
	for _, a := range d.actors {
		if a.bw == nil {
			continue
		}
		for {
			var info struct {
				Blocks int32 `json:"blocks"`
			}
			if err := a.bw.call(ctx, "getinfo", nil, &info); err != nil {
				return err
			}
			if info.Blocks >= d.height {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("%s at block %d, node at %d after 60 s", a.bw.name, info.Blocks, d.height)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return nil
}

func (d *driver) block(ctx context.Context, h int32) (*wire.MsgBlock, error) {
	var hash, raw string
	if err := d.node.call(ctx, "getblockhash", []any{h}, &hash); err != nil {
		return nil, err
	}
	if err := d.node.call(ctx, "getblock", []any{hash, 0}, &raw); err != nil {
		return nil, err
	}
	b, err := hex.DecodeString(raw)
	if err != nil {
		return nil, fmt.Errorf("block %d: %w", h, err)
	}
	var blk wire.MsgBlock
	if err := blk.Deserialize(bytes.NewReader(b)); err != nil {
		return nil, fmt.Errorf("block %d: %w", h, err)
	}
	return &blk, nil
}

// newAddress returns a fresh receiving address of a.
func (d *driver) newAddress(ctx context.Context, a *actor) (string, error) {
	if a.core != nil {
		return a.core.newAddress()
	}
	var s string
	err := a.bw.call(ctx, "getnewaddress", nil, &s)
	return s, err
}

func (d *driver) balance(ctx context.Context, a *actor) (int64, error) {
	if a.core != nil {
		return a.core.balance(), nil
	}
	var b float64
	if err := a.bw.call(ctx, "getbalance", nil, &b); err != nil {
		return 0, err
	}
	return int64(b*1e8 + 0.5), nil
}

// pay makes a pay each of amounts (address → sats) in one transaction.
// A wallet's refusal for lack of funds is counted, not an error.
func (d *driver) pay(ctx context.Context, a *actor, to map[string]int64) error {
	addrs := make([]string, 0, len(to))
	for s := range to {
		addrs = append(addrs, s)
	}
	sort.Strings(addrs)
	var err error
	switch {
	case a.core != nil:
		var outs []*wire.TxOut
		for _, s := range addrs {
			ad, derr := btcutil.DecodeAddress(s, &chaincfg.SimNetParams)
			if derr != nil {
				return fmt.Errorf("pay %s: %w", s, derr)
			}
			script, _ := txscript.PayToAddrScript(ad)
			outs = append(outs, wire.NewTxOut(to[s], script))
		}
		var tx *wire.MsgTx
		tx, err = a.core.pay(outs, d.height)
		if err == nil {
			var buf bytes.Buffer
			tx.Serialize(&buf)
			err = d.node.call(ctx, "sendrawtransaction", []any{hex.EncodeToString(buf.Bytes())}, nil)
		}
	case len(addrs) == 1:
		err = a.bw.call(ctx, "sendtoaddress", []any{addrs[0], btc(to[addrs[0]])}, nil)
	default:
		m := map[string]float64{}
		for s, v := range to {
			m[s] = btc(v)
		}
		err = a.bw.call(ctx, "sendmany", []any{"default", m}, nil)
	}
	if errors.Is(err, errInsufficient) {
		d.res.Refused++
		return nil
	}
	return err
}

// invoice returns a price: mostly a fiat price converted at a rate (not
// round in BTC), sometimes a round BTC amount.
func (d *driver) invoice() int64 {
	if d.rng.IntN(5) == 0 {
		return int64(1+d.rng.IntN(20)) * 1_000_000
	}
	usd := float64(10 + d.rng.IntN(500))
	rate := 25_000 + d.rng.Float64()*40_000
	return int64(usd / rate * 1e8)
}

// script runs the economy for cfg.Rounds blocks.
func (d *driver) script(ctx context.Context) error {
	exchange, service := d.actors[0], d.actors[1]
	customers := d.actors[2:]
	for r := 0; r < d.cfg.Rounds; r++ {
		for _, i := range d.rng.Perm(len(customers)) {
			c := customers[i]
			to := map[string]int64{}
			switch x := d.rng.Float64(); {
			case x < 0.55: // pay the service an invoice at a fresh address
				addr, err := d.newAddress(ctx, service)
				if err != nil {
					return err
				}
				to[addr] = d.invoice()
				if d.rng.IntN(8) == 0 { // and a friend in the same transaction
					f := customers[d.rng.IntN(len(customers))]
					if f != c {
						fa, err := d.newAddress(ctx, f)
						if err != nil {
							return err
						}
						to[fa] = int64(1+d.rng.IntN(10)) * 500_000
					}
				}
			case x < 0.75: // pay another customer
				f := customers[d.rng.IntN(len(customers))]
				if f == c {
					continue
				}
				addr, err := d.newAddress(ctx, f)
				if err != nil {
					return err
				}
				if d.rng.IntN(2) == 0 {
					to[addr] = int64(1+d.rng.IntN(20)) * 1_000_000
				} else {
					to[addr] = 100_000 + d.rng.Int64N(20_000_000)
				}
			case x < 0.80: // deposit at the exchange
				addr, err := d.newAddress(ctx, exchange)
				if err != nil {
					return err
				}
				to[addr] = 5_000_000 + d.rng.Int64N(50_000_000)
			default:
				continue
			}
			if err := d.pay(ctx, c, to); err != nil {
				return err
			}
		}
		// The exchange batches withdrawals to customers running low, and
		// to a few others.
		w := map[string]int64{}
		for _, c := range customers {
			b, err := d.balance(ctx, c)
			if err != nil {
				return err
			}
			if b < 30_000_000 || d.rng.IntN(6) == 0 {
				addr, err := d.newAddress(ctx, c)
				if err != nil {
					return err
				}
				w[addr] = 20_000_000 + d.rng.Int64N(150_000_000)
			}
		}
		if len(w) > 0 {
			if err := d.pay(ctx, exchange, w); err != nil {
				return err
			}
		}
		// The service sweeps most of its takings to the exchange.
		if r%4 == 3 {
			b, err := d.balance(ctx, service)
			if err != nil {
				return err
			}
			if b > 10_000_000 {
				addr, err := d.newAddress(ctx, exchange)
				if err != nil {
					return err
				}
				if err := d.pay(ctx, service, map[string]int64{addr: b * int64(70+d.rng.IntN(25)) / 100}); err != nil {
					return err
				}
			}
		}
		if err := d.mine(ctx); err != nil {
			return err
		}
		d.log.Info("walletchain round", "round", r+1, "height", d.height)
	}
	return nil
}

// record reads the chain back, asks the wallets what they own and writes
// blocks/ and truth/.
func (d *driver) record(ctx context.Context) error {
	for _, sub := range []string{"blocks", "truth"} {
		if err := os.MkdirAll(filepath.Join(d.cfg.Dir, sub), 0o755); err != nil {
			return fmt.Errorf("walletchain: %w", err)
		}
	}
	blkFile, err := os.Create(filepath.Join(d.cfg.Dir, "blocks", "blk00000.dat"))
	if err != nil {
		return fmt.Errorf("walletchain: %w", err)
	}
	defer blkFile.Close()
	bw := bufio.NewWriter(blkFile)
	tsv := map[string]*bytes.Buffer{
		"addresses.tsv": bytes.NewBufferString("address\twallet_id\tactor_id\tscript_type\trole\n"),
		"change.tsv":    bytes.NewBufferString("txid\tvout\twallet_id\n"),
		"coinjoins.tsv": bytes.NewBufferString("txid\n"),
		"txs.tsv":       bytes.NewBufferString("txid\twallet_id\tsoftware\n"),
	}
	owner := map[string]int{} // address → wallet id (0: none)
	prevOwner := map[wire.OutPoint]int{}
	written := map[string]bool{}
	who := func(addr string, script []byte) (int, error) {
		if w, ok := owner[addr]; ok {
			return w, nil
		}
		for _, a := range d.actors {
			if a.core != nil {
				if a.core.owns(script) {
					owner[addr] = a.id
					return a.id, nil
				}
				continue
			}
			var v struct {
				IsMine bool `json:"ismine"`
			}
			if err := a.bw.call(ctx, "validateaddress", []any{addr}, &v); err != nil {
				return 0, err
			}
			if v.IsMine {
				owner[addr] = a.id
				return a.id, nil
			}
		}
		owner[addr] = 0
		return 0, nil
	}
	for h := int32(0); h <= d.height; h++ {
		blk, err := d.block(ctx, h)
		if err != nil {
			return err
		}
		var raw bytes.Buffer
		blk.Serialize(&raw)
		var hdr [8]byte
		copy(hdr[:4], []byte{0x16, 0x1c, 0x14, 0x12}) // simnet magic
		binary.LittleEndian.PutUint32(hdr[4:], uint32(raw.Len()))
		bw.Write(hdr[:])
		bw.Write(raw.Bytes())
		d.res.Blocks++
		for ti, tx := range blk.Transactions {
			txid := tx.TxHash()
			spender, software := 0, SoftwareCoinbase
			if ti > 0 {
				spender = prevOwner[tx.TxIn[0].PreviousOutPoint]
				software = SoftwareBtcwallet
				for _, a := range d.actors {
					if a.id == spender && a.core != nil {
						software = SoftwareCoreLike
					}
				}
				d.res.Txs++
				d.res.BySoftware[software]++
				fmt.Fprintf(tsv["txs.tsv"], "%s\t%d\t%s\n", txid, spender, software)
			}
			for v, o := range tx.TxOut {
				class, addrs, _, err := txscript.ExtractPkScriptAddrs(o.PkScript, &chaincfg.SimNetParams)
				if err != nil || len(addrs) != 1 {
					continue
				}
				addr := addrs[0].EncodeAddress()
				w, err := who(addr, o.PkScript)
				if err != nil {
					return err
				}
				prevOwner[wire.OutPoint{Hash: txid, Index: uint32(v)}] = w
				if w == 0 {
					continue
				}
				role := "receive"
				if ti == 0 {
					role = "coinbase"
				} else if w == spender {
					role = "change"
					fmt.Fprintf(tsv["change.tsv"], "%s\t%d\t%d\n", txid, v, w)
					d.res.Change++
				}
				if !written[addr] {
					written[addr] = true
					d.res.Addresses++
					fmt.Fprintf(tsv["addresses.tsv"], "%s\t%d\t%d\t%s\t%s\n", addr, w, w, coreTypeName(class), role)
				}
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("walletchain: %w", err)
	}
	if err := blkFile.Close(); err != nil {
		return fmt.Errorf("walletchain: %w", err)
	}
	for name, b := range tsv {
		if err := os.WriteFile(filepath.Join(d.cfg.Dir, "truth", name), b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("walletchain: %w", err)
		}
	}
	var sum bytes.Buffer
	fmt.Fprintf(&sum, "blocks\t%d\ntxs\t%d\naddresses\t%d\nchange\t%d\nrefused\t%d\n", d.res.Blocks, d.res.Txs, d.res.Addresses, d.res.Change, d.res.Refused)
	for _, s := range []string{SoftwareBtcwallet, SoftwareCoreLike} {
		fmt.Fprintf(&sum, "txs_%s\t%s\n", s, strconv.Itoa(d.res.BySoftware[s]))
	}
	return os.WriteFile(filepath.Join(d.cfg.Dir, "summary.tsv"), sum.Bytes(), 0o644)
}

// coreTypeName returns Bitcoin Core's name of a script class.
func coreTypeName(c txscript.ScriptClass) string {
	switch c {
	case txscript.PubKeyHashTy:
		return "pubkeyhash"
	case txscript.WitnessV0PubKeyHashTy:
		return "witness_v0_keyhash"
	case txscript.ScriptHashTy:
		return "scripthash"
	}
	return c.String()
}
