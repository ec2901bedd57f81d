// Package price implements price series for valuing payments: streaming
// readers for the price files investigators bring (exchange exports, data
// vendors' CSV, ECB reference rates) and a Book that answers "what was
// BTC/GBP at this time, from which source, by which path".
//
// # Model
//
// A Point is one bar (Interval > 0, covering [Time, Time+Interval)) or one
// instant quote (Interval == 0) of a pair Base/Quote: Quote units per one
// Base. Prices are exact Decimals with Scale (12) fractional places, parsed
// from the file's text — never through float64. Each point carries its
// Source, Evidence id and Row (1-based line) so that a valuation can be
// traced to the bytes it came from. Price-only sources (ECB, CoinGecko,
// plain CSV) set Close only.
//
// # Reading
//
// Open detects the format from the content (Sniff; a zip archive's single
// CSV member is read with a 256 MiB decompression cap) and returns a Reader
// whose Next ends with io.EOF. A malformed row is a *coinsift.InputError
// naming the file, format, row and offset; reading goes on, and Raw gives
// the row's bytes for quarantine. Formats: OHLC (Yahoo, CoinMarketCap),
// wide (typedcypher), ECB, Kraken OHLCVT, Bitstamp, CoinGecko market_chart
// and plain; docs/format/prices.md describes them.
//
// # Rates
//
// Book.Lookup (and its shorthand Book.Rate) values a pair at a time with a
// Method (close, open, mid = (open+close)/2, vwap). A direct series, in
// either direction, is always preferred; only when none exists is a cross
// rate built through the Pivots USD and EUR, at most three legs (BTC/USD ×
// USD/EUR × EUR/GBP with the ECB series). The product is computed exactly
// and rounded once. A time farther than the tolerance from every bar is an
// ErrGap naming the requested time and the nearest dates — never a silent
// nearest neighbour from months away.
//
// The subpackage pricedb stores series in a case's DuckDB store and loads
// them back into a Book.
package price
