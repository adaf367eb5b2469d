"""Customer-service policy as code.

Layers: rules/ (YAML data) -> checker.loader and checker.validation (CPython only)
-> checker.engine (pure decisions, runs on CPython and MicroPython) -> renderers
(checker.commands.cli, the MkDocs plugin, the browser checker).

This module stays import-free so that MicroPython can import ``checker.engine``.
"""

__version__ = "0.1.0"
