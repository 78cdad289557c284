// Package shipping is a client for the carrier's rate-quote API.
package shipping

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Client asks the carrier for shipping quotes.
type Client struct {
	baseURL string
	http    *http.Client
}

// New returns a Client for the carrier at baseURL. Every call is bounded
// by the client's Timeout, whatever context the caller passes.
func New(baseURL string) *Client {
	return &Client{
		baseURL: baseURL,
		http:    &http.Client{Timeout: 5 * time.Second},
	}
}

// Quote is a price and delivery estimate for one order.
type Quote struct {
	Carrier    string `json:"carrier"`
	PriceCents int64  `json:"price_cents"`
	Days       int    `json:"days"`
}

// Quote asks for the cheapest rate to ship an order to postcode.
func (c *Client) Quote(ctx context.Context, orderID int64, postcode string) (Quote, error) {
	q := url.Values{
		"reference": {strconv.FormatInt(orderID, 10)},
		"postcode":  {postcode},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/v2/rates?"+q.Encode(), nil)
	if err != nil {
		return Quote{}, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return Quote{}, fmt.Errorf("quote order %d: %w", orderID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Quote{}, fmt.Errorf("quote order %d: carrier returned %s", orderID, resp.Status)
	}
	var qt Quote
	if err := json.NewDecoder(resp.Body).Decode(&qt); err != nil {
		return Quote{}, fmt.Errorf("quote order %d: decode response: %w", orderID, err)
	}
	return qt, nil
}
