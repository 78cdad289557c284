package sources

import "context"

const batchSize = 500

// batches splits values into batches of size.
func batches[T any](values []T, size int) [][]T {
	var out [][]T
	for start := 0; start < len(values); start += size {
		out = append(out, values[start:min(start+size, len(values))])
	}
	return out
}

// One statement per batch of ids is the batching itself.
func DeleteInBatches(ctx context.Context, ids []int64) { // want DeleteInBatches:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	for _, batch := range batches(ids, batchSize) {
		_, _ = db.ExecContext(ctx, "DELETE FROM users WHERE id = ANY($1)", batch)
	}
}

// inClause returns a predicate per batch, and the batches.
func inClause(ids []int64) ([]string, [][]int64) {
	bs := batches(ids, batchSize)
	preds := make([]string, len(bs))
	for i := range bs {
		preds[i] = "id IN (...)"
	}
	return preds, bs
}

// A loop over what is derived from the batches: one per batch too.
func DeleteByPredicates(ctx context.Context, ids []int64) { // want DeleteByPredicates:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	preds, _ := inClause(ids)
	for _, p := range preds {
		_, _ = db.ExecContext(ctx, "DELETE FROM users WHERE id = ANY($1)", p)
	}
}

// The positive twin: one statement per id.
func DeleteOneByOne(ctx context.Context, ids []int64) { // want DeleteOneByOne:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id) // want `once per element of ids;`
	}
}

// Batches of int32 ids (not runes).
func DeleteInt32Batches(ctx context.Context, ids []int32) { // want DeleteInt32Batches:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	for _, batch := range batches(ids, batchSize) {
		_, _ = db.ExecContext(ctx, "DELETE FROM users WHERE id = ANY($1)", batch)
	}
}

// A work list walked level by level, each level in batches: one query per
// batch, not per element of the work list.
func DeleteTree(ctx context.Context, roots []int64) { // want DeleteTree:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	frontier := roots
	for len(frontier) > 0 {
		var next []int64
		for _, batch := range batches(frontier, batchSize) {
			_, _ = db.ExecContext(ctx, "DELETE FROM nodes WHERE id = ANY($1)", batch)
		}
		frontier = next
	}
}

// The twin: the work list walked one node at a time.
func DeleteTreeOneByOne(ctx context.Context, roots []int64) { // want DeleteTreeOneByOne:`roundtrips\(write: \(\*sql.DB\).ExecContext\)`
	frontier := roots
	for len(frontier) > 0 {
		id := frontier[0]
		frontier = frontier[1:]
		_, _ = db.ExecContext(ctx, "DELETE FROM nodes WHERE id = $1", id) // want `once per element of frontier;`
	}
}
