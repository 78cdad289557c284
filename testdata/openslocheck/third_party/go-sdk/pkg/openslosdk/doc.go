// Package openslosdk provides utilities for working with [openslo.Object].
package openslosdk
