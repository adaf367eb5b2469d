"""Handbook and public pages rendered from the rules bundle, as Markdown strings.

Standalone: nothing here imports MkDocs, so any site generator (or a test) can call
``generate_pages`` and get {path: markdown}. The MkDocs plugin only hands them over.
"""

from .pages import generate_pages

__all__ = ["generate_pages"]
