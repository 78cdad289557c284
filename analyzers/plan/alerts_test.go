package plan_test

import (
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/plan"
)

func TestAlertErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unknown kind", "alerts:\n  - {name: A, kind: cpu, warning: 1, critical: 2}\n",
			`perfplan.yaml:2:15: alerts[0].kind: "cpu" is not one of latency, error_rate, gauge, rate`},
		{"bad name", "alerts:\n  - {name: 9lives, kind: latency, warning: 1s, critical: 2s}\n",
			`perfplan.yaml:2:6: alerts[0].name: "9lives" is not an alert name`},
		{"twice", "alerts:\n  - {name: A, kind: latency, warning: 1s, critical: 2s}\n  - {name: A, kind: error_rate, warning: 1%, critical: 2%}\n",
			`perfplan.yaml:3:6: alerts[1].name: alert "A" is listed twice`},
		{"latency needs a duration", "alerts:\n  - {name: A, kind: latency, warning: 500, critical: 1s}\n",
			`perfplan.yaml:2:30: alerts[0].warning: malformed duration "500": missing unit`},
		{"percent", "alerts:\n  - {name: A, kind: error_rate, warning: 1%, critical: 120%}\n",
			`perfplan.yaml:2:46: alerts[0].critical: "120%" is not a percentage`},
		{"warning above critical", "alerts:\n  - {name: A, kind: latency, warning: 2s, critical: 1s}\n",
			`perfplan.yaml:2:30: alerts[0]: warning (2s) is above critical (1s)`},
		{"missing threshold", "alerts:\n  - {name: A, kind: gauge, metric: http_requests_total, critical: 1}\n",
			`alerts[0].warning: missing`},
		{"quantile", "alerts:\n  - {name: A, kind: latency, quantile: 95, warning: 1s, critical: 2s}\n",
			`perfplan.yaml:2:30: alerts[0].quantile: 95 must be a number between 0 and 1`},
		{"metric not in the plan", "alerts:\n  - {name: A, kind: gauge, metric: queue_lag_seconds, warning: 1, critical: 2}\n",
			`perfplan.yaml:2:28: alerts[0]: metric "queue_lag_seconds" is not one of the plan's metrics`},
		{"metric of the wrong type", "alerts:\n  - {name: A, kind: gauge, metric: http_requests_total, warning: 1, critical: 2}\n",
			`alerts[0]: metric "http_requests_total" is a counter; a gauge alert reads a gauge`},
		{"total only for error_rate", "alerts:\n  - {name: A, kind: latency, total: http_requests_total, warning: 1s, critical: 2s}\n",
			`alerts[0].total: only an error_rate alert has a total`},
		{"same counter twice", "alerts:\n  - {name: A, kind: error_rate, metric: http_requests_total, total: http_requests_total, warning: 1%, critical: 2%}\n",
			`metric and total are both "http_requests_total"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := plan.Parse("perfplan.yaml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse:\n%s\nerror: %v\nwant it to contain: %s", tc.src, err, tc.want)
			}
		})
	}
}

// A plan that renames its metrics keeps the default alert rows it did not
// write; they resolve against its metrics when it is exported, and are
// not errors of a plan that never wrote them.
func TestDefaultAlertsFollowRenamedMetrics(t *testing.T) {
	p, err := plan.Parse("perfplan.yaml", []byte("metrics:\n  - {name: api_seconds, type: histogram}\n  - {name: api_total, type: counter}\n  - {name: api_errors_total, type: counter}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range p.Alerts {
		m, total, err := p.AlertMetrics(a)
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		switch a.Kind {
		case plan.AlertLatency:
			if m.Name != "api_seconds" {
				t.Errorf("%s reads %s, want api_seconds", a.Name, m.Name)
			}
		case plan.AlertErrorRate:
			if m.Name != "api_errors_total" || total.Name != "api_total" {
				t.Errorf("%s reads %s over %s, want api_errors_total over api_total", a.Name, m.Name, total.Name)
			}
		}
	}
	// With no counters at all, the error-rate row cannot be exported, and
	// the plan is still valid.
	p, err = plan.Parse("perfplan.yaml", []byte("metrics:\n  - {name: api_seconds, type: histogram}\n"))
	if err != nil {
		t.Fatalf("a plan without counters: %v", err)
	}
	if _, _, err := p.AlertMetrics(p.Alerts[1]); err == nil {
		t.Error("an error_rate row resolved with no counters in the plan")
	}
}
