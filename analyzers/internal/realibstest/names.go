package realibstest

import "strings"

// NamePackage returns the package path of a name as the knowledge tables
// write it: "(*gorm.io/gorm.DB).Limit" and "(gorm.io/gorm.ChainInterface[T]).Limit"
// are in gorm.io/gorm, "github.com/go-chi/chi/v5.URLParam" in chi.
func NamePackage(name string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(name, "("), "*")
	if i := strings.Index(s, ")"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, "["); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndex(s, "."); i >= 0 {
		return s[:i]
	}
	return s
}
