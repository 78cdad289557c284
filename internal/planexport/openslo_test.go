package planexport

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// The proxy here serves none of OpenSLO's Go modules (github.com/OpenSLO/
// oslo, go-sdk: 403), so the documents are checked against the v1
// specification's required fields as written in it, strictly (an unknown
// field fails), and their queries with promtool.
type openSLODoc struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		Description string `yaml:"description"`
		Service     string `yaml:"service"`
		Indicator   *struct {
			Metadata struct {
				Name string `yaml:"name"`
			} `yaml:"metadata"`
			Spec struct {
				RatioMetric *struct {
					Counter bool           `yaml:"counter"`
					Good    *openSLOSource `yaml:"good"`
					Bad     *openSLOSource `yaml:"bad"`
					Total   *openSLOSource `yaml:"total"`
				} `yaml:"ratioMetric"`
			} `yaml:"spec"`
		} `yaml:"indicator"`
		TimeWindow []struct {
			Duration  string `yaml:"duration"`
			IsRolling bool   `yaml:"isRolling"`
		} `yaml:"timeWindow"`
		BudgetingMethod string `yaml:"budgetingMethod"`
		Objectives      []struct {
			DisplayName string  `yaml:"displayName"`
			Target      float64 `yaml:"target"`
		} `yaml:"objectives"`
	} `yaml:"spec"`
}

type openSLOSource struct {
	MetricSource struct {
		Type string `yaml:"type"`
		Spec struct {
			Query string `yaml:"query"`
		} `yaml:"spec"`
	} `yaml:"metricSource"`
}

var dnsLabel = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)

func TestOpenSLO(t *testing.T) {
	promtool, promErr := exec.LookPath("promtool")
	for name := range testPlans {
		t.Run(name, func(t *testing.T) {
			data, err := OpenSLO(loadTestPlan(t, name), "Shop.API")
			if err != nil {
				t.Fatal(err)
			}
			var services []string
			var slos []openSLODoc
			for i, part := range bytes.Split(data, []byte("\n---\n")) {
				var d openSLODoc
				if err := yaml.UnmarshalWithOptions(part, &d, yaml.Strict()); err != nil {
					t.Fatalf("document %d: %v\n%s", i, err, part)
				}
				if d.APIVersion != "openslo/v1" || !dnsLabel.MatchString(d.Metadata.Name) {
					t.Errorf("document %d: apiVersion %q, name %q", i, d.APIVersion, d.Metadata.Name)
				}
				switch d.Kind {
				case "Service":
					services = append(services, d.Metadata.Name)
				case "SLO":
					slos = append(slos, d)
				default:
					t.Errorf("document %d: kind %q", i, d.Kind)
				}
			}
			if len(slos) == 0 {
				t.Fatal("no SLO")
			}
			var queries []string
			for _, s := range slos {
				sp := s.Spec
				switch {
				case !slices.Contains(services, sp.Service):
					t.Errorf("%s: service %q is not defined", s.Metadata.Name, sp.Service)
				case sp.Indicator == nil || sp.Indicator.Spec.RatioMetric == nil || !dnsLabel.MatchString(sp.Indicator.Metadata.Name):
					t.Errorf("%s: want an inline ratio indicator with a name", s.Metadata.Name)
					continue
				case len(sp.TimeWindow) != 1 || !regexp.MustCompile(`^\d+[smhdwMQY]$`).MatchString(sp.TimeWindow[0].Duration):
					t.Errorf("%s: time window %+v", s.Metadata.Name, sp.TimeWindow)
				case !slices.Contains([]string{"Occurrences", "Timeslices", "RatioTimeslices"}, sp.BudgetingMethod):
					t.Errorf("%s: budgeting method %q", s.Metadata.Name, sp.BudgetingMethod)
				case len(sp.Objectives) == 0 || sp.Objectives[0].Target <= 0 || sp.Objectives[0].Target >= 1:
					t.Errorf("%s: objectives %+v", s.Metadata.Name, sp.Objectives)
				}
				rm := sp.Indicator.Spec.RatioMetric
				if (rm.Good == nil) == (rm.Bad == nil) || rm.Total == nil {
					t.Errorf("%s: a ratio metric needs exactly one of good and bad, and total", s.Metadata.Name)
					continue
				}
				for _, src := range []*openSLOSource{rm.Good, rm.Bad, rm.Total} {
					if src == nil {
						continue
					}
					if src.MetricSource.Type != "Prometheus" || src.MetricSource.Spec.Query == "" {
						t.Errorf("%s: metric source %+v", s.Metadata.Name, src.MetricSource)
					}
					queries = append(queries, src.MetricSource.Spec.Query)
				}
			}
			if promErr != nil {
				t.Skip("promtool is not installed (Debian: apt-get install prometheus); .ci/run installs it")
			}
			var b strings.Builder
			b.WriteString("groups:\n  - name: openslo-queries\n    rules:\n")
			for i, q := range queries {
				fmt.Fprintf(&b, "      - record: openslo_check:q%d\n        expr: %q\n", i, q)
			}
			file := filepath.Join(t.TempDir(), "queries.yml")
			write(t, file, []byte(b.String()))
			run(t, promtool, "check", "rules", file)
		})
	}
}
