package keys

import (
	"fmt"
	"strconv"
	"strings"
)

// Key builders, whose shapes travel to the packages that import them.

func Product(id int64) string { // want Product:`cache\(key product:\*\)`
	return "product:" + strconv.FormatInt(id, 10)
}

func Sessions(user string) string { // want Sessions:`cache\(key user:\*:sessions\)`
	return fmt.Sprintf("user:%s:sessions", user)
}

func Feed(region, page string) string { // want Feed:`cache\(key feed:\*:\*\)`
	return strings.Join([]string{"feed", region, page}, ":")
}

func Percent(id int) string { // want Percent:`cache\(key rate:100%:\*\)`
	return fmt.Sprintf("rate:100%%:%d", id)
}

// Either of two families: no single shape.
func Either(admin bool, id string) string {
	if admin {
		return "admin:" + id
	}
	return "user:" + id
}

// The caller's key: no shape of its own.
func Passthrough(key string) string { return key }
