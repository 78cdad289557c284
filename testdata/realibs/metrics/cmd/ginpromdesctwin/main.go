// Command ginpromdesctwin is ginpromdesc's twin: its middleware observes
// the descriptor-defined histogram by the response's status alone, so
// nothing shows a latency broken down by request: reported.
package main

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type Metric struct {
	Name string
	Type string
	Args []string
}

var reqDur = &Metric{Name: "request_duration_seconds", Type: "histogram_vec", Args: []string{"code"}}

func newMetric(m *Metric, subsystem string) prometheus.Collector {
	switch m.Type {
	case "histogram_vec":
		return prometheus.NewHistogramVec(prometheus.HistogramOpts{Subsystem: subsystem, Name: m.Name}, m.Args)
	case "counter_vec":
		return prometheus.NewCounterVec(prometheus.CounterOpts{Subsystem: subsystem, Name: m.Name}, m.Args)
	}
	return nil
}

type Prometheus struct{ reqDur *prometheus.HistogramVec }

func (p *Prometheus) register(subsystem string) {
	c := newMetric(reqDur, subsystem)
	prometheus.MustRegister(c)
	p.reqDur = c.(*prometheus.HistogramVec)
}

func (p *Prometheus) handlerFunc() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		p.reqDur.WithLabelValues(strconv.Itoa(c.Writer.Status())).Observe(time.Since(start).Seconds())
	}
}

func main() {
	p := &Prometheus{}
	p.register("app")
	r := gin.New()
	r.Use(p.handlerFunc())
	r.GET("/metrics", gin.WrapH(promhttp.Handler()))
	r.GET("/items", func(c *gin.Context) { c.String(http.StatusOK, "items") })
	srv := &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: time.Second}
	_ = srv.ListenAndServe() // want `the program served here does not define http_request_duration_seconds`
}
