"""One reader per data file. Each takes a file's document (already read by recsite.yamlsource and
checked against its JSON Schema) and returns model records, adding what a schema cannot say to a
`FileReader`'s problems. recsite.load calls them in order and puts the results together."""
