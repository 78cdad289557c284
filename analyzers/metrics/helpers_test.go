package metrics

import "testing"

func TestDisplayName(t *testing.T) {
	for full, want := range map[string]string{
		"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp.NewHandler":                                  "otelhttp.NewHandler",
		"(*github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus.ServerMetrics).UnaryServerInterceptor": "(*prometheus.ServerMetrics).UnaryServerInterceptor",
		"(github.com/prometheus/client_golang/prometheus.Observer).Observe":                                         "(prometheus.Observer).Observe",
		"(broken":         "(broken",
		"":                "",
		"net/http.Handle": "http.Handle",
	} {
		if got := displayName(full); got != want {
			t.Errorf("displayName(%q) = %q, want %q", full, got, want)
		}
	}
}

func TestParseVictoriaName(t *testing.T) {
	for _, tt := range []struct {
		in     string
		name   string
		labels []string
		ok     bool
	}{
		{`requests_total`, "requests_total", nil, true},
		{`requests_total{path="/a",code="200"}`, "requests_total", []string{"path", "code"}, true},
		{`requests_total{path=%q, code="%d"}`, "requests_total", []string{"path", "code"}, true},
		{`requests_total{path="a\"b"}`, "requests_total", []string{"path"}, true},
		{`requests_total{path=}`, "", nil, false},
		{`{path="a"}`, "", nil, false},
		{`requests_total{path="a"`, "", nil, false},
	} {
		name, labels, ok := parseVictoriaName(tt.in)
		if name != tt.name || ok != tt.ok || len(labels) != len(tt.labels) {
			t.Errorf("parseVictoriaName(%q) = %q, %q, %v; want %q, %q, %v", tt.in, name, labels, ok, tt.name, tt.labels, tt.ok)
			continue
		}
		for i := range labels {
			if labels[i] != tt.labels[i] {
				t.Errorf("parseVictoriaName(%q) labels = %q, want %q", tt.in, labels, tt.labels)
			}
		}
	}
}

func TestBucketSeries(t *testing.T) {
	got, ok := bucketSeries("exponential", 0.01, 2, 4)
	if !ok || len(got) != 4 || got[3] != 0.08 {
		t.Errorf("exponential: %v %v", got, ok)
	}
	if _, ok := bucketSeries("exponential", 0, 2, 4); ok {
		t.Error("exponential from 0 accepted")
	}
	got, ok = bucketSeries("exponential-range", 0.1, 10, 3)
	if !ok || !hasBoundary(got, 1) || !hasBoundary(got, 10) {
		t.Errorf("exponential-range: %v %v", got, ok)
	}
	if _, ok := bucketSeries("nonsense", 1, 1, 1); ok {
		t.Error("unknown series accepted")
	}
}
