// Package bitcoin implements a zero-copy parser for Bitcoin blocks and
// transactions, output-script classification and address encoding.
//
// # Parsing
//
// [ParseBlock] (or [Block.Parse], which reuses storage between blocks)
// decodes a serialized block without copying: scripts, witnesses and each
// transaction's Raw bytes alias the input buffer. The txid is SHA256d over
// byte ranges of the buffer — for a segwit transaction, version ‖ inputs ‖
// outputs ‖ locktime, hashed in place without re-serializing. The wtxid is
// computed on demand by [Tx.WTxID].
//
// # Hostile input
//
// Decoding uses a sticky-error reader. Every count read from the input is
// checked against the bytes that remain (an input needs at least 41 bytes,
// an output 9, a transaction 10, a witness item 1) before anything is
// allocated, non-canonical compact sizes are refused as Bitcoin Core refuses
// them, and errors are [*ParseError] values carrying the byte offset and the
// transaction index, of kind coinsift.ErrInvalid.
//
// # Scripts and addresses
//
// [Classify] follows Bitcoin Core's Solver: P2SH, witness programs (P2WPKH,
// P2WSH, P2TR, unknown versions), OP_RETURN data, P2PK, P2PKH, bare multisig
// and non-standard. [PayloadOf] gives the network-independent address
// [Payload] (kind, witness version, hash or program); a P2PK output maps to
// the P2PKH payload of its key, and says so. [Payload.Encode] prints the
// address exactly as Bitcoin Core does (base58check, bech32, bech32m) for
// one of the networks in [Networks]; [DecodeAddress] parses it back.
package bitcoin
