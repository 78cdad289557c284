// Package mux is a stub of github.com/gorilla/mux.
package mux

import "net/http"

func Vars(r *http.Request) map[string]string { return nil }
