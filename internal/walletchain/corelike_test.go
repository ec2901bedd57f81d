package walletchain

import (
	"testing"

	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/chaincfg/chainhash"
	"github.com/btcsuite/btcd/txscript"
	"github.com/btcsuite/btcd/wire"
)

// TestCoreLikePay checks that the core-like wallet signs valid P2WPKH
// spends with Bitcoin Core's habits.
func TestCoreLikePay(t *testing.T) {
	c := newCoreLike(7, 1)
	prev := txscript.NewMultiPrevOutFetcher(nil)
	for i := range 4 {
		addr, err := c.newAddress()
		if err != nil {
			t.Fatal(err)
		}
		a, _ := btcutil.DecodeAddress(addr, &chaincfg.SimNetParams)
		script, _ := txscript.PayToAddrScript(a)
		op := wire.OutPoint{Hash: chainhash.Hash{byte(i + 1)}, Index: uint32(i)}
		c.utxos = append(c.utxos, utxo{op: op, value: 30_000_000, script: script})
		prev.AddPrevOut(op, wire.NewTxOut(30_000_000, script))
	}
	payee, _ := btcutil.NewAddressPubKeyHash(make([]byte, 20), &chaincfg.SimNetParams)
	payScript, _ := txscript.PayToAddrScript(payee)
	const tip = 500
	for _, amount := range []int64{10_000_000, 70_000_000} {
		before := len(c.utxos)
		tx, err := c.pay([]*wire.TxOut{wire.NewTxOut(amount, payScript)}, tip)
		if err != nil {
			t.Fatal(err)
		}
		if tx.Version != 2 || tx.LockTime > tip || tx.LockTime < tip-100 {
			t.Errorf("version %d locktime %d; want 2 and an anti-fee-sniping height near %d", tx.Version, tx.LockTime, tip)
		}
		if len(tx.TxOut) != 2 || len(c.utxos) != before-len(tx.TxIn) {
			t.Errorf("%d outputs, %d of %d coins left for %d inputs", len(tx.TxOut), len(c.utxos), before, len(tx.TxIn))
		}
		var in, out int64
		hashes := txscript.NewTxSigHashes(tx, prev)
		for i, txin := range tx.TxIn {
			if txin.Sequence != wire.MaxTxInSequenceNum-2 {
				t.Errorf("input %d sequence %#x; want RBF", i, txin.Sequence)
			}
			po := prev.FetchPrevOutput(txin.PreviousOutPoint)
			in += po.Value
			vm, err := txscript.NewEngine(po.PkScript, tx, i, txscript.StandardVerifyFlags, nil, hashes, po.Value, prev)
			if err != nil {
				t.Fatal(err)
			}
			if err := vm.Execute(); err != nil {
				t.Errorf("input %d does not verify: %v", i, err)
			}
		}
		for _, o := range tx.TxOut {
			out += o.Value
		}
		if fee := in - out; fee <= 0 || fee > 8*1000 {
			t.Errorf("fee %d sat", fee)
		}
	}
	if _, err := c.pay([]*wire.TxOut{wire.NewTxOut(1e9, payScript)}, tip); err != errInsufficient {
		t.Errorf("paying more than the wallet holds: %v; want errInsufficient", err)
	}
}
