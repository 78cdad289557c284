// Package v2alpha contains the OpenSLO specification version v2alpha definitions.
// It is a prototype of the next version of the OpenSLO specification.
// It is not stable and is subject to breaking changes.
package v2alpha
