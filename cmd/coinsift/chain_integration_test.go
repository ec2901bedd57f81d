package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/btcsuite/btcd/btcec/v2"
	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/txscript"
	"github.com/btcsuite/btcd/wire"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin/rpc"
	"github.com/coinsift/coinsift/chainindex"
)

// btcdVersion is the btcd release the integration test runs (the one in
// go.mod).
const btcdVersion = "v0.24.2"

// btcdBinary builds btcd from the module proxy once and caches it under
// the user cache directory.
func btcdBinary(t *testing.T) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "coinsift-test", "btcd-"+btcdVersion)
	bin := filepath.Join(dir, "btcd")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	// go install pkg@version builds with btcd's own go.mod, not ours.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "install", "github.com/btcsuite/btcd@"+btcdVersion)
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build btcd %s: %v\n%s", btcdVersion, err, out)
	}
	return bin
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// btcdNode is a regtest btcd on loopback.
type btcdNode struct {
	url    string
	client *rpc.Client
}

func startBtcd(t *testing.T, miningAddr string) *btcdNode {
	t.Helper()
	bin := btcdBinary(t)
	tmp := t.TempDir()
	port := freePort(t)
	conf := filepath.Join(tmp, "btcd.conf")
	os.WriteFile(conf, nil, 0o600)
	args := []string{"--regtest", "--configfile=" + conf, "--datadir=" + filepath.Join(tmp, "data"), "--logdir=" + filepath.Join(tmp, "logs"),
		"--rpcuser=coinsift", "--rpcpass=integration", "--notls", fmt.Sprintf("--rpclisten=127.0.0.1:%d", port),
		"--rpccert=" + filepath.Join(tmp, "rpc.cert"), "--rpckey=" + filepath.Join(tmp, "rpc.key"),
		"--nolisten", "--miningaddr=" + miningAddr, "--debuglevel=warn"}
	var out bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Errorf("btcd (pid %d) did not exit", cmd.Process.Pid)
		}
		if t.Failed() {
			t.Logf("btcd output:\n%s", out.String())
		}
	})
	n := &btcdNode{url: fmt.Sprintf("http://127.0.0.1:%d", port)}
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		c, err := rpc.Dial(ctx, rpc.Config{URL: n.url, User: "coinsift", Pass: "integration", Retries: -1, Timeout: 5 * time.Second})
		cancel()
		if err == nil {
			n.client = c
			return n
		}
		select {
		case <-done:
			t.Fatalf("btcd exited: %s", out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("btcd not answering after 30 s: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (n *btcdNode) call(t *testing.T, method string, params []any, result any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := n.client.Call(ctx, method, params, result); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

func (n *btcdNode) generate(t *testing.T, k int) []string {
	t.Helper()
	var hashes []string
	n.call(t, "generate", []any{k}, &hashes)
	if len(hashes) != k {
		t.Fatalf("generate %d gave %d blocks", k, len(hashes))
	}
	return hashes
}

func (n *btcdNode) block(t *testing.T, h int) *wire.MsgBlock {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	raw, err := n.client.Block(ctx, coinsift.Height(h), nil)
	if err != nil {
		t.Fatal(err)
	}
	var b wire.MsgBlock
	if err := b.Deserialize(bytes.NewReader(raw)); err != nil {
		t.Fatal(err)
	}
	return &b
}

func (n *btcdNode) send(t *testing.T, tx *wire.MsgTx) string {
	t.Helper()
	var buf bytes.Buffer
	tx.Serialize(&buf)
	var id string
	n.call(t, "sendrawtransaction", []any{hex.EncodeToString(buf.Bytes())}, &id)
	if id != tx.TxHash().String() {
		t.Fatalf("sendrawtransaction returned %s; want %s", id, tx.TxHash())
	}
	return id
}

// wallet is a key with its regtest P2PKH and P2WPKH scripts.
type wallet struct {
	key            *btcec.PrivateKey
	p2pkh, p2wpkh  []byte
	addr, segwitAd string
}

func newWallet(t *testing.T, seed string) wallet {
	t.Helper()
	k := sha256.Sum256([]byte(seed))
	key, _ := btcec.PrivKeyFromBytes(k[:])
	pkh := btcutil.Hash160(key.PubKey().SerializeCompressed())
	a1, err := btcutil.NewAddressPubKeyHash(pkh, &chaincfg.RegressionNetParams)
	if err != nil {
		t.Fatal(err)
	}
	a2, err := btcutil.NewAddressWitnessPubKeyHash(pkh, &chaincfg.RegressionNetParams)
	if err != nil {
		t.Fatal(err)
	}
	s1, _ := txscript.PayToAddrScript(a1)
	s2, _ := txscript.PayToAddrScript(a2)
	return wallet{key: key, p2pkh: s1, p2wpkh: s2, addr: a1.EncodeAddress(), segwitAd: a2.EncodeAddress()}
}

type coin struct {
	op     wire.OutPoint
	value  int64
	script []byte
	owner  wallet
}

// spend builds and signs a transaction spending c to outs (P2PKH and
// P2WPKH inputs).
func spend(t *testing.T, c coin, outs ...*wire.TxOut) *wire.MsgTx {
	t.Helper()
	tx := wire.NewMsgTx(2)
	tx.AddTxIn(wire.NewTxIn(&c.op, nil, nil))
	for _, o := range outs {
		tx.AddTxOut(o)
	}
	if bytes.Equal(c.script, c.owner.p2wpkh) {
		hashes := txscript.NewTxSigHashes(tx, txscript.NewCannedPrevOutputFetcher(c.script, c.value))
		w, err := txscript.WitnessSignature(tx, hashes, 0, c.value, c.script, txscript.SigHashAll, c.owner.key, true)
		if err != nil {
			t.Fatal(err)
		}
		tx.TxIn[0].Witness = w
	} else {
		s, err := txscript.SignatureScript(tx, 0, c.script, txscript.SigHashAll, c.owner.key, true)
		if err != nil {
			t.Fatal(err)
		}
		tx.TxIn[0].SignatureScript = s
	}
	return tx
}

// chainInfo returns `coinsift chain info --json`.
func chainInfo(t *testing.T, dir string) chainindex.Info {
	t.Helper()
	var inf chainindex.Info
	if err := json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "chain", "info")), &inf); err != nil {
		t.Fatal(err)
	}
	return inf
}

// columns returns the chain index's column files of a case, without the
// postings (derived, rebuilt at different moments).
func columns(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "chain", "*.col"))
	sort.Strings(names)
	m := map[string][]byte{}
	for _, n := range names {
		if filepath.Base(n) == "postings.col" {
			continue
		}
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		m[filepath.Base(n)] = b
	}
	return m
}

// TestBtcdIntegration runs a real btcd in regtest: it mines blocks, spends
// coinbase outputs with P2PKH and P2WPKH transactions signed here, imports
// over RPC, forces a reorg with invalidateblock and checks that the next
// import equals a fresh one. Set COINSIFT_INTEGRATION=1 to run it; the
// first run builds btcd from the module proxy (cached afterwards).
func TestBtcdIntegration(t *testing.T) {
	if os.Getenv("COINSIFT_INTEGRATION") != "1" {
		t.Skip("set COINSIFT_INTEGRATION=1 to run the btcd integration test (builds btcd " + btcdVersion + " from the module proxy)")
	}
	miner, payee, saver := newWallet(t, "coinsift miner"), newWallet(t, "coinsift payee"), newWallet(t, "coinsift saver")
	node := startBtcd(t, miner.addr)
	// btcd's regtest activates SegWit by BIP 9 signalling: three windows of
	// 144 blocks.
	const base = 440
	node.generate(t, base)

	coinbase := func(h int) coin {
		b := node.block(t, h)
		cb := b.Transactions[0]
		for i, o := range cb.TxOut {
			if bytes.Equal(o.PkScript, miner.p2pkh) {
				return coin{op: wire.OutPoint{Hash: cb.TxHash(), Index: uint32(i)}, value: o.Value, script: o.PkScript, owner: miner}
			}
		}
		t.Fatalf("block %d pays no output to the miner", h)
		return coin{}
	}
	const btc = 100_000_000
	// Block base+1: A spends coinbase 1 (P2PKH) to saver's P2WPKH, payee and
	// change; B spends A's P2WPKH output to payee and back to saver.
	cb1 := coinbase(1)
	txA := spend(t, cb1, wire.NewTxOut(10*btc, saver.p2wpkh), wire.NewTxOut(5*btc, payee.p2pkh), wire.NewTxOut(cb1.value-15*btc-100_000, miner.p2pkh))
	txB := spend(t, coin{op: wire.OutPoint{Hash: txA.TxHash(), Index: 0}, value: 10 * btc, script: saver.p2wpkh, owner: saver},
		wire.NewTxOut(4*btc, payee.p2pkh), wire.NewTxOut(6*btc-50_000, saver.p2wpkh))
	idA, idB := node.send(t, txA), node.send(t, txB)
	node.generate(t, 1)
	// Block base+2: C spends coinbase 2 to payee.
	cb2 := coinbase(2)
	txC := spend(t, cb2, wire.NewTxOut(1*btc, payee.p2pkh), wire.NewTxOut(cb2.value-1*btc-20_000, miner.p2pkh))
	idC := node.send(t, txC)
	hashes := node.generate(t, 2) // base+2, base+3

	dir := newCase(t)
	importRPC := func(dir string) chainImportResult {
		t.Helper()
		out := mustCLI(t, "--case", dir, "-q", "--json", "chain", "import", "--rpc", node.url, "--rpc-user", "coinsift", "--rpc-pass", "integration")
		var res chainImportResult
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return res
	}
	res := importRPC(dir)
	if res.Import.From != 0 || res.Import.To != base+3 || res.Info.Network != "regtest" {
		t.Fatalf("first import: %+v on %s; want 0..%d on regtest", res.Import, res.Info.Network, base+3)
	}
	inf := chainInfo(t, dir)
	if c := inf.Counts; c.Blocks != base+4 || c.Txs != base+4+3 || c.Inputs != base+4+3 {
		t.Errorf("counts %+v; want %d blocks, %d txs, %d inputs", inf.Counts, base+4, base+7, base+7)
	}
	// Balances and fees as created.
	var addr addressView
	json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "address", payee.addr)), &addr)
	if addr.Received != 10*btc || addr.Balance != 10*btc || addr.Outputs != 3 {
		t.Errorf("payee %s: %+v; want 10 BTC received in 3 outputs, unspent", payee.addr, addr.AddressSummary)
	}
	json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "address", saver.segwitAd)), &addr)
	if addr.Received != 16*btc-50_000 || addr.Spent != 10*btc || addr.Balance != 6*btc-50_000 {
		t.Errorf("saver %s: %+v; want 16 BTC − 50,000 received, 10 BTC spent", saver.segwitAd, addr.AddressSummary)
	}
	for _, tc := range []struct {
		id     string
		height int
		fee    coinsift.Sats
	}{{idA, base + 1, 100_000}, {idB, base + 1, 50_000}, {idC, base + 2, 20_000}} {
		var v txView
		json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "tx", tc.id)), &v)
		if int(v.Height) != tc.height || v.Fee == nil || *v.Fee != tc.fee {
			t.Errorf("tx %s: height %d fee %v; want %d, %d", tc.id, v.Height, v.Fee, tc.height, tc.fee)
		}
		if tc.id == idB && (!v.Witness || v.Inputs[0].Address != saver.segwitAd) {
			t.Errorf("tx B: witness %v, spends from %q; want a witness spend from %s", v.Witness, v.Inputs[0].Address, saver.segwitAd)
		}
	}
	out := mustCLI(t, "--case", dir, "sql", "--format", "csv", "SELECT count(*), sum(value) FROM chain_outputs o JOIN chain_addresses a USING (address_id) WHERE a.address = '"+payee.addr+"'")
	if want := "3," + strconv.Itoa(10*btc); !bytes.Contains([]byte(out), []byte(want)) {
		t.Errorf("sql payee outputs: %s; want %s", out, want)
	}

	// Reorg: invalidate block base+2 and mine a longer branch; C returns to
	// the mempool and is mined again on the new branch.
	node.call(t, "invalidateblock", []any{hashes[0]}, nil)
	var count int
	node.call(t, "getblockcount", nil, &count)
	if count != base+1 {
		t.Fatalf("after invalidateblock the tip is %d; want %d", count, base+1)
	}
	node.generate(t, 4) // base+2..base+5
	res = importRPC(dir)
	if res.Import.RolledBack != 2 || res.Import.From != base+2 || res.Import.To != base+5 {
		t.Errorf("import after reorg: %+v; want 2 rolled back, %d..%d appended", res.Import, base+2, base+5)
	}
	if res.SQL == nil || res.SQL.RolledBack != 2 || res.SQL.To != base+5 {
		t.Errorf("tables after reorg: %+v; want 2 rolled back, up to %d", res.SQL, base+5)
	}
	fresh := newCase(t)
	importRPC(fresh)
	a, b := columns(t, dir), columns(t, fresh)
	for name := range b {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s after the reorg differs from a fresh import", name)
		}
	}
	ia, ib := chainInfo(t, dir), chainInfo(t, fresh)
	if ia.Counts != ib.Counts || ia.TipHash != ib.TipHash {
		t.Errorf("index after reorg %+v %s; fresh import %+v %s", ia.Counts, ia.TipHash, ib.Counts, ib.TipHash)
	}
	var tip string
	node.call(t, "getbestblockhash", nil, &tip)
	if ia.TipHash != tip {
		t.Errorf("index tip %s; node's best block %s", ia.TipHash, tip)
	}
	q := "SELECT count(*), sum(value) FROM chain_outputs"
	if x, y := mustCLI(t, "--case", dir, "sql", "--format", "csv", q), mustCLI(t, "--case", fresh, "sql", "--format", "csv", q); x != y {
		t.Errorf("chain_outputs after reorg %q; fresh %q", x, y)
	}
	var v txView
	json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "tx", idC)), &v)
	if v.Height < base+2 {
		t.Errorf("tx C at height %d; want it re-mined on the new branch", v.Height)
	}
}
