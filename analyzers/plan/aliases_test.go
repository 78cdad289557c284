package plan_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/plan"
)

func TestMetricAliases(t *testing.T) {
	p, err := plan.Parse("perfplan.yaml", []byte(`metrics:
  - name: http_request_duration_seconds
    type: histogram
    aliases: [http.server.request.duration]
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Metrics[0].Aliases; !slices.Equal(got, []string{"http.server.request.duration"}) {
		t.Errorf("aliases = %q", got)
	}
	// The default plan has none, and a copy does not share them.
	if d := plan.Default(); len(d.Metrics) == 0 || d.Metrics[0].Aliases != nil {
		t.Errorf("default plan aliases: %+v", d.Metrics)
	}

	for _, tt := range []struct{ yaml, want string }{
		{"metrics:\n  - {name: a_total, type: counter, aliases: [\"not a name\"]}\n", `metrics[0].aliases[0]: "not a name" is not a valid Prometheus or OpenTelemetry metric name`},
		{"metrics:\n  - {name: a_total, type: counter, aliases: [a_total]}\n", `metrics[0].aliases[0]: metric "a_total" is listed twice`},
		{"metrics:\n  - {name: a_total, type: counter}\n  - {name: b_total, type: counter, aliases: [a_total]}\n", `metrics[1].aliases[0]: metric "a_total" is listed twice`},
	} {
		_, err := plan.Parse("perfplan.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.yaml, err, tt.want)
		}
	}
}
