"""Serving the app: backend URL handling, garbage-collection settings, sign-in and the content
security policy."""
