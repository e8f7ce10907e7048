"""SQLite storage for projects and the translation memory."""
