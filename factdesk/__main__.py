"""`python -m factdesk` runs the command line (the window arrives with the desktop issue)."""

from factdesk.cli import main

raise SystemExit(main())
