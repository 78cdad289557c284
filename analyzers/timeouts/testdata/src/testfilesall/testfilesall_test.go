package testfilesall

import (
	"net/http"
	"testing"
)

func TestFetch(t *testing.T) {
	_, _ = http.Get("http://api.example.com/") // want `http.Get sends the request`
}
