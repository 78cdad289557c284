// Package handlers serves requests with the functions of files.
package handlers

import (
	"context"
	"net/http"

	"jobentry/cmd/validate"
	"jobentry/internal/files"
)

type Sweeper interface {
	Sweep(ctx context.Context)
}

type Handler struct {
	Files   *files.Service
	Sweeper Sweeper
}

func New(svc *files.Service) *Handler { return &Handler{Files: svc, Sweeper: svc} }

func (h *Handler) ServeReindex(w http.ResponseWriter, r *http.Request) {
	h.Files.Reindex(r.Context())
}

func (h *Handler) ServeSweep(w http.ResponseWriter, r *http.Request) {
	h.Sweeper.Sweep(r.Context())
}

func (h *Handler) ServeAudit(w http.ResponseWriter, r *http.Request) {
	h.Files.Audit(r.Context())
}

func (h *Handler) ServeCheck(w http.ResponseWriter, r *http.Request) {
	validate.Check(r.Context())
}

func (h *Handler) ServeRebuild(w http.ResponseWriter, r *http.Request) {
	files.RebuildAll(r.Context())
}

func (h *Handler) ServeSummary(w http.ResponseWriter, r *http.Request) {
	h.Files.Summarize(r.Context())
}
