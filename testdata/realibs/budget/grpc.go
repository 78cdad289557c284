package budget

import (
	"context"
	"database/sql"

	"google.golang.org/grpc"
)

// GreeterServer, RegisterGreeterServer and QuoteClient stand for
// protoc-gen-go-grpc output; Quote has no FullMethodName constant, so its
// name is the package's and the interface's: /budget.Greeter/Quote.
type GreeterServer interface {
	SayHello(context.Context, *HelloRequest) (*HelloReply, error)
	ListGreetings(context.Context, *HelloRequest) (*HelloReply, error)
	Quote(context.Context, *HelloRequest) (*HelloReply, error)
}

type (
	HelloRequest struct{ Name string }
	HelloReply   struct{ Message string }
)

const (
	Greeter_SayHello_FullMethodName      = "/helloworld.Greeter/SayHello"
	Greeter_ListGreetings_FullMethodName = "/helloworld.Greeter/ListGreetings"
)

var greeterDesc = grpc.ServiceDesc{ServiceName: "helloworld.Greeter", HandlerType: (*GreeterServer)(nil)}

func RegisterGreeterServer(s grpc.ServiceRegistrar, srv GreeterServer) {
	s.RegisterService(&greeterDesc, srv)
}

type QuoteClient struct{ cc grpc.ClientConnInterface }

func (c *QuoteClient) Price(ctx context.Context, in *HelloRequest) (*HelloReply, error) { // want Price:`cost\(\(grpc.ClientConnInterface\).Invoke=100ms\)`
	out := new(HelloReply)
	err := c.cc.Invoke(ctx, "/quotes.Quotes/Price", in, out)
	return out, err
}

type greeter struct {
	db     *sql.DB
	quotes *QuoteClient
}

// SayHello reads one greeting: ~10ms.
func (g *greeter) SayHello(ctx context.Context, in *HelloRequest) (*HelloReply, error) { // want SayHello:`cost\(greetings select=10ms\)`
	var msg string
	err := g.db.QueryRowContext(ctx, "SELECT text FROM greetings WHERE name = $1", in.Name).Scan(&msg)
	return &HelloReply{Message: msg}, err
}

// ListGreetings reads the greetings, then each one's author.
func (g *greeter) ListGreetings(ctx context.Context, in *HelloRequest) (*HelloReply, error) { // want ListGreetings:`cost\(authors select × 100 \(max_page_size\)=1s, greetings select=10ms\)`
	rows, err := g.db.QueryContext(ctx, "SELECT author FROM greetings WHERE name = $1", in.Name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var author int
		_ = rows.Scan(&author)
		_ = g.db.QueryRowContext(ctx, "SELECT name FROM authors WHERE id = $1", author).Scan(new(string))
	}
	return &HelloReply{}, nil
}

// Quote asks the quotes service twice, one after the other: 200ms.
func (g *greeter) Quote(ctx context.Context, in *HelloRequest) (*HelloReply, error) { // want Quote:`cost\(\(grpc.ClientConnInterface\).Invoke=200ms\)`
	if _, err := g.quotes.Price(ctx, in); err != nil {
		return nil, err
	}
	return g.quotes.Price(ctx, in)
}

func grpcServer(db *sql.DB, cc grpc.ClientConnInterface) *grpc.Server {
	s := grpc.NewServer()
	RegisterGreeterServer(s, &greeter{db: db, quotes: &QuoteClient{cc: cc}}) // want `route "/helloworld.Greeter/ListGreetings" is estimated at ~1.01s` `route "/budget.Greeter/Quote" spends an estimated ~200ms in outbound calls`
	return s
}
