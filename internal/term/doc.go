// Package term implements the terminal side of coinsift's user interface:
// progress bars for coinsift.Progress and plain-text tables.
//
// # Streams
//
// Results go to stdout, logs and progress to stderr. A progress bar is drawn
// only when stderr is a terminal and the user did not ask for --quiet or
// --json; otherwise [NewProgressFunc] returns silent progress.
package term
