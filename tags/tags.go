package tags

import (
	"errors"
	"fmt"
	"strings"

	"github.com/btcsuite/btcd/btcutil"
	"github.com/btcsuite/btcd/chaincfg"

	coinsift "github.com/coinsift/coinsift"
)

// Errors callers branch on.
var (
	// ErrFormat reports a file that is no known attribution format.
	ErrFormat = errors.New("tags: unrecognised format")
	// ErrTooLarge reports a file beyond MaxFileSize, MaxTags or MaxAliases.
	ErrTooLarge = errors.New("tags: input too large")
)

// Tag is one attribution of an address.
type Tag struct {
	Address          coinsift.Address `json:"address"` // canonical form (bech32 lower case)
	Currency         string           `json:"currency"`
	Label            string           `json:"label"`
	Category         string           `json:"category,omitempty"`
	Abuse            string           `json:"abuse,omitempty"`
	Actor            string           `json:"actor,omitempty"`
	Source           string           `json:"source,omitempty"`
	Confidence       string           `json:"confidence,omitempty"`       // GraphSense confidence name
	ConfidenceLevel  int              `json:"confidence_level,omitempty"` // 0–100; -1 unknown
	IsClusterDefiner bool             `json:"is_cluster_definer"`
	Pack             string           `json:"pack,omitempty"`     // pack title or file name
	Evidence         string           `json:"evidence,omitempty"` // "" for the case's own tags
	Row              int64            `json:"row,omitempty"`      // line (CSV, TXT), tag index (TagPack), array index (JSON)
}

// Actor is a real-world actor of a GraphSense ActorPack.
type Actor struct {
	ID            string             `json:"id"`
	Label         string             `json:"label"`
	URI           string             `json:"uri,omitempty"`
	Jurisdictions []coinsift.Country `json:"jurisdictions"`
	Categories    []string           `json:"categories"`
	Evidence      string             `json:"evidence,omitempty"`
	Row           int64              `json:"row"` // actor index, 1-based
}

// Confidences is GraphSense's confidence vocabulary with its levels (0–100,
// higher is stronger), as published in the TagPack tool's confidence table
// (graphsense-tagpack-tool, src/tagpack/db/confidence.csv). A name not here
// has level -1. ledger_immanent is not in that table; coinsift gives it 100
// (the fact is on the chain itself).
var Confidences = map[string]int{
	"override":              100,
	"ownership":             100,
	"ledger_immanent":       100,
	"manual_transaction":    90,
	"service_api":           70,
	"authority_data":        60,
	"trusted_provider":      50,
	"service_data":          50,
	"forensic":              50,
	"untrusted_transaction": 40,
	"web_crawl":             20,
	"heuristic":             10,
	"unknown":               5,
}

// ConfidenceLevel returns the level of a confidence name, -1 if unknown.
func ConfidenceLevel(name string) int {
	if l, ok := Confidences[strings.ToLower(strings.TrimSpace(name))]; ok {
		return l
	}
	return -1
}

// Network names the chain whose addresses are valid.
type Network string

// Networks.
const (
	Mainnet Network = "mainnet"
	Testnet Network = "testnet"
	Regtest Network = "regtest"
	// AnyNetwork is the network of a case without a chain index yet: an
	// address valid on any of the three is kept, unresolved until a chain
	// arrives (docs/format/tags.md, "Late resolution").
	AnyNetwork Network = "any"
)

// ParseNetwork parses "mainnet", "testnet" or "regtest" ("" is mainnet).
func ParseNetwork(s string) (Network, error) {
	switch Network(s) {
	case "", Mainnet:
		return Mainnet, nil
	case Testnet, Regtest:
		return Network(s), nil
	}
	return "", fmt.Errorf("network %q: want mainnet, testnet or regtest: %w", s, coinsift.ErrInvalid)
}

func (n Network) params() *chaincfg.Params {
	switch n {
	case Testnet:
		return &chaincfg.TestNet3Params
	case Regtest:
		return &chaincfg.RegressionNetParams
	}
	return &chaincfg.MainNetParams
}

// ValidAddress checks a Bitcoin address for network n (base58check P2PKH
// and P2SH, bech32 segwit v0, bech32m v1+) and returns its canonical form.
//
// For AnyNetwork, an address valid on mainnet, testnet or regtest is
// accepted (testnet and regtest share their base58 prefixes; bech32
// addresses differ by prefix: bc, tb, bcrt).
func ValidAddress(s string, n Network) (coinsift.Address, error) {
	if n == AnyNetwork {
		var first error
		for _, net := range []Network{Mainnet, Testnet, Regtest} {
			a, err := ValidAddress(s, net)
			if err == nil {
				return a, nil
			}
			if first == nil {
				first = err
			}
		}
		return "", fmt.Errorf("%w (nor testnet or regtest)", first)
	}
	s = strings.TrimSpace(s)
	if len(s) < 14 || len(s) > 90 {
		return "", fmt.Errorf("address %q: bad length %d: %w", trunc(s), len(s), coinsift.ErrInvalid)
	}
	p := n.params()
	a, err := btcutil.DecodeAddress(s, p)
	if err != nil {
		return "", fmt.Errorf("address %q: not a %s address: %v: %w", trunc(s), n, err, coinsift.ErrInvalid)
	}
	if !a.IsForNet(p) {
		return "", fmt.Errorf("address %q: not a %s address: %w", trunc(s), n, coinsift.ErrInvalid)
	}
	switch a.(type) {
	case *btcutil.AddressPubKey:
		return "", fmt.Errorf("address %q: a public key, not an address: %w", trunc(s), coinsift.ErrInvalid)
	}
	return coinsift.Address(a.EncodeAddress()), nil
}

func trunc(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
