"""Tone towards each person and organisation (filled in below)."""
