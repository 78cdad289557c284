// Package v1alpha defines the OpenSLO specification version v1alpha definitions.
package v1alpha
