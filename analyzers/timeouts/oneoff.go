package timeouts

import (
	"go/types"

	"github.com/perfvet/perfvet/analyzers/internal/analysisutil"
	"github.com/perfvet/perfvet/analyzers/internal/knowledge"
	"github.com/perfvet/perfvet/analyzers/internal/serverrole"
)

// isControlPlane reports whether fn writes an object-storage bucket's
// configuration or creates a bucket (knowledge.ControlPlane): a
// control-plane call an administrator makes once, when a storage policy
// is set up. What it runs with no request context is one short,
// idempotent call that the admin repeats if it fails; it is not reported,
// in a request path or as a cause (cloudreve's
// CreateStoragePolicyCorsService through the S3, COS and OBS drivers: 3
// findings, judged false). Data-plane calls of the same SDKs (uploads,
// downloads, listings) stay reported.
func isControlPlane(fn *types.Func) bool { return knowledge.ControlPlane[analysisutil.FullName(fn)] }

// setupServer reports whether the package serves a one-off setup wizard
// (serverrole.Setup): its servers are not reported for missing timeouts.
func (c *checker) setupServer() bool {
	if c.setup == 0 {
		c.setup = 1
		if serverrole.Setup(c.pass.Fset, c.pass.TypesInfo, c.pass.Files) {
			c.setup = 2
		}
	}
	return c.setup == 2
}
