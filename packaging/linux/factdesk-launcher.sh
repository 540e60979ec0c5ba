#!/bin/sh
# /usr/bin/factdesk: the bundled program in /opt/factdesk. Nothing is written beside it: the
# database, settings and logs live in the user's own folders.
exec /opt/factdesk/factdesk "$@"
