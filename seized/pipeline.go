package seized

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/internal/duckarrow"
)

// The load pipeline. A producer goroutine reads the source, maps each row
// and appends its values to Arrow builders: one record batch per source
// table of raw values (with the row number and byte offset), one per
// canonical table of mapped records (with the source row number). DuckDB
// scans the raw batches of a run of one source table as a view in one
// INSERT … SELECT, on its own threads, while the producer reads on. The
// canonical batches of the run are held until it ends and follow in one
// INSERT per canonical table; a run whose canonical records reach
// segCanonBytes is cut into segments there. Columnar batches cost DuckDB a
// few calls per 2,048 values instead of one per value; memory is bounded by
// the raw bytes queued (queueBytes) and one segment's canonical records.
// Segments are large because every INSERT into a table ends with a partial
// row group that costs DuckDB time to merge: 1-million-row segments made a
// 5-million-row load 30 % slower than one statement.
//
// The queue is deep on purpose: while DuckDB inserts a segment's canonical
// records it takes no raw batches, and a queue of four batches left the
// producer idle for that time. Now it reads on until queueBytes of raw
// batches wait (about 5 % faster on an idle machine, more on a busy one,
// where the idle time was a quarter of a mapped load).
const (
	batchRows  = 16384    // rows per batch
	batchBytes = 8 << 20  // raw value bytes per batch
	numBatches = 1024     // batches queued between the producer and DuckDB, at most
	queueBytes = 96 << 20 // raw bytes queued between the producer and DuckDB, at most
)

// segCanonBytes caps the canonical bytes held for one segment (a variable
// for tests).
var segCanonBytes int64 = 384 << 20

// badRow is a row set aside: unreadable (its raw row is not loaded) or
// unmappable (its raw row is loaded).
type badRow struct {
	table    string
	row, off int64
	reason   string
	raw      []byte
}

// batch is what the producer hands on: rows of one source table, their
// canonical records, rows set aside, and the source's state after them.
type batch struct {
	table      *Table // source table of raw; nil before the first table
	announce   bool   // table starts here: create its src table even if empty
	raw        arrow.RecordBatch
	rows       int64
	canon      [5]arrow.RecordBatch
	canonBytes int64
	bad        []badRow
	bytes      int64            // src.BytesRead() after the batch
	err        error            // the producer's final error (io.EOF at the end)
	counts     map[string]int64 // the mappers' Counts, with the end
	queue      *queue
	charge     int64 // bytes of raw charged to queue
}

// dropRaw releases the raw record batch and its charge on the queue.
func (b *batch) dropRaw() {
	if b.raw != nil {
		b.raw.Release()
		b.raw = nil
	}
	if b.charge > 0 {
		b.queue.release(b.charge)
		b.charge = 0
	}
}

func (b *batch) release() {
	b.dropRaw()
	for i, r := range b.canon {
		if r != nil {
			r.Release()
			b.canon[i] = nil
		}
	}
}

// canonColumns are the columns of the canonical tables, in Records order,
// without the provenance columns (evidence_id, src_table, src_row) that the
// load adds; identifiers' src_column is last in its records.
var canonColumns = [5][]arrow.Field{
	{str("account_key"), str("username"), ts("created_at"), str("country")},
	{str("account_key"), str("kind"), str("value"), str("normalized"), str("src_column")},
	{str("account_key"), str("address"), i64("amount_sats"), i64("fiat_minor"), str("fiat_currency"),
		str("txid"), i32("vout"), str("status"), ts("created_at"), ts("paid_at")},
	{str("account_key"), str("ip"), ts("login_at"), str("user_agent")},
	{str("account_key"), str("caller_id"), str("destination_raw"), str("destination_e164"), ts("started_at"),
		i64("duration_s"), str("status"), str("template")},
}

func str(n string) arrow.Field {
	return arrow.Field{Name: n, Type: arrow.BinaryTypes.String, Nullable: true}
}
func i64(n string) arrow.Field {
	return arrow.Field{Name: n, Type: arrow.PrimitiveTypes.Int64, Nullable: true}
}
func i32(n string) arrow.Field {
	return arrow.Field{Name: n, Type: arrow.PrimitiveTypes.Int32, Nullable: true}
}
func ts(n string) arrow.Field {
	// No time zone: DuckDB reads it as TIMESTAMP (UTC wall time), like the
	// canonical columns, whatever the session's TimeZone.
	return arrow.Field{Name: n, Type: &arrow.TimestampType{Unit: arrow.Microsecond}, Nullable: true}
}

var canonSchemas = func() (s [5]*arrow.Schema) {
	for i, cols := range canonColumns {
		s[i] = arrow.NewSchema(append(append([]arrow.Field(nil), cols...),
			arrow.Field{Name: "src_row", Type: arrow.PrimitiveTypes.Int64}), nil)
	}
	return s
}()

// rawBuilder builds the raw batches of one source table, in the columns of
// its store (store.go).
type rawBuilder struct {
	rb   *array.RecordBuilder
	cols []rawCol
	row  *array.Int64Builder
	off  *array.Int64Builder
}

// rawCol builds one source column: text or bytes in bin, or a typed
// value in i64 or ts with the text that is not canonical in exc.
type rawCol struct {
	kind storage
	bin  *array.BinaryBuilder
	i64  *array.Int64Builder
	ts   *array.TimestampBuilder
	exc  *array.BinaryBuilder
}

func newRawBuilder(t *Table) *rawBuilder {
	lay := layoutOf("", t)
	cols := lay.storeColumns()
	fields := make([]arrow.Field, 0, len(cols)+2)
	for _, c := range cols {
		fields = append(fields, arrow.Field{Name: c.name, Type: c.arrow, Nullable: true})
	}
	fields = append(fields, arrow.Field{Name: "_row", Type: arrow.PrimitiveTypes.Int64},
		arrow.Field{Name: "_offset", Type: arrow.PrimitiveTypes.Int64})
	rb := array.NewRecordBuilder(memory.DefaultAllocator, arrow.NewSchema(fields, nil))
	b := &rawBuilder{rb: rb}
	f := 0
	binary := func(f array.Builder) *array.BinaryBuilder {
		if sb, ok := f.(*array.StringBuilder); ok {
			return sb.BinaryBuilder
		}
		return f.(*array.BinaryBuilder)
	}
	for _, k := range lay.kinds {
		c := rawCol{kind: k}
		switch k {
		case storeText, storeBlob:
			c.bin = binary(rb.Field(f))
		case storeBigint:
			c.i64 = rb.Field(f).(*array.Int64Builder)
		case storeTimestamp:
			c.ts = rb.Field(f).(*array.TimestampBuilder)
		}
		f++
		if k.typed() {
			c.exc = binary(rb.Field(f))
			f++
		}
		b.cols = append(b.cols, c)
	}
	b.row = rb.Field(f).(*array.Int64Builder)
	b.off = rb.Field(f + 1).(*array.Int64Builder)
	return b
}

// appendRow appends one row's values and returns their bytes (8 for a
// typed value).
func (b *rawBuilder) appendRow(row []Value) int64 {
	var n int64
	for i, v := range row {
		c := &b.cols[i]
		switch c.kind {
		case storeText, storeBlob:
			if v.Null {
				c.bin.AppendNull()
				continue
			}
			c.bin.Append(v.Data)
			n += int64(len(v.Data))
			continue
		case storeBigint:
			if x, ok := canonInt(v.Data); ok && !v.Null {
				c.i64.Append(x)
				c.exc.AppendNull()
				n += 8
				continue
			}
			c.i64.AppendNull()
		case storeTimestamp:
			if us, ok := canonDateTime(v.Data); ok && !v.Null {
				c.ts.Append(arrow.Timestamp(us))
				c.exc.AppendNull()
				n += 8
				continue
			}
			c.ts.AppendNull()
		}
		if v.Null {
			c.exc.AppendNull()
			continue
		}
		c.exc.Append(v.Data)
		n += int64(len(v.Data))
	}
	return n
}

// newBatchReserved returns the record batch built in b and reserves room in
// b for another batch of the same size, so that the builders allocate each
// buffer once a batch instead of growing it step by step (each step copies
// and zeroes the buffer).
func newBatchReserved(b *array.RecordBuilder) arrow.RecordBatch {
	fields := b.Fields()
	rows := fields[0].Len()
	var data []int
	for _, f := range fields {
		if sb, ok := f.(interface{ DataLen() int }); ok {
			data = append(data, sb.DataLen())
		}
	}
	rec := b.NewRecordBatch()
	b.Reserve(rows)
	k := 0
	for _, f := range fields {
		if sb, ok := f.(interface{ ReserveData(int) }); ok {
			sb.ReserveData(data[k] + data[k]/16)
			k++
		}
	}
	return rec
}

// appendCanon appends record r and its source row number to canonical
// builder cb, and returns the bytes of its text.
func appendCanon(ti int, cb *array.RecordBuilder, r []any, srcRow int64) (int64, error) {
	cols := canonColumns[ti]
	if len(r) != len(cols) {
		return 0, fmt.Errorf("canonical %s: record of %d values, want %d", CanonicalTables[ti], len(r), len(cols))
	}
	var n int64
	for i, v := range r {
		ok := true
		switch b := cb.Field(i).(type) {
		case *array.StringBuilder:
			switch v := v.(type) {
			case nil:
				b.AppendNull()
			case string:
				b.Append(v)
				n += int64(len(v))
			default:
				ok = false
			}
		case *array.Int64Builder:
			switch v := v.(type) {
			case nil:
				b.AppendNull()
			case int64:
				b.Append(v)
			case int:
				b.Append(int64(v))
			default:
				ok = false
			}
		case *array.Int32Builder:
			switch v := v.(type) {
			case nil:
				b.AppendNull()
			case int32:
				b.Append(v)
			default:
				ok = false
			}
		case *array.TimestampBuilder:
			switch v := v.(type) {
			case nil:
				b.AppendNull()
			case time.Time:
				b.Append(arrow.Timestamp(v.UnixMicro()))
			default:
				ok = false
			}
		}
		if !ok {
			// Keep the builders aligned before failing the load.
			for j := i; j < len(r); j++ {
				cb.Field(j).AppendNull()
			}
			cb.Field(len(r)).(*array.Int64Builder).Append(srcRow)
			return 0, fmt.Errorf("canonical %s.%s: unsupported value type %T", CanonicalTables[ti], cols[i].Name, v)
		}
	}
	cb.Field(len(r)).(*array.Int64Builder).Append(srcRow)
	return n + 8*int64(len(r)), nil
}

// produce reads src into batches until the end, an error or stop. Its last
// batch carries the end (io.EOF) or the error.
func (l *loader) produce(src Source, full chan<- *batch, q *queue, stop <-chan struct{}) {
	defer close(full)
	mappers := map[*Table]RowMapper{}
	raws := map[*Table]*rawBuilder{}
	var canon [5]*array.RecordBuilder
	defer func() {
		for _, b := range raws {
			b.rb.Release()
		}
		for _, b := range canon {
			if b != nil {
				b.Release()
			}
		}
	}()
	var recs Records
	cur := &batch{}
	var rb *rawBuilder
	var rawBytes int64
	send := func() bool {
		if cur.rows > 0 {
			cur.raw = newBatchReserved(rb.rb)
		}
		for i, cb := range canon {
			if cb != nil && cb.Field(0).Len() > 0 {
				cur.canon[i] = newBatchReserved(cb)
			}
		}
		cur.bytes = src.BytesRead()
		if cur.raw != nil {
			// Values, their offsets, and the row number and offset columns.
			charge := rawBytes + cur.rows*int64(16+4*len(rb.cols))
			if !q.acquire(charge, stop) {
				cur.release()
				return false
			}
			cur.queue, cur.charge = q, charge
		}
		select {
		case full <- cur:
		case <-stop:
			cur.release()
			return false
		}
		cur = &batch{table: cur.table}
		rawBytes = 0
		return true
	}
	empty := func() bool { return cur.rows == 0 && len(cur.bad) == 0 && !cur.announce }
	for {
		if cur.rows >= batchRows || rawBytes >= batchBytes || len(cur.bad) >= batchRows {
			if !send() {
				return
			}
			if err := l.ctx.Err(); err != nil {
				cur.err = err
				send()
				return
			}
		}
		ev, err := src.Next()
		if err == io.EOF {
			cur.err = io.EOF
			cur.counts = mapperCounts(mappers)
			send()
			return
		}
		var re *RowError
		if errors.As(err, &re) {
			cur.bad = append(cur.bad, badRow{table: re.Table, row: re.Row, off: re.Offset, reason: re.Reason, raw: re.Raw})
			continue
		}
		if err != nil {
			cur.err = fmt.Errorf("load %s: %w", l.ev.Path, err)
			send()
			return
		}
		t := src.Table()
		if t != cur.table || ev != EventRow {
			if !empty() && !send() {
				return
			}
			cur.table = t
			if rb = raws[t]; rb == nil {
				if l.opts.Mapper != nil {
					// A mapping naming a column the table lacks fails
					// the load rather than map NULLs.
					if err := l.opts.Mapper.Check(t); err != nil {
						cur.err = fmt.Errorf("load %s: %w", l.ev.Path, err)
						send()
						return
					}
				}
				rb = newRawBuilder(t)
				raws[t] = rb
			}
			if ev != EventRow {
				cur.announce = true
				continue
			}
		}
		row := src.Row()
		if len(row) != len(rb.cols) {
			cur.err = fmt.Errorf("load %s: table %s: row %d has %d values for %d columns", l.ev.Path, t.Name, src.RowNumber(), len(row), len(rb.cols))
			send()
			return
		}
		rowNo := src.RowNumber()
		rawBytes += rb.appendRow(row)
		rb.row.Append(rowNo)
		rb.off.Append(src.Offset())
		cur.rows++
		if l.opts.Observer != nil {
			l.opts.Observer.Observe(t, row)
		}
		if l.opts.Mapper == nil {
			continue
		}
		m, ok := mappers[t]
		if !ok {
			m = l.opts.Mapper.Bind(t)
			mappers[t] = m
			if ps := newProjState(t, m); ps != nil && !l.opts.NoProjection {
				l.projs[t] = ps
				l.projOrder = append(l.projOrder, t)
			}
		}
		if m == nil {
			continue
		}
		recs.reset()
		ps := l.projs[t]
		if ps != nil && ps.projects(row, src.Offset()) {
			if !l.opts.VerifyProjection {
				continue
			}
			err := m.Map(row, &recs)
			all := [5][][]any{recs.Accounts, recs.Identifiers, recs.Payments, recs.Logins, recs.Calls}
			ok := err == nil && len(all[ps.ti]) == 1 && ps.matches(row, all[ps.ti][0])
			for ti, rs := range all {
				ok = ok && (ti == ps.ti || len(rs) == 0)
			}
			if !ok {
				cur.err = fmt.Errorf("load %s: table %s: row %d: the mapping's projection differs from its record %v (%v)", l.ev.Path, t.Name, rowNo, all[ps.ti], err)
				send()
				return
			}
			continue
		}
		if err := m.Map(row, &recs); err != nil {
			cur.bad = append(cur.bad, badRow{table: t.Name, row: rowNo, off: src.Offset(), reason: "map: " + err.Error()})
			continue
		}
		for ti, rs := range [5][][]any{recs.Accounts, recs.Identifiers, recs.Payments, recs.Logins, recs.Calls} {
			for _, r := range rs {
				if canon[ti] == nil {
					canon[ti] = array.NewRecordBuilder(memory.DefaultAllocator, canonSchemas[ti])
				}
				n, err := appendCanon(ti, canon[ti], r, rowNo)
				if err != nil {
					cur.err = fmt.Errorf("load %s: table %s: row %d: %w", l.ev.Path, t.Name, rowNo, err)
					send()
					return
				}
				cur.canonBytes += n
			}
		}
	}
}

// queue bounds the raw bytes of the batches between the producer and
// DuckDB: the producer acquires a batch's bytes before it sends it, and they
// are released when DuckDB is done with the batch.
type queue struct {
	mu    sync.Mutex
	used  int64
	max   int64
	freed chan struct{} // capacity 1: a release since the producer last looked
}

// acquire waits until n more bytes fit (or nothing is queued) and charges
// them; it returns false if stop is closed first. One goroutine acquires.
func (q *queue) acquire(n int64, stop <-chan struct{}) bool {
	for {
		q.mu.Lock()
		if q.used == 0 || q.used+n <= q.max {
			q.used += n
			q.mu.Unlock()
			return true
		}
		q.mu.Unlock()
		select {
		case <-q.freed:
		case <-stop:
			return false
		}
	}
}

// release returns n bytes; it never blocks.
func (q *queue) release(n int64) {
	q.mu.Lock()
	q.used -= n
	q.mu.Unlock()
	select {
	case q.freed <- struct{}{}:
	default:
	}
}

// feed is the consumer's side of the producer's channel, shared by the
// loader and the segment readers that DuckDB calls from its threads (one
// at a time; mu orders them with the loader).
type feed struct {
	mu      sync.Mutex
	full    <-chan *batch
	pending *batch // taken from full but not used yet
	p       coinsift.Progress
	last    int64 // bytes reported to p
	end     error // the producer's final error, once seen
}

// next returns the next batch, nil when the producer has stopped.
func (f *feed) next() *batch {
	if b := f.pending; b != nil {
		f.pending = nil
		return b
	}
	b, ok := <-f.full
	if !ok {
		return nil
	}
	return b
}

// run loads the source: it creates src tables as they start, and inserts
// each run of batches of one table as a segment.
func (l *loader) run(src Source, p coinsift.Progress) (err error) {
	full := make(chan *batch, numBatches)
	q := &queue{max: queueBytes, freed: make(chan struct{}, 1)}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.produce(src, full, q, stop)
	}()
	f := &feed{full: full, p: p}
	defer func() {
		close(stop)
		if f.pending != nil {
			f.pending.release()
		}
		for b := range full {
			b.release()
		}
		<-done
	}()
	for {
		f.mu.Lock()
		b := f.next()
		f.mu.Unlock()
		if b == nil {
			if err := l.ctx.Err(); err != nil {
				return err
			}
			return fmt.Errorf("load %s: reader stopped", l.ev.Path)
		}
		if b.announce {
			if _, err := l.srcFor(b.table); err != nil {
				b.release()
				return err
			}
		}
		f.mu.Lock()
		l.take(f, b)
		f.mu.Unlock()
		if b.rows > 0 {
			if err := l.insertSegment(f, b); err != nil {
				return err
			}
		} else {
			b.release()
		}
		if f.end == io.EOF {
			return nil
		}
		if f.end != nil {
			return f.end
		}
		if err := l.ctx.Err(); err != nil {
			return err
		}
	}
}

// take records what batch b says besides its rows: rows set aside,
// progress, the end. Callers hold f.mu.
func (l *loader) take(f *feed, b *batch) {
	for _, r := range b.bad {
		l.quarantine(r.table, r.row, r.off, r.reason, r.raw)
	}
	f.p.Add(b.bytes - f.last)
	f.last = b.bytes
	if b.err != nil {
		f.end = b.err
	}
	for k, n := range b.counts {
		if l.res.RawValues == nil {
			l.res.RawValues = map[string]int64{}
		}
		l.res.RawValues[k] += n
	}
}

// mapperCounts sums the Counts of the mappers that keep them (Counter).
func mapperCounts(mappers map[*Table]RowMapper) map[string]int64 {
	var out map[string]int64
	for _, m := range mappers {
		c, ok := m.(Counter)
		if !ok {
			continue
		}
		for k, n := range c.Counts() {
			if n == 0 {
				continue
			}
			if out == nil {
				out = map[string]int64{}
			}
			out[k] += n
		}
	}
	return out
}

// srcFor returns the src table of source table t.
func (l *loader) srcFor(t *Table) (*srcTable, error) {
	if st := l.srcOf[t]; st != nil {
		return st, nil
	}
	st, err := l.table(t)
	if err == nil {
		l.srcOf[t] = st
	}
	return st, err
}

// segment streams batches of one source table to DuckDB, starting with
// first, until another table starts, the producer ends, or the segment is
// full; it keeps their canonical batches for the loader.
type segment struct {
	l      *loader
	f      *feed
	table  *Table
	schema *arrow.Schema
	next   *batch // the batch to hand out next
	cur    *batch // the batch DuckDB has
	rows   int64
	canon  [5][]arrow.RecordBatch
	cbytes int64
	err    error
	ended  bool
}

func (s *segment) Retain()                        {}
func (s *segment) Release()                       {}
func (s *segment) Schema() *arrow.Schema          { return s.schema }
func (s *segment) Record() arrow.RecordBatch      { return s.cur.raw }
func (s *segment) RecordBatch() arrow.RecordBatch { return s.cur.raw }
func (s *segment) Err() error {
	s.f.mu.Lock()
	defer s.f.mu.Unlock()
	return s.err
}

// Next hands DuckDB the next batch. DuckDB calls it from its own threads.
func (s *segment) Next() bool {
	s.f.mu.Lock()
	defer s.f.mu.Unlock()
	if s.cur != nil {
		s.cur.dropRaw()
		s.cur = nil
	}
	if s.ended {
		return false
	}
	if err := s.l.ctx.Err(); err != nil {
		s.err, s.ended = err, true
		return false
	}
	b := s.next
	s.next = nil
	if b == nil {
		if s.f.end != nil || s.cbytes >= segCanonBytes {
			s.ended = true
			return false
		}
		b = s.f.next()
		if b == nil {
			s.ended = true
			return false
		}
		if b.table != s.table || b.announce || b.rows == 0 {
			s.f.pending = b // the loader's next
			s.ended = true
			return false
		}
		s.l.take(s.f, b)
	}
	for i, r := range b.canon {
		if r != nil {
			s.canon[i] = append(s.canon[i], r)
			b.canon[i] = nil
		}
	}
	s.cbytes += b.canonBytes
	s.rows += b.rows
	s.cur = b
	return true
}

// close releases what DuckDB did not take.
func (s *segment) close() {
	s.f.mu.Lock()
	defer s.f.mu.Unlock()
	if s.cur != nil {
		s.cur.release()
		s.cur = nil
	}
	if s.next != nil {
		s.next.release()
		s.next = nil
	}
	for i, rs := range s.canon {
		for _, r := range rs {
			r.Release()
		}
		s.canon[i] = nil
	}
}

// records is a RecordReader over batches held in memory.
type records struct {
	schema *arrow.Schema
	recs   []arrow.RecordBatch
	i      int
}

func (r *records) Retain()                        {}
func (r *records) Release()                       {}
func (r *records) Schema() *arrow.Schema          { return r.schema }
func (r *records) Record() arrow.RecordBatch      { return r.recs[r.i-1] }
func (r *records) RecordBatch() arrow.RecordBatch { return r.recs[r.i-1] }
func (r *records) Err() error                     { return nil }
func (r *records) Next() bool {
	if r.i >= len(r.recs) {
		return false
	}
	r.i++
	return true
}

// insertSegment inserts the segment that starts with batch first into its
// src table, then the segment's canonical records.
func (l *loader) insertSegment(f *feed, first *batch) error {
	st, err := l.srcFor(first.table)
	if err != nil {
		first.release()
		return err
	}
	s := &segment{l: l, f: f, table: first.table, schema: first.raw.Schema(), next: first}
	defer s.close()
	cols, sel := st.layout.insertSQL()
	if err := l.insertView(s, "INSERT INTO "+quoteIdent(st.layout.store)+" ("+cols+") SELECT %s FROM %s", sel, st.evNo); err != nil {
		if s.err != nil {
			return s.err
		}
		if cerr := l.ctx.Err(); cerr != nil {
			return cerr
		}
		return fmt.Errorf("load %s: table %s: %w", l.ev.Path, first.table.Name, err)
	}
	st.rows += s.rows
	l.res.Rows += s.rows
	for ti, recs := range s.canon {
		if len(recs) == 0 {
			continue
		}
		cols := canonList(ti)
		q := fmt.Sprintf("INSERT INTO %s (%s, evidence_id, src_table, src_row) SELECT %%s FROM %%s", canonStore[ti], cols)
		if err := l.insertView(&records{schema: canonSchemas[ti], recs: recs}, q, cols+", ?, ?, src_row", l.ev.ID, st.name); err != nil {
			if cerr := l.ctx.Err(); cerr != nil {
				return cerr
			}
			return fmt.Errorf("load %s: table %s: %s: %w", l.ev.Path, first.table.Name, CanonicalTables[ti], err)
		}
		var n int64
		for _, r := range recs {
			n += r.NumRows()
		}
		l.res.Canonical[CanonicalTables[ti]] += int(n)
	}
	return nil
}

// insertView registers r as a view and runs query, a format with the
// select list and the view's name, with args.
func (l *loader) insertView(r array.RecordReader, query, sel string, args ...any) error {
	name := fmt.Sprintf("coinsift_load_%d", l.views)
	l.views++
	release, err := duckarrow.Register(l.dc, r, name)
	if err != nil {
		return err
	}
	start := time.Now()
	q := fmt.Sprintf(query, sel, name)
	_, err = l.exec(q, args...)
	l.log.Debug("seized load: insert", "statement", q[:strings.Index(q, " SELECT")], "elapsed", time.Since(start))
	if rerr := release(); err == nil {
		err = rerr
	}
	return err
}
