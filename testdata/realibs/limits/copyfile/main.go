// Command copyfile copies a body of unknown length to a temporary file
// before it checks the size (transfer.sh's PUT handler): the disk fills.
// Its twin copies through io.LimitReader.
package main

import (
	"io"
	"net/http"
	"os"
)

func put(w http.ResponseWriter, r *http.Request) {
	f, err := os.CreateTemp("", "upload-")
	if err != nil {
		return
	}
	defer os.Remove(f.Name())
	_, _ = io.Copy(f, r.Body) // want `^io.Copy copies the request body with no limit, so one request of any size is held in memory or fills the disk it is written to; wrap it first, r.Body = http.MaxBytesReader\(w, r.Body, 10485760\) \(the plan's max_body_size is 10MB\)$`
}

func putLimited(w http.ResponseWriter, r *http.Request) {
	f, err := os.CreateTemp("", "upload-")
	if err != nil {
		return
	}
	defer os.Remove(f.Name())
	_, _ = io.Copy(f, io.LimitReader(r.Body, 1<<20))
}

func main() {
	http.HandleFunc("/put", put)
	http.HandleFunc("/putlimited", putLimited)
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe()
}
