package knowledge

// limitsSymbols returns every function and method name the limits tables
// key on, for TestTablesResolve.
func limitsSymbols() []string {
	var names []string
	for _, m := range []map[string]bool{UploadReads, FrameworkBodyReads, PoolOpens} {
		for k := range m {
			names = append(names, k)
		}
	}
	for _, m := range []map[string]int{BodyReaders, PGXPoolOpens} {
		for k := range m {
			names = append(names, k)
		}
	}
	for k := range BodyLimiters {
		names = append(names, k)
	}
	for k := range PoolSetters {
		names = append(names, k)
	}
	return names
}
