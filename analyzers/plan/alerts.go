package plan

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// DefaultQuantile is the quantile of a latency alert that names none.
const DefaultQuantile = 0.95

// QuantileOf returns the quantile a latency alert compares.
func (a Alert) QuantileOf() float64 {
	if a.Quantile == 0 {
		return DefaultQuantile
	}
	return a.Quantile
}

// SeverityOf returns the severity label values of the alert's warning and
// critical rules ("warning" and "critical" unless the plan names others).
func (a Alert) SeverityOf() (warning, critical string) {
	warning, critical = a.Severity.Warning, a.Severity.Critical
	if warning == "" {
		warning = "warning"
	}
	if critical == "" {
		critical = "critical"
	}
	return warning, critical
}

// Thresholds returns the alert's warning and critical thresholds in the
// unit its expression yields: seconds for latency, a ratio for error_rate
// (1% is 0.01), and for gauge and rate the number, the size in bytes or
// the duration in seconds the plan wrote.
func (a Alert) Thresholds() (warning, critical float64, err error) {
	warning, err = a.threshold(a.Warning)
	if err != nil {
		return 0, 0, fmt.Errorf("warning: %w", err)
	}
	critical, err = a.threshold(a.Critical)
	if err != nil {
		return 0, 0, fmt.Errorf("critical: %w", err)
	}
	return warning, critical, nil
}

func (a Alert) threshold(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("missing")
	}
	switch a.Kind {
	case AlertLatency:
		d, err := parseDuration(s)
		if err != nil {
			return 0, err
		}
		return d.Seconds(), nil
	case AlertErrorRate:
		f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > 100 {
			return 0, fmt.Errorf("%q is not a percentage such as 1%% or 0.5%%", s)
		}
		return f / 100, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return f, nil
	}
	if d, err := parseDuration(s); err == nil {
		return d.Seconds(), nil
	}
	if n, err := parseSize(s); err == nil {
		return float64(n), nil
	}
	return 0, fmt.Errorf("%q is not a number, a size such as 2GB or a duration such as 30s", s)
}

// AlertMetrics returns the plan metrics an alert reads: the histogram of a
// latency alert, the gauge of a gauge alert, the counter of a rate alert,
// and for error_rate the counter of failures and the counter of all
// requests (total). A row that names no metric takes the plan's first
// metric of the type its kind needs; for error_rate, the first counter
// with "error" in its name counts failures and the first without counts
// requests. It is an error when the plan requires no such metric: rules
// may only query what the plan requires, and so what the metrics analyzer
// checks the code exports.
func (p *Plan) AlertMetrics(a Alert) (metric, total Metric, err error) {
	want := map[string]string{AlertLatency: "histogram", AlertErrorRate: "counter", AlertGauge: "gauge", AlertRate: "counter"}[a.Kind]
	if want == "" {
		return Metric{}, Metric{}, fmt.Errorf("unknown kind %q; want one of %s", a.Kind, strings.Join(AlertKinds, ", "))
	}
	find := func(name, role string, pick func(Metric) bool) (Metric, error) {
		if name != "" {
			m, ok := p.Metric(name)
			if !ok {
				return Metric{}, fmt.Errorf("%s %q is not one of the plan's metrics; add it to metrics so that the code is checked to export it", role, name)
			}
			if m.Type != want {
				return Metric{}, fmt.Errorf("%s %q is a %s; a %s alert reads a %s", role, name, m.Type, a.Kind, want)
			}
			return m, nil
		}
		for _, m := range p.Metrics {
			if m.Type == want && pick(m) {
				return m, nil
			}
		}
		return Metric{}, fmt.Errorf("the plan requires no %s to serve as its %s; name one with %s", want, role, map[string]string{"metric": "metric:", "total": "total:"}[strings.Fields(role)[0]])
	}
	isErrors := func(m Metric) bool { return strings.Contains(m.Name, "error") }
	switch a.Kind {
	case AlertErrorRate:
		if metric, err = find(a.Metric, "metric (failures)", isErrors); err != nil {
			return
		}
		total, err = find(a.Total, "total (requests)", func(m Metric) bool { return !isErrors(m) })
		if err == nil && total.Name == metric.Name {
			err = fmt.Errorf("metric and total are both %q; failures must be counted apart from requests", total.Name)
		}
		return metric, total, err
	default:
		metric, err = find(a.Metric, "metric", func(Metric) bool { return true })
		return metric, Metric{}, err
	}
}

var alertName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// validateAlerts checks the alerting table. A row that the file did not
// write comes from the default; its metrics are resolved when the plan is
// exported, so a plan that renames its metrics is not refused for a
// default row it never wrote (export says what it left out).
func validateAlerts(d *decoder, p *Plan) {
	names := make(map[string]bool)
	for i, a := range p.Alerts {
		at := fmt.Sprintf("alerts[%d]", i)
		written := d.written(at)
		switch {
		case !alertName.MatchString(a.Name):
			d.errorAt(at+".name", "%s.name: %q is not an alert name (letters, digits and _, not starting with a digit)", at, a.Name)
		case names[a.Name]:
			d.errorAt(at+".name", "%s.name: alert %q is listed twice", at, a.Name)
		}
		names[a.Name] = true
		if !slices.Contains(AlertKinds, a.Kind) {
			d.errorAt(firstWritten(d, at+".kind", at), "%s.kind: %q is not one of %s", at, a.Kind, strings.Join(AlertKinds, ", "))
			continue
		}
		if a.Quantile != 0 && (a.Kind != AlertLatency || a.Quantile <= 0 || a.Quantile >= 1 || math.IsNaN(a.Quantile)) {
			d.errorAt(at+".quantile", "%s.quantile: %v must be a number between 0 and 1, for a latency alert", at, a.Quantile)
		}
		if a.Total != "" && a.Kind != AlertErrorRate {
			d.errorAt(at+".total", "%s.total: only an error_rate alert has a total", at)
		}
		warn, crit, err := a.Thresholds()
		if err != nil {
			key, _, _ := strings.Cut(err.Error(), ":")
			d.errorAt(at+"."+key, "%s.%v", at, err)
		} else if warn > crit {
			d.errorAt(firstWritten(d, at+".warning", at+".critical"), "%s: warning (%s) is above critical (%s); an alert escalates as it grows", at, a.Warning, a.Critical)
		}
		for _, s := range []struct{ key, v string }{{"warning", a.Severity.Warning}, {"critical", a.Severity.Critical}} {
			if s.v != "" && strings.TrimSpace(s.v) != s.v {
				d.errorAt(at+".severity."+s.key, "%s.severity.%s: %q has surrounding spaces", at, s.key, s.v)
			}
		}
		if _, _, err := p.AlertMetrics(a); err != nil && written {
			d.errorAt(firstWritten(d, at+".metric", at+".total", at), "%s: %v", at, err)
		}
	}
}
