package bitcoin_test

import (
	"encoding/hex"
	"fmt"

	"github.com/coinsift/coinsift/bitcoin"
)

// The genesis block of mainnet.
const genesisHex = "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c0101000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000"

func ExampleParseBlock() {
	raw, _ := hex.DecodeString(genesisHex)
	blk, err := bitcoin.ParseBlock(raw)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("block", blk.Hash)
	tx := &blk.Txs[0]
	fmt.Println("tx", tx.TxID, "coinbase", tx.IsCoinbase())
	out := tx.Outputs[0]
	s := bitcoin.Classify(out.Script)
	p, fromKey, _ := bitcoin.PayloadOf(s)
	addr, _ := p.Encode(bitcoin.MainNet)
	fmt.Println(out.Value, s.Type, addr, "from key:", fromKey)
	// Output:
	// block 000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f
	// tx 4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b coinbase true
	// 50.00000000 pubkey 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa from key: true
}

func ExampleDecodeAddress() {
	p, err := bitcoin.DecodeAddress("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", bitcoin.MainNet)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Kind, p.Version, hex.EncodeToString(p.Data))
	// Output:
	// witness_v1_taproot 1 79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798
}
