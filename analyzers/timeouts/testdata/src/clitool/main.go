// A developer tool that fetches the URL it is given on the command line
// (yarr's cmd/feed2json): whoever runs it interrupts a stuck request. Its
// twins fetch a constant URL, or one from the environment, and stay
// reported.
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Println("usage: feed2json URL")
		return
	}
	url := os.Args[1]
	if strings.HasPrefix(url, "http") {
		res, err := http.Get(url)
		if err == nil {
			_ = res.Body.Close()
		}
	}
	fromFlags()
	fromConstant()
	fromEnv()
}

func fromFlags() {
	host := flag.String("host", "localhost:8080", "server")
	flag.Parse()
	_, _ = http.Get(fmt.Sprintf("http://%s/feeds", *host))
	_, _ = http.Post("http://"+strings.TrimSpace(flag.Arg(0))+"/refresh", "text/plain", nil)
}

func fromConstant() {
	_, _ = http.Get("https://example.com/feed.xml") // want `^http.Get sends the request through http.DefaultClient`
}

func fromEnv() {
	_, _ = http.Get(os.Getenv("FEED_URL")) // want `^http.Get sends the request through http.DefaultClient`
}
