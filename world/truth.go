package world

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// tsv writes a tab-separated truth file with a header line. Values never
// contain tabs or newlines (they are ids, addresses, codes and numbers).
type tsv struct {
	f    *os.File
	w    *bufio.Writer
	rows int64
	err  error
}

func newTSV(dir, name string, cols ...string) (*tsv, error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	t := &tsv{f: f, w: bufio.NewWriterSize(f, 256<<10)}
	for i, c := range cols {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		t.w.WriteString(c)
	}
	t.w.WriteByte('\n')
	return t, nil
}

func (t *tsv) row(vals ...any) {
	var scratch [24]byte
	for i, v := range vals {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		switch x := v.(type) {
		case string:
			t.w.WriteString(x)
		case int:
			t.w.Write(strconv.AppendInt(scratch[:0], int64(x), 10))
		case int32:
			t.w.Write(strconv.AppendInt(scratch[:0], int64(x), 10))
		case int64:
			t.w.Write(strconv.AppendInt(scratch[:0], x, 10))
		case uint32:
			t.w.Write(strconv.AppendUint(scratch[:0], uint64(x), 10))
		case bool:
			t.w.WriteString(strconv.FormatBool(x))
		default:
			fmt.Fprint(t.w, x)
		}
	}
	t.rows++
	if err := t.w.WriteByte('\n'); err != nil && t.err == nil {
		t.err = err
	}
}

func (t *tsv) close() error {
	if t == nil {
		return nil
	}
	err := t.w.Flush()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = t.err
	}
	return err
}

// truthFiles are the streaming truth outputs written while the chain is made.
type truthFiles struct {
	addresses, txs, change, coinjoins, blocks *tsv
}

func openTruth(dir string) (*truthFiles, error) {
	var t truthFiles
	var err error
	open := func(dst **tsv, name string, cols ...string) {
		if err == nil {
			*dst, err = newTSV(dir, name, cols...)
		}
	}
	open(&t.addresses, "addresses.tsv", "address", "wallet_id", "actor_id", "script_type", "role")
	open(&t.txs, "txs.tsv", "txid", "height", "kind", "wallet_id", "inputs", "outputs", "fee_sats")
	open(&t.change, "change.tsv", "txid", "vout", "wallet_id")
	open(&t.coinjoins, "coinjoins.tsv", "txid", "style", "denomination_sats", "participants", "inputs", "outputs")
	open(&t.blocks, "blocks.tsv", "height", "hash", "time", "file", "offset", "size", "stale", "txs")
	return &t, err
}

func (t *truthFiles) close() error {
	var first error
	for _, f := range []*tsv{t.addresses, t.txs, t.change, t.coinjoins, t.blocks} {
		if err := f.close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
