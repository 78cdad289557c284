// Package v1 contains the OpenSLO specification version v1alpha definitions.
package v1
