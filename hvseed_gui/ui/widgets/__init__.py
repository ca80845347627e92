"""Small widgets shared by the wizard pages."""
