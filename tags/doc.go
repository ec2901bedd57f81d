// Package tags implements attribution tags: readers for GraphSense TagPacks
// and ActorPacks, the OFAC SDN address lists, plain CSV and WatchYourBack
// files; Bitcoin address validation per network; and a TagPack writer for
// a case's own tags.
//
// # Model
//
// A Tag attributes one Bitcoin address: label, category, abuse, actor,
// source, GraphSense confidence (name and a 0–100 level from Confidences),
// whether it defines the address's cluster, and its provenance — the pack,
// the evidence id and the row (line, tag index or array index). An Actor is
// an ActorPack entry: id, label, uri, jurisdictions (ISO 3166-1 alpha-2).
//
// # Reading
//
// Read detects the format from the content. TagPack header fields apply to
// every tag that does not override them. Only BTC tags are kept: tags of
// other currencies are counted in Result.OtherCurrency, not quarantined;
// invalid addresses and tags without a currency or label are returned in
// Result.Bad with the reason. Addresses are checked with btcutil for the
// Network chosen (mainnet unless regtest or testnet is asked for) and kept
// in canonical form.
//
// # Limits
//
// Input is hostile: a file is at most MaxFileSize bytes and MaxTags
// entries, and a YAML pack with more than MaxAliases aliases is refused
// before decoding, so a billion-laughs file cannot expand in memory.
//
// The subpackage tagdb stores tags and actors in a case's DuckDB store.
package tags
