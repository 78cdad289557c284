// Package azuresdk hands clients to the Azure SDK as its options'
// Transport (distribution's and lakeFS's storage drivers): every call of
// the SDK takes its caller's context, which bounds each request. The
// twin: a client kept in an option of the program's own, sent with no
// context.
package azuresdk

import (
	"crypto/tls"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// Options are a blob client's options, embedding azcore's.
type Options struct{ policy.ClientOptions }

func newOptions(skipVerify bool) *Options {
	opts := &Options{}
	if skipVerify {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
		opts.Transport = &http.Client{Transport: tr}
	}
	return opts
}

func emulatorOptions() policy.ClientOptions {
	return policy.ClientOptions{Transport: http.DefaultClient}
}

// ownOptions keeps the client in the program's own option.
type ownOptions struct{ Transport policy.Transporter }

func newOwnOptions() *ownOptions {
	opts := &ownOptions{}
	opts.Transport = &http.Client{} // want `http.Client has no Timeout`
	return opts
}

func fetch(o *ownOptions, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := o.Transport.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
