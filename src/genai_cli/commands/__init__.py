"""One module per command group: each returns data (a Result); none prints."""
