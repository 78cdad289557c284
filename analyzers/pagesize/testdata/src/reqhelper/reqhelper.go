// Package reqhelper is a program's own request helpers, as services
// write them: the parsed query parameter, or a default.
package reqhelper

import (
	"net/http"
	"strconv"
)

// QueryIntParam returns the named query parameter as an int, or def when
// it is missing, invalid or negative. The default is not a bound, and
// neither is the check for negative values.
func QueryIntParam(r *http.Request, param string, def int) int { // want QueryIntParam:`pagesize\(returns param2; returns query parameter named by param1; returns <= 0 from query parameter named by param1; returns param2 <= 0\)`
	value := r.URL.Query().Get(param)
	if value == "" {
		return def
	}
	val, err := strconv.ParseInt(value, 10, 0)
	if err != nil {
		return def
	}
	if val < 0 {
		return def
	}
	return int(val)
}

// QueryIntParamMax also bounds the value from above, and with it the
// default; 0 passes.
func QueryIntParamMax(r *http.Request, param string, def, max int) int { // want QueryIntParamMax:`pagesize\(returns <= 0 from query parameter named by param1; returns param2 <= 0; returns param3 <= 0\)`
	n := QueryIntParam(r, param, def)
	if n > max {
		return max
	}
	return n
}
