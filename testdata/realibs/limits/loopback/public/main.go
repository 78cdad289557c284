// Command public is ../loopback listening on every interface: its server
// is public, so its unlimited body read is reported.
package main

import (
	"context"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

func main() {
	token, err := receiveToken(context.Background(), 8765)
	if err != nil {
		return
	}
	fmt.Println(token)
}

func receiveToken(ctx context.Context, port int) (string, error) {
	received := make(chan string, 1)
	srv := &http.Server{Addr: fmt.Sprintf(":%d", port)}
	srv.Handler = router(received)
	go func() {
		_ = srv.ListenAndServe()
	}()
	defer func() { _ = srv.Shutdown(ctx) }()
	select {
	case t := <-received:
		return t, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func router(received chan<- string) *gin.Engine {
	e := gin.New()
	e.POST("/token", func(c *gin.Context) {
		var data struct {
			Token string `json:"token"`
		}
		if err := c.BindJSON(&data); err != nil { // want `\(\*gin.Context\).BindJSON reads the whole request body with no limit`
			return
		}
		received <- data.Token
	})
	return e
}
