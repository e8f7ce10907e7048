"""The translators' Textual interface."""
