"""The zhiqa web app: `python ui.py [--index DIR] [--host HOST] [--port PORT] [--auth USER:PASS]`,
the same as `zhiqa serve`. The app itself is assistant.web; this file only hands over the options."""
from __future__ import annotations

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
