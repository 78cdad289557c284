// Package grpcapi serves channelz's generated messages (protoc-gen-go
// output in google.golang.org/grpc), whose GetServersRequest carries a
// page size (max_results) and GetSocketRequest does not.
package grpcapi

import (
	"context"
	"database/sql"

	channelzpb "google.golang.org/grpc/channelz/grpc_channelz_v1"
)

// FindServers is the program's options struct: it can be paged.
type FindServers struct {
	FromID *int64
	Limit  *int64
}

type Store struct{ DB *sql.DB }

// Servers reads the servers find selects (a LIMIT only when Limit is set).
func (s *Store) Servers(ctx context.Context, find *FindServers) ([]int64, error) {
	q, args := "SELECT id FROM servers WHERE id >= $1", []any{int64(0)}
	if find.FromID != nil {
		args[0] = *find.FromID
	}
	if find.Limit != nil {
		q, args = q+" LIMIT $2", append(args, *find.Limit)
	}
	rows, err := s.DB.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

type Server struct {
	channelzpb.UnimplementedChannelzServer
	Store *Store
}

// GetServers ignores max_results and, on the first page, reads every
// server.
func (s *Server) GetServers(ctx context.Context, req *channelzpb.GetServersRequest) (*channelzpb.GetServersResponse, error) {
	find := &FindServers{}
	if req.GetStartServerId() > 0 {
		from := req.GetStartServerId()
		find.FromID = &from
	}
	ids, err := s.Store.Servers(ctx, find) // want `GetServers never reads the request's MaxResults: \(\*grpcapi.Store\).Servers is handed a FindServers that sets no field on this path \(no Limit\)`
	if err != nil {
		return nil, err
	}
	resp := &channelzpb.GetServersResponse{End: true}
	for _, id := range ids {
		resp.Server = append(resp.Server, &channelzpb.Server{Ref: &channelzpb.ServerRef{ServerId: id}})
	}
	return resp, nil
}

// GetTopChannels is its twin: the request's page size, clamped, is the
// read's Limit.
func (s *Server) GetTopChannels(ctx context.Context, req *channelzpb.GetTopChannelsRequest) (*channelzpb.GetTopChannelsResponse, error) {
	limit := req.GetMaxResults()
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	from := req.GetStartChannelId()
	ids, err := s.Store.Servers(ctx, &FindServers{FromID: &from, Limit: &limit})
	if err != nil {
		return nil, err
	}
	resp := &channelzpb.GetTopChannelsResponse{End: len(ids) < int(limit)}
	for _, id := range ids {
		resp.Channel = append(resp.Channel, &channelzpb.Channel{Ref: &channelzpb.ChannelRef{ChannelId: id}})
	}
	return resp, nil
}

// GetSocket's request has no page size: nothing is promised.
func (s *Server) GetSocket(ctx context.Context, req *channelzpb.GetSocketRequest) (*channelzpb.GetSocketResponse, error) {
	_, err := s.Store.Servers(ctx, &FindServers{})
	return nil, err
}
