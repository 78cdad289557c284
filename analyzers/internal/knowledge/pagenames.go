package knowledge

import "strings"

// PageSizeName reports whether a parameter or field is named as a page
// size (pageSize, limit, perPage, AIP-158's page_size, max_results). This
// is a naming heuristic: nplusone and pagesize use it where no flow says
// what a value is (a page of one row; a request message's page size).
func PageSizeName(name string) bool {
	switch strings.ToLower(name) {
	case "pagesize", "page_size", "limit", "perpage", "per_page", "size", "pagelimit", "maxresults", "max_results":
		return true
	}
	return false
}
