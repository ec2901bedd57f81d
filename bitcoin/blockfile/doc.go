// Package blockfile reads a Bitcoin Core blocks directory (blk*.dat files)
// without Bitcoin Core's LevelDB index and picks the main chain by most
// cumulative work.
//
// # Records
//
// A blk?????.dat file is a sequence of records magic(4) ‖ size(u32 LE) ‖
// block, in download order, not height order. Files are read in numeric
// order. Since Bitcoin Core 28 every file may be obfuscated with the 8-byte
// key in blocks/xor.dat, applied by absolute file offset (byte p ^= key[p %
// 8]); an absent file or an all-zero key means plain files.
//
// # Scan
//
// [Open] maps every file and reads only the 8-byte record header and the
// 80-byte block header of each record (pass 1). The network is detected from
// the first record's magic unless [Options.Network] is set. A zero-filled
// tail (Bitcoin Core pre-allocates files) ends a file cleanly. A record with
// a wrong magic, an impossible size, a header failing its proof of work or
// a truncated body is reported to [Options.Quarantine] with its file and
// offset, and the scan resynchronises on the next magic.
//
// # Chain selection
//
// Headers form a graph by their previous-block hash. Cumulative work is the
// sum of 2^256 / (target+1) over a header's ancestors; the main chain ends
// at the header with most work (ties go to the record seen first). Blocks
// on other branches are stale; blocks whose ancestry does not reach a
// genesis (previous hash zero) are orphans. Both are counted and set aside.
//
// # Reading blocks
//
// [Dir.Block] returns the raw block at a main-chain height (pass 2): a slice
// of the memory map for plain files, or a de-obfuscated copy.
package blockfile
