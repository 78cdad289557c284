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
	threadTS  string
	mu        sync.Mutex
	cancel    context.CancelFunc
}

// typer takes a duration, as a cache's Set takes a TTL: the package calls
// it, so the analyzer reads the package (dagu's bots call chatbridge's).
type typer interface {
	Typing(channelID string, every time.Duration)
}

type Bot struct {
	chats   sync.Map // channel ID -> *chatState
	threads sync.Map // "channel:thread" -> *chatState
	kv      sync.Map // key -> caller's value
	first   sync.Map // key -> the first value a caller gave
	typer   typer
}

// getOrCreateChat stores a value made from the key alone: the chat's live
// state, got or created, the only copy there is; not a cache of data.
func (b *Bot) getOrCreateChat(channelID string) *chatState {
	v, _ := b.chats.LoadOrStore(channelID, &chatState{channelID: channelID})
	return v.(*chatState)
}

// getOrCreateThread is getOrCreateChat keyed by a conversation key, the
// state made from the other parameters (dagu's Slack bot): LoadOrStore
// keeps the state it finds, and creates it only for a new key.
func (b *Bot) getOrCreateThread(convKey, channelID, threadTS string) *chatState {
	v, _ := b.threads.LoadOrStore(convKey, &chatState{channelID: channelID, threadTS: threadTS})
	return v.(*chatState)
}

// Remember keeps the first value a caller gives for each key, forever: a
// key-value store, though written by LoadOrStore.
func (b *Bot) Remember(key, value string) { // want Remember:`cache\(write param1 ttl=none value=param2\)`
	b.first.LoadOrStore(key, value) // want `^key-value store \(\*chatstate\.Bot\)\.Remember writes every key of the in-process cache`
}

func (b *Bot) Recall(key string) (string, bool) {
	v, ok := b.first.Load(key)
	if !ok {
		return "", false
	}
	return v.(string), true
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

func (b *Bot) Handle(channelID, text string) string { // want Handle:`cache\(write first:\* ttl=none value=param2; write last:\* ttl=none value=param2; write \{chatstate.Bot.threads\}\* ttl=none value=param1; write param1 ttl=none value=param1\)`
	st := b.getOrCreateChat(channelID)
	_ = b.getOrCreateThread(channelID+":"+text, channelID, text)
	b.Remember("first:"+channelID, text)
	b.typer.Typing(channelID, time.Second)
	st.mu.Lock()
	defer st.mu.Unlock()
	b.Put("last:"+channelID, text)
	return st.channelID
}
