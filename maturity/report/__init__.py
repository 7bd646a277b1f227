"""Renderers: they take plain results and produce text; they never compute scores."""
