// Package grpcignored has gRPC methods whose request messages carry a
// page size that no function of the package reads.
package grpcignored

import (
	"context"
	"strings"

	"ignstore"
	"pb"
)

type Server struct{ Store *ignstore.Store }

// ListUsers reads every user when the request has no filter: reported.
func (s *Server) ListUsers(ctx context.Context, req *pb.ListUsersRequest) (*pb.ListUsersResponse, error) {
	find := &ignstore.FindUser{}
	if name, ok := strings.CutPrefix(req.PageToken, "user:"); ok {
		find.Username = &name
	}
	users, err := s.Store.ListUsers(ctx, find) // want `ListUsers never reads the request's PageSize: \(\*ignstore.Store\).ListUsers is handed a FindUser that sets no field on this path \(no Limit\)`
	if err != nil {
		return nil, err
	}
	resp := &pb.ListUsersResponse{}
	for _, u := range users {
		resp.Names = append(resp.Names, u.Name)
	}
	return resp, nil
}

// ListMembers reads the members of one team, a key set on every path: the
// children of one parent, silent (as reads by a parent key are).
func (s *Server) ListMembers(ctx context.Context, req *pb.ListMembersRequest) (*pb.ListMembersResponse, error) {
	users, err := s.Store.ListUsers(ctx, &ignstore.FindUser{Team: &req.Team})
	if err != nil {
		return nil, err
	}
	resp := &pb.ListMembersResponse{}
	for _, u := range users {
		resp.Names = append(resp.Names, u.Name)
	}
	return resp, nil
}

// ListTeams hands the whole request to another package, which may read
// its page size: silent.
func (s *Server) ListTeams(ctx context.Context, req *pb.ListTeamsRequest) (*pb.ListTeamsResponse, error) {
	_, err := s.Store.ListUsers(ctx, &ignstore.FindUser{})
	if err != nil {
		return nil, err
	}
	return teams(req), nil
}

var teams = func(req *pb.ListTeamsRequest) *pb.ListTeamsResponse { return nil }

// CountUsers counts: no list is read.
func (s *Server) CountUsers(ctx context.Context, req *pb.ListMembersRequest) (*pb.ListMembersResponse, error) {
	_, err := s.Store.CountUsers(ctx, &ignstore.FindUser{})
	return nil, err
}
