module example.com/badplan

go 1.26.0
