module example.com/pluginapi

go 1.24
