// Package grpcpaged is grpcignored's ListUsers written as it should be:
// the request's page size, clamped, is the read's Limit.
package grpcpaged

import (
	"context"

	"ignstore"
	"pb"
)

type Server struct{ Store *ignstore.Store }

func (s *Server) ListUsers(ctx context.Context, req *pb.ListUsersRequest) (*pb.ListUsersResponse, error) {
	limit := int(req.GetPageSize())
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	find := &ignstore.FindUser{}
	find.Limit = &limit
	users, err := s.Store.ListUsers(ctx, find)
	if err != nil {
		return nil, err
	}
	resp := &pb.ListUsersResponse{}
	for _, u := range users {
		resp.Names = append(resp.Names, u.Name)
	}
	return resp, nil
}

// AllUsers reads every user, and reads the request's page size in
// another method of the package (which pages it): the page size is not
// ignored, silent.
func (s *Server) AllUsers(ctx context.Context, req *pb.ListUsersRequest) (*pb.ListUsersResponse, error) {
	_, err := s.Store.ListUsers(ctx, &ignstore.FindUser{})
	return nil, err
}
