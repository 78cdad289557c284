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

// The documents are checked twice: here against the v1 specification's
// required fields as written in it, strictly (an unknown field fails), with
// their queries checked by promtool; and by TestOpenSLOSDK with the OpenSLO
// project's own Go SDK (testdata/openslocheck).
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

// TestOpenSLOSDK validates the OpenSLO documents of every test plan with
// the OpenSLO project's Go SDK (github.com/OpenSLO/go-sdk: strict decoding
// and its validation rules), built in testdata/openslocheck from a copy of
// the SDK, because the proxy refuses OpenSLO's modules.
func TestOpenSLOSDK(t *testing.T) {
	if testing.Short() {
		t.Skip("builds testdata/openslocheck")
	}
	checker := buildChecker(t, "openslocheck")
	for name := range testPlans {
		t.Run(name, func(t *testing.T) {
			data, err := OpenSLO(loadTestPlan(t, name), "Shop.API")
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), "openslo.yaml")
			write(t, file, data)
			out := string(runChecker(t, checker, file, data))
			if !strings.Contains(out, "Service shop-api\n") || !strings.Contains(out, "SLO shop-api-") {
				t.Errorf("openslocheck found no service and SLO:\n%s", out)
			}
		})
	}
}

// The SDK check rejects what the specification forbids: the test above
// cannot pass on a checker that accepts everything.
func TestOpenSLOSDKRejects(t *testing.T) {
	if testing.Short() {
		t.Skip("builds testdata/openslocheck")
	}
	checker := buildChecker(t, "openslocheck")
	data, err := OpenSLO(loadTestPlan(t, "default"), "shop")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ what, from, to string }{
		{"a target of 1 or more", "target: 0.999", "target: 1.5"},
		{"an unknown field", "budgetingMethod: Occurrences", "budgetingMethod: Occurrences\n  bogus: 1"},
		{"a duration unit the spec lacks", "duration: 30d", "duration: 30x"},
	} {
		bad := strings.Replace(string(data), tt.from, tt.to, 1)
		if bad == string(data) {
			t.Fatalf("%s: %q is not in the document", tt.what, tt.from)
		}
		file := filepath.Join(t.TempDir(), "openslo.yaml")
		write(t, file, []byte(bad))
		if err := exec.Command(checker, file).Run(); err == nil {
			t.Errorf("openslocheck accepts %s", tt.what)
		}
	}
}
