package chainindex

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/bitcoin"
)

// Index is a read-only view of a committed chain index. It is safe for
// concurrent use.
type Index struct {
	dir   string
	man   *manifest
	net   *bitcoin.Params
	cols  [9]*roColumn
	sp    *roColumn
	poff  *roColumn
	post  *roColumn
	txh   *hashtab
	addrh *hashtab
	// Transactions and addresses from these numbers on are not in the
	// table files yet (a writer keeps the tables in memory).
	txTail, addrTail uint64
}

// Open opens the index in dir as of its last commit.
func Open(dir string) (*Index, error) {
	man, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	x := &Index{dir: dir, man: man, net: bitcoin.ParamsByName(man.Network)}
	if x.net == nil {
		return nil, fmt.Errorf("open %s: unknown network %q: %w", dir, man.Network, coinsift.ErrCorrupt)
	}
	c := man.Counts
	for i, ac := range appendCols {
		if x.cols[i], err = openRO(dir, ac.name, ac.id, c.bytesOf(i)); err != nil {
			x.Close()
			return nil, fmt.Errorf("open %s: %w", ac.name, err)
		}
	}
	if x.sp, err = openRO(dir, "spenders.col", colSpenders, int64(c.Outputs)*u40Rec); err != nil {
		x.Close()
		return nil, err
	}
	if man.PostingsAddrs > 0 || man.PostingsOutputs > 0 {
		if x.poff, err = openRO(dir, "postings.off", colPostOff, int64(man.PostingsAddrs+1)*u40Rec); err != nil {
			x.Close()
			return nil, err
		}
		n := get40(x.poff.data[man.PostingsAddrs*u40Rec:])
		if x.post, err = openRO(dir, "postings.col", colPostings, int64(n)*u40Rec); err != nil {
			x.Close()
			return nil, err
		}
	}
	// While a writer keeps the tables in memory, the files reach only
	// TableCover; later ids are found by scanning the columns.
	x.txTail, x.addrTail = c.Txs, c.Addresses
	if tc := man.TableCover; tc != nil {
		x.txTail, x.addrTail = min(tc.Txs, c.Txs), min(tc.Addresses, c.Addresses)
	}
	if x.txTail > 0 {
		if x.txh, err = openTab(dir, "txid.hash", colTxidHash, false, false); err != nil {
			x.Close()
			return nil, err
		}
		x.txh.limit = c.Txs
	}
	if x.addrTail > 0 {
		if x.addrh, err = openTab(dir, "addr.hash", colAddrHash, false, false); err != nil {
			x.Close()
			return nil, err
		}
		x.addrh.limit = c.Addresses
	}
	return x, nil
}

// Close releases the maps.
func (x *Index) Close() error {
	var errs []error
	for _, c := range x.cols {
		errs = append(errs, c.close())
	}
	errs = append(errs, x.sp.close(), x.poff.close(), x.post.close(), x.txh.close(), x.addrh.close())
	return errors.Join(errs...)
}

// Network returns the network of the indexed chain.
func (x *Index) Network() *bitcoin.Params { return x.net }

// Counts are the sizes of the index.
type Counts struct {
	Blocks    int64 `json:"blocks"`
	Txs       int64 `json:"txs"`
	Inputs    int64 `json:"inputs"`
	Outputs   int64 `json:"outputs"`
	Addresses int64 `json:"addresses"`
}

// Info describes the index for `coinsift chain info`.
type Info struct {
	Dir         string           `json:"dir"`
	Network     string           `json:"network"`
	Tip         coinsift.Height  `json:"tip"`
	TipHash     string           `json:"tip_hash,omitempty"`
	TipTime     time.Time        `json:"tip_time,omitzero"`
	Counts      Counts           `json:"counts"`
	Sources     []string         `json:"sources"`
	Stale       int              `json:"stale_blocks"`
	Quarantined int64            `json:"quarantined"`
	Quarantine  []QuarantineItem `json:"quarantine,omitempty"`
	// StoppedShort is set when the last import ended before the
	// source's tip.
	StoppedShort *Stop `json:"stopped_short,omitempty"`
	Segments     int   `json:"segments"`
	Bytes        int64 `json:"bytes"` // size of the committed columns
}

// Info returns the index's summary.
func (x *Index) Info() Info {
	c := x.man.Counts
	inf := Info{Dir: x.dir, Network: x.man.Network, Tip: x.Tip(), TipHash: x.man.TipHash,
		Counts:  Counts{int64(c.Blocks), int64(c.Txs), int64(c.Inputs), int64(c.Outputs), int64(c.Addresses)},
		Sources: x.man.Sources, Stale: x.man.Stale, Quarantined: x.man.Quarantined, Quarantine: x.man.Quarantine,
		StoppedShort: x.man.StoppedShort, Segments: len(x.man.Segments)}
	if inf.Tip >= 0 {
		inf.TipTime = x.Block(inf.Tip).Time
	}
	for i := range appendCols {
		inf.Bytes += c.bytesOf(i)
	}
	inf.Bytes += int64(c.Outputs) * u40Rec
	if x.post != nil {
		inf.Bytes += int64(len(x.post.data) + len(x.poff.data))
	}
	inf.Bytes += x.txh.size() + x.addrh.size()
	return inf
}

// Counts returns the sizes of the index.
func (x *Index) Counts() Counts { return x.Info().Counts }

// Tip returns the height of the last committed block, -1 when empty.
func (x *Index) Tip() coinsift.Height { return coinsift.Height(x.man.Counts.Blocks) - 1 }

// Block is one block of the index.
type Block struct {
	Height  coinsift.Height `json:"height"`
	Hash    coinsift.TxID   `json:"hash"`
	Time    time.Time       `json:"time"`
	Bits    uint32          `json:"bits"`
	Version int32           `json:"version"`
	Size    int             `json:"size"`
	FirstTx int64           `json:"first_tx"`
	NumTx   int             `json:"tx_count"`
}

// Block returns the block at height h (0 ≤ h ≤ Tip).
func (x *Index) Block(h coinsift.Height) Block {
	b := x.cols[iBlocks].data[int64(h)*blockRec:]
	blk := Block{Height: h, Time: time.Unix(int64(binary.LittleEndian.Uint32(b[32:])), 0).UTC(),
		Bits: binary.LittleEndian.Uint32(b[36:]), Version: int32(binary.LittleEndian.Uint32(b[40:])),
		FirstTx: int64(binary.LittleEndian.Uint64(b[48:])), Size: int(binary.LittleEndian.Uint32(b[56:]))}
	copy(blk.Hash[:], b[:32])
	next := int64(x.man.Counts.Txs)
	if uint64(h)+1 < x.man.Counts.Blocks {
		next = int64(binary.LittleEndian.Uint64(x.cols[iBlocks].data[(int64(h)+1)*blockRec+48:]))
	}
	blk.NumTx = int(next - blk.FirstTx)
	return blk
}

// TxByID returns the number of the transaction with txid id.
func (x *Index) TxByID(id coinsift.TxID) (int64, error) {
	// Newest first: of two transactions with one txid (BIP 30), the
	// later is the one the table keeps.
	ids := x.cols[iTxids].data
	for t := x.man.Counts.Txs; t > x.txTail; t-- {
		if bytes.Equal(ids[(t-1)*txidRec:t*txidRec], id[:]) {
			return int64(t - 1), nil
		}
	}
	t, ok := x.txh.find(txidKey(id[:]), func(t uint64) bool { return bytes.Equal(x.cols[iTxids].data[t*txidRec:(t+1)*txidRec], id[:]) })
	if !ok {
		return 0, fmt.Errorf("tx %s: %w", id, coinsift.ErrNotFound)
	}
	return int64(t), nil
}

// Tx is one transaction of the index.
type Tx struct {
	Num         int64           `json:"-"`
	TxID        coinsift.TxID   `json:"txid"`
	WTxID       *coinsift.TxID  `json:"wtxid,omitempty"` // only when it differs
	Height      coinsift.Height `json:"height"`
	Time        time.Time       `json:"time"`
	Version     int32           `json:"version"`
	LockTime    uint32          `json:"locktime"`
	Size        int             `json:"size"`
	VSize       int             `json:"vsize"`
	Coinbase    bool            `json:"coinbase"`
	Witness     bool            `json:"witness"`
	FirstInput  int64           `json:"-"`
	NumInputs   int             `json:"input_count"`
	FirstOutput int64           `json:"-"`
	NumOutputs  int             `json:"output_count"`
}

// NumTxs returns the number of transactions.
func (x *Index) NumTxs() int64 { return int64(x.man.Counts.Txs) }

// Tx returns transaction number t (0 ≤ t < NumTxs).
func (x *Index) Tx(t int64) Tx {
	r := x.cols[iTxs].data[t*txRec:]
	tx := Tx{Num: t, FirstInput: int64(get40(r[0:])), FirstOutput: int64(get40(r[5:])),
		Version: int32(binary.LittleEndian.Uint32(r[10:])), LockTime: binary.LittleEndian.Uint32(r[14:]),
		Size: int(binary.LittleEndian.Uint32(r[18:])), VSize: int(binary.LittleEndian.Uint32(r[22:])),
		Coinbase: r[26]&1 != 0, Witness: r[26]&2 != 0}
	copy(tx.TxID[:], x.cols[iTxids].data[t*txidRec:])
	endIn, endOut := int64(x.man.Counts.Inputs), int64(x.man.Counts.Outputs)
	if uint64(t)+1 < x.man.Counts.Txs {
		n := x.cols[iTxs].data[(t+1)*txRec:]
		endIn, endOut = int64(get40(n[0:])), int64(get40(n[5:]))
	}
	tx.NumInputs, tx.NumOutputs = int(endIn-tx.FirstInput), int(endOut-tx.FirstOutput)
	tx.Height = x.heightOf(t)
	tx.Time = x.Block(tx.Height).Time
	if tx.Witness {
		wc := x.cols[iWtxids].data
		n := len(wc) / wtxidRec
		i := sort.Search(n, func(i int) bool { return int64(binary.LittleEndian.Uint64(wc[i*wtxidRec:])) >= t })
		if i < n && int64(binary.LittleEndian.Uint64(wc[i*wtxidRec:])) == t {
			var w coinsift.TxID
			copy(w[:], wc[i*wtxidRec+8:])
			if w != tx.TxID {
				tx.WTxID = &w
			}
		}
	}
	return tx
}

// TxShape is what the change heuristics read of a transaction.
type TxShape struct {
	Version    int32
	LockTime   uint32
	NumInputs  int
	NumOutputs int
	RBF        bool // an input's sequence is below 0xfffffffe (BIP 125)
}

// TxShape returns the shape of transaction t. It reads two transaction
// records and the inputs' sequence codes, without the searches Tx makes
// (height, time, wtxid), so it suits random access over many transactions.
func (x *Index) TxShape(t int64) TxShape {
	r := x.cols[iTxs].data[t*txRec:]
	first, firstOut := int64(get40(r[0:])), int64(get40(r[5:]))
	endIn, endOut := int64(x.man.Counts.Inputs), int64(x.man.Counts.Outputs)
	if uint64(t)+1 < x.man.Counts.Txs {
		n := x.cols[iTxs].data[(t+1)*txRec:]
		endIn, endOut = int64(get40(n[0:])), int64(get40(n[5:]))
	}
	sh := TxShape{Version: int32(binary.LittleEndian.Uint32(r[10:])), LockTime: binary.LittleEndian.Uint32(r[14:]),
		NumInputs: int(endIn - first), NumOutputs: int(endOut - firstOut)}
	in := x.cols[iInputs].data
	for i := first; i < endIn; i++ {
		// Codes 0 and 1 are 0xffffffff and 0xfffffffe, 2 is 0xfffffffd;
		// other sequences are kept in the seqx column.
		switch get40(in[i*inputRec:]) >> seqShift {
		case 0, 1:
			continue
		case 2:
			sh.RBF = true
		default:
			sh.RBF = x.Input(i).Sequence < 0xfffffffe
		}
		if sh.RBF {
			break
		}
	}
	return sh
}

func (x *Index) heightOf(t int64) coinsift.Height {
	b := x.cols[iBlocks].data
	n := int(x.man.Counts.Blocks)
	i := sort.Search(n, func(i int) bool { return int64(binary.LittleEndian.Uint64(b[i*blockRec+48:])) > t })
	return coinsift.Height(i - 1)
}

// Input is one transaction input.
type Input struct {
	Num      int64  `json:"-"`
	Spent    int64  `json:"-"` // spent output number, -1 for coinbase or unknown
	Coinbase bool   `json:"coinbase,omitempty"`
	Unknown  bool   `json:"unknown,omitempty"` // the spent output is not in the index
	Sequence uint32 `json:"sequence"`
	Witness  bool   `json:"witness"`
}

// decodeInput decodes input i's column value; the sequence of an input
// with an uncommon nSequence (code 3) is looked up by seq.
func decodeInput(i int64, v uint64, seq func() uint32) Input {
	in := Input{Num: i, Spent: int64(v & spentMask), Witness: v&witnessBit != 0}
	switch v & spentMask {
	case spentCoin:
		in.Coinbase, in.Spent = true, -1
	case spentUnknown:
		in.Unknown, in.Spent = true, -1
	}
	switch v >> seqShift {
	case 0:
		in.Sequence = 0xffffffff
	case 1:
		in.Sequence = 0xfffffffe
	case 2:
		in.Sequence = 0xfffffffd
	default:
		in.Sequence = seq()
	}
	return in
}

// Input returns input number i.
func (x *Index) Input(i int64) Input {
	return decodeInput(i, get40(x.cols[iInputs].data[i*inputRec:]), func() uint32 {
		sc := x.cols[iSeqx].data
		n := len(sc) / seqxRec
		k := sort.Search(n, func(k int) bool { return int64(binary.LittleEndian.Uint64(sc[k*seqxRec:])) >= i })
		if k < n {
			return binary.LittleEndian.Uint32(sc[k*seqxRec+8:])
		}
		return 0
	})
}

// Output is one transaction output.
type Output struct {
	Num     int64               `json:"-"`
	Value   coinsift.Sats       `json:"value"`
	Type    coinsift.ScriptType `json:"-"`
	Addr    uint32              `json:"-"` // address id, 0 = none
	Spender int64               `json:"-"` // spending input number, -1 = unspent
}

// NumOutputs returns the number of outputs.
func (x *Index) NumOutputs() int64 { return int64(x.man.Counts.Outputs) }

// Output returns output number o.
func (x *Index) Output(o int64) Output {
	b := x.cols[iOutputs].data[o*outputRec:]
	v := get56(b)
	out := Output{Num: o, Value: coinsift.Sats(v & maxValue), Type: coinsift.ScriptType(v >> 52),
		Addr: binary.LittleEndian.Uint32(b[7:]), Spender: -1}
	if s, ok := x.OutputSpender(o); ok {
		out.Spender = s
	}
	return out
}

// OutputSpender returns the input that spends output o.
func (x *Index) OutputSpender(o int64) (int64, bool) {
	v := get40(x.sp.data[o*u40Rec:])
	if v == 0 || v-1 >= x.man.Counts.Inputs {
		return 0, false
	}
	return int64(v - 1), true
}

// TxOfOutput returns the transaction holding output o and its index (vout).
func (x *Index) TxOfOutput(o int64) (int64, int) {
	return x.txOf(o, 5)
}

// TxOfInput returns the transaction holding input i and its index.
func (x *Index) TxOfInput(i int64) (int64, int) {
	return x.txOf(i, 0)
}

func (x *Index) txOf(n int64, field int) (int64, int) {
	r := x.cols[iTxs].data
	cnt := int(x.man.Counts.Txs)
	t := sort.Search(cnt, func(t int) bool { return int64(get40(r[t*txRec+field:])) > n }) - 1
	// Skip transactions with no inputs/outputs at this position.
	return int64(t), int(n - int64(get40(r[t*txRec+field:])))
}

// Fee returns the fee of transaction t; ok is false for a coinbase or when
// a spent output is unknown.
func (x *Index) Fee(t int64) (fee coinsift.Sats, ok bool) {
	tx := x.Tx(t)
	if tx.Coinbase {
		return 0, false
	}
	for i := tx.FirstInput; i < tx.FirstInput+int64(tx.NumInputs); i++ {
		in := x.Input(i)
		if in.Spent < 0 {
			return 0, false
		}
		fee += x.Output(in.Spent).Value
	}
	for o := tx.FirstOutput; o < tx.FirstOutput+int64(tx.NumOutputs); o++ {
		fee -= x.Output(o).Value
	}
	return fee, true
}

// NumAddresses returns the number of addresses; ids run from 1 to it.
func (x *Index) NumAddresses() int64 { return int64(x.man.Counts.Addresses) }

// Address returns the payload of address id a (1-based).
func (x *Index) Address(a uint32) bitcoin.Payload {
	off := get40(x.cols[iAddroff].data[uint64(a-1)*u40Rec:])
	rec := x.cols[iAddrs].data[off:]
	return bitcoin.Payload{Kind: coinsift.ScriptType(rec[0]), Version: rec[1], Data: rec[3 : 3+int(rec[2])]}
}

// AddressString returns the address string of id a for the index's network.
func (x *Index) AddressString(a uint32) string {
	s, err := x.Address(a).Encode(x.net)
	if err != nil {
		return ""
	}
	return s
}

// AddressByPayload returns the id of payload p.
func (x *Index) AddressByPayload(p bitcoin.Payload) (uint32, error) {
	kind, ver := byte(p.Kind), p.Version
	a, ok := x.addrh.find(addrKey(kind, ver, p.Data), func(a uint64) bool {
		q := x.Address(uint32(a + 1))
		return byte(q.Kind) == kind && q.Version == ver && bytes.Equal(q.Data, p.Data)
	})
	if ok {
		return uint32(a + 1), nil
	}
	for a := x.addrTail; a < x.man.Counts.Addresses; a++ {
		q := x.Address(uint32(a + 1))
		if byte(q.Kind) == kind && q.Version == ver && bytes.Equal(q.Data, p.Data) {
			return uint32(a + 1), nil
		}
	}
	return 0, fmt.Errorf("address %x: %w", p.Data, coinsift.ErrNotFound)
}

// AddressByString parses s for the index's network and returns its id.
func (x *Index) AddressByString(s string) (uint32, error) {
	p, err := bitcoin.DecodeAddress(s, x.net)
	if err != nil {
		return 0, err
	}
	a, err := x.AddressByPayload(p)
	if err != nil {
		return 0, fmt.Errorf("address %s: %w", s, coinsift.ErrNotFound)
	}
	return a, nil
}

// AddressOutputs returns the outputs paying address a, ascending.
func (x *Index) AddressOutputs(a uint32) []int64 {
	var out []int64
	P := int64(x.man.PostingsOutputs)
	if x.poff != nil && uint64(a) <= x.man.PostingsAddrs {
		lo := get40(x.poff.data[uint64(a-1)*u40Rec:])
		hi := get40(x.poff.data[uint64(a)*u40Rec:])
		for k := lo; k < hi; k++ {
			o := int64(get40(x.post.data[k*u40Rec:]))
			if o >= P {
				break
			}
			out = append(out, o)
		}
	} else {
		P = 0 // no postings cover this id: scan all outputs
	}
	b := x.cols[iOutputs].data
	for o := P; o < int64(x.man.Counts.Outputs); o++ {
		if binary.LittleEndian.Uint32(b[o*outputRec+7:]) == a {
			out = append(out, o)
		}
	}
	return out
}

// AddressSummary totals the activity of one address.
type AddressSummary struct {
	ID        uint32              `json:"-"`
	Address   string              `json:"address"`
	Type      coinsift.ScriptType `json:"-"`
	Outputs   int                 `json:"outputs"`
	Received  coinsift.Sats       `json:"received"`
	Spent     coinsift.Sats       `json:"spent"`
	Balance   coinsift.Sats       `json:"balance"`
	FirstSeen coinsift.Height     `json:"first_seen"`
	LastSeen  coinsift.Height     `json:"last_seen"`
	// FromP2PK counts outputs that pay the address's key directly (P2PK);
	// they are included under the P2PKH address for clustering.
	FromP2PK int `json:"from_p2pk,omitempty"`
}

// Summary totals the outputs of address a and their spends.
func (x *Index) Summary(a uint32) AddressSummary {
	s := AddressSummary{ID: a, Address: x.AddressString(a), Type: x.Address(a).Kind, FirstSeen: -1, LastSeen: -1}
	for _, o := range x.AddressOutputs(a) {
		out := x.Output(o)
		s.Outputs++
		s.Received += out.Value
		if out.Type == coinsift.ScriptP2PK {
			s.FromP2PK++
		}
		t, _ := x.TxOfOutput(o)
		h := x.heightOf(t)
		if s.FirstSeen < 0 || h < s.FirstSeen {
			s.FirstSeen = h
		}
		if h > s.LastSeen {
			s.LastSeen = h
		}
		if out.Spender >= 0 {
			s.Spent += out.Value
			st, _ := x.TxOfInput(out.Spender)
			if sh := x.heightOf(st); sh > s.LastSeen {
				s.LastSeen = sh
			}
		}
	}
	s.Balance = s.Received - s.Spent
	return s
}

// Verify recomputes the CRC32C of every committed segment.
func (x *Index) Verify() error {
	for _, seg := range x.man.Segments {
		for i, cr := range seg.Cols {
			if i >= len(x.cols) {
				break
			}
			d := x.cols[i].data
			if cr.End > int64(len(d)) || cr.Start > cr.End {
				return fmt.Errorf("segment %d-%d %s: range beyond data: %w", seg.First, seg.Last, cr.Name, coinsift.ErrCorrupt)
			}
			if got := crcOf(d[cr.Start:cr.End]); got != cr.CRC {
				return fmt.Errorf("segment %d-%d %s: crc %08x, manifest %08x: %w", seg.First, seg.Last, filepath.Join(x.dir, cr.Name), got, cr.CRC, coinsift.ErrCorrupt)
			}
		}
	}
	return nil
}
