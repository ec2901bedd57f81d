// Package mmap provides read-only and read-write memory maps of whole files.
//
// # Model
//
// A [Map] maps a file from offset 0. Read-only maps are used for Bitcoin
// Core block files and committed index columns; read-write maps back the
// growing columns of the chain index while it is written. [Map.Remap]
// changes the mapped length (growing the file first when writable), which
// invalidates every slice previously returned by [Map.Bytes]. [Anon] maps
// anonymous memory (huge pages advised on Linux) for structures that are
// written to their files in one piece, such as the chain index's hash
// tables during an import. Every map is advised to use transparent huge
// pages (MADV_HUGEPAGE on Linux); file maps get them where the file system
// supports large folios.
//
// # Platforms
//
// Unix systems use mmap(2). Other systems fall back to reading the file into
// memory (read-only) so that the rest of coinsift still works, more slowly.
package mmap
