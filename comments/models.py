"""Public comments and their moderation; filled in by the comments issue."""
