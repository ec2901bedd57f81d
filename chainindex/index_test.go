package chainindex_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/txscript"
	"github.com/btcsuite/btcd/wire"
	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
	"github.com/coinsift/coinsift/chainindex"
	"github.com/coinsift/coinsift/internal/testchain"
)

// records splits blk_0_to_14131.dat into its blocks.
func records(tb testing.TB) [][]byte {
	tb.Helper()
	raw, err := os.ReadFile(testchain.Blk14131(tb))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for pos := 0; pos+8 <= len(raw) && bytes.Equal(raw[pos:pos+4], bitcoin.MainNet.Magic[:]); {
		n := int(binary.LittleEndian.Uint32(raw[pos+4:]))
		out = append(out, raw[pos+8:pos+8+n])
		pos += 8 + n
	}
	return out
}

func blocksDir(tb testing.TB, blocks [][]byte) string {
	tb.Helper()
	var buf []byte
	for _, b := range blocks {
		buf = append(buf, bitcoin.MainNet.Magic[:]...)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(b)))
		buf = append(buf, b...)
	}
	dir := tb.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "blk00000.dat"), buf, 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}

func openSource(tb testing.TB, dir string, skipPoW bool) *blockfile.Dir {
	tb.Helper()
	d, err := blockfile.Open(context.Background(), dir, blockfile.Options{SkipPoW: skipPoW})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { d.Close() })
	return d
}

func mustImport(tb testing.TB, dir string, src chainindex.Source, opts chainindex.Options) chainindex.Result {
	tb.Helper()
	res, err := chainindex.Import(context.Background(), dir, src, opts)
	if err != nil {
		tb.Fatalf("Import: %v", err)
	}
	return res
}

func mustOpen(tb testing.TB, dir string) *chainindex.Index {
	tb.Helper()
	x, err := chainindex.Open(dir)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { x.Close() })
	if err := x.Verify(); err != nil {
		tb.Fatalf("Verify: %v", err)
	}
	return x
}

// oracle recomputes counts and per-address totals with btcd.
type oracle struct {
	txs, inputs, outputs int64
	received, spent      map[string]coinsift.Sats
}

func btcdOracle(tb testing.TB, blocks [][]byte) *oracle {
	tb.Helper()
	o := &oracle{received: map[string]coinsift.Sats{}, spent: map[string]coinsift.Sats{}}
	type utxo struct {
		addr  string
		value int64
	}
	utxos := map[wire.OutPoint]utxo{}
	for _, raw := range blocks {
		var mb wire.MsgBlock
		if err := mb.Deserialize(bytes.NewReader(raw)); err != nil {
			tb.Fatal(err)
		}
		for ti, tx := range mb.Transactions {
			o.txs++
			o.inputs += int64(len(tx.TxIn))
			o.outputs += int64(len(tx.TxOut))
			if ti > 0 {
				for _, in := range tx.TxIn {
					u := utxos[in.PreviousOutPoint]
					if u.addr != "" {
						o.spent[u.addr] += coinsift.Sats(u.value)
					}
				}
			}
			h := tx.TxHash()
			for vout, out := range tx.TxOut {
				_, addrs, _, _ := txscript.ExtractPkScriptAddrs(out.PkScript, &chaincfg.MainNetParams)
				var a string
				if len(addrs) == 1 {
					if pk, ok := addrs[0].(*btcutil.AddressPubKey); ok {
						a = pk.AddressPubKeyHash().EncodeAddress()
					} else {
						a = addrs[0].EncodeAddress()
					}
					o.received[a] += coinsift.Sats(out.Value)
				}
				utxos[wire.OutPoint{Hash: h, Index: uint32(vout)}] = utxo{a, out.Value}
			}
		}
	}
	return o
}

func TestImportBtcdFile(t *testing.T) {
	recs := records(t)
	src := openSource(t, filepath.Dir(linkBlk(t)), false)
	dir := t.TempDir()
	res := mustImport(t, dir, src, chainindex.Options{CommitBlocks: 5000})
	if res.Blocks != 14132 || res.Quarantined != 0 {
		t.Fatalf("Import: %+v; want 14132 blocks, none quarantined", res)
	}
	x := mustOpen(t, dir)
	or := btcdOracle(t, recs)
	c := x.Counts()
	if c.Blocks != 14132 || c.Txs != or.txs || c.Inputs != or.inputs || c.Outputs != or.outputs {
		t.Errorf("counts %+v; want 14132 blocks, %d txs, %d inputs, %d outputs", c, or.txs, or.inputs, or.outputs)
	}
	if c.Addresses != int64(len(or.received)) {
		t.Errorf("addresses = %d; want %d", c.Addresses, len(or.received))
	}
	// Block 170: the first bitcoin transaction, 10 BTC to Hal Finney.
	id, _ := coinsift.ParseTxID("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16")
	n, err := x.TxByID(id)
	if err != nil {
		t.Fatal(err)
	}
	tx := x.Tx(n)
	if tx.Height != 170 || tx.NumInputs != 1 || tx.NumOutputs != 2 || tx.Coinbase {
		t.Errorf("tx 170: %+v", tx)
	}
	in := x.Input(tx.FirstInput)
	ptx, vout := x.TxOfOutput(in.Spent)
	if got := x.Tx(ptx); got.Height != 9 || vout != 0 || got.TxID.String() != "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9" {
		t.Errorf("block 170 spends %s:%d at height %d; want block 9 coinbase", got.TxID, vout, got.Height)
	}
	if fee, ok := x.Fee(n); !ok || fee != 0 {
		t.Errorf("fee = %v, %v; want 0", fee, ok)
	}
	hal := x.Output(tx.FirstOutput)
	if hal.Value != 10*coinsift.SatsPerBTC || hal.Type != coinsift.ScriptP2PK || x.AddressString(hal.Addr) != "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3" {
		t.Errorf("output 0 = %v %v %s; want 10 BTC P2PK to 1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3", hal.Value, hal.Type, x.AddressString(hal.Addr))
	}
	// Spender lookups agree with inputs.
	if s, ok := x.OutputSpender(in.Spent); !ok || s != tx.FirstInput {
		t.Errorf("OutputSpender = %d, %v; want %d", s, ok, tx.FirstInput)
	}
	for _, addr := range []string{"1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3", "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"} {
		a, err := x.AddressByString(addr)
		if err != nil {
			t.Errorf("AddressByString(%s): %v", addr, err)
			continue
		}
		s := x.Summary(a)
		if s.Received != or.received[addr] || s.Spent != or.spent[addr] || s.Balance != or.received[addr]-or.spent[addr] {
			t.Errorf("%s: received %v spent %v; want %v %v", addr, s.Received, s.Spent, or.received[addr], or.spent[addr])
		}
	}
	// Every address's totals match btcd.
	for a := uint32(1); a <= uint32(c.Addresses); a++ {
		s := x.Summary(a)
		if s.Received != or.received[s.Address] || s.Spent != or.spent[s.Address] {
			t.Fatalf("%s: received %v spent %v; want %v %v", s.Address, s.Received, s.Spent, or.received[s.Address], or.spent[s.Address])
		}
	}
	if _, err := x.AddressByString("1BitcoinEaterAddressDontSendf59kuE"); !errors.Is(err, coinsift.ErrNotFound) {
		t.Errorf("unknown address: %v; want ErrNotFound", err)
	}
	// A second import is a no-op.
	res = mustImport(t, dir, src, chainindex.Options{})
	if res.Blocks != 0 || res.RolledBack != 0 {
		t.Errorf("second import: %+v; want nothing to do", res)
	}
}

func linkBlk(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	p := filepath.Join(dir, "blk00000.dat")
	if err := os.Symlink(testchain.Blk14131(tb), p); err != nil {
		tb.Fatal(err)
	}
	return p
}

// snapshot reads every observable fact of an index for comparisons.
func snapshot(tb testing.TB, dir string) []byte {
	tb.Helper()
	x, err := chainindex.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	defer x.Close()
	var b bytes.Buffer
	c := x.Counts()
	binary.Write(&b, binary.LittleEndian, c)
	for h := coinsift.Height(0); h <= x.Tip(); h++ {
		binary.Write(&b, binary.LittleEndian, x.Block(h).Hash)
	}
	for t := int64(0); t < c.Txs; t++ {
		tx := x.Tx(t)
		b.WriteString(tx.TxID.String())
		n, err := x.TxByID(tx.TxID)
		if err != nil || (n != t && x.Tx(n).TxID != tx.TxID) {
			tb.Fatalf("TxByID(%s) = %d, %v; want %d", tx.TxID, n, err, t)
		}
	}
	for i := int64(0); i < c.Inputs; i++ {
		binary.Write(&b, binary.LittleEndian, x.Input(i))
	}
	for o := int64(0); o < c.Outputs; o++ {
		binary.Write(&b, binary.LittleEndian, x.Output(o))
	}
	for a := uint32(1); a <= uint32(c.Addresses); a++ {
		s := x.Summary(a)
		b.WriteString(s.Address)
		binary.Write(&b, binary.LittleEndian, []int64{int64(s.Received), int64(s.Spent), int64(s.FirstSeen), int64(s.LastSeen)})
		if id, err := x.AddressByString(s.Address); err != nil || id != a {
			tb.Fatalf("AddressByString(%s) = %d, %v; want %d", s.Address, id, err, a)
		}
	}
	return b.Bytes()
}

func TestResumeAndCancel(t *testing.T) {
	recs := records(t)[:3000]
	src := openSource(t, blocksDir(t, recs), false)
	want := t.TempDir()
	mustImport(t, want, src, chainindex.Options{})
	wantSnap := snapshot(t, want)

	t.Run("stop and continue", func(t *testing.T) {
		dir := t.TempDir()
		mustImport(t, dir, src, chainindex.Options{StopAt: 1000})
		mustImport(t, dir, src, chainindex.Options{StopAt: 2000})
		mustImport(t, dir, src, chainindex.Options{})
		if !bytes.Equal(snapshot(t, dir), wantSnap) {
			t.Fatal("index built in three runs differs from a one-shot import")
		}
	})
	t.Run("cancel", func(t *testing.T) {
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		var n int64
		prog := func(task, unit string) coinsift.Progress {
			if unit != "blocks" {
				return coinsift.NopProgress{}
			}
			return progressFunc(func(k int64) {
				if n += k; n == 1234 {
					cancel()
				}
			})
		}
		_, err := chainindex.Import(ctx, dir, src, chainindex.Options{CommitBlocks: 100, Progress: prog, Workers: 1})
		if !errors.Is(err, coinsift.ErrCanceled) {
			t.Fatalf("Import = %v; want ErrCanceled", err)
		}
		x := mustOpen(t, dir)
		if tip := x.Tip(); tip < 1000 || tip > 1300 {
			t.Errorf("tip after cancel = %d; want about 1233", tip)
		}
		x.Close()
		mustImport(t, dir, src, chainindex.Options{})
		if !bytes.Equal(snapshot(t, dir), wantSnap) {
			t.Fatal("index resumed after cancel differs from a one-shot import")
		}
	})
	t.Run("crash", func(t *testing.T) {
		dir := t.TempDir()
		mustImport(t, dir, src, chainindex.Options{StopAt: 1500})
		// Simulate a writer killed mid-batch: junk past the committed
		// lengths, a spender pointing at an uncommitted input, WRITING left.
		for _, name := range []string{"blocks.col", "txs.col", "inputs.col", "outputs.col", "addrs.col"} {
			f, err := os.OpenFile(filepath.Join(dir, name), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.Write(bytes.Repeat([]byte{0xee}, 777))
			f.Close()
		}
		sp, _ := os.OpenFile(filepath.Join(dir, "spenders.col"), os.O_RDWR, 0)
		sp.WriteAt([]byte{0xff, 0xff, 0xff, 0, 0}, 16+5*3)
		sp.Close()
		os.WriteFile(filepath.Join(dir, "WRITING"), nil, 0o644)
		x := mustOpen(t, dir) // readers ignore uncommitted bytes
		if _, ok := x.OutputSpender(3); ok {
			t.Errorf("reader sees an uncommitted spender")
		}
		x.Close()
		mustImport(t, dir, src, chainindex.Options{})
		if !bytes.Equal(snapshot(t, dir), wantSnap) {
			t.Fatal("index repaired after a crash differs from a one-shot import")
		}
		if _, err := os.Stat(filepath.Join(dir, "WRITING")); !os.IsNotExist(err) {
			t.Errorf("WRITING left after a clean import: %v", err)
		}
	})
}

// TestTableModes checks that hash tables kept in memory during an import
// and tables kept in mapped files give the same files, and that a reader
// finds every transaction and address while a writer holds the tables in
// memory (past the table files, in the columns). The two runs also build
// their postings with 32- and 40-bit positions.
func TestTableModes(t *testing.T) {
	recs := records(t)[:3000]
	src := openSource(t, blocksDir(t, recs), false)
	mem, files := t.TempDir(), t.TempDir()
	mustImport(t, mem, src, chainindex.Options{CommitBlocks: 500})
	// The files run also builds its postings the way indexes of more than
	// 2^32 outputs do.
	restore := chainindex.SetPostings32(0)
	mustImport(t, files, src, chainindex.Options{CommitBlocks: 500, TableMemory: -1})
	restore()
	for _, name := range []string{"txid.hash", "addr.hash", "postings.off", "postings.col", "MANIFEST"} {
		a, err := os.ReadFile(filepath.Join(mem, name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(files, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between tables in memory and in files", name)
		}
	}
	wantSnap := snapshot(t, files)

	// Read while a second run holds the tables in memory: the first run's
	// table files cover blocks up to 1000, the columns the rest.
	dir := t.TempDir()
	mustImport(t, dir, src, chainindex.Options{StopAt: 1000})
	var n int64
	var during []byte
	prog := func(task, unit string) coinsift.Progress {
		if unit != "blocks" {
			return coinsift.NopProgress{}
		}
		return progressFunc(func(k int64) {
			if n += k; n == 1234 { // blocks up to 2200 are committed
				if man, _ := os.ReadFile(filepath.Join(dir, "MANIFEST")); !bytes.Contains(man, []byte(`"table_cover"`)) {
					t.Error("manifest has no table cover while the tables are in memory")
				}
				during = snapshot(t, dir)
			}
		})
	}
	mustImport(t, dir, src, chainindex.Options{CommitBlocks: 200, Progress: prog})
	if during == nil {
		t.Fatal("progress never reached block 2234")
	}
	x := mustOpen(t, dir)
	if c := x.Counts(); c.Txs == 0 {
		t.Fatal("empty index")
	}
	x.Close()
	if !bytes.Equal(snapshot(t, dir), wantSnap) {
		t.Fatal("index differs from a one-shot import")
	}
}

type progressFunc func(int64)

func (f progressFunc) Add(n int64)  { f(n) }
func (progressFunc) SetTotal(int64) {}
func (progressFunc) Done()          {}

// TestReorg imports a chain, then a source whose best chain forks below the
// tip, and checks that the result equals a fresh import of the new chain.
func TestReorg(t *testing.T) {
	full := records(t)
	old := full[:300]
	// New branch: blocks 0..250 then 60 blocks copying 251..310 with other
	// headers (no proof of work, so the check is off).
	var fork [][]byte
	prev := bitcoin.HeaderHash(full[250])
	for i := 0; i < 60; i++ {
		b := append([]byte(nil), full[251+i]...)
		copy(b[4:36], prev[:])
		b[76] ^= 0x5a
		prev = bitcoin.HeaderHash(b)
		fork = append(fork, b)
	}
	newChain := append(append([][]byte{}, full[:251]...), fork...)
	srcOld := openSource(t, blocksDir(t, old), true)
	srcNew := openSource(t, blocksDir(t, append(append([][]byte{}, old...), fork...)), true)
	if tip, _ := srcNew.Tip(context.Background()); tip != 310 {
		t.Fatalf("new source tip %d; want 310", tip)
	}
	dir := t.TempDir()
	mustImport(t, dir, srcOld, chainindex.Options{})
	res := mustImport(t, dir, srcNew, chainindex.Options{})
	if res.RolledBack != 49 || res.From != 251 || res.To != 310 {
		t.Errorf("reorg import: %+v; want 49 rolled back, 251..310 appended", res)
	}
	fresh := t.TempDir()
	mustImport(t, fresh, openSource(t, blocksDir(t, newChain), true), chainindex.Options{})
	if !bytes.Equal(snapshot(t, dir), snapshot(t, fresh)) {
		t.Fatal("index after reorg differs from a fresh import of the new chain")
	}
	// Confirmations keep the index behind the tip.
	dir2 := t.TempDir()
	mustImport(t, dir2, srcOld, chainindex.Options{Confirmations: 6})
	if x := mustOpen(t, dir2); x.Tip() != 293 {
		t.Errorf("tip with 6 confirmations = %d; want 293", x.Tip())
	}
}

func TestUnknownSpendQuarantined(t *testing.T) {
	full := records(t)
	// Drop block 9: block 170's input spends its coinbase. Blocks after 9
	// no longer connect, so feed 0..8 and then 170 relinked onto 8.
	b170 := append([]byte(nil), full[170]...)
	prev := bitcoin.HeaderHash(full[8])
	copy(b170[4:36], prev[:])
	src := openSource(t, blocksDir(t, append(append([][]byte{}, full[:9]...), b170)), true)
	var q []*coinsift.InputError
	dir := t.TempDir()
	res := mustImport(t, dir, src, chainindex.Options{Quarantine: func(e *coinsift.InputError) { q = append(q, e) }})
	if res.Quarantined != 1 || len(q) != 1 {
		t.Fatalf("quarantined %d (%v); want 1", res.Quarantined, q)
	}
	x := mustOpen(t, dir)
	tx := x.Tx(x.NumTxs() - 1)
	if in := x.Input(tx.FirstInput); !in.Unknown {
		t.Errorf("input = %+v; want unknown spent output", in)
	}
	if _, ok := x.Fee(tx.Num); ok {
		t.Errorf("fee known for a tx with an unknown input")
	}
	if inf := x.Info(); inf.Quarantined != 1 || len(inf.Quarantine) != 1 {
		t.Errorf("info quarantine %d %v", inf.Quarantined, inf.Quarantine)
	}
}
