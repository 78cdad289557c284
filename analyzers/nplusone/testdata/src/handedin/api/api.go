// Package api holds handlers.
package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"handedin/lister"
	"handedin/repo"
	"handedin/service"
	"handedin/store"
)

type labeler interface {
	Labels(ctx context.Context, users []store.User)
	Badges(ctx context.Context, ids []int64)
}

var labels labeler = store.Repo{}

// Profiles and Formatter are set by main.
var (
	Profiles  repo.Profiles
	Formatter lister.Formatter
)

func ListUsers(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	page := store.Page(ctx, 1, 20)
	service.Format(ctx, page)
	store.Avatars(ctx, page)
	labels.Labels(ctx, page)
	store.ProfileNames(ctx, Profiles, page)
	Formatter.Format(ctx, page)
	var ids []int64
	for _, u := range page {
		ids = append(ids, u.ID)
	}
	store.NamesOf(ctx, ids)
}

func SaveTags(w http.ResponseWriter, r *http.Request) {
	var ids []int64
	for _, s := range strings.Split(r.FormValue("tags"), ",") {
		id, _ := strconv.ParseInt(s, 10, 64)
		ids = append(ids, id)
	}
	store.Tags(r.Context(), ids)
	labels.Badges(r.Context(), ids)
	store.ProfileNamesOf(r.Context(), Profiles, ids)
	Formatter.FormatTags(r.Context(), ids)
	store.NicksOf(r.Context(), ids)
}

func Export(w http.ResponseWriter, r *http.Request) {
	store.Emails(r.Context(), store.All(r.Context()))
}
