package bitcoin_test

import (
	"encoding/hex"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
)

func TestClassifyAndEncode(t *testing.T) {
	tests := []struct {
		name   string
		script string
		typ    coinsift.ScriptType
		net    *bitcoin.Params
		addr   string // "" when the script has no address
	}{
		// BIP 173 / BIP 350 test vectors.
		{"p2wpkh", "0014751e76e8199196d454941c45d1b3a323f1433bd6", coinsift.ScriptP2WPKH, bitcoin.MainNet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},
		{"p2wsh testnet", "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262", coinsift.ScriptP2WSH, bitcoin.TestNet3, "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"},
		{"witness v16", "6002751e", coinsift.ScriptWitnessUnknown, bitcoin.MainNet, "bc1sw50qgdz25j"},
		{"witness v1 20 bytes", "5114751e76e8199196d454941c45d1b3a323f1433bd6", coinsift.ScriptWitnessUnknown, bitcoin.MainNet, ""},
		{"p2tr", "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", coinsift.ScriptP2TR, bitcoin.MainNet, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"},
		{"p2tr regtest", "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", coinsift.ScriptP2TR, bitcoin.RegTest, "bcrt1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqc8gma6"},
		{"p2pkh", "76a91462e907b15cbf27d5425399ebf6f0fb50ebb88f1888ac", coinsift.ScriptP2PKH, bitcoin.MainNet, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"},
		{"p2sh", "a914748284390f9e263a4b766a75d0633c50426eb87587", coinsift.ScriptP2SH, bitcoin.MainNet, "3CK4fEwbMP7heJarmU4eqA3sMbVJyEnU3V"},
		{"op_return", "6a0b68656c6c6f20776f726c64", coinsift.ScriptNullData, bitcoin.MainNet, ""},
		{"op_return bare", "6a", coinsift.ScriptNullData, bitcoin.MainNet, ""},
		{"op_return not push-only", "6aac", coinsift.ScriptNonStandard, bitcoin.MainNet, ""},
		{"v0 wrong length", "0015751e76e8199196d454941c45d1b3a323f1433bd6aa", coinsift.ScriptNonStandard, bitcoin.MainNet, ""},
		{"multisig 1-of-1", "51210279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f8179851ae", coinsift.ScriptMultisig, bitcoin.MainNet, ""},
		{"p2pk bad header", "2105" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798ac", coinsift.ScriptNonStandard, bitcoin.MainNet, ""},
		{"empty", "", coinsift.ScriptNonStandard, bitcoin.MainNet, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			script, err := hex.DecodeString(tt.script)
			if err != nil {
				t.Fatal(err)
			}
			s := bitcoin.Classify(script)
			if s.Type != tt.typ {
				t.Fatalf("Classify(%s) = %v; want %v", tt.script, s.Type, tt.typ)
			}
			p, _, ok := bitcoin.PayloadOf(s)
			if tt.addr == "" {
				if ok && s.Type != coinsift.ScriptWitnessUnknown {
					t.Fatalf("PayloadOf(%v) ok; want no address", s.Type)
				}
				return
			}
			got, err := p.Encode(tt.net)
			if err != nil || got != tt.addr {
				t.Fatalf("Encode = %q, %v; want %q", got, err, tt.addr)
			}
			back, err := bitcoin.DecodeAddress(tt.addr, tt.net)
			if err != nil || !back.Equal(p) {
				t.Fatalf("DecodeAddress(%q) = %v, %v; want %v", tt.addr, back, err, p)
			}
		})
	}
}

func TestDecodeAddressErrors(t *testing.T) {
	for _, s := range []string{
		"", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // bad checksum
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", // v1 with bech32 checksum
		"tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",                     // testnet on mainnet
		"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
	} {
		if _, err := bitcoin.DecodeAddress(s, bitcoin.MainNet); err == nil {
			t.Errorf("DecodeAddress(%q) succeeded; want error", s)
		}
	}
}
