"""`python -m assistant.cli` is the `zhiqa` command."""
import sys

from assistant.cli.main import main

sys.exit(main())
