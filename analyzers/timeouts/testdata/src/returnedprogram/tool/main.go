// Command tool pushes once and exits: a program that serves nothing.
package main

import "returnedprogram/relay"

func main() { _ = relay.Push("https://node.example/push") }
