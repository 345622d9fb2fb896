"""Ballot Desk: project settings, root URLs and WSGI/ASGI entry points."""
