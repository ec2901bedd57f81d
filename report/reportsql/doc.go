// Package reportsql reads a case's store into the input model of package
// report: the case and its audit excerpt, suspects with their accounts,
// placement evidence, valued payments and funding exchanges, production
// orders per exchange, victims, and the figures of the case summary.
//
// Every query orders its rows, so the same case gives the same model and,
// through package report, the same bytes.
package reportsql
