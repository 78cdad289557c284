package knowledge

// This file describes package time: the sleeps and timers that pace a
// loop (nplusone), the comparisons an expiry check makes (budget), and
// the time.Duration methods that count a unit other than seconds
// (metrics).

// Waits are the calls that make a loop wait for time to pass: a loop
// whose body sleeps or waits on a timer each time round is paced (a
// retry with backoff, a poll, a rate-limited job), not a loop over a
// request's data.
var Waits = map[string]bool{
	"time.Sleep": true,
	"time.After": true,
	"time.Tick":  true,
}

// TimerChannels are the types whose C field delivers the ticks of a
// timer: a loop that receives from one runs once per tick.
var TimerChannels = map[string]bool{
	"time.Ticker": true,
	"time.Timer":  true,
}

// TimeComparisons are the functions an expiry check calls.
var TimeComparisons = map[string]bool{
	"time.Since":          true,
	"time.Until":          true,
	"(time.Time).Before":  true,
	"(time.Time).After":   true,
	"(time.Time).Compare": true,
	"(time.Time).Sub":     true,
}

// DurationUnits are the methods of time.Duration that return a count of
// a unit other than seconds.
var DurationUnits = map[string]string{
	"(time.Duration).Milliseconds": "milliseconds",
	"(time.Duration).Microseconds": "microseconds",
	"(time.Duration).Nanoseconds":  "nanoseconds",
}
