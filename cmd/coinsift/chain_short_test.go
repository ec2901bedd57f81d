package main

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/bitcoin/rpc/rpctest"
	"github.com/coinsift/coinsift/chainindex"
)

// TestChainImportStoppedShort: an import that cannot reach the end of the
// blocks directory says so in its summary (where and why), and 'chain info'
// says it until an import reaches the tip.
func TestChainImportStoppedShort(t *testing.T) {
	const n, bad = 800, 500 // blocks written; the damaged one
	blocks := rpctest.Blk14131(t)[:n]
	var file []byte
	var recOff int // offset of block bad's record
	for i, b := range blocks {
		if i == bad {
			recOff = len(file)
		}
		file = append(file, bitcoin.MainNet.Magic[:]...)
		file = binary.LittleEndian.AppendUint32(file, uint32(len(b)))
		file = append(file, b...)
	}
	// Record framing zeroed: the record cannot be read, so the blocks after
	// it have no parent.
	zeroed := append([]byte(nil), file...)
	clear(zeroed[recOff : recOff+8+len(blocks[bad])/2])
	// The last byte of the block changed: it is found but does not parse.
	broken := append([]byte(nil), file...)
	broken[recOff+8+len(blocks[bad])-1] ^= 0xff

	tests := []struct {
		name   string
		data   []byte
		code   int
		stop   string // in the "stopped" line and in chain info's note
		blocks int
	}{
		{name: "record zeroed", data: zeroed, code: exitQuarantined, blocks: bad,
			stop: fmt.Sprintf("short at height %d: ", bad-1)},
		{name: "block broken", data: broken, code: exitError, blocks: bad,
			stop: fmt.Sprintf("short at height %d: ", bad-1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			blkDir := filepath.Join(t.TempDir(), "blocks")
			if err := os.MkdirAll(blkDir, 0o755); err != nil {
				t.Fatal(err)
			}
			blk := filepath.Join(blkDir, "blk00000.dat")
			if err := os.WriteFile(blk, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			dir := newCase(t)
			out, errs, code := cli(t, "--case", dir, "-q", "chain", "import", "--blocks", blkDir, "--no-sql")
			if code != tc.code {
				t.Errorf("import: exit %d, want %d\n%s%s", code, tc.code, out, errs)
			}
			imported := fmt.Sprintf("imported  %d block(s) 0..%d", tc.blocks, tc.blocks-1)
			if !strings.Contains(out, imported) || !strings.Contains(out, "(stopped short)\n") {
				t.Errorf("import summary lacks %q ... (stopped short):\n%s", imported, out)
			}
			stopLine := "stopped   " + tc.stop + blk + " offset "
			if !strings.Contains(out, stopLine) {
				t.Errorf("import summary lacks %q:\n%s", stopLine, out)
			}
			info := mustCLI(t, "--case", dir, "chain", "info")
			for _, want := range []string{fmt.Sprintf("STOPPED SHORT at height %d", tc.blocks-1), "note: the last import stopped " + tc.stop + blk} {
				if !strings.Contains(info, want) {
					t.Errorf("chain info lacks %q:\n%s", want, info)
				}
			}
			var inf chainindex.Info
			if err := json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "chain", "info")), &inf); err != nil {
				t.Fatal(err)
			}
			if s := inf.StoppedShort; s == nil || int(s.Height) != tc.blocks-1 || s.Source != blk || s.Offset < int64(recOff) {
				t.Errorf("chain info --json: stopped_short %+v; want height %d in %s at or after %d", s, tc.blocks-1, blk, recOff)
			}
			// The file repaired, the next import reaches the tip and says so.
			if err := os.WriteFile(blk, file, 0o644); err != nil {
				t.Fatal(err)
			}
			out = mustCLI(t, "--case", dir, "-q", "chain", "import", "--blocks", blkDir, "--no-sql")
			if strings.Contains(out, "stopped") {
				t.Errorf("complete import says it stopped:\n%s", out)
			}
			info = mustCLI(t, "--case", dir, "chain", "info")
			if !strings.Contains(info, "last import   complete") || strings.Contains(info, "STOPPED") {
				t.Errorf("chain info after a complete import:\n%s", info)
			}
		})
	}
}
