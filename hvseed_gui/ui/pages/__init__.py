"""One module per wizard page (or a small group of related pages)."""
