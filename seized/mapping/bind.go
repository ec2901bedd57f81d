package mapping

import (
	"encoding/hex"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/detect"
)

var _ seized.Mapper = (*Mapping)(nil)

// MaxLookupRows caps the rows kept in memory for one lookup table (Lookup);
// lookups of keys beyond it fail and set the row aside.
const MaxLookupRows = 20_000_000

// lookupTable holds, for one (table, key column), the values of the columns
// that lookups read, by key.
type lookupTable struct {
	table  string
	key    string
	values []string // value columns
	rows   map[string][]lookupValue
	full   bool
}

type lookupValue struct {
	data   []byte
	null   bool
	binary bool
}

func lookupID(table, key string) string {
	return strings.ToLower(table) + "\x00" + strings.ToLower(key)
}

// prepare collects the lookups the mapping uses.
func (m *Mapping) prepare() {
	if m.lookups != nil {
		return
	}
	m.lookups = map[string]*lookupTable{}
	for _, t := range m.Tables {
		for _, c := range t.Columns {
			l := c.Lookup
			if l == nil {
				continue
			}
			id := lookupID(l.Table, l.Key)
			lt := m.lookups[id]
			if lt == nil {
				lt = &lookupTable{table: l.Table, key: l.Key, rows: map[string][]lookupValue{}}
				m.lookups[id] = lt
			}
			if lt.valueIndex(l.Value) < 0 {
				lt.values = append(lt.values, l.Value)
			}
		}
	}
}

func (lt *lookupTable) valueIndex(col string) int {
	for i, v := range lt.values {
		if strings.EqualFold(v, col) {
			return i
		}
	}
	return -1
}

// isLookupSource reports whether the source table name is read by a lookup.
func (m *Mapping) isLookupSource(name string) bool {
	m.prepare()
	for _, lt := range m.lookups {
		if matchTable(lt.table, name) {
			return true
		}
	}
	return false
}

func columnIndex(cols []seized.Column, name string) int {
	for i, c := range cols {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

// Bind returns the row mapper for source table t, nil if t is neither mapped
// nor read by a lookup.
func (m *Mapping) Bind(t *seized.Table) seized.RowMapper {
	m.prepare()
	var mm multi
	for _, lt := range m.lookups {
		if !matchTable(lt.table, t.Name) {
			continue
		}
		r := &recorder{lt: lt, key: columnIndex(t.Columns, lt.key)}
		if r.key < 0 {
			continue
		}
		for _, v := range lt.values {
			i := columnIndex(t.Columns, v)
			r.cols = append(r.cols, i)
			r.binary = append(r.binary, i >= 0 && t.Columns[i].Binary)
		}
		mm.recorders = append(mm.recorders, r)
	}
	for _, mt := range m.Tables {
		if !matchTable(mt.Source, t.Name) {
			continue
		}
		loc, _ := m.location() // Parse's Validate has checked it; nil reads as UTC
		b := &binding{target: mt.Target, region: m.Region, loc: loc}
		for f, c := range mt.Columns {
			fd := &field{col: c, idx: columnIndex(t.Columns, c.Column), vi: -1}
			if fd.idx >= 0 {
				fd.binary = t.Columns[fd.idx].Binary
			}
			if c.JSON != "" {
				fd.path, _ = parseJSONPath(c.JSON) // checked by Validate
				fd.json = true
			}
			if c.Lookup != nil {
				fd.lookup = m.lookups[lookupID(c.Lookup.Table, c.Lookup.Key)]
				fd.vi = fd.lookup.valueIndex(c.Lookup.Value)
			}
			if id, ok := fieldID(f); ok {
				b.fields[id] = fd
			}
		}
		mm.bindings = append(mm.bindings, b)
	}
	if len(mm.bindings) == 0 && len(mm.recorders) == 0 {
		return nil
	}
	return &mm
}

func matchTable(pattern, name string) bool {
	return strings.EqualFold(pattern, name) || strings.HasSuffix(strings.ToLower(name), "."+strings.ToLower(pattern))
}

type multi struct {
	recorders []*recorder
	bindings  []*binding
}

func (ms *multi) Map(row []seized.Value, out *seized.Records) error {
	for _, r := range ms.recorders {
		r.record(row)
	}
	for _, b := range ms.bindings {
		if err := b.Map(row, out); err != nil {
			return err
		}
	}
	return nil
}

var _ seized.Projector = (*multi)(nil)

// Projection offers the load a projection when the table's only binding is
// to logins or calls, every field read straight from a text column (no
// lookup, no JSON path) and the time as datetime text. The load checks
// each row against it. A call's destination_e164 is derived (Deriver).
func (ms *multi) Projection() (string, []int, bool) {
	if len(ms.bindings) != 1 || len(ms.recorders) > 0 {
		return "", nil, false
	}
	b := ms.bindings[0]
	var fields []fid
	var at fid
	switch b.target {
	case "logins":
		fields, at = []fid{fAccountKey, fIP, fLoginAt, fUserAgent}, fLoginAt // seized.Records.Logins order
	case "calls":
		// seized.Records.Calls order: destination_e164 is derived from
		// the destination.
		fields, at = []fid{fAccountKey, fCallerID, fDestination, fDestination, fStartedAt, fDurationS, fStatus, fTemplate}, fStartedAt
	default:
		return "", nil, false
	}
	cols := make([]int, len(fields))
	for i, f := range fields {
		fd := b.fields[f]
		cols[i] = -1
		if fd == nil || fd.idx < 0 {
			continue
		}
		if fd.binary || fd.lookup != nil || fd.json || (f == at && fd.col.Unit != "" && fd.col.Unit != "datetime" && !isEpoch(fd.col.Unit)) ||
			(f == at && !isEpoch(fd.col.Unit) && b.loc != nil && b.loc != time.UTC) {
			return "", nil, false
		}
		cols[i] = fd.idx
	}
	return b.target, cols, true
}

// Projects reports whether Map gives row's record exactly as the
// projection does (seized.MatchesProjection): text as written unless a
// login's IP is 8 or 32 hex digits (text turns those into an address); the
// time is NULL, empty, or 'YYYY-MM-DD HH:MM:SS', which detect.ParseTime
// reads as that UTC time; a call's duration is NULL, empty or a canonical
// integer (seized.SQLBigint), which Map parses to the same number
// (TestProjects and FuzzProjects hold both to it). Only called when
// Projection is ok.
func (ms *multi) Projects(row []seized.Value) bool {
	b := ms.bindings[0]
	at := fLoginAt
	if b.target == "calls" {
		at = fStartedAt
		if fd := b.fields[fDurationS]; fd != nil && fd.idx >= 0 && fd.idx < len(row) {
			if v := row[fd.idx]; !v.Null && len(v.Data) > 0 {
				if _, ok := seized.SQLBigint(v.Data); !ok {
					return false
				}
			}
		}
	} else if fd := b.fields[fIP]; fd != nil && fd.idx >= 0 && fd.idx < len(row) {
		if v := row[fd.idx]; !v.Null && (len(v.Data) == 8 || len(v.Data) == 32) && isHex(v.Data) {
			return false
		}
	}
	if fd := b.fields[at]; fd != nil && fd.idx >= 0 && fd.idx < len(row) {
		if v := row[fd.idx]; !v.Null && len(v.Data) > 0 {
			if isEpoch(fd.col.Unit) {
				if _, ok := seized.EpochMicros(v.Data, fd.col.Unit); !ok {
					return false
				}
			} else if _, ok := seized.SQLTimestamp(v.Data); !ok {
				return false
			}
		}
	}
	return true
}

// isEpoch reports whether unit is an epoch unit a projection can read
// (seized.EpochMicros).
func isEpoch(unit string) bool {
	return unit == "epoch_s" || unit == "epoch_ms" || unit == "epoch_us"
}

var _ seized.UnitProjector = (*multi)(nil)

// ProjectionUnits gives the epoch unit of the time (login_at, started_at)
// in the projection (Projection), nil when it is datetime text.
func (ms *multi) ProjectionUnits() []string {
	if len(ms.bindings) != 1 {
		return nil
	}
	b := ms.bindings[0]
	var at fid
	var n, i int // columns of the target's records, and the time's index
	switch b.target {
	case "logins":
		at, n, i = fLoginAt, 4, 2 // seized.Records.Logins
	case "calls":
		at, n, i = fStartedAt, 8, 4 // seized.Records.Calls
	default:
		return nil
	}
	fd := b.fields[at]
	if fd == nil || !isEpoch(fd.col.Unit) {
		return nil
	}
	units := make([]string, n)
	units[i] = fd.col.Unit
	return units
}

var _ seized.Deriver = (*multi)(nil)

// Derived names a call's destination_e164 (Records.Calls index 3) as
// derived from the destination when the table's projection is to calls.
func (ms *multi) Derived() (int, bool) {
	if len(ms.bindings) != 1 || ms.bindings[0].target != "calls" {
		return 0, false
	}
	return 3, true
}

// Derive returns the E.164 form Map gives destination v (the mapping's
// region, cached like Map's): same when v is already E.164.
func (ms *multi) Derive(v []byte) (any, bool) {
	b := ms.bindings[0]
	s := string(v)
	out := b.phones.normalize(s, b.region)
	if e, ok := out.(string); ok && e == s {
		return nil, true
	}
	return out, false
}

func isHex(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// recorder keeps the values of a lookup table's rows.
type recorder struct {
	lt     *lookupTable
	key    int
	cols   []int
	binary []bool
}

func (r *recorder) record(row []seized.Value) {
	if r.key >= len(row) || row[r.key].Null {
		return
	}
	if len(r.lt.rows) >= MaxLookupRows {
		r.lt.full = true
		return
	}
	vals := make([]lookupValue, len(r.cols))
	for i, c := range r.cols {
		if c < 0 || c >= len(row) || row[c].Null {
			vals[i].null = true
			continue
		}
		vals[i] = lookupValue{data: append([]byte(nil), row[c].Data...), binary: r.binary[i]}
	}
	r.lt.rows[string(row[r.key].Data)] = vals
}

// fid numbers the canonical fields, so that mapping a row indexes an array
// instead of hashing field names.
type fid uint8

const (
	fAccountKey fid = iota
	fUsername
	fCreatedAt
	fCountry
	fEmail
	fPhone
	fIP
	fKind
	fValue
	fAddress
	fAmount
	fFiatAmount
	fFiatCurrency
	fTxid
	fVout
	fStatus
	fPaidAt
	fLoginAt
	fUserAgent
	fCallerID
	fDestination
	fStartedAt
	fDurationS
	fTemplate
	// The accounts fields that become identifiers of their own kind:
	// detect.Messengers, then wallet (a Bitcoin address the customer gave).
	fTelegram
	fJabber
	fICQ
	fDiscord
	fWickr
	fSession
	fSignal
	fThreema
	fSkype
	fWeChat
	fWhatsApp
	fTox
	fElement
	fMatrix
	fWallet
	numFields
)

var fieldNames = [numFields]string{"account_key", "username", "created_at", "country", "email", "phone", "ip", "kind", "value", "address", "amount", "fiat_amount", "fiat_currency", "txid", "vout", "status", "paid_at", "login_at", "user_agent", "caller_id", "destination", "started_at", "duration_s", "template",
	"telegram", "jabber", "icq", "discord", "wickr", "session", "signal", "threema", "skype", "wechat", "whatsapp", "tox", "element", "matrix", "wallet"}

// accountIdentifiers are the accounts fields written as identifiers rows.
var accountIdentifiers = [...]fid{fEmail, fPhone, fIP, fTelegram, fJabber, fICQ, fDiscord, fWickr, fSession, fSignal, fThreema,
	fSkype, fWeChat, fWhatsApp, fTox, fElement, fMatrix, fWallet}

func (f fid) String() string { return fieldNames[f] }

// fieldID returns the number of canonical field name.
func fieldID(name string) (fid, bool) {
	for i, n := range fieldNames {
		if n == name {
			return fid(i), true
		}
	}
	return 0, false
}

// field is one canonical field bound to a source column.
type field struct {
	col    Column
	idx    int // column index in the row, -1 if the table lacks it
	binary bool
	lookup *lookupTable
	vi     int      // value index in lookup
	json   bool     // the value is read at path inside JSON text
	path   jsonPath // Column.JSON
}

type binding struct {
	target string
	region string
	loc    *time.Location // of times without an offset (Mapping.Zone)
	fields [numFields]*field
	phones phoneCache
	// rawPhones counts phone identifiers in national format left without
	// an E.164 form: no region of the account's own fits them.
	rawPhones int64
}

// PhonesLeftRaw is the LoadResult.RawValues reason of national phone
// numbers that no region of their account fits.
const PhonesLeftRaw = "phones left raw (national format, region unknown)"

// Counts implements seized.Counter.
func (ms *multi) Counts() map[string]int64 {
	var n int64
	for _, b := range ms.bindings {
		n += b.rawPhones
	}
	return map[string]int64{PhonesLeftRaw: n}
}

// phone returns the E.164 form of an account's phone number v, or nil.
// A number that names its country (+44…, 0044…, or its country code
// without '+') is normalized as it says; a number in national format takes
// its region from the row's own signals — its country column, else its
// e-mail's country-code domain — else the mapping's region, and is written
// only when it is a valid number of that region: never a guess. A national
// number that fits no region is left raw and counted (PhonesLeftRaw).
func (b *binding) phone(v, country, email string) any {
	if detect.IsE164(v) {
		return v
	}
	region, own := rowRegion(country, email), true
	if region == "" {
		region, own = strings.ToUpper(b.region), false
	}
	e, national, ok := detect.PhoneForRegion(v, region, own)
	if ok {
		return e
	}
	if national {
		b.rawPhones++
	}
	return nil
}

// rowRegion returns the region (ISO 3166 alpha-2, as libphonenumber names
// them) an account's own signals give: its country column if that is a
// region code, else its e-mail's country-code top-level domain; "" if
// neither.
func rowRegion(country, email string) string {
	if c := strings.ToUpper(strings.TrimSpace(country)); detect.IsPhoneRegion(c) {
		return c
	}
	return detect.EmailRegion(email)
}

// maxPhoneCache caps the phone normalizations remembered per table.
const maxPhoneCache = 1 << 20

// phoneCache remembers normalized phone numbers: call records repeat the
// same numbers, and parsing one costs microseconds. It is reset when full,
// which bounds its memory.
type phoneCache struct {
	m map[string]any
}

// normalize returns the E.164 form of v, or nil.
func (c *phoneCache) normalize(v, region string) any {
	if detect.IsE164(v) {
		return v // as NormalizePhone would, without a lookup in a big map
	}
	if e, ok := c.m[v]; ok {
		return e
	}
	if c.m == nil || len(c.m) >= maxPhoneCache {
		c.m = make(map[string]any, 1024)
	}
	var out any
	if e, ok := detect.NormalizePhone(v, region); ok {
		out = e
	}
	c.m[v] = out
	return out
}

// raw returns the bytes of field f, following a lookup; ok is false for
// NULL, empty or unmapped fields.
func (b *binding) raw(row []seized.Value, f fid) (data []byte, binary, ok bool, err error) {
	fd := b.fields[f]
	if fd == nil || fd.idx < 0 || fd.idx >= len(row) || row[fd.idx].Null || len(row[fd.idx].Data) == 0 {
		return nil, false, false, nil
	}
	v := row[fd.idx].Data
	if fd.lookup == nil {
		return fd.inJSON(f, v, fd.binary)
	}
	lv, found := fd.lookup.rows[string(v)]
	if !found {
		why := ""
		if fd.lookup.full {
			why = fmt.Sprintf(" (lookup table over %d rows)", MaxLookupRows)
		}
		return nil, false, false, fmt.Errorf("%s: no %s row with %s %q%s", f, fd.lookup.table, fd.lookup.key, truncate(string(v)), why)
	}
	x := lv[fd.vi]
	if x.null || len(x.data) == 0 {
		return nil, false, false, nil
	}
	return fd.inJSON(f, x.data, x.binary)
}

// inJSON returns the value at the field's JSON path inside v (as text),
// or v itself when the field has no path; a missing path is NULL.
func (fd *field) inJSON(f fid, v []byte, binary bool) (data []byte, bin, ok bool, err error) {
	if !fd.json {
		return v, binary, true, nil
	}
	out, found, err := evalJSON(v, fd.path)
	if err != nil {
		return nil, false, false, fmt.Errorf("%s: json: %w", f, err)
	}
	if !found || len(out) == 0 {
		return nil, false, false, nil
	}
	return out, false, true, nil
}

func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}

// text returns field f as text, or nil for NULL/unmapped/empty. Binary
// values are hex; IP addresses stored as 4 or 16 bytes (or their 8 or 32
// hex digits) are written as IPs; txids follow their unit.
func (b *binding) text(row []seized.Value, f fid) (any, error) {
	data, binary, ok, err := b.raw(row, f)
	if !ok || err != nil {
		return nil, err
	}
	switch {
	case f == fTxid:
		return txidText(data, binary, b.fields[f].col.Unit)
	case binary && f == fIP && (len(data) == 4 || len(data) == 16):
		a, _ := netip.AddrFromSlice(data)
		return a.Unmap().String(), nil
	case !binary && f == fIP && (len(data) == 8 || len(data) == 32):
		// A binary IP exported as hex (CSV exports of VARBINARY columns).
		if b, err := hex.DecodeString(string(data)); err == nil {
			a, _ := netip.AddrFromSlice(b)
			return a.Unmap().String(), nil
		}
	case binary:
		return hex.EncodeToString(data), nil
	}
	return string(data), nil
}

// txidText converts a recorded txid: hex text as written (unit hex, the
// default for text), or 32 bytes in internal byte order (unit internal, the
// default for binary columns: reversed for display, as Bitcoin Core prints
// txids) or in display order (unit display).
func txidText(data []byte, binary bool, unit string) (any, error) {
	if !binary {
		s := strings.ToLower(strings.TrimSpace(string(data)))
		if unit != "internal" {
			return s, nil
		}
		b, err := hex.DecodeString(s)
		if err != nil || len(b) != 32 {
			return nil, fmt.Errorf("txid %q: not 64 hex digits", truncate(s))
		}
		data = b
	}
	if len(data) != 32 {
		return nil, fmt.Errorf("txid: %d bytes, want 32", len(data))
	}
	if unit == "display" {
		return hex.EncodeToString(data), nil
	}
	r := make([]byte, 32)
	for i := range data {
		r[i] = data[31-i]
	}
	return hex.EncodeToString(r), nil
}

func (b *binding) str(row []seized.Value, f fid, err *error) any {
	v, e := b.text(row, f)
	if e != nil && *err == nil {
		*err = e
	}
	return v
}

func (b *binding) Map(row []seized.Value, out *seized.Records) error {
	var err error
	key := b.str(row, fAccountKey, &err)
	switch b.target {
	case "accounts":
		at := b.time(row, fCreatedAt, &err)
		username, country := b.str(row, fUsername, &err), b.str(row, fCountry, &err)
		if err != nil {
			return err
		}
		out.Accounts = append(out.Accounts, []any{orEmpty(key), username, at, country})
		var ids [len(accountIdentifiers)]any
		for i, k := range accountIdentifiers {
			ids[i] = b.str(row, k, &err)
		}
		if err != nil {
			out.Accounts = out.Accounts[:len(out.Accounts)-1]
			return err
		}
		email, _ := ids[0].(string)
		c, _ := country.(string)
		for i, k := range accountIdentifiers {
			if v, ok := ids[i].(string); ok {
				kind := canonicalKind(fieldNames[k])
				out.Identifiers = append(out.Identifiers, []any{key, kind, v, b.normalize(kind, v, c, email), b.fields[k].col.Column})
			}
		}
	case "identifiers":
		v := b.str(row, fValue, &err)
		kind, _ := b.str(row, fKind, &err).(string)
		if err != nil || v == nil {
			return err
		}
		kind = canonicalKind(kind)
		if kind == "" {
			kind = classifyIdentifier(v.(string), b.region)
		}
		out.Identifiers = append(out.Identifiers, []any{key, kind, v, b.normalize(kind, v.(string), "", ""), b.fields[fValue].col.Column})
	case "payments":
		sats := b.amount(row, &err)
		fiat, cur := b.fiat(row, &err)
		created, paid := b.time(row, fCreatedAt, &err), b.time(row, fPaidAt, &err)
		var vout any
		if v, ok := b.str(row, fVout, &err).(string); ok {
			n, perr := strconv.ParseInt(strings.TrimSpace(v), 10, 32)
			if perr != nil && err == nil {
				err = fmt.Errorf("vout %q: not an integer", truncate(v))
			}
			vout = int32(n)
		}
		addr, txid, status := b.str(row, fAddress, &err), b.str(row, fTxid, &err), b.str(row, fStatus, &err)
		if err != nil {
			return err
		}
		out.Payments = append(out.Payments, []any{key, addr, sats, fiat, cur, txid, vout, status, created, paid})
		if a, ok := addr.(string); ok {
			out.Identifiers = append(out.Identifiers, []any{key, "btc_address", a, a, b.fields[fAddress].col.Column})
		}
	case "logins":
		at := b.time(row, fLoginAt, &err)
		ip, ua := b.str(row, fIP, &err), b.str(row, fUserAgent, &err)
		if err != nil {
			return err
		}
		out.Logins = append(out.Logins, []any{key, ip, at, ua})
	case "calls":
		at := b.time(row, fStartedAt, &err)
		var dur any
		if v, ok := b.str(row, fDurationS, &err).(string); ok {
			n, perr := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if perr != nil && err == nil {
				err = fmt.Errorf("duration_s %q: not an integer", truncate(v))
			}
			dur = n
		}
		dest := b.str(row, fDestination, &err)
		var e164 any
		if d, ok := dest.(string); ok {
			e164 = b.phones.normalize(d, b.region)
		}
		caller, status, tmpl := b.str(row, fCallerID, &err), b.str(row, fStatus, &err), b.str(row, fTemplate, &err)
		if err != nil {
			return err
		}
		out.Calls = append(out.Calls, []any{key, caller, dest, e164, at, dur, status, tmpl})
	}
	return nil
}

func orEmpty(v any) any {
	if v == nil {
		return ""
	}
	return v
}

// normalize returns the normalized form of identifier v of kind, nil when
// it has none: e-mail lower-cased; phone in E.164 (phoneRegion says from
// which region a national number is read); a messenger handle as
// detect.NormHandle compares it; a Bitcoin address validated; others
// trimmed. country and email are the row's own, for phones.
func (b *binding) normalize(kind, v, country, email string) any {
	switch {
	case kind == "email":
		return strings.ToLower(strings.TrimSpace(v))
	case kind == "phone":
		return b.phone(v, country, email)
	case detect.IsMessenger(kind):
		return nullStr(detect.NormHandle(kind, v))
	case kind == "btc_address":
		a := strings.TrimSpace(v)
		if _, ok := detect.BitcoinAddress(a); !ok {
			return nil
		}
		if l := strings.ToLower(a); strings.HasPrefix(l, "bc1") || strings.HasPrefix(l, "tb1") || strings.HasPrefix(l, "bcrt1") {
			return l // bech32 is case-insensitive
		}
		return a
	}
	return nullStr(strings.TrimSpace(v))
}

// kindAliases are the names an identifiers table's kind column may give a
// kind, and the kind written.
var kindAliases = map[string]string{
	"e-mail": "email", "mail": "email",
	"tel": "phone", "telephone": "phone", "mobile": "phone", "msisdn": "phone", "sms": "phone",
	"ipv4": "ip", "ipv6": "ip", "ip_address": "ip",
	"tg": "telegram", "tlg": "telegram",
	"xmpp": "jabber", "jid": "jabber",
	"wallet": "btc_address", "btc": "btc_address", "bitcoin": "btc_address", "btc_wallet": "btc_address", "btc_testnet": "btc_address",
}

// canonicalKind returns the identifier kind written for a kind column's
// value or an accounts field: trimmed, lower-case, aliases resolved
// (xmpp → jabber, wallet → btc_address, the kind persons reads as an
// address the customer gave).
func canonicalKind(k string) string {
	k = strings.ToLower(strings.TrimSpace(k))
	if a, ok := kindAliases[k]; ok {
		return a
	}
	return k
}

// classifyIdentifier names the kind of an identifier given without one:
// the first kind detect.Classify finds, a Telegram handle for "@name" or a
// t.me link, else "unknown".
func classifyIdentifier(v, region string) string {
	if ks := detect.Classify(v, region); len(ks) > 0 {
		return canonicalKind(string(ks[0]))
	}
	if isTelegramHandle(v) {
		return "telegram"
	}
	return "unknown"
}

// isTelegramHandle reports "@name" or a t.me link: 5 to 32 letters,
// digits and underscores, as Telegram allows.
func isTelegramHandle(v string) bool {
	v = strings.TrimSpace(v)
	h, ok := strings.CutPrefix(v, "@")
	if !ok {
		for _, p := range []string{"https://t.me/", "http://t.me/", "t.me/"} {
			if h, ok = strings.CutPrefix(v, p); ok {
				break
			}
		}
	}
	if !ok || len(h) < 5 || len(h) > 32 {
		return false
	}
	for _, c := range h {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// time converts a time field by its unit: datetime text (UTC) or epoch.
func (b *binding) time(row []seized.Value, f fid, err *error) any {
	v, ok := b.str(row, f, err).(string)
	if !ok {
		return nil
	}
	fail := func(e error) any {
		if *err == nil {
			*err = e
		}
		return nil
	}
	unit := b.fields[f].col.Unit
	if strings.HasPrefix(unit, "epoch") {
		n, perr := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if perr != nil {
			return fail(fmt.Errorf("%s %q: not an epoch integer", f, truncate(v)))
		}
		return detect.EpochTime(n, detect.Kind(unit))
	}
	if strings.HasPrefix(v, "0000-00-00") {
		return nil // MySQL zero date: unknown
	}
	t, layout, ok := detect.ParseTime(v)
	if !ok {
		return fail(fmt.Errorf("%s %q: not a time", f, truncate(v)))
	}
	if b.loc != nil && b.loc != time.UTC && !strings.Contains(layout, "07") {
		// Wall-clock text without an offset: read it in the mapping's zone.
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), b.loc)
	}
	return t.UTC().Truncate(time.Microsecond)
}

// amount converts the BTC amount: decimal BTC (unit btc, the default when
// the text has a point) or integer satoshis (unit sats).
func (b *binding) amount(row []seized.Value, err *error) any {
	v, ok := b.str(row, fAmount, err).(string)
	if !ok {
		return nil
	}
	v = strings.TrimSpace(v)
	unit := b.fields[fAmount].col.Unit
	if unit == "sats" || (unit == "" && !strings.Contains(v, ".")) {
		n, perr := strconv.ParseInt(v, 10, 64)
		if perr != nil {
			if *err == nil {
				*err = fmt.Errorf("amount %q: not an integer of sats", truncate(v))
			}
			return nil
		}
		return n
	}
	s, perr := coinsift.ParseBTC(v)
	if perr != nil {
		if *err == nil {
			*err = fmt.Errorf("amount: %w", perr)
		}
		return nil
	}
	return int64(s)
}

// currencySymbols are the symbols a fiat amount may start with.
var currencySymbols = []struct{ sym, code string }{{"£", "GBP"}, {"€", "EUR"}, {"US$", "USD"}, {"A$", "AUD"}, {"$", "USD"}}

// fiat converts the fiat amount; a leading currency symbol (£, €, $) names
// the currency unless the mapping or a fiat_currency column does, and
// thousands separators are dropped.
func (b *binding) fiat(row []seized.Value, err *error) (any, any) {
	v, ok := b.str(row, fFiatAmount, err).(string)
	if !ok {
		return nil, nil
	}
	c := b.fields[fFiatAmount].col
	cur := c.Currency
	if cv, ok := b.str(row, fFiatCurrency, err).(string); ok {
		cur = strings.ToUpper(strings.TrimSpace(cv))
	}
	t := strings.TrimSpace(v)
	for _, s := range currencySymbols {
		if r, ok := strings.CutPrefix(t, s.sym); ok {
			t = strings.TrimSpace(r)
			if cur == "" {
				cur = s.code
			}
			break
		}
	}
	t = strings.ReplaceAll(t, ",", "")
	fail := func(e error) (any, any) {
		if *err == nil {
			*err = e
		}
		return nil, nil
	}
	if c.Unit == "minor" {
		n, perr := strconv.ParseInt(t, 10, 64)
		if perr != nil {
			return fail(fmt.Errorf("fiat_amount %q: not an integer", truncate(v)))
		}
		return n, nullStr(cur)
	}
	m, perr := coinsift.ParseMoney(t, cur)
	if perr != nil {
		return fail(fmt.Errorf("fiat_amount: %w", perr))
	}
	return m.Minor, nullStr(cur)
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}
