// Command nethttp reads request bodies with net/http, with and without a
// limit. More than three unlimited reads are one finding, at the server
// start, with the reads as related positions (see ../few for reads
// reported each at its read).
package main

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"os"
)

type order struct{ ID int }

func readAll(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_, _ = w.Write(data)
}

func readAllLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	data, _ := io.ReadAll(r.Body)
	_, _ = w.Write(data)
}

func readAllLimitReader(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	_, _ = w.Write(data)
}

func decode(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
	_ = xml.NewDecoder(r.Body).Decode(&o)
}

// decodeLimitedLate limits the body after reading it: too late.
func decodeLimitedLate(w http.ResponseWriter, r *http.Request) {
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
}

func decodeLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var o order
	_ = json.NewDecoder(r.Body).Decode(&o)
}

func copyBody(w http.ResponseWriter, r *http.Request) {
	f, _ := os.CreateTemp("", "body")
	_, _ = io.Copy(f, r.Body)
	_, _ = io.Copy(f, io.LimitReader(r.Body, 4096))
}

func upload(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseMultipartForm(32 << 20) // want `\(\*http.Request\).ParseMultipartForm parses an upload with no limit on its size: files beyond the memory bound go to disk, so one request can fill it; wrap the body first, r.Body = http.MaxBytesReader\(w, r.Body, 104857600\) \(the plan's max_upload_size is 100MB\)`
}

func uploadLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 50<<20)
	_ = r.ParseMultipartForm(32 << 20)
	_, _, _ = r.FormFile("file")
}

// streamUpload reads the parts as they arrive: nothing goes to disk, and
// the request lasts as long as its parts' reader lets it.
func streamUpload(w http.ResponseWriter, r *http.Request) {
	mr, err := r.MultipartReader() // want `\(\*http.Request\).MultipartReader streams an upload with no limit on its size, so one request can run as long and fill as much as its parts' reader lets it; wrap the body first, r.Body = http.MaxBytesReader\(w, r.Body, 104857600\)`
	if err != nil {
		return
	}
	for p, err := mr.NextPart(); err == nil; p, err = mr.NextPart() {
		_, _ = io.Copy(w, p)
	}
}

func streamUploadLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 50<<20)
	mr, err := r.MultipartReader()
	if err != nil {
		return
	}
	for p, err := mr.NextPart(); err == nil; p, err = mr.NextPart() {
		_, _ = io.Copy(w, p)
	}
}

func tooLarge(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<20) // want `body limit of 64MB is above the plan's max_body_size \(10MB\); lower it to at most 10485760`
	_, _ = io.ReadAll(r.Body)
}

// uploadLarge's limit is compared with max_upload_size: it parses a form.
func uploadLarge(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 200<<20) // want `body limit of 200MB is above the plan's max_upload_size \(100MB\)`
	_ = r.ParseMultipartForm(32 << 20)
}

// notABody reads a file, not a request.
func notABody(w http.ResponseWriter, r *http.Request) {
	f, _ := os.Open("static.txt")
	_, _ = io.ReadAll(f)
}

func main() {
	for path, h := range map[string]http.HandlerFunc{
		"/a": readAll, "/b": readAllLimited, "/c": readAllLimitReader, "/d": decode, "/e": decodeLimitedLate,
		"/f": decodeLimited, "/g": copyBody, "/h": upload, "/i": uploadLimited, "/j": tooLarge, "/k": uploadLarge, "/l": notABody,
		"/m": streamUpload, "/n": streamUploadLimited,
	} {
		http.HandleFunc(path, h)
	}
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5e9}
	_ = srv.ListenAndServe() // want `^5 request bodies are read whole with no limit in the program this serves \(nethttp/main.go:18:13 and others\), so one request of any size is held in memory or on disk; bound them all where it serves: http.MaxBytesHandler\(h, 10485760\)`
}
