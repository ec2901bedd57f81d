package casefile

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"

	coinsift "github.com/coinsift/coinsift"
)

// lockFile is an advisory flock on the case's .lock file. Writers hold it
// exclusively and write their PID into it; readers hold it shared.
type lockFile struct {
	f *os.File
}

func acquireLock(path string, exclusive bool) (*lockFile, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		if exclusive || !errors.Is(err, os.ErrPermission) {
			return nil, fmt.Errorf("open lock %s: %w", path, err)
		}
		// A read-only case directory: readers go on without a lock.
		return &lockFile{}, nil
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		pid := readPID(f)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			who := "another process"
			if pid > 0 {
				who = "PID " + strconv.Itoa(pid)
			}
			return nil, fmt.Errorf("case is in use by %s (lock %s): %w", who, path, coinsift.ErrInUse)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if exclusive {
		if err := f.Truncate(0); err == nil {
			f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		}
	}
	return &lockFile{f: f}, nil
}

func readPID(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil {
		return 0
	}
	return pid
}

func (l *lockFile) release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	return errors.Join(err, l.f.Close())
}
