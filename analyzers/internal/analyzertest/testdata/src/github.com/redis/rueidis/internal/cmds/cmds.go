// Package cmds is a stub of rueidis's command builders: a typed chain per
// command, as in the real (generated) package.
package cmds

import "time"

type Completed struct{ cs []string }

type Incomplete struct{ cs []string }

type Builder struct{}

type (
	Set            Incomplete
	SetKey         Incomplete
	SetValue       Incomplete
	SetConditionNx Incomplete
	SetExSec       Incomplete
	Del            Incomplete
	DelKey         Incomplete
)

func (b Builder) Set() Set                           { return Set{} }
func (c Set) Key(key string) SetKey                  { return SetKey(c) }
func (c SetKey) Value(value string) SetValue         { return SetValue(c) }
func (c SetValue) Nx() SetConditionNx                { return SetConditionNx(c) }
func (c SetValue) Ex(d time.Duration) SetExSec       { return SetExSec(c) }
func (c SetValue) ExSeconds(seconds int64) SetExSec  { return SetExSec(c) }
func (c SetConditionNx) Ex(d time.Duration) SetExSec { return SetExSec(c) }
func (c SetValue) Build() Completed                  { return Completed{} }
func (c SetConditionNx) Build() Completed            { return Completed{} }
func (c SetExSec) Build() Completed                  { return Completed{} }
func (b Builder) Del() Del                           { return Del{} }
func (c Del) Key(key ...string) DelKey               { return DelKey(c) }
func (c DelKey) Build() Completed                    { return Completed{} }
