module example.com/cliprogram

go 1.24
