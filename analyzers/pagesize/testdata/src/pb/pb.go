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

type ListMembersRequest struct {
	Team     string
	PageSize int32
}

func (x *ListMembersRequest) ProtoReflect() protoreflect.Message { return nil }

func (x *ListMembersRequest) GetPageSize() int32 {
	if x != nil {
		return x.PageSize
	}
	return 0
}

type ListMembersResponse struct{ Names []string }

func (x *ListMembersResponse) ProtoReflect() protoreflect.Message { return nil }

type ListTeamsRequest struct {
	Filter   string
	PageSize int32
}

func (x *ListTeamsRequest) ProtoReflect() protoreflect.Message { return nil }

type ListTeamsResponse struct{ Names []string }

func (x *ListTeamsResponse) ProtoReflect() protoreflect.Message { return nil }
