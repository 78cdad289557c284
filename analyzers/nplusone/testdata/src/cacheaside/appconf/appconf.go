// Package appconf holds the program's configuration in package
// variables (1Panel's global.CONF).
package appconf

// System is the system section of the configuration.
type System struct {
	EncryptKey string
}

// Config is the program's configuration.
type Config struct {
	System System
}

// CONF is the configuration, filled at start-up and on first use.
var CONF Config
