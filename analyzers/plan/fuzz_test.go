package plan_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/perfvet/perfvet/analyzers/plan"
)

// FuzzParse checks that Parse never panics, and either returns a plan of
// version 1 and no error, or no plan and an ErrorList whose every entry
// names the file. A panic inside the decoder is recovered into an error;
// the fuzzer treats that as a failure too, as it is a bug of ours.
func FuzzParse(f *testing.F) {
	f.Add(plan.DefaultYAML())
	full, err := os.ReadFile("testdata/full.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(full)
	for _, s := range []string{
		"",
		"limits:\n",
		"slo: &s {latency: &l {p50: 1ms}}\nendpoints:\n  - {route: GET /a, latency: *l}\n  - {route: GET /b, latency: *s}\n",
		"limits: *undefined\n",
		"a: &a [*a]\n",
		"version: !!int 1\nlimits: !custom {max_page_size: !!str 5}\n",
		"--- !tag\nlimits: {max_page_size: 5}\n",
		"%YAML 1.2\n%TAG ! tag:example.com,2000:\n---\nversion: 1\n",
		"metrics:\n  - name: x\n    labels:\n      - - - - - deep\n",
		"{slo: {latency: {p50: [1ms]}}, cache: {keys: [{pattern: '*', ttl: 1h}]}}",
		"limits: {max_page_size: 5}\n---\nlimits: {max_page_size: 6}\n...\n",
		"? limits\n: ? max_page_size\n  : 7\n",
		"limits:\n  <<: &m {max_page_size: 5}\n",
		"queries: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
		"cache:\n  max_ttl: |\n    24h\n  keys:\n    - pattern: >-\n        a:*\n      ttl: 1h\n",
		"limits:\n\tmax_page_size: 5\n",
		"\xef\xbb\xbfversion: 1\n\x00\xff\xfe",
		"\x00\x01\x02\x03\xff\xfe\xfd{[}]&*!|>%@`",
		"slo:\n  availability: .nan\n  error_rate: .inf\n  throughput_rps: -.inf\n",
		"limits:\n  max_body_size: 9223372036854775807\n  max_page_size: 99999999999999999999\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "fuzz.yaml"
		p, err := plan.Parse(file, data)
		if err == nil {
			if p == nil || p.Version != 1 || p.Source != file {
				t.Fatalf("Parse succeeded with plan %+v", p)
			}
			return
		}
		if p != nil {
			t.Fatalf("Parse returned a plan and the error %v", err)
		}
		var list plan.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("Parse error is a %T, not a non-empty ErrorList: %v", err, err)
		}
		for _, e := range list {
			if msg := e.Error(); !strings.HasPrefix(msg, file+":") {
				t.Errorf("error does not start with the file name: %q", msg)
			}
			if strings.Contains(e.Msg, plan.InternalDecodeError) {
				t.Errorf("decoder panicked: %s", e.Msg)
			}
		}
	})
}
