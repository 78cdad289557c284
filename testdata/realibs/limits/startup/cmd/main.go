// Command cmd starts the server, and pings the database every minute.
package main

import (
	"context"
	"log"
	"time"

	"example.com/realibs/limits/startup/probe"
	"example.com/realibs/limits/startup/server"
)

func main() {
	go func() {
		for range time.Tick(time.Minute) {
			if err := probe.Ping(context.Background(), "http://db:8086/ping"); err != nil {
				log.Print(err)
			}
		}
	}()
	app := &server.App{URL: "http://db:8086"}
	log.Fatal(app.Start())
}
