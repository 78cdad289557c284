// Package assert provides utility functions for testing
// which help assert certain conditions are met.
package assert
