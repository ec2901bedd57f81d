// Package triagesql reads what triage needs from the case store — call
// groups for the victim list, and the per-person figures of the suspects
// view — and stores victims, named rules and ranked suspects.
package triagesql
