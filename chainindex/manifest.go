package chainindex

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"

	coinsift "github.com/coinsift/coinsift"
)

const (
	manifestMagic   = "CSCHAIN1"
	manifestVersion = 1
	manifestName    = "MANIFEST"
	writingName     = "WRITING"
	maxQuarantine   = 1000
)

// ErrNoIndex reports that a directory holds no chain index.
var ErrNoIndex = fmt.Errorf("chainindex: no index: %w", coinsift.ErrNotFound)

// counts are the committed sizes of the append-only columns.
type counts struct {
	Blocks    uint64 `json:"blocks"`
	Txs       uint64 `json:"txs"`
	Inputs    uint64 `json:"inputs"`
	Outputs   uint64 `json:"outputs"`
	Addresses uint64 `json:"addresses"`
	Seqx      uint64 `json:"seqx"`
	Wtxids    uint64 `json:"wtxids"`
	AddrBytes uint64 `json:"addr_bytes"`
}

// bytesOf returns the data length of append column i for c.
func (c counts) bytesOf(i int) int64 {
	switch i {
	case iBlocks:
		return int64(c.Blocks) * blockRec
	case iTxs:
		return int64(c.Txs) * txRec
	case iTxids:
		return int64(c.Txs) * txidRec
	case iWtxids:
		return int64(c.Wtxids) * wtxidRec
	case iInputs:
		return int64(c.Inputs) * inputRec
	case iSeqx:
		return int64(c.Seqx) * seqxRec
	case iOutputs:
		return int64(c.Outputs) * outputRec
	case iAddrs:
		return int64(c.AddrBytes)
	case iAddroff:
		return int64(c.Addresses) * u40Rec
	}
	return 0
}

type colRange struct {
	Name  string `json:"name"`
	Start int64  `json:"start"`
	End   int64  `json:"end"`
	CRC   uint32 `json:"crc32c"`
}

type segment struct {
	First coinsift.Height `json:"first_height"`
	Last  coinsift.Height `json:"last_height"`
	Cols  []colRange      `json:"columns"`
}

// QuarantineItem is one input set aside during import.
type QuarantineItem struct {
	Source string `json:"source"`
	Offset int64  `json:"offset"`
	Reason string `json:"reason"`
}

type manifest struct {
	Format          int              `json:"format"`
	Network         string           `json:"network"`
	Counts          counts           `json:"counts"`
	TipHash         string           `json:"tip_hash,omitempty"`
	PostingsOutputs uint64           `json:"postings_outputs"`
	PostingsAddrs   uint64           `json:"postings_addresses"`
	Sources         []string         `json:"sources,omitempty"`
	Stale           int              `json:"stale_blocks"`
	Quarantined     int64            `json:"quarantined"`
	Quarantine      []QuarantineItem `json:"quarantine,omitempty"`
	// StoppedShort is set when the last import ended before the source's
	// tip (SetLastImport).
	StoppedShort *Stop     `json:"stopped_short,omitempty"`
	Segments     []segment `json:"segments"`
	// TableCover is set while a writer keeps the hash tables in memory:
	// the table files reach only this far, and readers look up later
	// transactions and addresses in the columns.
	TableCover *tableCover `json:"table_cover,omitempty"`
}

// tableCover is how many transactions and addresses the table files hold.
type tableCover struct {
	Txs       uint64 `json:"txs"`
	Addresses uint64 `json:"addresses"`
}

// Stop records that an import stopped short of its source's chain: the
// index ends at Height although the source holds later blocks, because a
// block could not be read or later blocks could not be connected to it.
type Stop struct {
	Height coinsift.Height `json:"height"` // the last block imported
	Source string          `json:"source"` // the file (or block) where reading failed
	Offset int64           `json:"offset"` // byte offset in Source, -1 if unknown
	Reason string          `json:"reason"`
	// Unconnected is the blocks the source holds after the gap that
	// could not be connected to the chain.
	Unconnected int `json:"unconnected,omitempty"`
}

// String says where and why the import stopped, in one line: "short at
// height H: SOURCE offset N: REASON (U later block(s) could not be
// connected)".
func (s *Stop) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "short at height %d: %s", s.Height, s.Source)
	if s.Offset >= 0 {
		fmt.Fprintf(&b, " offset %d", s.Offset)
	}
	b.WriteString(": " + s.Reason)
	if s.Unconnected > 0 {
		fmt.Fprintf(&b, " (%d later block(s) could not be connected)", s.Unconnected)
	}
	return b.String()
}

// SetLastImport records in the manifest of the index in dir how the last
// import ended: stop is nil when it reached the source's tip (or its
// --stop-at height). Info reports it until the next import. The caller
// holds the case's write lock and no Writer is open on dir.
func SetLastImport(dir string, stop *Stop) error {
	m, err := readManifest(dir)
	if err != nil {
		return err
	}
	if (m.StoppedShort == nil) == (stop == nil) && (stop == nil || *m.StoppedShort == *stop) {
		return nil
	}
	m.StoppedShort = stop
	if err := writeManifest(dir, m); err != nil {
		return fmt.Errorf("record last import in %s: %w", dir, err)
	}
	return nil
}

func readManifest(dir string) (*manifest, error) {
	path := filepath.Join(dir, manifestName)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("open %s: %w", dir, ErrNoIndex)
	}
	if err != nil {
		return nil, err
	}
	if len(b) < 20 || string(b[:8]) != manifestMagic {
		return nil, fmt.Errorf("%s: bad magic: %w", path, coinsift.ErrCorrupt)
	}
	if v := binary.LittleEndian.Uint32(b[8:]); v != manifestVersion {
		return nil, fmt.Errorf("%s: version %d, want %d: %w", path, v, manifestVersion, coinsift.ErrCorrupt)
	}
	n := int(binary.LittleEndian.Uint32(b[12:]))
	if n != len(b)-20 {
		return nil, fmt.Errorf("%s: body length %d of %d bytes: %w", path, n, len(b), coinsift.ErrCorrupt)
	}
	if crc32.Checksum(b[:16+n], castagnoli) != binary.LittleEndian.Uint32(b[16+n:]) {
		return nil, fmt.Errorf("%s: checksum mismatch: %w", path, coinsift.ErrCorrupt)
	}
	var m manifest
	if err := json.Unmarshal(b[16:16+n], &m); err != nil {
		return nil, fmt.Errorf("%s: %v: %w", path, err, coinsift.ErrCorrupt)
	}
	return &m, nil
}

// writeManifest commits m: temp file, fsync, rename, fsync of the directory.
func writeManifest(dir string, m *manifest) error {
	b, err := encodeManifest(m)
	if err != nil {
		return err
	}
	return writeManifestBytes(dir, b)
}

// encodeManifest returns the bytes of the manifest file for m.
func encodeManifest(m *manifest) ([]byte, error) {
	body, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, len(body)+20)
	b = append(b, manifestMagic...)
	b = binary.LittleEndian.AppendUint32(b, manifestVersion)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(body)))
	b = append(b, body...)
	b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
	return b, nil
}

// writeManifestBytes replaces the manifest with b: a temporary file,
// fsync, rename, directory fsync.
func writeManifestBytes(dir string, b []byte) error {
	path := filepath.Join(dir, manifestName)
	if err := writeFileSync(path+".tmp", b); err != nil {
		return err
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	return errors.Join(err, d.Close())
}
