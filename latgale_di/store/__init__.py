"""Keeping data: the versioned store (SQLite or PostgreSQL), data versions as read back, snapshots,
readiness, and what data is shown by default."""
