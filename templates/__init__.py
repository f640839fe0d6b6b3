"""The built-in Jinja2 templates and static assets, installed as package data of builder."""
