package main

import "ginprogram/router"

func main() { _ = router.New().Run(":8080") } // want `serves with no read or write timeouts`
