package selfprobe

import (
	"fmt"
	"net/http"
	"time"
)

// Boot waits for the program's own listener through a helper that every
// call hands a loopback URL (filestash's ensureAppHasBooted): not
// reported. Watch's helper is handed a host of the configuration:
// reported.
func Boot(port int) {
	go ensureBooted(fmt.Sprintf("http://127.0.0.1:%d%s", port, "/about"))
}

func ensureBooted(address string) {
	for i := 0; i < 10; i++ {
		time.Sleep(250 * time.Millisecond)
		res, err := http.Get(address)
		if err != nil {
			continue
		}
		_ = res.Body.Close()
		return
	}
}

func Watch(host string) {
	go watchBooted("http://" + host + "/about")
}

func watchBooted(address string) {
	res, err := http.Get(address) // want `http.Get sends the request through http.DefaultClient, which has no timeout`
	if err != nil {
		return
	}
	_ = res.Body.Close()
}
