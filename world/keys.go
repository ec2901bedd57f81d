package world

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"github.com/btcsuite/btcd/btcec/v2"
	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"
	"github.com/btcsuite/btcd/txscript"
	"github.com/btcsuite/btcd/wire"

	coinsift "github.com/coinsift/coinsift"
)

// addrKind is the script type of a world address.
type addrKind uint8

const (
	kP2PKH addrKind = iota
	kP2SHP2WPKH
	kP2WPKH
	kP2TR
)

func (k addrKind) scriptType() coinsift.ScriptType {
	switch k {
	case kP2PKH:
		return coinsift.ScriptP2PKH
	case kP2SHP2WPKH:
		return coinsift.ScriptP2SH
	case kP2WPKH:
		return coinsift.ScriptP2WPKH
	default:
		return coinsift.ScriptP2TR
	}
}

// Estimated virtual sizes, used for fees.
var (
	inVSize  = [...]float64{kP2PKH: 148, kP2SHP2WPKH: 91, kP2WPKH: 68, kP2TR: 57.5}
	outVSize = [...]float64{kP2PKH: 34, kP2SHP2WPKH: 32, kP2WPKH: 31, kP2TR: 43}
)

// addrRole says what an address is for, in truth/addresses.tsv.
type addrRole uint8

const (
	roleReceive addrRole = iota
	roleChange
	roleDeposit // exchange customer deposit or service invoice address
	roleHot
	roleCold
	roleCoinbase
)

var roleNames = [...]string{"receive", "change", "deposit", "hot", "cold", "coinbase"}

// addrRec is one address of the world. hash is the 20-byte key or script
// hash, or the 32-byte taproot output key.
type addrRec struct {
	wallet uint32
	kind   addrKind
	role   addrRole
	hash   [32]byte
}

// keyring derives every key of the world from the seed: key i's secret is
// sha256(seed ‖ "key" ‖ i). In unsigned worlds no elliptic-curve work is
// done: the "public key" is 0x02 ‖ sha256(secret), which looks like a
// compressed key but has no known discrete log.
type keyring struct {
	seed [8]byte
	sign bool
	net  *chaincfg.Params
}

func newKeyring(seed uint64, sign bool) *keyring {
	k := &keyring{sign: sign, net: &chaincfg.RegressionNetParams}
	binary.LittleEndian.PutUint64(k.seed[:], seed)
	return k
}

func (k *keyring) secret(id uint32) [32]byte {
	var b [15]byte
	copy(b[:8], k.seed[:])
	copy(b[8:11], "key")
	binary.LittleEndian.PutUint32(b[11:], id)
	return sha256.Sum256(b[:])
}

// priv returns key id's private key (signed worlds only).
func (k *keyring) priv(id uint32) *btcec.PrivateKey {
	s := k.secret(id)
	p, _ := btcec.PrivKeyFromBytes(s[:])
	return p
}

// pub returns key id's 33-byte compressed public key.
func (k *keyring) pub(id uint32) []byte {
	if k.sign {
		return k.priv(id).PubKey().SerializeCompressed()
	}
	s := k.secret(id)
	h := sha256.Sum256(s[:])
	out := make([]byte, 33)
	out[0] = 0x02 | h[31]&1
	copy(out[1:], h[:])
	return out
}

// derive fills the hash of a new address of kind for key id.
func (k *keyring) derive(id uint32, kind addrKind) [32]byte {
	var h [32]byte
	switch kind {
	case kP2PKH, kP2WPKH:
		copy(h[:], btcutil.Hash160(k.pub(id)))
	case kP2SHP2WPKH:
		copy(h[:], btcutil.Hash160(p2wpkhScript(btcutil.Hash160(k.pub(id)))))
	case kP2TR:
		if k.sign {
			out := txscript.ComputeTaprootKeyNoScript(k.priv(id).PubKey())
			copy(h[:], out.SerializeCompressed()[1:])
		} else {
			copy(h[:], k.pub(id)[1:])
		}
	}
	return h
}

func p2wpkhScript(h []byte) []byte {
	s := make([]byte, 22)
	s[0], s[1] = 0x00, 0x14
	copy(s[2:], h)
	return s
}

// pkScript returns the output script of a.
func (a *addrRec) pkScript() []byte {
	switch a.kind {
	case kP2PKH:
		s := make([]byte, 25)
		s[0], s[1], s[2] = 0x76, 0xa9, 0x14
		copy(s[3:], a.hash[:20])
		s[23], s[24] = 0x88, 0xac
		return s
	case kP2SHP2WPKH:
		s := make([]byte, 23)
		s[0], s[1] = 0xa9, 0x14
		copy(s[2:], a.hash[:20])
		s[22] = 0x87
		return s
	case kP2WPKH:
		return p2wpkhScript(a.hash[:20])
	default:
		s := make([]byte, 34)
		s[0], s[1] = 0x51, 0x20
		copy(s[2:], a.hash[:])
		return s
	}
}

// encode returns a's regtest address string.
func (a *addrRec) encode(net *chaincfg.Params) string {
	var (
		ad  btcutil.Address
		err error
	)
	switch a.kind {
	case kP2PKH:
		ad, err = btcutil.NewAddressPubKeyHash(a.hash[:20], net)
	case kP2SHP2WPKH:
		ad, err = btcutil.NewAddressScriptHashFromHash(a.hash[:20], net)
	case kP2WPKH:
		ad, err = btcutil.NewAddressWitnessPubKeyHash(a.hash[:20], net)
	default:
		ad, err = btcutil.NewAddressTaproot(a.hash[:], net)
	}
	if err != nil {
		panic(fmt.Sprintf("encode address: %v", err)) // lengths are fixed above
	}
	return ad.EncodeAddress()
}

// dummyInput fills in a well-formed but invalid scriptSig or witness of the
// size a real one would have.
func dummyInput(in *wire.TxIn, kind addrKind, pub []byte, fill func([]byte)) {
	sig := func() []byte {
		b := make([]byte, 72)
		fill(b)
		b[0], b[1], b[2], b[3], b[4] = 0x30, 0x45, 0x02, 0x21, 0x00
		b[5] |= 0x80
		b[37], b[38] = 0x02, 0x20
		b[39] &= 0x7f
		b[71] = 0x01
		return b
	}
	switch kind {
	case kP2PKH:
		s := make([]byte, 0, 107)
		s = append(s, 72)
		s = append(s, sig()...)
		s = append(s, 33)
		in.SignatureScript = append(s, pub...)
	case kP2SHP2WPKH:
		in.SignatureScript = append([]byte{22}, p2wpkhScript(btcutil.Hash160(pub))...)
		in.Witness = wire.TxWitness{sig(), pub}
	case kP2WPKH:
		in.Witness = wire.TxWitness{sig(), pub}
	default:
		b := make([]byte, 64)
		fill(b)
		in.Witness = wire.TxWitness{b}
	}
}

// signTx signs every input of tx. prev holds each input's spent output.
func (k *keyring) signTx(tx *wire.MsgTx, prev []*wire.TxOut, keys []uint32, kinds []addrKind) error {
	m := make(map[wire.OutPoint]*wire.TxOut, len(prev))
	for i, in := range tx.TxIn {
		m[in.PreviousOutPoint] = prev[i]
	}
	hashes := txscript.NewTxSigHashes(tx, txscript.NewMultiPrevOutFetcher(m))
	for i, in := range tx.TxIn {
		priv := k.priv(keys[i])
		var err error
		switch kinds[i] {
		case kP2PKH:
			in.SignatureScript, err = txscript.SignatureScript(tx, i, prev[i].PkScript, txscript.SigHashAll, priv, true)
		case kP2SHP2WPKH:
			wp := p2wpkhScript(btcutil.Hash160(priv.PubKey().SerializeCompressed()))
			in.Witness, err = txscript.WitnessSignature(tx, hashes, i, prev[i].Value, wp, txscript.SigHashAll, priv, true)
			in.SignatureScript = append([]byte{22}, wp...)
		case kP2WPKH:
			in.Witness, err = txscript.WitnessSignature(tx, hashes, i, prev[i].Value, prev[i].PkScript, txscript.SigHashAll, priv, true)
		default:
			in.Witness, err = txscript.TaprootWitnessSignature(tx, hashes, i, prev[i].Value, prev[i].PkScript, txscript.SigHashDefault, priv)
		}
		if err != nil {
			return fmt.Errorf("sign input %d: %w", i, err)
		}
	}
	return nil
}
