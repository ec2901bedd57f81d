package coinsift

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// Sats is an amount of bitcoin in satoshis (1 BTC = 100,000,000 sats).
type Sats int64

// SatsPerBTC is the number of satoshis in one bitcoin.
const SatsPerBTC Sats = 100_000_000

// String formats s as a decimal BTC amount with eight places, e.g. "0.00150000".
func (s Sats) String() string {
	neg := s < 0
	u := uint64(s)
	if neg {
		u = uint64(-s)
	}
	whole, frac := u/uint64(SatsPerBTC), u%uint64(SatsPerBTC)
	str := fmt.Sprintf("%d.%08d", whole, frac)
	if neg {
		return "-" + str
	}
	return str
}

// ParseBTC parses a decimal BTC amount ("0.0015", "12", "-1.5") exactly, with
// at most eight fractional digits, into satoshis.
func ParseBTC(s string) (Sats, error) {
	v, err := parseDecimal(s, 8)
	if err != nil {
		return 0, fmt.Errorf("parse btc amount %q: %w", s, err)
	}
	return Sats(v), nil
}

// parseDecimal parses a decimal string into an integer scaled by 10^places,
// refusing more fractional digits than places and values out of int64 range.
func parseDecimal(s string, places int) (int64, error) {
	t := strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	} else if strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	whole, frac, _ := strings.Cut(t, ".")
	if whole == "" && frac == "" {
		return 0, ErrInvalid
	}
	if len(frac) > places {
		// Tolerate trailing zeros beyond the precision.
		if strings.Trim(frac[places:], "0") != "" {
			return 0, fmt.Errorf("more than %d decimal places: %w", places, ErrInvalid)
		}
		frac = frac[:places]
	}
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, fmt.Errorf("not a decimal number: %w", ErrInvalid)
			}
		}
	}
	digits := whole + frac + strings.Repeat("0", places-len(frac))
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("out of range: %w", ErrInvalid)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// Money is a fiat amount in integer minor units (pence, cents) of an ISO 4217
// currency. It is never a float.
type Money struct {
	Minor    int64  `json:"minor"`
	Currency string `json:"currency"`
}

// String formats m as "GBP 12.34" (two minor digits, as for GBP, EUR and USD).
func (m Money) String() string {
	neg := m.Minor < 0
	u := m.Minor
	if neg {
		u = -u
	}
	sign := ""
	if neg {
		sign = "-"
	}
	return fmt.Sprintf("%s %s%d.%02d", m.Currency, sign, u/100, u%100)
}

// ParseMoney parses a decimal amount with two minor digits in currency cur.
func ParseMoney(s, cur string) (Money, error) {
	v, err := parseDecimal(s, 2)
	if err != nil {
		return Money{}, fmt.Errorf("parse %s amount %q: %w", cur, s, err)
	}
	return Money{Minor: v, Currency: cur}, nil
}

// Height is a block height; -1 means unconfirmed or unknown.
type Height int32

// TxID is a transaction or block hash in internal byte order (as hashed).
// Its String form is the reversed hex that Bitcoin Core and explorers print.
type TxID [32]byte

// String returns the conventional, byte-reversed hex form.
func (id TxID) String() string {
	var r [32]byte
	for i := range id {
		r[i] = id[31-i]
	}
	return hex.EncodeToString(r[:])
}

// ParseTxID parses the conventional 64-hex-digit, byte-reversed form.
func ParseTxID(s string) (TxID, error) {
	var id TxID
	if len(s) != 64 {
		return id, fmt.Errorf("txid %q: want 64 hex digits: %w", truncate(s, 80), ErrInvalid)
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return id, fmt.Errorf("txid %q: %w", truncate(s, 80), ErrInvalid)
	}
	for i := range b {
		id[i] = b[31-i]
	}
	return id, nil
}

// MarshalText implements encoding.TextMarshaler.
func (id TxID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (id *TxID) UnmarshalText(b []byte) error {
	v, err := ParseTxID(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// OutPoint names one transaction output.
type OutPoint struct {
	TxID TxID   `json:"txid"`
	Vout uint32 `json:"vout"`
}

// String formats o as "txid:vout".
func (o OutPoint) String() string {
	return o.TxID.String() + ":" + strconv.FormatUint(uint64(o.Vout), 10)
}

// Address is a Bitcoin address exactly as Bitcoin Core prints it.
type Address string

// ClusterID identifies an address cluster: the smallest address id in it.
type ClusterID uint64

// Country is an ISO 3166-1 alpha-2 code in upper case; "" means unknown.
type Country string

// PersonPrefix begins every person id coinsift prints ("P-344"), so that a
// person can never be read as the account with the same number.
const PersonPrefix = "P-"

// FormatPerson prints a stored person id: "344" as "P-344". An account in
// no person, which triage names "account:KEY", is printed as it is.
func FormatPerson(id string) string {
	if _, ok := personNumber(id); ok {
		return PersonPrefix + id
	}
	return id
}

// ParsePerson reads a person id as FormatPerson prints it ("P-344", the
// prefix in either case) and returns the stored id ("344"); ok is false
// for anything else, a bare number included.
func ParsePerson(s string) (id string, ok bool) {
	if len(s) <= len(PersonPrefix) || !strings.EqualFold(s[:len(PersonPrefix)], PersonPrefix) {
		return "", false
	}
	id = s[len(PersonPrefix):]
	if _, ok := personNumber(id); !ok {
		return "", false
	}
	return id, true
}

// personNumber reports whether id is a stored person id: a positive
// decimal number without sign or leading zero.
func personNumber(id string) (int64, bool) {
	if id == "" || id[0] < '1' || id[0] > '9' {
		return 0, false
	}
	n, err := strconv.ParseInt(id, 10, 64)
	return n, err == nil
}

// ScriptType classifies an output script.
type ScriptType uint8

// Script types. The numeric values are stored on disk and must not change.
const (
	ScriptNonStandard ScriptType = iota
	ScriptP2PK
	ScriptP2PKH
	ScriptP2SH
	ScriptP2WPKH
	ScriptP2WSH
	ScriptP2TR
	ScriptMultisig
	ScriptNullData
	ScriptWitnessUnknown
)

var scriptTypeNames = [...]string{
	ScriptNonStandard:    "nonstandard",
	ScriptP2PK:           "pubkey",
	ScriptP2PKH:          "pubkeyhash",
	ScriptP2SH:           "scripthash",
	ScriptP2WPKH:         "witness_v0_keyhash",
	ScriptP2WSH:          "witness_v0_scripthash",
	ScriptP2TR:           "witness_v1_taproot",
	ScriptMultisig:       "multisig",
	ScriptNullData:       "nulldata",
	ScriptWitnessUnknown: "witness_unknown",
}

// String returns the name Bitcoin Core's decodescript uses for the type.
func (t ScriptType) String() string {
	if int(t) < len(scriptTypeNames) {
		return scriptTypeNames[t]
	}
	return "ScriptType(" + strconv.Itoa(int(t)) + ")"
}

// ParseScriptType is the inverse of ScriptType.String.
func ParseScriptType(s string) (ScriptType, error) {
	for i, n := range scriptTypeNames {
		if n == s {
			return ScriptType(i), nil
		}
	}
	return 0, fmt.Errorf("script type %q: %w", s, ErrInvalid)
}

// Provenance says where a derived fact came from: a seized row (evidence id,
// table, row number, byte offset) or a chain fact (height, txid, vout).
type Provenance struct {
	Evidence string  `json:"evidence,omitempty"` // evidence id (sha256 prefix) of the input file
	Table    string  `json:"table,omitempty"`
	Row      int64   `json:"row,omitempty"`    // 1-based row number within Table
	Offset   int64   `json:"offset,omitempty"` // byte offset in the (decompressed) input
	Height   Height  `json:"height,omitempty"`
	TxID     *TxID   `json:"txid,omitempty"`
	Vout     *uint32 `json:"vout,omitempty"`
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
