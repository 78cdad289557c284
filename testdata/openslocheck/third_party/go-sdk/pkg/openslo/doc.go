// Package openslo defines the OpenSLO specification general definitions.
// These definitions are shared across all versions of the specification.
package openslo
