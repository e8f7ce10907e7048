"""Readers and writers for files: articles with front matter, glossary TSV, TBX."""
