package bitcoin_test

import (
	"encoding/binary"
	"testing"

	"github.com/btcsuite/btcd/chaincfg"

	"github.com/coinsift/coinsift/bitcoin"
)

// TestNetworksMatchBtcd checks coinsift's network parameters against btcd's.
func TestNetworksMatchBtcd(t *testing.T) {
	for _, tc := range []struct {
		ours   *bitcoin.Params
		theirs *chaincfg.Params
	}{
		{bitcoin.MainNet, &chaincfg.MainNetParams},
		{bitcoin.RegTest, &chaincfg.RegressionNetParams},
		{bitcoin.SimNet, &chaincfg.SimNetParams},
	} {
		var magic [4]byte
		binary.LittleEndian.PutUint32(magic[:], uint32(tc.theirs.Net))
		if tc.ours.Magic != magic || tc.ours.PubKeyHashID != tc.theirs.PubKeyHashAddrID ||
			tc.ours.ScriptHashID != tc.theirs.ScriptHashAddrID || tc.ours.HRP != tc.theirs.Bech32HRPSegwit ||
			tc.ours.Genesis.String() != tc.theirs.GenesisHash.String() {
			t.Errorf("%s: %+v does not match btcd's %s", tc.ours.Name, tc.ours, tc.theirs.Name)
		}
		if bitcoin.ParamsByName(tc.ours.Name) != tc.ours {
			t.Errorf("ParamsByName(%q) is not %s", tc.ours.Name, tc.ours.Name)
		}
	}
}
