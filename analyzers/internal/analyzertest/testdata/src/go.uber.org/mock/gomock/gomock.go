// Package gomock is a stub of go.uber.org/mock/gomock: the controller its
// generated mocks hold.
package gomock

// A Controller checks a mock's calls.
type Controller struct{}
