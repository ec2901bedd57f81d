// Package duckarrow hands an Arrow record stream to DuckDB as a view, so
// that bulk loads run as one INSERT … SELECT over columnar batches instead
// of a call per value (the Appender). It does what duckdb-go's Arrow API
// does behind its duckdb_arrow build tag, without the tag: every build of
// coinsift gets the fast path, and `go build`/`go test` need no flags.
//
// The stream is exported with arrow-go's C data interface (cdata) and
// registered with DuckDB's C function duckdb_arrow_scan on the connection
// of a duckdb-go driver connection. The connection handle is read from the
// driver's unexported field by reflection, checked by name and type; when
// a duckdb-go upgrade changes it, Register returns ErrUnsupported (and the
// package's tests fail) rather than misbehave.
package duckarrow

/*
#include <stdlib.h>

// From duckdb.h (a stable C API): duckdb_connection and duckdb_arrow_stream
// are opaque pointers, duckdb_state is 0 on success.
extern int duckdb_arrow_scan(void *connection, const char *table_name, void *arrow);
*/
import "C"

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/cdata"
	"github.com/duckdb/duckdb-go/v2/mapping"
)

// ErrUnsupported reports a driver connection whose DuckDB handle cannot be
// found (not a duckdb-go connection, or a duckdb-go version with another
// layout).
var ErrUnsupported = errors.New("duckarrow: not a supported duckdb-go driver connection")

// connHandle returns the duckdb_connection of a duckdb-go *Conn.
func connHandle(dc driver.Conn) (unsafe.Pointer, error) {
	v := reflect.ValueOf(dc)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil, ErrUnsupported
	}
	f := v.Elem().FieldByName("conn")
	if !f.IsValid() || f.Type() != reflect.TypeFor[mapping.Connection]() {
		return nil, ErrUnsupported
	}
	c := (*mapping.Connection)(unsafe.Pointer(f.UnsafeAddr()))
	if c.Ptr == nil {
		return nil, fmt.Errorf("duckarrow: connection is closed")
	}
	return c.Ptr, nil
}

// Register makes reader scannable as the view name on the connection dc
// (a duckdb-go driver connection, as passed to sql.Conn.Raw). The view
// reads the stream once: run one statement over it, then call release.
// DuckDB calls the reader's Next from its own threads, one call at a time.
//
// DuckDB creates the view in the catalog (not as a temporary view), in the
// connection's transaction: register inside a transaction so that a crash
// never leaves it behind. release drops the view and then frees the stream.
// The order matters: a statement interrupted by a cancelled context is
// cleaned up only when the connection runs its next statement, and that
// clean-up may read the stream once more, so the stream lives until the
// DROP has run. When the DROP fails, release keeps the stream (a leak, not
// a crash) and returns the error.
func Register(dc driver.Conn, reader array.RecordReader, name string) (release func() error, err error) {
	h, err := connHandle(dc)
	if err != nil {
		return nil, err
	}
	e, ok := dc.(driver.ExecerContext)
	if !ok {
		return nil, ErrUnsupported
	}
	stream := (*cdata.CArrowArrayStream)(C.calloc(1, C.size_t(unsafe.Sizeof(cdata.CArrowArrayStream{}))))
	free := func() {
		cdata.ReleaseCArrowArrayStream(stream)
		C.free(unsafe.Pointer(stream))
	}
	cdata.ExportRecordReader(reader, stream)
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	if C.duckdb_arrow_scan(h, cname, unsafe.Pointer(stream)) != 0 {
		free()
		return nil, fmt.Errorf("duckarrow: register view %q: duckdb_arrow_scan failed", name)
	}
	var done bool
	release = func() error {
		if done {
			return nil
		}
		if _, err := e.ExecContext(context.Background(), "DROP VIEW IF EXISTS "+quoteIdent(name), nil); err != nil {
			return fmt.Errorf("duckarrow: drop view %q: %w", name, err)
		}
		done = true
		free()
		return nil
	}
	return release, nil
}

// quoteIdent quotes name as a DuckDB identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
