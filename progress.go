package coinsift

// Progress receives the progress of long work. Domain code calls it and never
// prints; the terminal implementation lives in internal/term. Implementations
// must be safe for concurrent use.
type Progress interface {
	// SetTotal sets the expected total (bytes, rows, blocks); 0 means unknown.
	SetTotal(n int64)
	// Add records n more units done.
	Add(n int64)
	// Done ends the report.
	Done()
}

// Phaser is implemented by a Progress that shows the phases of one task,
// such as "reading" then "committing": a phase after the first is shown as
// itself, with its own elapsed time, not as a bar sitting at 100 %.
type Phaser interface {
	Phase(name string)
}

// SetPhase tells p that its task entered the named phase, if p shows phases.
func SetPhase(p Progress, name string) {
	if ph, ok := p.(Phaser); ok {
		ph.Phase(name)
	}
}

// NopProgress is a Progress that discards everything.
type NopProgress struct{}

func (NopProgress) SetTotal(int64) {}
func (NopProgress) Add(int64)      {}
func (NopProgress) Done()          {}

// ProgressFunc builds a Progress for a named task with a unit ("bytes",
// "rows", "blocks"). Commands pass one to libraries that run several tasks.
type ProgressFunc func(task, unit string) Progress

// NopProgressFunc returns NopProgress for every task.
func NopProgressFunc(string, string) Progress { return NopProgress{} }

// Attribute keys used in structured logs.
const (
	LogKeySource = "source"
	LogKeyTable  = "table"
	LogKeyRows   = "rows"
	LogKeyHeight = "height"
	LogKeyTxID   = "txid"
	LogKeyCase   = "case"
)
