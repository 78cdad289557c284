// Package grpcsrv is a gRPC service whose page sizes come from request
// messages.
package grpcsrv

import (
	"context"
	"database/sql"

	"pb"
)

type Server struct{ db *sql.DB }

func (s *Server) ListUsers(ctx context.Context, req *pb.ListUsersRequest) (*pb.ListUsersResponse, error) {
	_, err := s.db.QueryContext(ctx, `SELECT name FROM users ORDER BY name LIMIT $1`, req.GetPageSize()) // want `page size from request field "PageSize" reaches LIMIT`
	return nil, err
}

func (s *Server) ListUsersClamped(ctx context.Context, req *pb.ListUsersRequest) (*pb.ListUsersResponse, error) {
	size := req.GetPageSize()
	if size <= 0 || size > 100 {
		size = 100
	}
	_, err := s.db.QueryContext(ctx, `SELECT name FROM users ORDER BY name LIMIT $1`, size)
	return nil, err
}

func (s *Server) ListUsersField(ctx context.Context, req *pb.ListUsersRequest) (*pb.ListUsersResponse, error) {
	_, err := s.db.QueryContext(ctx, `SELECT name FROM users ORDER BY name LIMIT $1`, req.PageSize) // want `page size from request field "PageSize" reaches LIMIT`
	return nil, err
}

func (s *Server) ListUsersFieldClamped(ctx context.Context, req *pb.ListUsersRequest) (*pb.ListUsersResponse, error) { // want ListUsersFieldClamped:`pagesize\(param2.PageSize = bounded\)`
	if req.PageSize > 100 {
		req.PageSize = 100
	}
	_, err := s.db.QueryContext(ctx, `SELECT name FROM users ORDER BY name LIMIT $1`, req.PageSize)
	return nil, err
}

// list takes the message from the method: its field reaches the query.
func (s *Server) list(ctx context.Context, req *pb.ListUsersRequest) error {
	_, err := s.db.QueryContext(ctx, `SELECT name FROM users ORDER BY name LIMIT $1`, req.GetPageSize())
	return err
}

func (s *Server) ListUsersHelper(ctx context.Context, req *pb.ListUsersRequest) (*pb.ListUsersResponse, error) {
	return nil, s.list(ctx, req) // want `page size from request field "PageSize" reaches LIMIT through \(\*grpcsrv.Server\).list`
}

// A message built by the program is not request input.
func (s *Server) Recent(ctx context.Context) error {
	return s.list(ctx, &pb.ListUsersRequest{PageSize: 10})
}
