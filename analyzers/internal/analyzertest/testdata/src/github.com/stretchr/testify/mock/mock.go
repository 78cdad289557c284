// Package mock is a stub of testify's mock package: the type its
// generated mocks embed.
package mock

// Mock records the calls of a mock.
type Mock struct{}

// Arguments are a call's results.
type Arguments []interface{}

// Error returns the result at index as an error.
func (a Arguments) Error(index int) error {
	err, _ := a[index].(error)
	return err
}

// Called records a call.
func (m *Mock) Called(args ...interface{}) Arguments { return nil }
