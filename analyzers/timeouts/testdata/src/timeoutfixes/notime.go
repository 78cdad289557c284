package timeoutfixes

import "net/http"

// The file does not import time: the fix imports it.
func noImport() *http.Client {
	return &http.Client{} // want `http.Client has no Timeout`
}
