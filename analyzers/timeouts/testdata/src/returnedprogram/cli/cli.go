// Package cli holds the program's command-line commands.
package cli

import (
	"github.com/spf13/cobra"

	"returnedprogram/nodes"
)

var Readyz = &cobra.Command{
	Use: "readyz",
	RunE: func(cmd *cobra.Command, args []string) error {
		resp, err := nodes.ReadyClient().Get("http://localhost:8080/readyz")
		if err != nil {
			return err
		}
		return resp.Body.Close()
	},
}
