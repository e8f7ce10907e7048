"""The app's panels, one widget per file: each owns its state, timers and workers.

The app posts them typed Messages (a segment to describe, targets that changed); what
they compute in the background comes back as a Message to the same widget, so nothing
runs against a widget that is gone (Textual stops a widget's timers and cancels its
workers when it unmounts).
"""
