"""The `zhiqa` command: thin shells over the library (main.py: ingest, ask, chat, serve …;
views.py: the domain views and the quiz; common.py: what they share)."""
from assistant.cli.main import main

__all__ = ["main"]
