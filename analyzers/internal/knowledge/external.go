package knowledge

// ExternalCalls are the calls that send a request to another service and
// wait for its answer: outbound HTTP and gRPC. Generated gRPC clients call
// ClientConnInterface's Invoke; their methods are known through facts.
var ExternalCalls = map[string]bool{
	"net/http.Get":                                 true,
	"net/http.Head":                                true,
	"net/http.Post":                                true,
	"net/http.PostForm":                            true,
	"(*net/http.Client).Do":                        true,
	"(*net/http.Client).Get":                       true,
	"(*net/http.Client).Head":                      true,
	"(*net/http.Client).Post":                      true,
	"(*net/http.Client).PostForm":                  true,
	"(*net/http.Transport).RoundTrip":              true,
	"(*" + GRPC + ".ClientConn).Invoke":            true,
	"(*" + GRPC + ".ClientConn).NewStream":         true,
	"(" + GRPC + ".ClientConnInterface).Invoke":    true,
	"(" + GRPC + ".ClientConnInterface).NewStream": true,
}
