package plan

import "os"

// Wrote reports whether the plan file itself gives the value that value
// selects (plan.Wrote(p, func(p *Plan) Size { return p.Limits.MaxBodySize })),
// as opposed to leaving it to the embedded default: the file, parsed again
// over an empty plan, leaves the keys it does not write at zero. For the
// embedded default it is false. A file that cannot be read again, or that
// does not parse over an empty plan (a contradiction with its zeros),
// counts a value that differs from the default's as written.
//
// Analyzers hold a deliberate value in the code (a 500MB upload limit on an
// import endpoint, a 5-minute WriteTimeout for uploads) to the plan only
// when the team wrote the number down; the file is read again at each
// call, so call it only for a finding about to be reported.
func Wrote[T comparable](p *Plan, value func(*Plan) T) bool {
	if p == nil || p.Source == DefaultSource || p.Source == "" {
		return false
	}
	if data, err := os.ReadFile(p.Source); err == nil {
		if bare, err := ParseOver(p.Source, data, &Plan{Version: 1}); err == nil {
			var zero T
			return value(bare) != zero
		}
	}
	return value(p) != value(Default())
}
