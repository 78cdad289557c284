package timeoutfixes

import (
	"net/http"
	tm "time"
)

var _ = tm.Now

// time is imported as tm: the fix uses that name.
func renamed() *http.Client {
	return &http.Client{} // want `http.Client has no Timeout`
}
