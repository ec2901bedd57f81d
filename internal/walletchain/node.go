package walletchain

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// rpcUser and rpcPass guard the loopback RPC of the node and the wallets.
const (
	rpcUser = "walletchain"
	rpcPass = "walletchain"
)

// errInsufficient is a wallet's refusal to spend more than it holds.
var errInsufficient = errors.New("walletchain: insufficient funds")

// endpoint is a JSON-RPC 1.0 server over HTTP (btcd, or btcwallet's
// legacy RPC).
type endpoint struct {
	name string
	url  string
	hc   *http.Client
}

func (e *endpoint) call(ctx context.Context, method string, params []any, result any) error {
	if params == nil {
		params = []any{}
	}
	body, err := json.Marshal(map[string]any{"jsonrpc": "1.0", "id": 1, "method": method, "params": params})
	if err != nil {
		return fmt.Errorf("%s %s: %w", e.name, method, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s %s: %w", e.name, method, err)
	}
	req.SetBasicAuth(rpcUser, rpcPass)
	resp, err := e.hc.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", e.name, method, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("%s %s: %w", e.name, method, err)
	}
	var out struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return fmt.Errorf("%s %s: HTTP %d: %.200q: %w", e.name, method, resp.StatusCode, raw, err)
	}
	if out.Error != nil {
		if strings.Contains(out.Error.Message, "insufficient funds") {
			return fmt.Errorf("%s %s: %w", e.name, method, errInsufficient)
		}
		return fmt.Errorf("%s %s: %s (code %d)", e.name, method, out.Error.Message, out.Error.Code)
	}
	if result == nil {
		return nil
	}
	if err := json.Unmarshal(out.Result, result); err != nil {
		return fmt.Errorf("%s %s: result %.200q: %w", e.name, method, out.Result, err)
	}
	return nil
}

// process is a started node or wallet.
type process struct {
	cmd  *exec.Cmd
	done chan struct{}
	log  string
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// start runs bin with args, its output in dir/name.log.
func start(dir, name, bin string, args ...string) (*process, error) {
	logPath := filepath.Join(dir, name+".log")
	f, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &process{cmd: cmd, done: make(chan struct{}), log: logPath}
	go func() { cmd.Wait(); f.Close(); close(p.done) }()
	return p, nil
}

// stop interrupts the process (btcd flushes its database on SIGINT; a
// killed node loses its last blocks), kills it if it has not exited after
// 30 s, and waits for it.
func (p *process) stop() {
	p.cmd.Process.Signal(os.Interrupt)
	select {
	case <-p.done:
		return
	case <-time.After(30 * time.Second):
	}
	p.cmd.Process.Kill()
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
	}
}

// tail returns the end of the process's log, for error messages.
func (p *process) tail() string {
	b, _ := os.ReadFile(p.log)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// waitReady calls method until it succeeds, the process exits or limit
// passes. (A new btcwallet derives its keys with scrypt first, which takes
// a while when several start at once.)
func waitReady(ctx context.Context, p *process, e *endpoint, method string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := e.call(cctx, method, nil, nil)
		cancel()
		if err == nil {
			return nil
		}
		select {
		case <-p.done:
			return fmt.Errorf("%s exited: %s", e.name, p.tail())
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after %v: %w", e.name, limit, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
