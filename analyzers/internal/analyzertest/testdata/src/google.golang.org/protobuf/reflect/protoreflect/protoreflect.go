// Package protoreflect is a stub of google.golang.org/protobuf/reflect/protoreflect:
// generated messages have a ProtoReflect method that returns a Message.
package protoreflect

type Message interface{ Interface() ProtoMessage }

type ProtoMessage interface{ ProtoReflect() Message }
