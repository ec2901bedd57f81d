// Package term implements the terminal side of coinsift's user interface:
// progress bars for coinsift.Progress and plain-text tables.
//
// # Streams
//
// Results go to stdout, logs and progress to stderr. A progress bar is drawn
// only when stderr is a terminal and the user did not ask for --quiet or
// --json; otherwise [NewProgressFunc] returns silent progress.
//
// # Bars
//
// A bar is one line, redrawn in place: the task, its phase, the share done
// and a bar when the total is known, the count, one rate and one ETA:
//
//	load ispoof.sql  reading      74% [█████████████████       ]  29.6 / 39.7 MiB  12.3 MiB/s  ETA 0.8s
//
// The rate appears once a second has passed (no "0 B/s" at the start); the
// units are chosen once, from the total when it is known (bytes of unknown
// size are MiB), so that they do not change mid-way. A task that enters a
// later phase (coinsift.SetPhase, e.g. "committing" after "reading") shows
// that phase with its own elapsed time instead of a bar at 100 %. The
// [Board] of the demo's lanes draws its lines the same way.
package term
