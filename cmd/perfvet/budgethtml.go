package main

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"time"

	"github.com/perfvet/perfvet/analyzers/budget"
)

// budgetPage is the static page of perfvet budget -html: a bar per
// endpoint, its estimate against its objective, with the costliest
// operations. No JavaScript: it renders in a pull request comment's
// preview, a CI artefact viewer and a headless browser alike.
var budgetPage = template.Must(template.New("budget").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>perfvet budget</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
.bar { position: relative; width: 400px; height: 18px; background: #eee; }
.fill { position: absolute; left: 0; top: 0; height: 18px; background: #2e7d32; }
.fill.over { background: #c62828; }
.objective { position: absolute; top: -3px; height: 24px; width: 2px; background: #000; }
.ops { font-size: 90%; color: #555; margin: 0; padding-left: 1.2em; }
</style>
</head>
<body>
<h1>Latency budget</h1>
<p>{{.Summary}}</p>
<table>
<thead><tr><th>route</th><th>estimate</th><th>objective (p95)</th><th>estimate against objective</th><th>costliest operations</th></tr></thead>
<tbody>
{{range .Rows}}<tr class="endpoint{{if .Over}} over{{end}}" data-route="{{.Route}}">
<td><code>{{.Route}}</code><br><small>{{.Position}}</small></td>
<td>{{.Estimate}}</td>
<td>{{.Objective}} ({{.From}})</td>
<td><div class="bar"><div class="fill{{if .Over}} over{{end}}" style="width: {{.Width}}px"></div><div class="objective" style="left: {{.Mark}}px"></div></div>{{if .Over}}<strong>over: {{.OverText}}</strong>{{end}}</td>
<td><ul class="ops">{{range .Ops}}<li>{{.}}</li>{{end}}</ul></td>
</tr>
{{end}}</tbody>
</table>
</body>
</html>
`))

type budgetRow struct {
	Route, Position, Estimate, Objective, From, OverText string
	Over                                                 bool
	Width, Mark                                          int // pixels of the 400px bar
	Ops                                                  []string
}

// barWidth is the width of a bar, in pixels.
const barWidth = 400

func writeBudgetHTML(file string, eps []*budget.Estimate) error {
	// An unbounded estimate is drawn at its cap (UnboundedFactor times its
	// objective), so that one product of guesses does not flatten every
	// other bar.
	shown := func(e *budget.Estimate) time.Duration {
		if e.Unbounded {
			return budget.UnboundedFactor * e.Objective
		}
		return e.Total
	}
	var scale time.Duration
	for _, e := range eps {
		scale = max(scale, shown(e), e.Objective)
	}
	px := func(d time.Duration) int {
		if scale <= 0 {
			return 0
		}
		return int(float64(barWidth) * float64(d) / float64(scale))
	}
	rows := make([]budgetRow, 0, len(eps))
	over := 0
	for _, e := range eps {
		r := budgetRow{
			Route: e.Route, Position: relPosn(e.Pos, e.Pos.Filename), Estimate: "~" + fmtDur(e.Total),
			Objective: fmtDur(e.Objective), From: objectiveFrom(e), Over: len(e.Over) > 0,
			Width: px(shown(e)), Mark: min(px(e.Objective), barWidth-2),
		}
		if e.Unbounded {
			r.Estimate = fmt.Sprintf("unbounded (over %d× the objective)", budget.UnboundedFactor)
		}
		if r.Route == "" {
			r.Route = "(computed pattern)"
		}
		if r.Over {
			over++
			r.OverText = fmt.Sprint(e.Over)
		}
		var ops []budget.Op
		for _, l := range e.Layers {
			ops = append(ops, l.Ops...)
		}
		for i, o := range ops {
			if i == 3 {
				break
			}
			r.Ops = append(r.Ops, fmt.Sprintf("%s = %s (%s), at %s", o.Describe(), fmtDur(o.Total()), percentOf(o.Total(), e.Total), o.Posn()))
		}
		rows = append(rows, r)
	}
	var buf bytes.Buffer
	err := budgetPage.Execute(&buf, struct {
		Summary string
		Rows    []budgetRow
	}{fmt.Sprintf("%d endpoints, %d above their objective or budgets.", len(eps), over), rows})
	if err != nil {
		return fmt.Errorf("-html: %w", err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("-html: %w", err)
	}
	return nil
}
