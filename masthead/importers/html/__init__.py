"""Articles from saved HTML pages: see reader.py."""
