package timeoutfixes

import "net/http"

// A local named time hides the package: time.Second would not compile
// here, so no fix is offered.
func shadowed(time int) *http.Client {
	_ = time
	return &http.Client{} // want `http.Client has no Timeout`
}
