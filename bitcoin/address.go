package bitcoin

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/btcsuite/btcd/btcutil/base58"
	"github.com/btcsuite/btcd/btcutil/bech32"
	coinsift "github.com/coinsift/coinsift"
)

// Params are the parts of a network's parameters coinsift needs: the block
// file magic and the address encodings.
type Params struct {
	Name         string
	Magic        [4]byte // as stored at the start of each blk*.dat record
	PubKeyHashID byte    // base58 version byte of P2PKH addresses
	ScriptHashID byte    // base58 version byte of P2SH addresses
	HRP          string  // bech32 human-readable part
	Genesis      coinsift.TxID
}

func mustHash(s string) coinsift.TxID {
	id, err := coinsift.ParseTxID(s)
	if err != nil {
		panic(err)
	}
	return id
}

// Networks known to coinsift.
var (
	MainNet = &Params{Name: "mainnet", Magic: [4]byte{0xf9, 0xbe, 0xb4, 0xd9}, PubKeyHashID: 0x00, ScriptHashID: 0x05, HRP: "bc",
		Genesis: mustHash("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f")}
	TestNet3 = &Params{Name: "testnet3", Magic: [4]byte{0x0b, 0x11, 0x09, 0x07}, PubKeyHashID: 0x6f, ScriptHashID: 0xc4, HRP: "tb",
		Genesis: mustHash("000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943")}
	TestNet4 = &Params{Name: "testnet4", Magic: [4]byte{0x1c, 0x16, 0x3f, 0x28}, PubKeyHashID: 0x6f, ScriptHashID: 0xc4, HRP: "tb",
		Genesis: mustHash("00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043")}
	SigNet = &Params{Name: "signet", Magic: [4]byte{0x0a, 0x03, 0xcf, 0x40}, PubKeyHashID: 0x6f, ScriptHashID: 0xc4, HRP: "tb",
		Genesis: mustHash("00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6")}
	RegTest = &Params{Name: "regtest", Magic: [4]byte{0xfa, 0xbf, 0xb5, 0xda}, PubKeyHashID: 0x6f, ScriptHashID: 0xc4, HRP: "bcrt",
		Genesis: mustHash("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206")}
	// SimNet is btcd's simulation network, the one btcwallet creates
	// unattended wallets on (--createtemp).
	SimNet = &Params{Name: "simnet", Magic: [4]byte{0x16, 0x1c, 0x14, 0x12}, PubKeyHashID: 0x3f, ScriptHashID: 0x7b, HRP: "sb",
		Genesis: mustHash("683e86bd5c6d110d91b94b97137ba6bfe02dbbdb8e3dff722a669b5d69d77af6")}
)

// Networks lists the known networks in a fixed order.
var Networks = []*Params{MainNet, TestNet3, TestNet4, SigNet, RegTest, SimNet}

// ParamsByMagic returns the network whose block-file magic is m, or nil.
func ParamsByMagic(m [4]byte) *Params {
	for _, p := range Networks {
		if p.Magic == m {
			return p
		}
	}
	return nil
}

// ParamsByName returns the network called name ("mainnet", "main",
// "testnet3", "testnet", "testnet4", "signet", "regtest", "simnet"), or nil.
func ParamsByName(name string) *Params {
	switch strings.ToLower(name) {
	case "main", "mainnet", "bitcoin":
		return MainNet
	case "test", "testnet", "testnet3":
		return TestNet3
	case "testnet4":
		return TestNet4
	case "signet":
		return SigNet
	case "regtest":
		return RegTest
	case "simnet":
		return SimNet
	}
	return nil
}

// Payload is what an address encodes, independent of the network: its kind
// (ScriptP2PKH, ScriptP2SH, ScriptP2WPKH, ScriptP2WSH, ScriptP2TR or
// ScriptWitnessUnknown), the witness version, and the hash, key or program.
// The chain index stores payloads and encodes strings only for display.
type Payload struct {
	Kind    coinsift.ScriptType
	Version uint8
	Data    []byte
}

// PayloadOf returns the address payload of a classified script. A P2PK
// script maps to the P2PKH payload of its key (fromKey is then true), so that
// coins paid to the key and to its address cluster together. Scripts without
// an address (bare multisig, OP_RETURN, non-standard) return ok == false.
func PayloadOf(s Script) (p Payload, fromKey, ok bool) {
	switch s.Type {
	case coinsift.ScriptP2PKH, coinsift.ScriptP2SH, coinsift.ScriptP2WPKH, coinsift.ScriptP2WSH:
		return Payload{Kind: s.Type, Data: s.Data}, false, true
	case coinsift.ScriptP2TR, coinsift.ScriptWitnessUnknown:
		return Payload{Kind: s.Type, Version: s.Version, Data: s.Data}, false, true
	case coinsift.ScriptP2PK:
		h := Hash160(s.Data)
		return Payload{Kind: coinsift.ScriptP2PKH, Data: h[:]}, true, true
	}
	return Payload{}, false, false
}

// Encode returns the address string for p on network params, exactly as
// Bitcoin Core prints it: base58check for P2PKH and P2SH, bech32 for witness
// version 0 and bech32m for versions 1 to 16.
func (p Payload) Encode(params *Params) (string, error) {
	switch p.Kind {
	case coinsift.ScriptP2PKH:
		if len(p.Data) != 20 {
			break
		}
		return base58.CheckEncode(p.Data, params.PubKeyHashID), nil
	case coinsift.ScriptP2SH:
		if len(p.Data) != 20 {
			break
		}
		return base58.CheckEncode(p.Data, params.ScriptHashID), nil
	case coinsift.ScriptP2WPKH, coinsift.ScriptP2WSH:
		return segwitEncode(params.HRP, 0, p.Data)
	case coinsift.ScriptP2TR, coinsift.ScriptWitnessUnknown:
		return segwitEncode(params.HRP, p.Version, p.Data)
	}
	return "", fmt.Errorf("encode %v payload of %d bytes: %w", p.Kind, len(p.Data), ErrAddress)
}

func segwitEncode(hrp string, version uint8, prog []byte) (string, error) {
	if version > 16 || len(prog) < 2 || len(prog) > 40 {
		return "", fmt.Errorf("encode witness v%d program of %d bytes: %w", version, len(prog), ErrAddress)
	}
	conv, err := bech32.ConvertBits(prog, 8, 5, true)
	if err != nil {
		return "", err
	}
	data := append([]byte{version}, conv...)
	if version == 0 {
		return bech32.Encode(hrp, data)
	}
	return bech32.EncodeM(hrp, data)
}

// DecodeAddress parses an address string for network params into its
// payload. It accepts what Encode produces (bech32 case-insensitively).
func DecodeAddress(s string, params *Params) (Payload, error) {
	if i := strings.LastIndexByte(s, '1'); i > 0 && strings.EqualFold(s[:i], params.HRP) {
		hrp, data, ver, err := bech32.DecodeGeneric(s)
		if err != nil || !strings.EqualFold(hrp, params.HRP) || len(data) < 1 {
			return Payload{}, fmt.Errorf("address %q: %w", s, ErrAddress)
		}
		wv := data[0]
		prog, err := bech32.ConvertBits(data[1:], 5, 8, false)
		if err != nil || wv > 16 || len(prog) < 2 || len(prog) > 40 {
			return Payload{}, fmt.Errorf("address %q: %w", s, ErrAddress)
		}
		if (wv == 0) != (ver == bech32.Version0) {
			return Payload{}, fmt.Errorf("address %q: wrong checksum variant: %w", s, ErrAddress)
		}
		switch {
		case wv == 0 && len(prog) == 20:
			return Payload{Kind: coinsift.ScriptP2WPKH, Data: prog}, nil
		case wv == 0 && len(prog) == 32:
			return Payload{Kind: coinsift.ScriptP2WSH, Data: prog}, nil
		case wv == 0:
			return Payload{}, fmt.Errorf("address %q: v0 program of %d bytes: %w", s, len(prog), ErrAddress)
		case wv == 1 && len(prog) == 32:
			return Payload{Kind: coinsift.ScriptP2TR, Version: 1, Data: prog}, nil
		}
		return Payload{Kind: coinsift.ScriptWitnessUnknown, Version: wv, Data: prog}, nil
	}
	data, ver, err := base58.CheckDecode(s)
	if err != nil || len(data) != 20 {
		return Payload{}, fmt.Errorf("address %q: %w", s, ErrAddress)
	}
	switch ver {
	case params.PubKeyHashID:
		return Payload{Kind: coinsift.ScriptP2PKH, Data: data}, nil
	case params.ScriptHashID:
		return Payload{Kind: coinsift.ScriptP2SH, Data: data}, nil
	}
	return Payload{}, fmt.Errorf("address %q: version byte %#x not for %s: %w", s, ver, params.Name, ErrAddress)
}

// Equal reports whether two payloads are the same.
func (p Payload) Equal(q Payload) bool {
	return p.Kind == q.Kind && p.Version == q.Version && bytes.Equal(p.Data, q.Data)
}
