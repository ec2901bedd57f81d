package rpc_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/btcsuite/btcd/chaincfg"
	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
	"github.com/coinsift/coinsift/bitcoin/blockfile"
	"github.com/coinsift/coinsift/bitcoin/rpc"
	"github.com/coinsift/coinsift/bitcoin/rpc/rpctest"
	"github.com/coinsift/coinsift/chainindex"
)

func dial(tb testing.TB, cfg rpc.Config) *rpc.Client {
	tb.Helper()
	c, err := rpc.Dial(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("Dial: %v", err)
	}
	return c
}

func TestDial(t *testing.T) {
	blocks := rpctest.Blk14131(t)[:20]
	node := rpctest.NewNode(t, blocks)
	cookie := filepath.Join(t.TempDir(), ".cookie")
	os.WriteFile(cookie, []byte("user:pass\n"), 0o600)
	badCookie := filepath.Join(t.TempDir(), ".cookie")
	os.WriteFile(badCookie, []byte("user:nope"), 0o600)
	url := strings.Replace(node.URL, "http://", "http://user:pass@", 1)
	tests := []struct {
		name    string
		cfg     rpc.Config
		chain   string
		wantErr error
	}{
		{"user pass", rpc.Config{URL: node.URL, User: "user", Pass: "pass"}, "main", nil},
		{"cookie", rpc.Config{URL: node.URL, CookieFile: cookie}, "main", nil},
		{"url userinfo", rpc.Config{URL: url}, "main", nil},
		{"network given", rpc.Config{URL: node.URL, User: "user", Pass: "pass", Network: bitcoin.MainNet}, "main", nil},
		{"wrong pass", rpc.Config{URL: node.URL, User: "user", Pass: "secret-wrong"}, "main", rpc.ErrUnauthorized},
		{"wrong cookie", rpc.Config{URL: node.URL, CookieFile: badCookie}, "main", rpc.ErrUnauthorized},
		{"network mismatch", rpc.Config{URL: node.URL, User: "user", Pass: "pass", Network: bitcoin.TestNet3}, "main", rpc.ErrNetwork},
		{"unknown chain", rpc.Config{URL: node.URL, User: "user", Pass: "pass"}, "simnet", rpc.ErrNetwork},
		{"genesis mismatch", rpc.Config{URL: node.URL, User: "user", Pass: "pass"}, "regtest", rpc.ErrNetwork},
		{"bad url", rpc.Config{URL: "ftp://x"}, "main", coinsift.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			node.ChainName = tt.chain
			c, err := rpc.Dial(context.Background(), tt.cfg)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Dial = %v; want %v", err, tt.wantErr)
			}
			if err != nil {
				if strings.Contains(err.Error(), "secret-wrong") {
					t.Errorf("error %q reveals the password", err)
				}
				return
			}
			if c.Network() != bitcoin.MainNet {
				t.Errorf("Network() = %s; want mainnet", c.Network().Name)
			}
			if strings.Contains(c.Source(), "pass") {
				t.Errorf("Source() = %q reveals credentials", c.Source())
			}
		})
	}
}

func TestBlock(t *testing.T) {
	blocks := rpctest.Blk14131(t)[:200]
	for _, boolVerb := range []bool{false, true} {
		t.Run(fmt.Sprintf("bool verbosity %v", boolVerb), func(t *testing.T) {
			node := rpctest.NewNode(t, blocks)
			node.BoolVerbosity = boolVerb
			c := dial(t, rpc.Config{URL: node.URL, User: "user", Pass: "pass"})
			ctx := context.Background()
			tip, err := c.Tip(ctx)
			if err != nil || tip != 199 {
				t.Fatalf("Tip() = %d, %v; want 199", tip, err)
			}
			buf := make([]byte, 0, 64)
			for _, h := range []coinsift.Height{0, 170, 199} {
				b, err := c.Block(ctx, h, buf)
				if err != nil {
					t.Fatalf("Block(%d): %v", h, err)
				}
				if !bytes.Equal(b, blocks[h]) {
					t.Errorf("Block(%d) differs from the served block", h)
				}
			}
			if _, err := c.Block(ctx, 200, nil); err == nil || !strings.Contains(err.Error(), "getblockhash") {
				t.Errorf("Block(200) = %v; want a getblockhash error", err)
			}
			want := 3
			if boolVerb {
				want = 4 // one refused integer form, then booleans
			}
			if got := node.Calls("getblock"); got != want {
				t.Errorf("getblock called %d times; want %d", got, want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	blocks := rpctest.Blk14131(t)[:10]
	tests := []struct {
		name    string
		fail    func(w http.ResponseWriter)
		cfg     rpc.Config
		want    string
		wantErr error
	}{
		{"http 500", func(w http.ResponseWriter) {
			http.Error(w, "internal trouble", http.StatusInternalServerError)
		}, rpc.Config{}, `http 500: "internal trouble"`, nil},
		{"rpc error", func(w http.ResponseWriter) {
			w.WriteHeader(http.StatusInternalServerError)
			w.Write([]byte(`{"result":null,"error":{"code":-5,"message":"Block not found"},"id":1}`))
		}, rpc.Config{}, "rpc error -5: Block not found", coinsift.ErrNotFound},
		{"truncated body", func(w http.ResponseWriter) {
			w.Header().Set("Content-Length", "1000")
			w.Write([]byte(`{"result":"00`))
		}, rpc.Config{Retries: 1}, "unexpected EOF", nil},
		{"cut json", func(w http.ResponseWriter) {
			w.Write([]byte(`{"result":"00`))
		}, rpc.Config{}, "decode response", nil},
		{"busy", func(w http.ResponseWriter) {
			http.Error(w, "Work queue depth exceeded", http.StatusServiceUnavailable)
		}, rpc.Config{Retries: 1}, "http 503", nil},
		{"too large", func(w http.ResponseWriter) {
			w.Write([]byte(`{"result":"` + strings.Repeat("00", 600) + `","error":null,"id":1}`))
		}, rpc.Config{MaxResponse: 1000}, "response too large", rpc.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			node := rpctest.NewNode(t, blocks)
			cfg := tt.cfg
			cfg.URL, cfg.User, cfg.Pass = node.URL, "user", "pass"
			c := dial(t, cfg)
			node.Fail(func(method string, w http.ResponseWriter) bool {
				if method != "getblock" {
					return false
				}
				tt.fail(w)
				return true
			})
			_, err := c.Block(context.Background(), 5, nil)
			if err == nil {
				t.Fatal("Block succeeded; want an error")
			}
			for _, s := range []string{"getblock", node.URL, tt.want} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
			if strings.Contains(err.Error(), "pass") {
				t.Errorf("error %q reveals the password", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v is not %v", err, tt.wantErr)
			}
		})
	}
}

func TestCanceled(t *testing.T) {
	node := rpctest.NewNode(t, rpctest.Blk14131(t)[:10])
	c := dial(t, rpc.Config{URL: node.URL, User: "user", Pass: "pass"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Tip(ctx); !errors.Is(err, coinsift.ErrCanceled) {
		t.Errorf("Tip with a cancelled context = %v; want ErrCanceled", err)
	}
}

// snapshot returns the committed column files of an index.
func snapshot(tb testing.TB, dir string) []byte {
	tb.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.col"))
	sort.Strings(names)
	var out []byte
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(append(out, filepath.Base(n)...), b...)
	}
	return out
}

func importRPC(tb testing.TB, dir string, c *rpc.Client, opts chainindex.Options) (chainindex.Result, error) {
	tb.Helper()
	return chainindex.Import(context.Background(), dir, c, opts)
}

// TestImportReorg imports over RPC, lets the node switch to a competing
// branch, and checks that the next import rolls back the replaced blocks and
// equals a fresh import of the new chain.
func TestImportReorg(t *testing.T) {
	full := rpctest.Blk14131(t)
	old := full[:300]
	newChain := rpctest.Fork(full[:311], 250, 60)
	node := rpctest.NewNode(t, old)
	c := dial(t, rpc.Config{URL: node.URL, User: "user", Pass: "pass"})
	dir := t.TempDir()
	res, err := importRPC(t, dir, c, chainindex.Options{Confirmations: 3})
	if err != nil || res.To != 296 {
		t.Fatalf("first import: %+v, %v; want up to 296", res, err)
	}
	res, err = importRPC(t, dir, c, chainindex.Options{})
	if err != nil || res.From != 297 || res.To != 299 || res.RolledBack != 0 {
		t.Fatalf("incremental import: %+v, %v; want 297..299 appended", res, err)
	}
	node.SetChain(newChain)
	res, err = importRPC(t, dir, c, chainindex.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.RolledBack != 49 || res.From != 251 || res.To != 310 {
		t.Errorf("reorg import: %+v; want 49 rolled back, 251..310 appended", res)
	}
	fresh := t.TempDir()
	if _, err := importRPC(t, fresh, c, chainindex.Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(snapshot(t, dir), snapshot(t, fresh)) {
		t.Fatal("index after reorg differs from a fresh import of the new chain")
	}
	x, err := chainindex.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Verify(); err != nil {
		t.Fatal(err)
	}
	if got := x.Block(310).Hash; got != bitcoin.HeaderHash(newChain[310]) {
		t.Errorf("tip hash %s; want the new branch's", got)
	}
}

// TestImportReorgDuringImport switches branches while blocks are being
// fetched: the import stops with ErrSourceChanged at a consistent height and
// the next import converges on the new chain.
func TestImportReorgDuringImport(t *testing.T) {
	full := rpctest.Blk14131(t)
	old := full[:400]
	newChain := rpctest.Fork(full[:401], 100, 300)
	node := rpctest.NewNode(t, old)
	c := dial(t, rpc.Config{URL: node.URL, User: "user", Pass: "pass"})
	var n atomic.Int32
	node.Fail(func(method string, w http.ResponseWriter) bool {
		if method == "getblock" {
			if n.Add(1) == 200 {
				node.SetChain(newChain)
			}
		}
		return false
	})
	dir := t.TempDir()
	_, err := importRPC(t, dir, c, chainindex.Options{CommitBlocks: 50})
	if !errors.Is(err, chainindex.ErrSourceChanged) {
		t.Fatalf("import during a reorg = %v; want ErrSourceChanged", err)
	}
	res, err := importRPC(t, dir, c, chainindex.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.To != 400 || res.From > 101 {
		t.Errorf("second import %+v; want up to 400 from at most 101", res)
	}
	fresh := t.TempDir()
	if _, err := importRPC(t, fresh, c, chainindex.Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(snapshot(t, dir), snapshot(t, fresh)) {
		t.Fatal("index after a reorg during import differs from a fresh import")
	}
}

// BenchmarkImportRPC imports the blocks directory named by
// COINSIFT_BENCH_BLOCKS (e.g. the synthetic chain of chainindex's
// TestSynthChain) over JSON-RPC from a fake node in the same process: the
// node hex-encodes every block as bitcoind does, on the same two cores.
func BenchmarkImportRPC(b *testing.B) {
	dir := os.Getenv("COINSIFT_BENCH_BLOCKS")
	if dir == "" {
		b.Skip("set COINSIFT_BENCH_BLOCKS=DIR")
	}
	ctx := context.Background()
	src, err := blockfile.Open(ctx, dir, blockfile.Options{SkipPoW: true})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	tip, _ := src.Tip(ctx)
	var blocks [][]byte
	var size int64
	for h := coinsift.Height(0); h <= tip; h++ {
		raw, err := src.Block(ctx, h, nil)
		if err != nil {
			b.Fatal(err)
		}
		blocks = append(blocks, bytes.Clone(raw))
		size += int64(len(raw))
	}
	// The node must serve regtest's real genesis block (Dial checks it):
	// put it first and relink the synthetic blocks onto it.
	var g bytes.Buffer
	if err := chaincfg.RegressionNetParams.GenesisBlock.Serialize(&g); err != nil {
		b.Fatal(err)
	}
	size += int64(g.Len() - len(blocks[0]))
	blocks[0] = g.Bytes()
	for h := 1; h < len(blocks); h++ {
		prev := bitcoin.HeaderHash(blocks[h-1])
		copy(blocks[h][4:36], prev[:])
	}
	node := rpctest.NewNode(b, blocks)
	node.ChainName = "regtest"
	c := dial(b, rpc.Config{URL: node.URL, User: "user", Pass: "pass"})
	b.SetBytes(size)
	for b.Loop() {
		if _, err := chainindex.Import(ctx, b.TempDir(), c, chainindex.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(blocks))*float64(b.N)/b.Elapsed().Seconds(), "blocks/s")
}
