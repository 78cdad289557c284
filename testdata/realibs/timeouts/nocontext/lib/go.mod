module example.com/nocontextlib

go 1.24
