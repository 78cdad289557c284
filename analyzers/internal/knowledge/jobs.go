package knowledge

// This file describes code that libraries run outside a request:
// migrations (goose, gormigrate, xormigrate), scheduled jobs (cron
// libraries) and command-line commands (cobra, urfave/cli, go-flags).
// nplusone reads it to leave loops that are not request work alone;
// internal/commands to find a program's commands.

// MigrationCallbacks are the functions and methods of migration
// libraries that take a migration's code as a function argument, with
// the indexes (receiver not counted) of those arguments: goose's Go
// migrations, gormigrate's InitSchema.
var MigrationCallbacks = map[string][]int{
	"github.com/pressly/goose/v3.AddMigration":                        {0, 1},
	"github.com/pressly/goose/v3.AddMigrationContext":                 {0, 1},
	"github.com/pressly/goose/v3.AddMigrationNoTx":                    {0, 1},
	"github.com/pressly/goose/v3.AddMigrationNoTxContext":             {0, 1},
	"github.com/pressly/goose/v3.AddNamedMigration":                   {1, 2},
	"github.com/pressly/goose/v3.AddNamedMigrationContext":            {1, 2},
	"github.com/pressly/goose/v3.AddNamedMigrationNoTx":               {1, 2},
	"github.com/pressly/goose/v3.AddNamedMigrationNoTxContext":        {1, 2},
	"(*github.com/go-gormigrate/gormigrate/v2.Gormigrate).InitSchema": {0},
}

// MigrationStructs are the struct types whose function fields hold a
// migration's code (gormigrate.Migration{Migrate: ..., Rollback: ...},
// goose.GoFunc{RunTx: ...}), with those fields.
var MigrationStructs = map[string][]string{
	"github.com/go-gormigrate/gormigrate/v2.Migration": {"Migrate", "Rollback"},
	"src.techknowlogick.com/xormigrate.Migration":      {"Migrate", "Rollback"},
	"github.com/pressly/goose/v3.GoFunc":               {"RunTx", "RunDB"},
}

// SchedulerCallbacks are the functions and methods of job schedulers
// (cron libraries) that take a job's code as a function argument, with the
// index of that argument (receiver not counted): the job runs on a
// schedule, not per request.
var SchedulerCallbacks = map[string]int{
	"(*github.com/robfig/cron/v3.Cron).AddFunc":                   1,
	"(*github.com/robfig/cron.Cron).AddFunc":                      1,
	"(*github.com/gdgvda/cron.Cron).Add":                          1,
	"(*github.com/gogs/cron.Cron).AddFunc":                        2,
	"(*github.com/pocketbase/pocketbase/tools/cron.Cron).Add":     2,
	"(*github.com/pocketbase/pocketbase/tools/cron.Cron).MustAdd": 2,
}

// CommanderMethod is the method of github.com/jessevdk/go-flags'
// Commander interface (Execute(args []string) error): a type whose method
// set implements it is a command the parser runs once per invocation. The
// command's package need not import go-flags (remark42's app/cmd does
// not; its main does), so the interface is matched by its method's name
// and signature, as Go's structural typing does.
const CommanderMethod = "Execute"

// KongPackage is github.com/alecthomas/kong, whose parser runs the
// method Run (returning error) of the command type the arguments select,
// once per invocation: a type's Run in a package that imports kong is a
// command's body (KongRunMethod).
const (
	KongPackage   = "github.com/alecthomas/kong"
	KongRunMethod = "Run"
)

// GoArgPackage is github.com/alexflint/go-arg, whose parser sets the
// field of the subcommand the arguments select (a field tagged
// arg:"subcommand:name"); the program then runs that subcommand's type,
// once per invocation (dozzle's HealthcheckCmd.Run).
const (
	GoArgPackage       = "github.com/alexflint/go-arg"
	GoArgSubcommandTag = "subcommand"
)

// CommandStructs are the struct types whose function fields hold the
// body of a command-line command: it runs once per invocation of the
// program, not per request.
var CommandStructs = map[string][]string{
	"github.com/spf13/cobra.Command":   {"Run", "RunE", "PreRun", "PreRunE", "PostRun", "PostRunE", "PersistentPreRun", "PersistentPreRunE", "PersistentPostRun", "PersistentPostRunE"},
	"github.com/urfave/cli/v2.Command": {"Action", "Before", "After"},
	"github.com/urfave/cli/v2.App":     {"Action", "Before", "After"},
	"github.com/urfave/cli/v3.Command": {"Action", "Before", "After"},
	"github.com/urfave/cli.Command":    {"Action", "Before", "After"},
	"github.com/urfave/cli.App":        {"Action", "Before", "After"},
}
