// Command coinsift follows cryptocurrency payments out of a seized database.
//
// main does four things: it builds the root context (cancelled by Ctrl-C or
// SIGTERM; a second signal exits at once), parses the command line, wires the
// concrete types, and maps the returned error to one line on stderr and an
// exit code (see exitCode).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/internal/sanitize"
)

// Exit codes. They are documented in README.md and in every command's help.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitQuarantined = 3
	exitInterrupted = 130
)

const exitStatusHelp = `EXIT STATUS
  0    ok
  1    error
  2    usage error
  3    finished, but some input was skipped or quarantined
  130  interrupted (Ctrl-C or SIGTERM)`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal now kills the process at once
	}()
	stopProfile := startProfile(os.Getenv("COINSIFT_CPUPROFILE"), os.Stderr)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	stopProfile()
	os.Exit(reportError(err, os.Args[1:], os.Stderr))
}

// startProfile writes a CPU profile of the run to path, if set (the
// environment variable COINSIFT_CPUPROFILE; docs/benchmarks.md); the
// returned function ends it.
func startProfile(path string, stderr io.Writer) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(stderr, "coinsift: COINSIFT_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// run is the testable entry point: it executes one command line.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	g := &globals{stdin: stdin, stdout: stdout, stderr: stderr, args: args}
	root := newRootCommand(g)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err != nil {
		return &cmdError{cmd: commandName(cmd), json: g.json, err: err}
	}
	return nil
}

// cmdError carries the command that failed, for the error line.
type cmdError struct {
	cmd  string
	json bool
	err  error
}

func (e *cmdError) Error() string { return e.err.Error() }
func (e *cmdError) Unwrap() error { return e.err }

// usageError is a mistake on the command line; hint says what to try.
type usageError struct {
	err  error
	hint string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(hint, format string, a ...any) error {
	return &usageError{err: fmt.Errorf(format, a...), hint: hint}
}

// exitCode is the one table that maps errors to exit codes.
func exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, context.Canceled), errors.Is(err, coinsift.ErrCanceled):
		return exitInterrupted
	case errors.Is(err, coinsift.ErrQuarantined):
		return exitQuarantined
	default:
		return exitError
	}
}

// reportError prints err as one line ("coinsift: cmd: message"), or as one JSON
// object with --json, and returns the exit code.
func reportError(err error, args []string, stderr io.Writer) int {
	code := exitCode(err)
	if err == nil {
		return code
	}
	cmd, asJSON := "", false
	var ce *cmdError
	if errors.As(err, &ce) {
		cmd, asJSON = ce.cmd, ce.json
	}
	msg := err.Error()
	if code == exitInterrupted {
		msg = "interrupted: " + msg
	}
	if asJSON {
		obj := map[string]any{"error": msg, "command": cmd, "exit": code}
		var ue *usageError
		if errors.As(err, &ue) && ue.hint != "" {
			obj["hint"] = ue.hint
		}
		b, _ := json.Marshal(obj)
		fmt.Fprintln(stderr, string(b))
		return code
	}
	prefix := "coinsift: "
	if cmd != "" {
		prefix += cmd + ": "
	}
	fmt.Fprintln(stderr, prefix+sanitize.Terminal(strings.ReplaceAll(msg, "\n", " ")))
	var ue *usageError
	if errors.As(err, &ue) && ue.hint != "" {
		fmt.Fprintln(stderr, "Try: "+ue.hint)
	}
	return code
}
