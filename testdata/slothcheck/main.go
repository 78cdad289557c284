// Command slothcheck validates a Sloth spec written by `perfvet plan export
// -format sloth` against Sloth's own spec types (github.com/slok/sloth's
// prometheus/v1 package): it decodes it strictly, checks what Sloth's
// validation requires of the fields perfvet writes, and prints the SLIs'
// queries, rendered for a 5m window, as recording rules for promtool to
// check. It is a module of its own so that perfvet does not depend on
// Sloth.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/goccy/go-yaml"
	v1 "github.com/slok/sloth/pkg/prometheus/api/v1"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: slothcheck SPEC.yml")
		os.Exit(2)
	}
	if err := check(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "slothcheck:", err)
		os.Exit(1)
	}
}

func check(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	js, err := yaml.YAMLToJSON(data)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.DisallowUnknownFields()
	var spec v1.Spec
	if err := dec.Decode(&spec); err != nil {
		return fmt.Errorf("not a Sloth %s spec: %v", v1.Version, err)
	}
	if spec.Version != v1.Version {
		return fmt.Errorf("version %q, want %q", spec.Version, v1.Version)
	}
	if spec.Service == "" {
		return fmt.Errorf("service is missing")
	}
	if len(spec.SLOs) == 0 {
		return fmt.Errorf("no SLOs")
	}
	names := map[string]bool{}
	fmt.Println("groups:\n  - name: sloth-slis\n    rules:")
	for _, slo := range spec.SLOs {
		switch {
		case slo.Name == "" || strings.ContainsAny(slo.Name, " \t"):
			return fmt.Errorf("SLO name %q", slo.Name)
		case names[slo.Name]:
			return fmt.Errorf("SLO %q twice", slo.Name)
		case slo.Objective <= 0 || slo.Objective > 100:
			return fmt.Errorf("%s: objective %v out of (0, 100]", slo.Name, slo.Objective)
		case slo.SLI.Events == nil || slo.SLI.Raw != nil || slo.SLI.Plugin != nil:
			return fmt.Errorf("%s: want an events SLI", slo.Name)
		case slo.Alerting.Name == "":
			return fmt.Errorf("%s: alerting.name is required", slo.Name)
		}
		names[slo.Name] = true
		for i, q := range []string{slo.SLI.Events.ErrorQuery, slo.SLI.Events.TotalQuery} {
			if !strings.Contains(q, "{{.window}}") {
				return fmt.Errorf("%s: query %q does not use {{.window}}", slo.Name, q)
			}
			t, err := template.New("q").Option("missingkey=error").Parse(q)
			if err != nil {
				return fmt.Errorf("%s: %v", slo.Name, err)
			}
			var b strings.Builder
			if err := t.Execute(&b, map[string]string{"window": "5m"}); err != nil {
				return fmt.Errorf("%s: %v", slo.Name, err)
			}
			expr, _ := json.Marshal(b.String())
			fmt.Printf("      - record: sloth_check:%s:%d\n        expr: %s\n", strings.ReplaceAll(slo.Name, "-", "_"), i, expr)
		}
	}
	return nil
}
