package bitcoin

import (
	"crypto/sha256"

	coinsift "github.com/coinsift/coinsift"
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck // RIPEMD-160 is part of Bitcoin's address format
)

// Opcodes used by the classifier.
const (
	op0             = 0x00
	opPushData1     = 0x4c
	opPushData2     = 0x4d
	opPushData4     = 0x4e
	op1             = 0x51
	op16            = 0x60
	opReturn        = 0x6a
	opDup           = 0x76
	opEqual         = 0x87
	opEqualVerify   = 0x88
	opHash160       = 0xa9
	opCheckSig      = 0xac
	opCheckMultiSig = 0xae
)

// Script is a classified output script. Data aliases the script: the 20-byte
// hash (P2PKH, P2SH, P2WPKH), the 32-byte hash or key (P2WSH, P2TR), the
// witness program (unknown witness versions), the public key (P2PK) or nil.
type Script struct {
	Type    coinsift.ScriptType
	Version uint8 // witness version for witness programs
	Data    []byte
	// Multisig only: m of n.
	M, N int
}

// Classify returns the type of an output script, following the order and
// rules of Bitcoin Core's Solver (script/solver.cpp).
func Classify(pk []byte) Script {
	n := len(pk)
	// P2SH: OP_HASH160 <20> OP_EQUAL
	if n == 23 && pk[0] == opHash160 && pk[1] == 20 && pk[22] == opEqual {
		return Script{Type: coinsift.ScriptP2SH, Data: pk[2:22]}
	}
	// Witness program: version opcode, one push of 2..40 bytes.
	if n >= 4 && n <= 42 && (pk[0] == op0 || (pk[0] >= op1 && pk[0] <= op16)) && int(pk[1])+2 == n {
		prog := pk[2:]
		if pk[0] == op0 {
			switch len(prog) {
			case 20:
				return Script{Type: coinsift.ScriptP2WPKH, Data: prog}
			case 32:
				return Script{Type: coinsift.ScriptP2WSH, Data: prog}
			}
			return Script{Type: coinsift.ScriptNonStandard}
		}
		v := pk[0] - op1 + 1
		if v == 1 && len(prog) == 32 {
			return Script{Type: coinsift.ScriptP2TR, Version: 1, Data: prog}
		}
		return Script{Type: coinsift.ScriptWitnessUnknown, Version: v, Data: prog}
	}
	if n >= 1 && pk[0] == opReturn && isPushOnly(pk[1:]) {
		return Script{Type: coinsift.ScriptNullData}
	}
	// P2PK: <33 or 65 byte key> OP_CHECKSIG
	if (n == 35 || n == 67) && int(pk[0]) == n-2 && pk[n-1] == opCheckSig && validPubKeySize(pk[1:n-1]) {
		return Script{Type: coinsift.ScriptP2PK, Data: pk[1 : n-1]}
	}
	// P2PKH: OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG
	if n == 25 && pk[0] == opDup && pk[1] == opHash160 && pk[2] == 20 && pk[23] == opEqualVerify && pk[24] == opCheckSig {
		return Script{Type: coinsift.ScriptP2PKH, Data: pk[3:23]}
	}
	if m, k, ok := matchMultisig(pk); ok {
		return Script{Type: coinsift.ScriptMultisig, M: m, N: k}
	}
	return Script{Type: coinsift.ScriptNonStandard}
}

// validPubKeySize mirrors CPubKey::ValidSize: the header byte fixes the length.
func validPubKeySize(k []byte) bool {
	if len(k) == 0 {
		return false
	}
	switch k[0] {
	case 2, 3:
		return len(k) == 33
	case 4, 6, 7:
		return len(k) == 65
	}
	return false
}

// isPushOnly reports whether s consists only of well-formed push opcodes
// (OP_0..OP_16 count as pushes, as in Bitcoin Core's IsPushOnly).
func isPushOnly(s []byte) bool {
	for i := 0; i < len(s); {
		op := s[i]
		i++
		if op > op16 {
			return false
		}
		var n int
		switch {
		case op < opPushData1:
			n = int(op)
		case op == opPushData1:
			if i+1 > len(s) {
				return false
			}
			n = int(s[i])
			i++
		case op == opPushData2:
			if i+2 > len(s) {
				return false
			}
			n = int(s[i]) | int(s[i+1])<<8
			i += 2
		case op == opPushData4:
			if i+4 > len(s) {
				return false
			}
			n = int(uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24)
			i += 4
			if n < 0 {
				return false
			}
		}
		if n > len(s)-i {
			return false
		}
		i += n
	}
	return true
}

// matchMultisig mirrors Bitcoin Core's MatchMultisig for 1 ≤ m ≤ n ≤ 16.
func matchMultisig(s []byte) (m, n int, ok bool) {
	if len(s) < 1 || s[len(s)-1] != opCheckMultiSig {
		return 0, 0, false
	}
	if s[0] < op1 || s[0] > op16 {
		return 0, 0, false
	}
	m = int(s[0] - op1 + 1)
	i := 1
	keys := 0
	for i < len(s)-1 {
		l := int(s[i])
		if l != 33 && l != 65 {
			break
		}
		if i+1+l > len(s)-1 || !validPubKeySize(s[i+1:i+1+l]) {
			return 0, 0, false
		}
		i += 1 + l
		keys++
	}
	if i != len(s)-2 || s[i] < op1 || s[i] > op16 {
		return 0, 0, false
	}
	n = int(s[i] - op1 + 1)
	if keys != n || m > n {
		return 0, 0, false
	}
	return m, n, true
}

// Hash160 returns RIPEMD160(SHA256(b)).
func Hash160(b []byte) [20]byte {
	s := sha256.Sum256(b)
	r := ripemd160.New()
	r.Write(s[:])
	var out [20]byte
	r.Sum(out[:0])
	return out
}
