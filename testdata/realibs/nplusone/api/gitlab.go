// Package api holds loops over HTTP API clients, reported with
// -nplusone.api.
package api

import (
	"context"

	gitlab "gitlab.com/gitlab-org/api/client-go/v2"
)

// Each project of a page is asked for the user's membership: one API
// request per project (woodpecker's GitLab forge before 221e99120).
func memberships(ctx context.Context, client *gitlab.Client, user int64) ([]*gitlab.ProjectMember, error) {
	projects, _, err := client.Projects.ListProjects(&gitlab.ListProjectsOptions{ListOptions: gitlab.ListOptions{PerPage: 100}}, gitlab.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	var members []*gitlab.ProjectMember
	for _, p := range projects {
		m, _, err := client.ProjectMembers.GetInheritedProjectMember(p.ID, user, gitlab.WithContext(ctx)) // want `^\(gitlab.ProjectMembersServiceInterface\).GetInheritedProjectMember runs an API request once per element of projects; fetch them in one request before the loop`
		if err != nil {
			return nil, err
		}
		members = append(members, m)
	}
	return members, nil
}

// The list already says the user's access level: no request per project.
func accessLevels(ctx context.Context, client *gitlab.Client) (map[int64]gitlab.AccessLevelValue, error) {
	projects, _, err := client.Projects.ListProjects(&gitlab.ListProjectsOptions{ListOptions: gitlab.ListOptions{PerPage: 100}}, gitlab.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	levels := make(map[int64]gitlab.AccessLevelValue, len(projects))
	for _, p := range projects {
		if p.Permissions != nil && p.Permissions.ProjectAccess != nil {
			levels[p.ID] = p.Permissions.ProjectAccess.AccessLevel
		}
	}
	return levels, nil
}

// Deleting each hook is a write per element: reported only with -writes.
func dropHooks(ctx context.Context, client *gitlab.Client, project int64) error {
	hooks, _, err := client.Projects.ListProjectHooks(project, &gitlab.ListProjectHooksOptions{ListOptions: gitlab.ListOptions{PerPage: 100}}, gitlab.WithContext(ctx))
	if err != nil {
		return err
	}
	for _, h := range hooks {
		if _, err := client.Projects.DeleteProjectHook(project, h.ID, gitlab.WithContext(ctx)); err != nil {
			return err
		}
	}
	return nil
}
