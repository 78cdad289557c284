package main

import "net/http"

func main() {
	_, _ = http.Get("http://example.com")
	undefined()
	_ = http.ListenAndServe(":8080", nil)
}
