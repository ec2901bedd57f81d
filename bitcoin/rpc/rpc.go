package rpc

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
)

// Defaults of [Config].
const (
	DefaultTimeout     = 2 * time.Minute
	DefaultMaxResponse = 32 << 20 // a 4 MB block is 8 MB of hex
	DefaultRetries     = 3
)

// Sentinel errors.
var (
	// ErrUnauthorized reports that the node refused the credentials.
	ErrUnauthorized = fmt.Errorf("rpc: unauthorized (check the RPC user and password or cookie file): %w", coinsift.ErrInvalid)
	// ErrTooLarge reports a response above Config.MaxResponse.
	ErrTooLarge = fmt.Errorf("rpc: response too large: %w", coinsift.ErrInvalid)
	// ErrNetwork reports a node on another network than the one asked for,
	// or one coinsift does not know.
	ErrNetwork = fmt.Errorf("rpc: network mismatch: %w", coinsift.ErrInvalid)
)

// Error is an error returned by the node in a JSON-RPC response.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return fmt.Sprintf("rpc error %d: %s", e.Code, e.Message) }

// Is reports a "not found" error code (-5, RPC_INVALID_ADDRESS_OR_KEY, which
// both bitcoind and btcd use for unknown blocks) as coinsift.ErrNotFound.
func (e *Error) Is(target error) bool { return target == coinsift.ErrNotFound && e.Code == -5 }

// Config configures a [Client].
type Config struct {
	// URL of the node's RPC server, e.g. http://127.0.0.1:8332. User
	// information in the URL is used as credentials when User is empty.
	URL string
	// User and Pass are the RPC credentials (bitcoind rpcuser/rpcpassword
	// or rpcauth; btcd rpcuser/rpcpass).
	User, Pass string
	// CookieFile is bitcoind's .cookie file ("user:pass"); read when User
	// is empty.
	CookieFile string
	// Network, when set, is checked against the node's; when nil it is
	// taken from the node (getblockchaininfo's chain).
	Network *bitcoin.Params
	// Timeout bounds each request (default DefaultTimeout).
	Timeout time.Duration
	// MaxResponse bounds the size of a response body (default
	// DefaultMaxResponse).
	MaxResponse int64
	// Retries is how often a request is retried after a transport error
	// or HTTP 503 (bitcoind's "work queue depth exceeded"); default
	// DefaultRetries, -1 for none.
	Retries int
	// HTTPClient, when set, replaces the default client (Timeout then
	// applies per request through the context).
	HTTPClient *http.Client
}

// EnsureDefaults fills in zero fields.
func (c *Config) EnsureDefaults() {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxResponse <= 0 {
		c.MaxResponse = DefaultMaxResponse
	}
	if c.Retries == 0 {
		c.Retries = DefaultRetries
	} else if c.Retries < 0 {
		c.Retries = 0
	}
}

// Client is a JSON-RPC client of bitcoind or btcd. It implements
// chainindex.Source and is safe for concurrent use.
type Client struct {
	cfg      Config
	endpoint string // URL without user information
	user     string
	pass     string
	http     *http.Client
	net      *bitcoin.Params
	id       atomic.Uint64
	boolVerb atomic.Int32 // getblock verbosity form: 0 unknown, 1 integer, 2 boolean
}

// Dial checks the configuration, reads the cookie file if any, and asks the
// node for its network (getblockchaininfo) and genesis block.
func Dial(ctx context.Context, cfg Config) (*Client, error) {
	cfg.EnsureDefaults()
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("rpc url %q: want http://host:port: %w", Redact(cfg.URL), coinsift.ErrInvalid)
	}
	c := &Client{cfg: cfg, user: cfg.User, pass: cfg.Pass}
	if u.User != nil {
		if c.user == "" {
			c.user = u.User.Username()
			c.pass, _ = u.User.Password()
		}
		u.User = nil
	}
	c.endpoint = u.String()
	if c.user == "" && cfg.CookieFile != "" {
		if c.user, c.pass, err = ReadCookie(cfg.CookieFile); err != nil {
			return nil, err
		}
	}
	c.http = cfg.HTTPClient
	if c.http == nil {
		c.http = &http.Client{Transport: &http.Transport{
			Proxy:               nil, // a local node; never through a proxy
			DialContext:         (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConnsPerHost: 16,
			IdleConnTimeout:     90 * time.Second,
		}}
	}
	var info struct {
		Chain string `json:"chain"`
	}
	if err := c.Call(ctx, "getblockchaininfo", nil, &info); err != nil {
		return nil, err
	}
	node := bitcoin.ParamsByName(info.Chain)
	switch {
	case node == nil && cfg.Network == nil:
		return nil, fmt.Errorf("node at %s is on chain %q, which coinsift does not know (set the network explicitly): %w", c.endpoint, info.Chain, ErrNetwork)
	case node != nil && cfg.Network != nil && node != cfg.Network:
		return nil, fmt.Errorf("node at %s is on %s, not %s: %w", c.endpoint, node.Name, cfg.Network.Name, ErrNetwork)
	case cfg.Network != nil:
		node = cfg.Network
	}
	c.net = node
	g, err := c.Hash(ctx, 0)
	if err != nil {
		return nil, err
	}
	if g != node.Genesis {
		return nil, fmt.Errorf("node at %s: genesis %s is not %s's: %w", c.endpoint, g, node.Name, ErrNetwork)
	}
	return c, nil
}

// ReadCookie reads a bitcoind cookie file ("user:pass").
func ReadCookie(path string) (user, pass string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", fmt.Errorf("read rpc cookie: %w", err)
	}
	s := strings.TrimSpace(string(b))
	user, pass, ok := strings.Cut(s, ":")
	if !ok || user == "" {
		return "", "", fmt.Errorf("rpc cookie %s: want user:password: %w", path, coinsift.ErrInvalid)
	}
	return user, pass, nil
}

// Redact returns u with any password in its user information replaced,
// for messages and the audit log.
func Redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "(unparseable url)"
	}
	return p.Redacted()
}

// Network returns the node's network.
func (c *Client) Network() *bitcoin.Params { return c.net }

// Source names the node for the manifest: "rpc:" and its URL without
// credentials.
func (c *Client) Source() string { return "rpc:" + c.endpoint }

// Tip returns the node's block count (the height of its best block).
func (c *Client) Tip(ctx context.Context) (coinsift.Height, error) {
	var n int64
	if err := c.Call(ctx, "getblockcount", nil, &n); err != nil {
		return 0, err
	}
	return coinsift.Height(n), nil
}

// Hash returns the hash of the best-chain block at height h.
func (c *Client) Hash(ctx context.Context, h coinsift.Height) (coinsift.TxID, error) {
	var s string
	if err := c.Call(ctx, "getblockhash", []any{int64(h)}, &s); err != nil {
		return coinsift.TxID{}, err
	}
	id, err := coinsift.ParseTxID(s)
	if err != nil {
		return id, fmt.Errorf("rpc getblockhash %d at %s: %w", h, c.endpoint, err)
	}
	return id, nil
}

// Block returns the serialized best-chain block at height h, decoded into
// buf when it is large enough. The block's hash is checked against the
// hash asked for.
func (c *Client) Block(ctx context.Context, h coinsift.Height, buf []byte) ([]byte, error) {
	id, err := c.Hash(ctx, h)
	if err != nil {
		return nil, err
	}
	return c.BlockByHash(ctx, id, buf)
}

// BlockByHash returns the serialized block id (getblock id 0, or
// getblock id false on btcd versions that take a boolean).
func (c *Client) BlockByHash(ctx context.Context, id coinsift.TxID, buf []byte) ([]byte, error) {
	hash := id.String()
	decode := func(raw []byte) error {
		if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
			return fmt.Errorf("result is not a hex string: %w", coinsift.ErrInvalid)
		}
		hx := raw[1 : len(raw)-1]
		n := hex.DecodedLen(len(hx))
		if cap(buf) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := hex.Decode(buf, hx); err != nil {
			return fmt.Errorf("%w: %w", err, coinsift.ErrInvalid)
		}
		return nil
	}
	var err error
	switch c.boolVerb.Load() {
	case 2:
		err = c.callRaw(ctx, "getblock", []any{hash, false}, decode)
	default:
		err = c.callRaw(ctx, "getblock", []any{hash, 0}, decode)
		var re *Error
		if errors.As(err, &re) && re.Code != -5 && c.boolVerb.Load() == 0 {
			// Older btcd declares verbose as a boolean.
			if err2 := c.callRaw(ctx, "getblock", []any{hash, false}, decode); err2 == nil {
				c.boolVerb.Store(2)
				err = nil
				break
			}
		}
		if err == nil {
			c.boolVerb.CompareAndSwap(0, 1)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("block %s: %w", hash, err)
	}
	if len(buf) < bitcoin.HeaderSize || bitcoin.HeaderHash(buf) != id {
		return nil, fmt.Errorf("rpc getblock %s at %s: returned another block: %w", hash, c.endpoint, coinsift.ErrInvalid)
	}
	return buf, nil
}

type request struct {
	JSONRPC string `json:"jsonrpc"`
	ID      uint64 `json:"id"`
	Method  string `json:"method"`
	Params  []any  `json:"params"`
}

type response struct {
	Result json.RawMessage `json:"result"`
	Error  *Error          `json:"error"`
	ID     *uint64         `json:"id"`
}

// Call sends one JSON-RPC request and decodes its result into result (which
// may be a *json.RawMessage). Errors name the method and the URL, never the
// credentials.
func (c *Client) Call(ctx context.Context, method string, params []any, result any) error {
	return c.callRaw(ctx, method, params, func(raw []byte) error {
		if r, ok := result.(*json.RawMessage); ok {
			*r = append((*r)[:0], raw...)
			return nil
		}
		if result != nil {
			if err := json.Unmarshal(raw, result); err != nil {
				return fmt.Errorf("decode result: %w", err)
			}
		}
		return nil
	})
}

// callRaw sends one JSON-RPC request and hands the raw JSON of its result
// to fn, which must not keep it: the bytes are the response buffer, reused
// by the next request (a getblock result is twice the block's size).
func (c *Client) callRaw(ctx context.Context, method string, params []any, fn func(raw []byte) error) error {
	if params == nil {
		params = []any{}
	}
	id := c.id.Add(1)
	body, err := json.Marshal(request{JSONRPC: "1.0", ID: id, Method: method, Params: params})
	if err != nil {
		return fmt.Errorf("rpc %s: %w", method, err)
	}
	var last error
	for attempt := 0; attempt <= c.cfg.Retries; attempt++ {
		if attempt > 0 {
			t := time.NewTimer(time.Duration(attempt*attempt) * 200 * time.Millisecond)
			select {
			case <-ctx.Done():
				t.Stop()
				return fmt.Errorf("rpc %s at %s: %w", method, c.endpoint, errors.Join(coinsift.ErrCanceled, ctx.Err()))
			case <-t.C:
			}
		}
		var retry bool
		retry, last = c.do(ctx, id, body, fn)
		if last == nil || !retry {
			break
		}
	}
	if last != nil {
		return fmt.Errorf("rpc %s at %s: %w", method, c.endpoint, last)
	}
	return nil
}

// bodies holds response buffers for reuse: reading a getblock response
// into a fresh buffer costs an allocation, its zeroing and, without a
// Content-Length, a copy per doubling.
var bodies = sync.Pool{New: func() any { return new([]byte) }}

// do performs one attempt; retry reports a transient failure.
func (c *Client) do(pctx context.Context, id uint64, body []byte, fn func([]byte) error) (retry bool, err error) {
	ctx, cancel := context.WithTimeout(pctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	req.Header.Set("Content-Type", "application/json")
	if c.user != "" || c.pass != "" {
		req.SetBasicAuth(c.user, c.pass)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if pctx.Err() != nil {
			return false, errors.Join(coinsift.ErrCanceled, pctx.Err())
		}
		if ctx.Err() != nil {
			return true, fmt.Errorf("no answer within %s: %w", c.cfg.Timeout, ctx.Err())
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is in the caller's message
		}
		return true, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusUnauthorized, http.StatusForbidden:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
		return false, fmt.Errorf("http %d: %w", resp.StatusCode, ErrUnauthorized)
	case http.StatusServiceUnavailable:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
		return true, fmt.Errorf("http 503 (node busy; raise rpcworkqueue or lower --workers)")
	}
	if resp.ContentLength > c.cfg.MaxResponse {
		return false, fmt.Errorf("%d bytes, limit %d: %w", resp.ContentLength, c.cfg.MaxResponse, ErrTooLarge)
	}
	bp := bodies.Get().(*[]byte)
	defer bodies.Put(bp)
	b, err := readBody(resp.Body, resp.ContentLength, c.cfg.MaxResponse+1, (*bp)[:0])
	*bp = b[:0]
	if err != nil {
		return true, fmt.Errorf("read response (http %d): %w", resp.StatusCode, err)
	}
	if int64(len(b)) > c.cfg.MaxResponse {
		return false, fmt.Errorf("more than %d bytes: %w", c.cfg.MaxResponse, ErrTooLarge)
	}
	r, ok := parseFast(b)
	if !ok {
		r = response{}
		if jerr := json.Unmarshal(b, &r); jerr != nil || (r.Error == nil && r.Result == nil) {
			if resp.StatusCode != http.StatusOK {
				return false, fmt.Errorf("http %d: %s", resp.StatusCode, snippet(b))
			}
			if jerr == nil {
				jerr = errors.New("no result")
			}
			return false, fmt.Errorf("decode response (%d bytes): %w", len(b), jerr)
		}
	}
	if r.Error != nil {
		return false, r.Error
	}
	if r.ID != nil && *r.ID != id {
		return false, fmt.Errorf("response id %d, want %d", *r.ID, id)
	}
	return false, fn(r.Result)
}

// readBody appends what r yields, up to limit bytes, to b, growing b once
// to size+1 when the size is known (the extra byte sees EOF).
func readBody(r io.Reader, size, limit int64, b []byte) ([]byte, error) {
	if size >= 0 && size < limit && int64(cap(b)) < size+1 {
		b = make([]byte, 0, size+1)
	}
	lr := io.LimitReader(r, limit)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// parseFast reads the response shape bitcoind and btcd send for a string
// result, {"result":"…","error":null,"id":N} (members in any order, with
// optional "jsonrpc", whitespace anywhere JSON allows it), without
// encoding/json: for a getblock response its scanner costs more CPU than
// parsing the block. A string with an escape or a control character, any
// other member or value, a duplicate or anything else returns false and
// the caller decodes the response with encoding/json, so the results are
// the same (FuzzParseFast).
func parseFast(b []byte) (r response, ok bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return r, false
	}
	var seen [4]bool // result, error, id, jsonrpc
	for first := true; ; first = false {
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == '}' && first {
			return r, false // no result
		}
		key, j, okk := plainString(b, i)
		if !okk {
			return r, false
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return r, false
		}
		i = skipSpace(b, i+1)
		var k int
		switch string(key) {
		case "result":
			_, j, okv := plainString(b, i)
			if !okv {
				return r, false
			}
			r.Result, k = b[i:j], 0
			i = j
		case "error":
			if !bytes.HasPrefix(b[i:], []byte("null")) {
				return r, false
			}
			i, k = i+4, 1
		case "id":
			j := i
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			if j == i || j-i > 19 || (b[i] == '0' && j-i > 1) {
				return r, false
			}
			n, err := strconv.ParseUint(string(b[i:j]), 10, 64)
			if err != nil {
				return r, false
			}
			r.ID, i, k = &n, j, 2
		case "jsonrpc":
			_, j, okv := plainString(b, i)
			if !okv {
				return r, false
			}
			i, k = j, 3
		default:
			return r, false
		}
		if seen[k] {
			return r, false
		}
		seen[k] = true
		i = skipSpace(b, i)
		if i >= len(b) {
			return r, false
		}
		if b[i] == '}' {
			break
		}
		if b[i] != ',' {
			return r, false
		}
	}
	if skipSpace(b, i+1) != len(b) || !seen[0] {
		return response{}, false
	}
	return r, true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// plainString returns the contents of the JSON string at b[i] and the
// index after it, if it has no escapes, control characters or invalid
// UTF-8 (which encoding/json would rewrite).
func plainString(b []byte, i int) ([]byte, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return nil, 0, false
	}
	j := i + 1
	for j < len(b) && b[j] != '"' {
		if c := b[j]; c == '\\' || c < 0x20 || c >= 0x80 {
			return nil, 0, false
		}
		j++
	}
	if j >= len(b) {
		return nil, 0, false
	}
	return b[i+1 : j], j + 1, true
}

// snippet returns the start of a body for an error message, printable only.
func snippet(b []byte) string {
	const max = 120
	s := strings.TrimSpace(string(b))
	if len(s) > max {
		s = s[:max] + "…"
	}
	return strconv.Quote(s)
}
