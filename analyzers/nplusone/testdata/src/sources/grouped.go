package sources

import "context"

type song struct{ Title, Artist string }

type songQuery struct{ title, artist string }

// MatchSongs matches the songs a caller hands in: the queries built from
// them, grouped by artist, run one query per artist (navidrome's matcher
// before it batched them).
func MatchSongs(ctx context.Context, songs []song) map[string]string { // want MatchSongs:`roundtrips`
	return matchByArtist(ctx, songs)
}

func matchByArtist(ctx context.Context, songs []song) map[string]string {
	queries := buildQueries(songs)
	byArtist := map[string][]songQuery{}
	for _, q := range queries {
		byArtist[q.artist] = append(byArtist[q.artist], q)
	}
	out := map[string]string{}
	for artist := range byArtist {
		var id string
		_ = db.QueryRowContext(ctx, "SELECT id FROM tracks WHERE artist = $1", artist).Scan(&id) // want `once per entry of byArtist`
		out[artist] = id
	}
	return out
}

func buildQueries(songs []song) []songQuery {
	var qs []songQuery
	for _, s := range songs {
		qs = append(qs, songQuery{s.Title, s.Artist})
	}
	return qs
}

// MatchSongsBatched is the twin, as navidrome fixed it: the artists'
// tracks in one query, then the groups matched in memory.
func MatchSongsBatched(ctx context.Context, songs []song) map[string]string { // want MatchSongsBatched:`roundtrips`
	byArtist := map[string][]songQuery{}
	var artists []string
	for _, q := range buildQueries(songs) {
		if _, ok := byArtist[q.artist]; !ok {
			artists = append(artists, q.artist)
		}
		byArtist[q.artist] = append(byArtist[q.artist], q)
	}
	rows, err := db.QueryContext(ctx, "SELECT id, artist FROM tracks WHERE artist = ANY($1)", artists)
	if err != nil {
		return nil
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, artist string
		_ = rows.Scan(&id, &artist)
		if len(byArtist[artist]) > 0 {
			out[artist] = id
		}
	}
	return out
}
