"""Pure-Python core: languages, text reading, normalisation, name keys, glossary, segmentation.

Nothing here imports Textual, click, torch or transformers (import-linter enforces it).
"""
