package cluster

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	coinsift "github.com/coinsift/coinsift"
)

// Truth is the known ownership of addresses and change outputs, as a
// generated world records it (docs/format/world.md).
type Truth struct {
	// Wallet maps address id → true wallet, -1 when unknown.
	Wallet []int64
	// Change holds the true change outputs by (tx, vout).
	Change map[TxOut]bool
	// Joins holds the transactions that truly are CoinJoins.
	Joins map[int64]bool
	// Unresolved counts truth rows whose address or txid the index lacks.
	Unresolved int
}

// TxOut names an output by transaction number and index.
type TxOut struct {
	Tx   int64
	Vout int
}

// Resolver maps the strings of a truth file to chain index numbers.
type Resolver interface {
	AddressID(s string) (uint32, bool)
	TxNum(txid string) (int64, bool)
}

// ReadWallets reads a tab-separated file whose header names the columns
// "address" and "wallet_id" (addresses.tsv of a world) into t.Wallet for n
// address ids.
func (t *Truth) ReadWallets(r io.Reader, res Resolver, n int) error {
	t.Wallet = make([]int64, n)
	for i := range t.Wallet {
		t.Wallet[i] = -1
	}
	return readTSV(r, []string{"address", "wallet_id"}, func(line int, f []string) error {
		w, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || w < 0 {
			return fmt.Errorf("line %d: wallet_id %q: %w", line, f[1], coinsift.ErrInvalid)
		}
		a, ok := res.AddressID(f[0])
		if !ok || int(a) >= n {
			t.Unresolved++
			return nil
		}
		t.Wallet[a] = w
		return nil
	})
}

// ReadChange reads a file with the columns "txid" and "vout" (change.tsv).
func (t *Truth) ReadChange(r io.Reader, res Resolver) error {
	t.Change = map[TxOut]bool{}
	return readTSV(r, []string{"txid", "vout"}, func(line int, f []string) error {
		v, err := strconv.Atoi(f[1])
		if err != nil || v < 0 {
			return fmt.Errorf("line %d: vout %q: %w", line, f[1], coinsift.ErrInvalid)
		}
		tx, ok := res.TxNum(f[0])
		if !ok {
			t.Unresolved++
			return nil
		}
		t.Change[TxOut{tx, v}] = true
		return nil
	})
}

// ReadJoins reads a file with the column "txid" (coinjoins.tsv).
func (t *Truth) ReadJoins(r io.Reader, res Resolver) error {
	t.Joins = map[int64]bool{}
	return readTSV(r, []string{"txid"}, func(line int, f []string) error {
		tx, ok := res.TxNum(f[0])
		if !ok {
			t.Unresolved++
			return nil
		}
		t.Joins[tx] = true
		return nil
	})
}

// readTSV calls fn with the named columns of every data line.
func readTSV(r io.Reader, cols []string, fn func(line int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return err
		}
		return fmt.Errorf("empty truth file: %w", coinsift.ErrInvalid)
	}
	header := strings.Split(sc.Text(), "\t")
	idx := make([]int, len(cols))
	for i, c := range cols {
		idx[i] = -1
		for j, h := range header {
			if h == c {
				idx[i] = j
			}
		}
		if idx[i] < 0 {
			return fmt.Errorf("truth file has no column %q (header %q): %w", c, sc.Text(), coinsift.ErrInvalid)
		}
	}
	vals := make([]string, len(cols))
	line := 1
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		for i, j := range idx {
			if j >= len(f) {
				return fmt.Errorf("line %d: %d fields, want at least %d: %w", line, len(f), j+1, coinsift.ErrInvalid)
			}
			vals[i] = f[j]
		}
		if err := fn(line, vals); err != nil {
			return err
		}
	}
	return sc.Err()
}

// JoinScore is the precision and recall of CoinJoin detection.
type JoinScore struct {
	Detected  int     `json:"detected"`
	True      int     `json:"true"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// EvaluateJoins scores the CoinJoins of r against the truth.
func EvaluateJoins(r *Result, joins map[int64]bool) JoinScore {
	s := JoinScore{True: len(joins)}
	for _, j := range r.CoinJoins {
		if !IsJoin(j.Detector) {
			continue
		}
		s.Detected++
		if joins[j.Tx] {
			s.Correct++
		}
	}
	if s.Detected > 0 {
		s.Precision = float64(s.Correct) / float64(s.Detected)
	}
	if s.True > 0 {
		s.Recall = float64(s.Correct) / float64(s.True)
	}
	return s
}
