"""Placeholder until `make gen` runs."""
