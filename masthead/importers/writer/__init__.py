"""The writer: what every source's records become in Masthead (see importers/CONTEXT.md)."""
