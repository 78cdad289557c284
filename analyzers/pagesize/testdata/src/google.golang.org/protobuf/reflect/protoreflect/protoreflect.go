// Package protoreflect is a stub of google.golang.org/protobuf/reflect/protoreflect.
package protoreflect

type Message interface{ Interface() ProtoMessage }

type ProtoMessage interface{ ProtoReflect() Message }
