package blockfile_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
)

func bitcoinHeight(h int32) coinsift.Height { return coinsift.Height(h) }

func ExampleOpen() {
	// A blocks directory with the genesis block only.
	dir, _ := os.MkdirTemp("", "blocks")
	defer os.RemoveAll(dir)
	raw := genesis()
	rec := binary.LittleEndian.AppendUint32(bitcoin.MainNet.Magic[:], uint32(len(raw)))
	rec = append(rec, raw...)
	os.WriteFile(filepath.Join(dir, "blk00000.dat"), append(rec, make([]byte, 64)...), 0o644)

	d, err := blockfile.Open(context.Background(), dir, blockfile.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer d.Close()
	tip, _ := d.Tip(context.Background())
	hash, _ := d.Hash(context.Background(), tip)
	fmt.Println(d.Network().Name, tip, hash)
	// Output:
	// mainnet 0 000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f
}

func genesis() []byte {
	var b []byte
	fmt.Sscanf("0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c0101000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000", "%x", &b)
	return b
}
