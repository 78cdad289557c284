// Package pb stands for protoc-gen-go output: messages with ProtoReflect
// and getters.
package pb

import "google.golang.org/protobuf/reflect/protoreflect"

type ListUsersRequest struct {
	PageSize  int32
	PageToken string
}

func (x *ListUsersRequest) ProtoReflect() protoreflect.Message { return nil }

func (x *ListUsersRequest) GetPageSize() int32 {
	if x != nil {
		return x.PageSize
	}
	return 0
}

type ListUsersResponse struct{ Names []string }

func (x *ListUsersResponse) ProtoReflect() protoreflect.Message { return nil }
