// Package sanitize neutralises hostile strings from seized data before they
// reach a terminal or a spreadsheet.
//
// # Threats
//
// Seized databases are written by criminals. A username can carry terminal
// escape sequences that rewrite an investigator's screen, and a CSV cell that
// begins with "=" runs as a formula when the file is opened in a spreadsheet
// (CSV injection). [Terminal] makes a string printable; [CSVCell] makes a
// CSV cell inert while keeping plain numbers as they are. CSVCell's
// apostrophe is for CSV only: a workbook (XLSX) that stores text as string
// cells is never evaluated, so its text needs [Terminal] alone and is shown
// exactly as seized.
package sanitize
