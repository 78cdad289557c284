// Command viawire runs what wiring builds: a run on it alone shows the
// findings wiring resolved, which it reports again.
package main

import "wholeprog/wiring"

func main() { _ = wiring.New() }
