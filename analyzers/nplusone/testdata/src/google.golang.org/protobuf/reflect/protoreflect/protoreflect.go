// Package protoreflect stands for google.golang.org/protobuf's: generated
// messages have a ProtoReflect method that returns a Message.
package protoreflect

type Message interface{ Interface() any }
