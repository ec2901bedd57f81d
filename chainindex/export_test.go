package chainindex

// SetPostings32 sets the output count below which the postings build
// keeps positions in 32 bits, and returns a function that restores it.
func SetPostings32(n uint64) (restore func()) {
	old := postings32
	postings32 = n
	return func() { postings32 = old }
}
