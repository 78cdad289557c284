// Package httpignored parses the request's page in its handlers (wakapi's
// utils.ParsePageParamsWithDefault); the projects page hands it to no
// read (wakapi before ec2c6b1), its twins hand it on.
package httpignored

import (
	"html/template"
	"log"
	"net/http"
	"strconv"
)

type PageParams struct {
	Page     int
	PageSize int
}

func (p *PageParams) Limit() int  { return p.PageSize }
func (p *PageParams) Offset() int { return (p.Page - 1) * p.PageSize }

func ParsePageParams(r *http.Request, page, size int) *PageParams {
	p := &PageParams{Page: page, PageSize: size}
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil {
		p.Page = n
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("page_size")); err == nil && n > 0 && n <= 100 {
		p.PageSize = n
	}
	return p
}

type Project struct{ Name string }

type Store struct{}

func (Store) Projects(user string) ([]Project, error)                        { return nil, nil }
func (Store) ProjectsPage(user string, limit, offset int) ([]Project, error) { return nil, nil }
func (Store) ProjectsOf(r *http.Request) ([]Project, error)                  { return nil, nil }

type viewModel struct {
	Projects []Project
	Page     *PageParams
}

var tmpl = template.Must(template.New("p").Parse(`{{range .Projects}}{{.Name}}{{end}}`))

type Handler struct{ store Store }

func (h *Handler) projects(w http.ResponseWriter, r *http.Request) {
	page := ParsePageParams(r, 1, 100)
	log.Printf("page %d", page.Page)
	projects, err := h.store.Projects(r.Header.Get("X-User")) // want `projects parses the request's page \(httpignored.ParsePageParams\) but hands it to no read: \(httpignored.Store\).Projects is handed neither the page nor the request, so it returns every row and the page is only shown`
	if err != nil {
		return
	}
	_ = tmpl.Execute(w, viewModel{Projects: projects, Page: page})
}

func (h *Handler) projectsPaged(w http.ResponseWriter, r *http.Request) {
	page := ParsePageParams(r, 1, 100)
	projects, err := h.store.ProjectsPage(r.Header.Get("X-User"), page.Limit(), page.Offset())
	if err != nil {
		return
	}
	_ = tmpl.Execute(w, viewModel{Projects: projects, Page: page})
}

func (h *Handler) projectsOfRequest(w http.ResponseWriter, r *http.Request) {
	page := ParsePageParams(r, 1, 100)
	projects, err := h.store.ProjectsOf(r)
	if err != nil {
		return
	}
	_ = tmpl.Execute(w, viewModel{Projects: projects, Page: page})
}

func (h *Handler) projectsViaHelper(w http.ResponseWriter, r *http.Request) {
	page := ParsePageParams(r, 1, 100)
	projects := h.load(page)
	_ = tmpl.Execute(w, viewModel{Projects: projects, Page: page})
}

func (h *Handler) load(p *PageParams) []Project {
	projects, _ := h.store.ProjectsPage("", p.Limit(), p.Offset())
	return projects
}

// No page parsed: nothing promised.
func (h *Handler) allProjects(w http.ResponseWriter, r *http.Request) {
	projects, err := h.store.Projects(r.Header.Get("X-User"))
	if err != nil {
		return
	}
	_ = tmpl.Execute(w, viewModel{Projects: projects})
}

// The page a function literal captures may be read there (wakapi's
// leaderboard); a read handed a page of its own takes a page too.
func (h *Handler) leaders(w http.ResponseWriter, r *http.Request) {
	page := ParsePageParams(r, 1, 100)
	load := func() ([]Project, error) { return h.store.ProjectsPage("", page.Limit(), page.Offset()) }
	top, _ := load()
	all, _ := h.store.ProjectsWithPage("", &PageParams{Page: 1, PageSize: 1000})
	mine, _ := h.store.Projects(r.Header.Get("X-User"))
	_ = tmpl.Execute(w, viewModel{Projects: append(append(top, all...), mine...), Page: page})
}

func (Store) ProjectsWithPage(user string, p *PageParams) ([]Project, error) { return nil, nil }
