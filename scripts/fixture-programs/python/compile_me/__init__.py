"""Tiny package compiled by `python -m compileall` for the compileall fixture."""
