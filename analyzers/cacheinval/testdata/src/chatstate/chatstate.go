// want package:`pending\(\(chatstate.typer\).Typing\)`

// Package chatstate holds live per-conversation state in a sync.Map (a
// chat bot's session, typing loop and pending prompt: dagu's Discord and
// Slack bots), beside a key-value store over the same kind of map.
package chatstate

import (
	"context"
	"sync"
	"time"
)

type chatState struct {
	channelID string
	mu        sync.Mutex
	cancel    context.CancelFunc
}

// typer takes a duration, as a cache's Set takes a TTL: the package calls
// it, so the analyzer reads the package (dagu's bots call chatbridge's).
type typer interface {
	Typing(channelID string, every time.Duration)
}

type Bot struct {
	chats sync.Map // channel ID -> *chatState
	kv    sync.Map // key -> caller's value
	typer typer
}

// getOrCreateChat stores a value made from the key alone: the chat's live
// state, got or created, the only copy there is; not a cache of data.
func (b *Bot) getOrCreateChat(channelID string) *chatState {
	v, _ := b.chats.LoadOrStore(channelID, &chatState{channelID: channelID})
	return v.(*chatState)
}

// Put is the twin: a key-value store of the caller's values, with no
// expiry and no delete anywhere.
func (b *Bot) Put(key, value string) { // want Put:`cache\(write param1 ttl=none value=param2\)`
	b.kv.Store(key, value) // want `^key-value store \(\*chatstate\.Bot\)\.Put writes every key of the in-process cache`
}

func (b *Bot) Get(key string) (string, bool) {
	v, ok := b.kv.Load(key)
	if !ok {
		return "", false
	}
	return v.(string), true
}

func (b *Bot) Handle(channelID, text string) string { // want Handle:`cache\(write last:\* ttl=none value=param2; write param1 ttl=none value=param1\)`
	st := b.getOrCreateChat(channelID)
	b.typer.Typing(channelID, time.Second)
	st.mu.Lock()
	defer st.mu.Unlock()
	b.Put("last:"+channelID, text)
	return st.channelID
}
