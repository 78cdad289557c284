package main

import (
	"muxpublic/api"
	"muxpublic/profiler"
)

func main() {
	api.Register()
	profiler.Start(":8080")
	select {}
}
