package seized

// SetSegCanonBytes sets the canonical bytes per segment and returns a
// function that restores it.
func SetSegCanonBytes(n int64) (restore func()) {
	old := segCanonBytes
	segCanonBytes = n
	return func() { segCanonBytes = old }
}
