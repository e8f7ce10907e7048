"""Alignment: a text with its translation (monotonic sentence beads), and reuse detection."""
