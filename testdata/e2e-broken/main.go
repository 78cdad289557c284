package main

import "net/http"

func main() {
	_, _ = http.Get("http://example.com")
	undefined()
}
