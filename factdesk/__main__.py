"""`python -m factdesk`: the window with no arguments, the command line with them."""

import multiprocessing

from factdesk.cli import main

if __name__ == "__main__":
    # engine worker processes (factdesk import) must not re-run the CLI on spawn platforms
    # (macOS, Windows) or in a frozen installer build
    multiprocessing.freeze_support()
    raise SystemExit(main())
