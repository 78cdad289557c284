// Command openslocheck validates OpenSLO documents written by `perfvet plan
// export -format openslo` with the OpenSLO project's own Go SDK
// (github.com/OpenSLO/go-sdk, copied in third_party: see its PROVENANCE.md):
// it decodes them strictly (an unknown field fails), validates every object
// as the SDK does, checks that every SLO's service is defined, and prints
// the objects' kinds and names. It is a module of its own so that perfvet
// does not depend on the SDK.
package main

import (
	"fmt"
	"os"

	"github.com/OpenSLO/go-sdk/pkg/openslo"
	v1 "github.com/OpenSLO/go-sdk/pkg/openslo/v1"
	"github.com/OpenSLO/go-sdk/pkg/openslosdk"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: openslocheck FILE.yaml")
		os.Exit(2)
	}
	if err := check(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "openslocheck:", err)
		os.Exit(1)
	}
}

func check(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	objects, err := openslosdk.Decode(f, openslosdk.FormatYAML)
	if err != nil {
		return fmt.Errorf("decoding: %w", err)
	}
	if len(objects) == 0 {
		return fmt.Errorf("no OpenSLO objects")
	}
	if err := openslosdk.Validate(objects...); err != nil {
		return fmt.Errorf("validation: %w", err)
	}
	services := map[string]bool{}
	var slos []v1.SLO
	for _, o := range objects {
		if o.GetVersion() != openslo.VersionV1 {
			return fmt.Errorf("%s %s: version %s, want %s", o.GetKind(), o.GetName(), o.GetVersion(), openslo.VersionV1)
		}
		switch o := o.(type) {
		case v1.Service:
			services[o.Metadata.Name] = true
		case v1.SLO:
			slos = append(slos, o)
		}
		fmt.Printf("%s %s\n", o.GetKind(), o.GetName())
	}
	if len(slos) == 0 {
		return fmt.Errorf("no SLO")
	}
	for _, s := range slos {
		if !services[s.Spec.Service] {
			return fmt.Errorf("SLO %s: service %q is not defined in the document", s.Metadata.Name, s.Spec.Service)
		}
	}
	return nil
}
