"""Adapters at the edge: files (calamine reader, package-level writer) and live Excel (xlwings)."""
