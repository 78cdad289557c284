// Package sched is a program's own wrapper of a cron library: what its
// callers hand Schedule (or Every, a wrapper of the wrapper) is a
// scheduled job; what they hand Now runs on the spot.
package sched

import "github.com/robfig/cron/v3"

var c = cron.New()

// Schedule schedules f as a cron job.
func Schedule(spec string, f func()) error { // want Schedule:`schedules\[1\]`
	_, err := c.AddFunc(spec, f)
	return err
}

// Every schedules f through Schedule.
func Every(minutes int, f func()) { // want Every:`schedules\[1\]`
	_ = Schedule("*/"+string(rune('0'+minutes))+" * * * *", f)
}

// Now runs f at once: no scheduler.
func Now(f func()) { // want Now:`roundtrips\(calls \[0\]\)`
	f()
}
