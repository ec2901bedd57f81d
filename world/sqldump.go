package world

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// column of a seized table: name and MySQL definition.
type column struct{ name, def string }

// table describes one seized table.
type table struct {
	name string
	cols []column
	keys []string // PRIMARY KEY and KEY lines
}

// tableWriter streams one table as a mysqldump section (to its own part
// file, concatenated into the dump at the end) and as an RFC 4180 CSV file.
type tableWriter struct {
	t       *table
	sqlF    *os.File
	sql     *bufio.Writer
	csvF    *os.File
	csv     *bufio.Writer
	stmt    []byte // the current extended INSERT
	rowSQL  []byte
	rowCSV  []byte
	col     int
	rows    int64
	autoInc int64
	err     error
}

// maxStatement is where an extended INSERT is cut, like mysqldump's
// net_buffer_length (1 MiB).
const maxStatement = 1 << 20

func newTableWriter(t *table, sqlPath, csvPath string) (*tableWriter, error) {
	sf, err := os.Create(sqlPath)
	if err != nil {
		return nil, err
	}
	cf, err := os.Create(csvPath)
	if err != nil {
		sf.Close()
		return nil, err
	}
	w := &tableWriter{t: t, sqlF: sf, sql: bufio.NewWriterSize(sf, 1<<20), csvF: cf, csv: bufio.NewWriterSize(cf, 1<<20)}
	for i, c := range t.cols {
		if i > 0 {
			w.csv.WriteByte(',')
		}
		w.csv.WriteString(c.name)
	}
	w.csv.WriteString("\r\n")
	return w, nil
}

func (w *tableWriter) sep() {
	if w.col > 0 {
		w.rowSQL = append(w.rowSQL, ',')
		w.rowCSV = append(w.rowCSV, ',')
	}
	w.col++
}

// Int appends an integer value.
func (w *tableWriter) Int(v int64) {
	w.sep()
	w.rowSQL = strconv.AppendInt(w.rowSQL, v, 10)
	w.rowCSV = strconv.AppendInt(w.rowCSV, v, 10)
}

// Dec appends a number given as its decimal text (DECIMAL columns).
func (w *tableWriter) Dec(s string) {
	w.sep()
	w.rowSQL = append(w.rowSQL, s...)
	w.rowCSV = append(w.rowCSV, s...)
}

// Null appends NULL (an empty CSV field).
func (w *tableWriter) Null() {
	w.sep()
	w.rowSQL = append(w.rowSQL, "NULL"...)
}

// Str appends a string, escaped as mysql_real_escape_string does.
func (w *tableWriter) Str(s string) {
	w.sep()
	w.rowSQL = appendSQLString(w.rowSQL, s)
	w.rowCSV = appendCSVField(w.rowCSV, s)
}

// Time appends a DATETIME.
func (w *tableWriter) Time(t int64) {
	w.sep()
	w.rowSQL = append(w.rowSQL, '\'')
	w.rowSQL = time.Unix(t, 0).UTC().AppendFormat(w.rowSQL, time.DateTime)
	w.rowSQL = append(w.rowSQL, '\'')
	w.rowCSV = time.Unix(t, 0).UTC().AppendFormat(w.rowCSV, time.DateTime)
}

// Bin appends a binary value as a hex literal (mysqldump --hex-blob); the CSV
// gets plain hex.
func (w *tableWriter) Bin(b []byte) {
	w.sep()
	w.rowSQL = append(w.rowSQL, "0x"...)
	w.rowSQL = hex.AppendEncode(w.rowSQL, b)
	w.rowCSV = hex.AppendEncode(w.rowCSV, b)
}

// End finishes a row.
func (w *tableWriter) End() {
	if len(w.stmt) > 0 && len(w.stmt)+len(w.rowSQL) > maxStatement {
		w.flushStmt()
	}
	if len(w.stmt) == 0 {
		w.stmt = append(w.stmt, "INSERT INTO `"...)
		w.stmt = append(w.stmt, w.t.name...)
		w.stmt = append(w.stmt, "` VALUES ("...)
	} else {
		w.stmt = append(w.stmt, ",("...)
	}
	w.stmt = append(w.stmt, w.rowSQL...)
	w.stmt = append(w.stmt, ')')
	w.rowCSV = append(w.rowCSV, '\r', '\n')
	if _, err := w.csv.Write(w.rowCSV); err != nil && w.err == nil {
		w.err = err
	}
	w.rowSQL, w.rowCSV, w.col = w.rowSQL[:0], w.rowCSV[:0], 0
	w.rows++
}

// RawCSV writes a line to the CSV only: the malformed rows real exports have.
func (w *tableWriter) RawCSV(line string) {
	w.csv.WriteString(line)
	w.csv.WriteString("\r\n")
}

func (w *tableWriter) flushStmt() {
	if len(w.stmt) == 0 {
		return
	}
	if !w.headerDone() {
		w.writeHeader()
	}
	w.stmt = append(w.stmt, ";\n"...)
	if _, err := w.sql.Write(w.stmt); err != nil && w.err == nil {
		w.err = err
	}
	w.stmt = w.stmt[:0]
}

func (w *tableWriter) headerDone() bool { return w.autoInc < 0 }

func (w *tableWriter) writeHeader() {
	n := w.t.name
	fmt.Fprintf(w.sql, "\n--\n-- Dumping data for table `%s`\n--\n\nLOCK TABLES `%s` WRITE;\n/*!40000 ALTER TABLE `%s` DISABLE KEYS */;\n", n, n, n)
	w.autoInc = -1
}

// close writes the table's structure and data as a mysqldump section: the
// structure is written to the start of the part when the data ends, so the
// AUTO_INCREMENT value is known.
func (w *tableWriter) close(structure io.Writer) error {
	w.flushStmt()
	n := w.t.name
	if w.headerDone() {
		fmt.Fprintf(w.sql, "/*!40000 ALTER TABLE `%s` ENABLE KEYS */;\nUNLOCK TABLES;\n", n)
	} else {
		fmt.Fprintf(w.sql, "\n--\n-- Dumping data for table `%s`\n--\n\nLOCK TABLES `%s` WRITE;\n/*!40000 ALTER TABLE `%s` DISABLE KEYS */;\n/*!40000 ALTER TABLE `%s` ENABLE KEYS */;\nUNLOCK TABLES;\n", n, n, n, n)
	}
	fmt.Fprintf(structure, "\n--\n-- Table structure for table `%s`\n--\n\nDROP TABLE IF EXISTS `%s`;\n/*!40101 SET @saved_cs_client     = @@character_set_client */;\n/*!40101 SET character_set_client = utf8 */;\nCREATE TABLE `%s` (\n", n, n, n)
	lines := make([]string, 0, len(w.t.cols)+len(w.t.keys))
	for _, c := range w.t.cols {
		lines = append(lines, "  `"+c.name+"` "+c.def)
	}
	for _, k := range w.t.keys {
		lines = append(lines, "  "+k)
	}
	fmt.Fprintf(structure, "%s\n) ENGINE=InnoDB", strings.Join(lines, ",\n"))
	if w.rows > 0 && strings.Contains(w.t.cols[0].def, "AUTO_INCREMENT") {
		fmt.Fprintf(structure, " AUTO_INCREMENT=%d", w.rows+1)
	}
	fmt.Fprint(structure, " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n/*!40101 SET character_set_client = @saved_cs_client */;\n")
	err := w.sql.Flush()
	if cerr := w.sqlF.Close(); err == nil {
		err = cerr
	}
	if ferr := w.csv.Flush(); err == nil {
		err = ferr
	}
	if cerr := w.csvF.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = w.err
	}
	if err != nil {
		return fmt.Errorf("write table %s: %w", n, err)
	}
	return nil
}

// appendSQLString quotes s as mysqldump does (mysql_real_escape_string:
// NUL, \n, \r, \, ', " and Ctrl-Z are escaped; tabs and other bytes are not).
func appendSQLString(b []byte, s string) []byte {
	b = append(b, '\'')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 0:
			b = append(b, '\\', '0')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\\':
			b = append(b, '\\', '\\')
		case '\'':
			b = append(b, '\\', '\'')
		case '"':
			b = append(b, '\\', '"')
		case 0x1a:
			b = append(b, '\\', 'Z')
		default:
			b = append(b, c)
		}
	}
	return append(b, '\'')
}

// appendCSVField quotes s per RFC 4180 when it needs quoting. An empty
// string is written as "" so that it differs from NULL (an empty field).
func appendCSVField(b []byte, s string) []byte {
	if s != "" && !strings.ContainsAny(s, ",\"\r\n") && s[0] != ' ' && s[len(s)-1] != ' ' {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

const dumpHeader = `-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: %s
-- ------------------------------------------------------
-- Server version	10.11.6-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;
`

const dumpFooter = `/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on %s
`

// LocalTime appends a DATETIME written in zone loc, without an offset, as a
// server whose time_zone is that zone stores it.
func (w *tableWriter) LocalTime(t int64, loc *time.Location) {
	w.sep()
	w.rowSQL = append(w.rowSQL, '\'')
	w.rowSQL = time.Unix(t, 0).In(loc).AppendFormat(w.rowSQL, time.DateTime)
	w.rowSQL = append(w.rowSQL, '\'')
	w.rowCSV = time.Unix(t, 0).In(loc).AppendFormat(w.rowCSV, time.DateTime)
}
