package rwshapes

import (
	"net/http"
	"os"
	"time"
)

// smsTimeout starts at 10 seconds and only init changes it, from the
// environment (supabase auth's sms providers): the clients built with it
// keep a bound the program sets at its start, within the plan's
// query_timeout.
var smsTimeout = 10 * time.Second

func init() {
	if d, err := time.ParseDuration(os.Getenv("SMS_TIMEOUT")); err == nil && d > 0 {
		smsTimeout = d
	}
}

func verifyOTP(code string) error {
	req, err := http.NewRequest(http.MethodPost, "https://sms.example.com/verify?code="+code, nil)
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: smsTimeout}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// pushTimeout is the twin: a function the program calls at any time sets
// it, so its value when the client is built is not the declared one.
var pushTimeout = 5 * time.Second

func SetPushTimeout(d time.Duration) { pushTimeout = d }

func sendPush(msg string) error { // want `^rwshapes.sendPush runs an HTTP request with no context`
	req, err := http.NewRequest(http.MethodPost, "https://push.example.com/send?msg="+msg, nil)
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: pushTimeout}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func verifyPhone(w http.ResponseWriter, r *http.Request) {
	_ = verifyOTP(r.FormValue("code"))
	_ = sendPush(r.FormValue("msg"))
}
