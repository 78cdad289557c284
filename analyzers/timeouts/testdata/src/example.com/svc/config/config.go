// Package config is a service's own package that its commands import.
package config

// TopicURL is where the service publishes.
const TopicURL = "https://ntfy.example/topic"
