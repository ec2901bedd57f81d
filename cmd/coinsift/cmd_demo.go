package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/internal/term"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

type demoOptions struct {
	scale string
	seed  uint64
	out   string
	world string
}

func newDemoCommand(g *globals) *cobra.Command {
	var o demoOptions
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole job on a generated iSpoof-like world, end to end",
		Long: `Generate an iSpoof-like world (a regtest chain, the service's seized
database, price files, public tags and the truth behind them) and run the
whole investigation on it, each step as the command an investigator would
type: case init, evidence, chain import, seized load with a suggested
mapping, prices, tags, cluster, link, value, trace, place, triage, victims
and reports. It ends with a short summary and the paths of the reports.

The world goes to OUT/world and the case to OUT/case; OUT must not exist or
must be empty. Every step is recorded in OUT/case/audit.jsonl.`,
		Example: `  coinsift demo --out ./demo
  coinsift demo --scale ispoof --out /data/demo`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDemo(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.scale, "scale", "small", "world size: tiny, small or ispoof")
	f.Uint64Var(&o.seed, "seed", 1, "world seed")
	f.StringVar(&o.out, "out", "coinsift-demo", "output directory")
	f.StringVar(&o.world, "world", "", "use this generated world instead of generating one (e.g. for timing)")
	return cmd
}

// demoStep is one command of the demo. okQuarantine accepts exit status 3:
// generated seized data holds malformed rows on purpose.
type demoStep struct {
	what         string
	args         []string
	okQuarantine bool
	stdout       string // file the command's results go to, if any
}

// demoStage is steps in lanes: the lanes run at the same time, the steps
// of a lane one after the other. Only the chain import (with the small
// price and tag imports: none reads seized data) runs beside the seized
// load: it is mostly one goroutine, and the load leaves about a quarter of
// the two cores idle (reading, mapping and DuckDB take turns). Measured on
// the iSpoof world, other pairings made the demo slower: clustering beside
// the load slowed the load by 25 s; victims beside the money trail, or the
// two referral runs side by side, cost more than they saved, as those
// steps use both cores already.
type demoStage [][]demoStep

func seq(steps ...demoStep) demoStage { return demoStage{steps} }

func runDemo(ctx context.Context, g *globals, o demoOptions) error {
	if entries, err := os.ReadDir(o.out); err == nil && len(entries) > 0 {
		return usagef("coinsift demo --out NEW-DIR", "--out %s exists and is not empty", o.out)
	}
	worldDir, caseDir := filepath.Join(o.out, "world"), filepath.Join(o.out, "case")
	name := "iSpoof demo (" + o.scale + " world, seed " + strconv.FormatUint(o.seed, 10) + ")"
	var setup []demoStep
	if o.world != "" {
		worldDir, name = o.world, "iSpoof demo (world "+filepath.Base(o.world)+")"
	} else {
		setup = append(setup, demoStep{"generate the world", []string{"world", "gen", "--scale", o.scale, "--seed", strconv.FormatUint(o.seed, 10), "--out", worldDir}, false, ""})
	}
	setup = append(setup, demoStep{"create the case", []string{"case", "init", caseDir, "--name", name}, false, ""})
	dump := filepath.Join(worldDir, "seized", "ispoof.sql")
	mapping := filepath.Join(o.out, "mapping.yaml")
	stages := []demoStage{
		seq(demoStep{"register the node's block files as evidence", []string{"evidence", "add", "--kind", "blocks", "--note", "regtest node data", filepath.Join(worldDir, "blocks") + "/*.dat"}, false, ""}),
		{
			{
				demoStep{"import the chain", []string{"chain", "import", "--blocks", filepath.Join(worldDir, "blocks")}, true, ""},
				demoStep{"import prices (BTC/GBP)", []string{"prices", "import", filepath.Join(worldDir, "prices", "BTC-GBP.csv"), "--source", "world-yahoo"}, true, ""},
				demoStep{"import prices (BTC/USD)", []string{"prices", "import", filepath.Join(worldDir, "prices", "BTC-USD.csv"), "--source", "world-yahoo"}, true, ""},
				demoStep{"import public tags and the exchanges' actor pack", tagFiles(worldDir, o.world == ""), true, ""},
			},
			{
				demoStep{"suggest a mapping of the seized tables", []string{"seized", "map", "--suggest", dump}, false, mapping},
				demoStep{"load the seized dump", []string{"seized", "load", dump, "--mapping", mapping}, true, ""},
			},
		},
		seq(
			demoStep{"cluster addresses into wallets", []string{"cluster", "run"}, false, ""},
			demoStep{"link payments to the chain", []string{"link"}, false, ""},
			demoStep{"value payments in GBP", []string{"value", "--method", "open"}, true, ""},
			demoStep{"trace payers to their exchanges", []string{"trace", "payers"}, false, ""},
			demoStep{"group accounts into persons", []string{"persons"}, false, ""},
			demoStep{"place accounts and persons", []string{"place"}, false, ""},
			demoStep{"find the victims", []string{"victims", "--directory", filepath.Join(worldDir, "directory", "organisations.csv")}, false, ""},
			demoStep{"triage: UK users with at least GBP 100 received on chain", []string{"triage", "--rule", "ispoof-uk"}, false, ""},
			demoStep{"referral packages for NL, AU, FR, IE", []string{"report", "referrals", "--out", filepath.Join(o.out, "referrals"), "--countries", "NL,AU,FR,IE"}, false, ""},
			demoStep{"UK package (victims included)", []string{"report", "referrals", "--rule", "ispoof-uk", "--out", filepath.Join(o.out, "referrals"), "--countries", "GB", "--share-victims", "GB"}, false, ""},
		),
		seq(
			demoStep{"case summary", []string{"report", "summary", "--out", filepath.Join(o.out, "summary")}, false, ""},
			demoStep{"verify the audit log", []string{"audit", "verify"}, false, ""},
		),
	}
	total := len(setup)
	for _, st := range stages {
		for _, lane := range st {
			total += len(lane)
		}
	}
	d := &demoRun{g: g, caseDir: caseDir, total: total, next: 1}
	start := time.Now()
	for _, st := range setup {
		if err := d.step(ctx, st, nil); err != nil {
			return err
		}
	}
	// The steps share one open case from here on (see sharedCase).
	c, err := casefile.Open(ctx, caseDir, g.caseOptions(false))
	if err != nil {
		return err
	}
	shared := &sharedCase{c: c, turns: newAuditTurns(d.n + 1)}
	for _, st := range stages {
		if err := d.stage(ctx, st, shared); err != nil {
			c.Close()
			return err
		}
	}
	if err := c.Close(); err != nil {
		return err
	}
	return demoSummary(ctx, g, caseDir, time.Since(start))
}

// demoRun runs the demo's steps and numbers them.
type demoRun struct {
	g       *globals
	caseDir string
	total   int
	mu      sync.Mutex  // orders the progress lines
	n       int         // steps numbered so far
	board   *term.Board // the bars of the steps running side by side, during a stage of lanes
	// The step log is printed in step order although lanes run steps at
	// the same time: the lines of step next (the first step not finished;
	// start at 1) print at once, those of later steps wait in held until
	// every step before them has finished.
	next     int
	held     map[int][]string
	finished map[int]bool
}

// println writes a line of the demo's own output, above the bars of the
// steps that run side by side, if any. The caller holds mu.
func (d *demoRun) println(s string) {
	if d.board != nil {
		d.board.Println(s)
		return
	}
	fmt.Fprintln(d.g.stderr, s)
}

// say writes a line of step i's log: now if every step before i has
// finished, else when they have.
func (d *demoRun) say(i int, s string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if i == d.next {
		d.println(s)
		return
	}
	if d.held == nil {
		d.held = map[int][]string{}
	}
	d.held[i] = append(d.held[i], s)
}

// finish records that step i has finished (well or not) and prints the
// held lines of the steps after it, in order, up to the first that is
// still running.
func (d *demoRun) finish(i int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.finished == nil {
		d.finished = map[int]bool{}
	}
	d.finished[i] = true
	for d.finished[d.next] {
		delete(d.finished, d.next)
		d.next++
		for _, s := range d.held[d.next] {
			d.println(s)
		}
		delete(d.held, d.next)
	}
}

// flushHeld prints what is still held, in step order (after a failed
// step, the lines of the steps that ran beside it).
func (d *demoRun) flushHeld() {
	d.mu.Lock()
	defer d.mu.Unlock()
	steps := make([]int, 0, len(d.held))
	for i := range d.held {
		steps = append(steps, i)
	}
	sort.Ints(steps)
	for _, i := range steps {
		for _, s := range d.held[i] {
			d.println(s)
		}
	}
	d.held = nil
}

// stepWriter passes what a step writes on stderr to its log, line by line
// (say), so that it stays with the step's other lines.
type stepWriter struct {
	d    *demoRun
	i    int
	mu   sync.Mutex
	part []byte
}

func (w *stepWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.part = append(w.part, p...)
	for {
		k := bytes.IndexByte(w.part, '\n')
		if k < 0 {
			break
		}
		w.d.say(w.i, string(w.part[:k]))
		w.part = w.part[k+1:]
	}
	return len(p), nil
}

// flush passes on a last line without a newline.
func (w *stepWriter) flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.part) > 0 {
		w.d.say(w.i, string(w.part))
		w.part = nil
	}
}

// stage runs the lanes of st at the same time; the first error cancels
// the other lanes and is returned.
func (d *demoRun) stage(ctx context.Context, st demoStage, shared *sharedCase) error {
	if len(st) == 1 {
		for _, step := range st[0] {
			if err := d.step(ctx, step, shared); err != nil {
				return err
			}
		}
		return nil
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	// The lanes' bars share one board, a line per running task.
	board := term.NewBoard(ctx, d.g.stderr, !d.g.quiet && !d.g.json)
	d.mu.Lock()
	d.board = board
	d.mu.Unlock()
	defer func() {
		d.mu.Lock()
		d.board = nil
		d.mu.Unlock()
		board.Close()
	}()
	first := d.n + 1
	var wg sync.WaitGroup
	for li, lane := range st {
		n := first
		for _, prev := range st[:li] {
			n += len(prev)
		}
		wg.Go(func() {
			for k, step := range lane {
				if err := d.stepNumbered(ctx, n+k, step, shared, true); err != nil {
					cancel(err)
					// Steps after a failure never write: let later
					// lanes' audit lines through.
					for j := k; j < len(lane); j++ {
						shared.turns.finish(n + j)
					}
					return
				}
			}
		})
	}
	wg.Wait()
	d.flushHeld()
	d.n = first - 1
	for _, lane := range st {
		d.n += len(lane)
	}
	return context.Cause(ctx)
}

func (d *demoRun) step(ctx context.Context, st demoStep, shared *sharedCase) error {
	d.n++
	return d.stepNumbered(ctx, d.n, st, shared, false)
}

// stepNumbered runs step number i as its own command; parallel says that
// other steps run at the same time.
func (d *demoRun) stepNumbered(ctx context.Context, i int, st demoStep, shared *sharedCase, parallel bool) error {
	g := d.g
	args := append([]string{"--case", d.caseDir}, st.args...)
	if st.args[0] == "world" || st.args[0] == "case" {
		args = st.args
	}
	args = expandGlobs(args)
	d.mu.Lock()
	board := d.board
	d.mu.Unlock()
	// What the step writes on stderr joins its lines of the step log.
	sw := &stepWriter{d: d, i: i}
	defer d.finish(i)
	defer sw.flush()
	var errw io.Writer = sw
	if parallel && board != nil && board.Enabled() {
		// Steps running side by side draw their bars as lines of the
		// stage's board, not bars of their own that would overwrite each
		// other; their log lines go above it, in step order.
		ctx = withProgress(ctx, board.ProgressFunc(fmt.Sprintf("[%d] ", i)))
	} else if g.quiet || parallel {
		args = append([]string{"--quiet"}, args...)
	} else {
		errw = g.stderr // alone: its bars draw on the terminal
	}
	d.say(i, fmt.Sprintf("[%d/%d] %s: coinsift %s", i, d.total, st.what, strings.Join(args, " ")))
	t0 := time.Now()
	var out io.Writer = io.Discard
	if g.verbose > 0 && !parallel {
		out = g.stderr
	}
	var file *os.File
	if st.stdout != "" {
		f, err := os.Create(st.stdout)
		if err != nil {
			return fmt.Errorf("step %d (%s): %w", i, st.what, err)
		}
		file, out = f, f
	}
	if shared != nil {
		ctx = withSharedCase(ctx, &sharedCase{c: shared.c, turns: shared.turns, step: i})
	}
	err := run(ctx, args, g.stdin, out, errw)
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if shared != nil {
		shared.turns.finish(i)
	}
	if err != nil && !(st.okQuarantine && errors.Is(err, coinsift.ErrQuarantined)) {
		return fmt.Errorf("step %d (%s): %w", i, st.what, err)
	}
	d.say(i, fmt.Sprintf("      [%d] done in %s", i, time.Since(t0).Round(time.Millisecond)))
	return nil
}

// tagFiles is the tags import of a world: its TagPack and its ActorPack
// (the exchanges' jurisdictions, a placement signal), which worlds
// generated before actor packs were added lack; fresh says the demo
// generates the world, so the pack will be there.
func tagFiles(worldDir string, fresh bool) []string {
	args := []string{"tags", "import", filepath.Join(worldDir, "tags", "exchanges.yaml")}
	if actors := filepath.Join(worldDir, "tags", "actors.yaml"); fresh || fileExists(actors) {
		args = append(args, actors)
	}
	return args
}

// expandGlobs expands arguments holding a * (the demo's own paths only).
func expandGlobs(args []string) []string {
	var out []string
	for _, a := range args {
		if strings.Contains(a, "*") {
			if m, _ := filepath.Glob(a); len(m) > 0 {
				out = append(out, m...)
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

type demoFigures struct {
	Case         string         `json:"case"`
	Elapsed      string         `json:"elapsed"`
	Blocks       int64          `json:"blocks"`
	Transactions int64          `json:"transactions"`
	Users        int64          `json:"users"`
	Payments     int64          `json:"payments_recorded"`
	Verified     int64          `json:"payments_verified"`
	TotalMinor   int64          `json:"verified_total_minor"`
	Received     int64          `json:"payments_received"`
	ReceivedSum  int64          `json:"received_total_minor"`
	Currency     string         `json:"currency"`
	UKSuspects   int64          `json:"uk_suspects"`
	Referrals    map[string]int `json:"referrals"`
	Victims      int64          `json:"victims"`
	Clusters     int64          `json:"clusters"`
	Quarantined  int64          `json:"quarantined"`
	AuditLines   int64          `json:"audit_lines"`
	Reports      string         `json:"reports"`
	Summary      string         `json:"summary"`
}

func demoSummary(ctx context.Context, g *globals, caseDir string, elapsed time.Duration) error {
	c, err := casefile.Open(ctx, caseDir, g.caseOptions(true))
	if err != nil {
		return err
	}
	defer c.Close()
	x, err := chainOf(c)
	if err != nil {
		return err
	}
	defer x.Close()
	out := filepath.Dir(caseDir)
	f := demoFigures{Case: caseDir, Elapsed: elapsed.Round(time.Second).String(), Currency: c.Config().Settings.Currency,
		Referrals: map[string]int{}, Reports: filepath.Join(out, "referrals"), Summary: filepath.Join(out, "summary", "summary.html")}
	inf := x.Info()
	f.Blocks, f.Transactions = inf.Counts.Blocks, inf.Counts.Txs
	db := c.DB()
	count := func(q string) int64 {
		var n sql.NullInt64
		db.QueryRowContext(ctx, q).Scan(&n)
		return n.Int64
	}
	f.Users = count(`SELECT count(DISTINCT account_key) FROM accounts`)
	f.Payments = count(`SELECT count(*) FROM payments`)
	f.Verified = count(`SELECT count(*) FROM links WHERE status = 'verified'`)
	f.TotalMinor = count(`SELECT sum(verified_minor) FROM account_totals`)
	f.Received = count(`SELECT count(*) FROM links WHERE status IN ('verified', 'late', 'partial', 'amount_mismatch', 'paid_again')`)
	f.ReceivedSum = count(`SELECT sum(received_minor) FROM account_totals`)
	f.UKSuspects = count(`SELECT count(*) FROM suspects`)
	f.Victims = count(`SELECT count(*) FROM victims`)
	f.Clusters = count(`SELECT count(*) FROM cluster_sizes`)
	f.Quarantined = count(`SELECT count(*) FROM quarantine`)
	head, _ := c.AuditHead(ctx)
	f.AuditLines = head.Seq
	entries, _ := os.ReadDir(f.Reports)
	for _, e := range entries {
		if m, err := os.ReadFile(filepath.Join(f.Reports, e.Name(), "suspects.json")); err == nil {
			f.Referrals[e.Name()] = strings.Count(string(m), `"rank":`)
		}
	}
	if g.json {
		return g.printJSON(f)
	}
	verified := coinsift.Money{Minor: f.TotalMinor, Currency: f.Currency}
	received := coinsift.Money{Minor: f.ReceivedSum, Currency: f.Currency}
	g.printf("\ncoinsift demo finished in %s\n\n", f.Elapsed)
	g.printf("  users          %d accounts in the seized database\n", f.Users)
	g.printf("  payments       %d recorded, %d verified on chain, worth %s\n", f.Payments, f.Verified, humanMoney(verified))
	g.printf("  received       %d payments arrived on chain, worth %s (verified, late, partial, mismatched)\n", f.Received, humanMoney(received))
	g.printf("  UK suspects    %d placed in GB with at least £100 received on chain (rule ispoof-uk)\n", f.UKSuspects)
	var rs []string
	for _, cc := range sortedKeysInt(f.Referrals) {
		rs = append(rs, fmt.Sprintf("%s %d", cc, f.Referrals[cc]))
	}
	g.printf("  referrals      %s\n", strings.Join(rs, ", "))
	g.printf("  victims        %d numbers called for a minute or longer\n", f.Victims)
	g.printf("  chain          %d blocks, %d transactions, %d wallets (clusters)\n", f.Blocks, f.Transactions, f.Clusters)
	g.printf("  quarantined    %d malformed input rows set aside (table quarantine)\n", f.Quarantined)
	g.printf("  audit          %d commands recorded and verified\n\n", f.AuditLines)
	g.printf("  reports        %s\n  summary        %s\n  case           %s  (try: coinsift --case %s triage)\n", f.Reports, f.Summary, caseDir, caseDir)
	return nil
}

func sortedKeysInt(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// humanMoney formats m for people: "£4,595,260.71" (a symbol for GBP, EUR
// and USD, the ISO code otherwise).
func humanMoney(m coinsift.Money) string {
	sym := map[string]string{"GBP": "£", "EUR": "€", "USD": "$"}[m.Currency]
	if sym == "" {
		sym = m.Currency + " "
	}
	neg, v := m.Minor < 0, m.Minor
	if neg {
		v = -v
	}
	out := fmt.Sprintf("%s%s.%02d", sym, message.NewPrinter(language.English).Sprintf("%d", v/100), v%100)
	if neg {
		return "-" + out
	}
	return out
}

func fileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
