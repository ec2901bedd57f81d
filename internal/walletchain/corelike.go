package walletchain

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"

	"github.com/btcsuite/btcd/btcec/v2"
	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/txscript"
	"github.com/btcsuite/btcd/wire"
)

// coreLike is a wallet built and signed with btcd's libraries using Bitcoin
// Core's habits: P2WPKH addresses, version 2, nLockTime at the tip
// (anti-fee-sniping), every input signalling RBF, change of the inputs'
// type at a random position, single-random-draw coin selection and a fee
// of a whole number of sat/vB.
type coreLike struct {
	id    int
	seed  [32]byte
	next  uint32
	keys  map[string]*btcec.PrivateKey // pkScript → key
	utxos []utxo                       // confirmed, unspent
	rng   *rand.Rand
}

type utxo struct {
	op     wire.OutPoint
	value  int64
	script []byte
	height int32
}

func newCoreLike(id int, seed uint64) *coreLike {
	var s [32]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	binary.LittleEndian.PutUint64(s[8:], uint64(id))
	return &coreLike{id: id, seed: sha256.Sum256(s[:]), keys: map[string]*btcec.PrivateKey{},
		rng: rand.New(rand.NewPCG(seed, uint64(id)))}
}

// newAddress derives the next key and returns its P2WPKH address.
func (c *coreLike) newAddress() (string, error) {
	var b [36]byte
	copy(b[:], c.seed[:])
	binary.LittleEndian.PutUint32(b[32:], c.next)
	c.next++
	k := sha256.Sum256(b[:])
	key, _ := btcec.PrivKeyFromBytes(k[:])
	a, err := btcutil.NewAddressWitnessPubKeyHash(btcutil.Hash160(key.PubKey().SerializeCompressed()), &chaincfg.SimNetParams)
	if err != nil {
		return "", fmt.Errorf("core-like address: %w", err)
	}
	s, err := txscript.PayToAddrScript(a)
	if err != nil {
		return "", fmt.Errorf("core-like address: %w", err)
	}
	c.keys[string(s)] = key
	return a.EncodeAddress(), nil
}

// owns reports whether pkScript is one of the wallet's.
func (c *coreLike) owns(pkScript []byte) bool { _, ok := c.keys[string(pkScript)]; return ok }

// balance returns the sum of the confirmed unspent outputs.
func (c *coreLike) balance() int64 {
	var s int64
	for _, u := range c.utxos {
		s += u.value
	}
	return s
}

// p2wpkh sizes in virtual bytes, with a 72-byte signature as Core assumes
// when it estimates.
const (
	vbOverhead = 11 // version, counts, locktime, segwit marker (10.5, rounded up)
	vbInput    = 68
)

func outputVBytes(script []byte) int { return 8 + 1 + len(script) }

// pay builds and signs a transaction paying amount to each of to, or
// errInsufficient. tip is the current chain height.
func (c *coreLike) pay(to []*wire.TxOut, tip int32) (*wire.MsgTx, error) {
	rate := int64(1 + c.rng.IntN(8)) // sat/vB, a whole number as Core's fee estimates are rounded to
	var want int64
	vb := vbOverhead
	for _, o := range to {
		want += o.Value
		vb += outputVBytes(o.PkScript)
	}
	// Single random draw: shuffle, take until the payment, the fee and a
	// change output are covered.
	order := c.rng.Perm(len(c.utxos))
	var picked []int
	var in int64
	changeScript := make([]byte, 22)
	for _, i := range order {
		picked = append(picked, i)
		in += c.utxos[i].value
		fee := rate * int64(vb+vbInput*len(picked)+outputVBytes(changeScript))
		if in >= want+fee+1000 {
			break
		}
	}
	fee := rate * int64(vb+vbInput*len(picked)+outputVBytes(changeScript))
	if in < want+fee+1000 {
		return nil, errInsufficient
	}
	addr, err := c.newAddress()
	if err != nil {
		return nil, err
	}
	ca, _ := btcutil.DecodeAddress(addr, &chaincfg.SimNetParams)
	changeScript, _ = txscript.PayToAddrScript(ca)
	tx := wire.NewMsgTx(2)
	// Anti-fee-sniping: the next block may include it, no earlier one;
	// like Core, one time in ten a random height up to 100 blocks back.
	tx.LockTime = uint32(tip)
	if c.rng.IntN(10) == 0 {
		tx.LockTime = uint32(max(0, tip-int32(c.rng.IntN(100))))
	}
	prev := txscript.NewMultiPrevOutFetcher(nil)
	for _, i := range picked {
		u := c.utxos[i]
		txin := wire.NewTxIn(&u.op, nil, nil)
		txin.Sequence = wire.MaxTxInSequenceNum - 2 // BIP125 opt-in RBF
		tx.AddTxIn(txin)
		prev.AddPrevOut(u.op, wire.NewTxOut(u.value, u.script))
	}
	outs := append([]*wire.TxOut(nil), to...)
	pos := c.rng.IntN(len(outs) + 1)
	change := wire.NewTxOut(in-want-fee, changeScript)
	outs = append(outs[:pos], append([]*wire.TxOut{change}, outs[pos:]...)...)
	for _, o := range outs {
		tx.AddTxOut(o)
	}
	hashes := txscript.NewTxSigHashes(tx, prev)
	for k, i := range picked {
		u := c.utxos[i]
		w, err := txscript.WitnessSignature(tx, hashes, k, u.value, u.script, txscript.SigHashAll, c.keys[string(u.script)], true)
		if err != nil {
			return nil, fmt.Errorf("core-like sign: %w", err)
		}
		tx.TxIn[k].Witness = w
	}
	// The spent outputs leave the wallet now; the change comes back when
	// it confirms.
	spent := map[int]bool{}
	for _, i := range picked {
		spent[i] = true
	}
	kept := c.utxos[:0]
	for i, u := range c.utxos {
		if !spent[i] {
			kept = append(kept, u)
		}
	}
	c.utxos = kept
	return tx, nil
}
