package bitcoin_test

import (
	"bytes"
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
	"github.com/coinsift/coinsift/internal/testchain"
)

func TestParseRealBlocks(t *testing.T) {
	for _, rb := range testchain.RealBlocks(t) {
		t.Run(filepath.Base(rb.File), func(t *testing.T) {
			blk, err := bitcoin.ParseBlock(rb.Raw)
			if err != nil {
				t.Fatalf("ParseBlock: %v", err)
			}
			if got := blk.Hash.String(); got != rb.Hash {
				t.Errorf("hash = %s; want %s", got, rb.Hash)
			}
			if err := blk.CheckMerkle(); err != nil {
				t.Errorf("CheckMerkle: %v", err)
			}
			var nin, nout, segwit, p2wpkh, p2sh, p2tr int
			for i := range blk.Txs {
				tx := &blk.Txs[i]
				nin += len(tx.Inputs)
				nout += len(tx.Outputs)
				if tx.HasWitness() {
					segwit++
				}
				for _, o := range tx.Outputs {
					switch bitcoin.Classify(o.Script).Type {
					case coinsift.ScriptP2WPKH:
						p2wpkh++
					case coinsift.ScriptP2SH:
						p2sh++
					case coinsift.ScriptP2TR:
						p2tr++
					}
				}
			}
			checks := []struct {
				name      string
				got, want int
			}{
				{"txs", len(blk.Txs), rb.NTx}, {"non-coinbase inputs", nin - 1, rb.NInputs}, {"outputs", nout, rb.NOutputs},
				{"segwit txs", segwit, rb.SegwitTxs}, {"p2wpkh outputs", p2wpkh, rb.P2WPKHOuts},
				{"p2sh outputs", p2sh, rb.P2SHOuts}, {"p2tr outputs", p2tr, rb.P2TROuts}, {"size", len(rb.Raw), rb.Size},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %d; want %d", c.name, c.got, c.want)
				}
			}
			if got := blk.Txs[0].TxID.String(); got != rb.FirstTxID {
				t.Errorf("first txid = %s; want %s", got, rb.FirstTxID)
			}
			if !blk.Txs[0].IsCoinbase() {
				t.Errorf("tx 0 is not a coinbase")
			}
			var cb coinsift.Sats
			for _, o := range blk.Txs[0].Outputs {
				cb += o.Value
			}
			if int64(cb) != rb.CoinbaseSat {
				t.Errorf("coinbase value = %d; want %d", cb, rb.CoinbaseSat)
			}
			compareWithBtcd(t, blk, rb.Raw)
		})
	}
}

// compareWithBtcd checks every txid, wtxid, size and vsize against btcd.
func compareWithBtcd(t *testing.T, blk *bitcoin.Block, raw []byte) {
	t.Helper()
	var mb wire.MsgBlock
	if err := mb.Deserialize(bytes.NewReader(raw)); err != nil {
		t.Fatalf("btcd Deserialize: %v", err)
	}
	if len(mb.Transactions) != len(blk.Txs) {
		t.Fatalf("btcd txs = %d; ours %d", len(mb.Transactions), len(blk.Txs))
	}
	for i, mtx := range mb.Transactions {
		tx := &blk.Txs[i]
		if got, want := tx.TxID, coinsift.TxID(mtx.TxHash()); got != want {
			t.Errorf("tx %d: txid = %s; want %s", i, got, want)
		}
		if got, want := tx.WTxID(), coinsift.TxID(mtx.WitnessHash()); got != want {
			t.Errorf("tx %d: wtxid = %s; want %s", i, got, want)
		}
		if got, want := tx.Size(), mtx.SerializeSize(); got != want {
			t.Errorf("tx %d: size = %d; want %d", i, got, want)
		}
		if got, want := tx.VSize(), int(mempoolVSize(mtx)); got != want {
			t.Errorf("tx %d: vsize = %d; want %d", i, got, want)
		}
		for j, in := range mtx.TxIn {
			if tx.Inputs[j].PrevOut.TxID != coinsift.TxID(in.PreviousOutPoint.Hash) || tx.Inputs[j].PrevOut.Vout != in.PreviousOutPoint.Index ||
				tx.Inputs[j].Sequence != in.Sequence || !bytes.Equal(tx.Inputs[j].Script, in.SignatureScript) {
				t.Errorf("tx %d input %d differs from btcd", i, j)
			}
			items := tx.Inputs[j].WitnessItems()
			if len(items) != len(in.Witness) {
				t.Errorf("tx %d input %d: %d witness items; want %d", i, j, len(items), len(in.Witness))
			}
		}
		for j, out := range mtx.TxOut {
			if int64(tx.Outputs[j].Value) != out.Value || !bytes.Equal(tx.Outputs[j].Script, out.PkScript) {
				t.Errorf("tx %d output %d differs from btcd", i, j)
			}
		}
	}
}

func mempoolVSize(tx *wire.MsgTx) int64 {
	w := int64(tx.SerializeSizeStripped())*3 + int64(tx.SerializeSize())
	return (w + 3) / 4
}

// TestAddressesMatchBtcutil classifies every output of the real blocks and
// compares the type and the address string with txscript and btcutil.
func TestAddressesMatchBtcutil(t *testing.T) {
	want := map[txscript.ScriptClass]coinsift.ScriptType{
		txscript.PubKeyHashTy: coinsift.ScriptP2PKH, txscript.ScriptHashTy: coinsift.ScriptP2SH,
		txscript.WitnessV0PubKeyHashTy: coinsift.ScriptP2WPKH, txscript.WitnessV0ScriptHashTy: coinsift.ScriptP2WSH,
		txscript.WitnessV1TaprootTy: coinsift.ScriptP2TR, txscript.PubKeyTy: coinsift.ScriptP2PK,
		txscript.MultiSigTy: coinsift.ScriptMultisig, txscript.NullDataTy: coinsift.ScriptNullData,
		txscript.NonStandardTy: coinsift.ScriptNonStandard, txscript.WitnessUnknownTy: coinsift.ScriptWitnessUnknown,
	}
	seen := map[coinsift.ScriptType]int{}
	for _, rb := range testchain.RealBlocks(t) {
		blk, err := bitcoin.ParseBlock(rb.Raw)
		if err != nil {
			t.Fatal(err)
		}
		for ti := range blk.Txs {
			for oi, o := range blk.Txs[ti].Outputs {
				s := bitcoin.Classify(o.Script)
				seen[s.Type]++
				class, addrs, _, _ := txscript.ExtractPkScriptAddrs(o.Script, &chaincfg.MainNetParams)
				if w := want[class]; w != s.Type {
					// btcd limits OP_RETURN data to 80 bytes; Bitcoin Core does not.
					// btcd accepts bare multisig with keys that are not valid
					// public-key encodings (Counterparty data); Core's Solver does not.
					if !(s.Type == coinsift.ScriptNullData && class == txscript.NonStandardTy) &&
						!(s.Type == coinsift.ScriptNonStandard && class == txscript.MultiSigTy) {
						t.Errorf("%s tx %d out %d: type %v; txscript says %v (%x)", rb.File, ti, oi, s.Type, class, o.Script)
					}
					continue
				}
				p, fromKey, ok := bitcoin.PayloadOf(s)
				if !ok {
					continue
				}
				got, err := p.Encode(bitcoin.MainNet)
				if err != nil {
					t.Errorf("%s tx %d out %d: Encode: %v", rb.File, ti, oi, err)
					continue
				}
				var wantAddr string
				if fromKey {
					pk, _ := addrs[0].(*btcutil.AddressPubKey)
					wantAddr = pk.AddressPubKeyHash().EncodeAddress()
				} else {
					wantAddr = addrs[0].EncodeAddress()
				}
				if got != wantAddr {
					t.Errorf("%s tx %d out %d: address %s; want %s", rb.File, ti, oi, got, wantAddr)
				}
				back, err := bitcoin.DecodeAddress(got, bitcoin.MainNet)
				if err != nil || !back.Equal(p) {
					t.Errorf("DecodeAddress(%s) = %v, %v; want %v", got, back, err, p)
				}
			}
		}
	}
	for _, st := range []coinsift.ScriptType{coinsift.ScriptP2PK, coinsift.ScriptP2PKH, coinsift.ScriptP2SH, coinsift.ScriptP2WPKH,
		coinsift.ScriptP2WSH, coinsift.ScriptP2TR, coinsift.ScriptMultisig, coinsift.ScriptNullData} {
		if seen[st] == 0 {
			t.Errorf("no %v output in the real blocks", st)
		}
	}
	t.Logf("script types seen: %v", seen)
}

func TestParseLargeWitnessTxs(t *testing.T) {
	dir := filepath.Join(testchain.SharedData(t), "blocks", "mainnet", "dcrdex")
	for _, name := range []string{
		"tx-7393096d97bfee8660f4100ffd61874d62f9a65de9fb6acf740c4c386990ef73.dat",
		"tx-73be398c4bdc43709db7398106609eea2a7841aaf3a4fa2000dc18184faa2a7e.dat",
	} {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		tx, n, err := bitcoin.ParseTx(raw)
		if err != nil {
			t.Fatalf("ParseTx(%s): %v", name, err)
		}
		if n != len(raw) {
			t.Errorf("ParseTx(%s) consumed %d of %d bytes", name, n, len(raw))
		}
		if got := tx.TxID.String(); got != name[3:67] {
			t.Errorf("txid = %s; want %s", got, name[3:67])
		}
	}
}

func TestParseBlockErrors(t *testing.T) {
	rb := testchain.RealBlocks(t)[0]
	tests := []struct {
		name string
		b    []byte
		want error
	}{
		{"empty", nil, bitcoin.ErrTruncated},
		{"header only", rb.Raw[:80], bitcoin.ErrTruncated},
		{"truncated", rb.Raw[:len(rb.Raw)-1], bitcoin.ErrTruncated},
		{"trailing", append(append([]byte{}, rb.Raw...), 0), bitcoin.ErrTrailing},
		{"huge tx count", append(append([]byte{}, rb.Raw[:80]...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), bitcoin.ErrOversized},
		{"non-canonical count", append(append([]byte{}, rb.Raw[:80]...), 0xfd, 0x01, 0x00), bitcoin.ErrNonCanonical},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := bitcoin.ParseBlock(tt.b)
			if !errors.Is(err, tt.want) {
				t.Fatalf("ParseBlock = %v; want %v", err, tt.want)
			}
			if !errors.Is(err, coinsift.ErrInvalid) {
				t.Errorf("error %v is not of kind ErrInvalid", err)
			}
		})
	}
}
