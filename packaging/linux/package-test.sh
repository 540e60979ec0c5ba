#!/usr/bin/env bash
# The installed-package test (`make package-test`, run by .ci/run): an older release installed,
# then this .deb over it (an upgrade), run from /usr/bin on Xvfb (xcb) and offscreen; finally
# removed. Needs root or sudo: it installs packages for real.
set -euo pipefail
cd "$(dirname "$0")/../.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

version=$(packaging/version)
deb="dist/factdesk_${version}_amd64.deb"
prev="dist/factdesk_${version}~prev_amd64.deb"
[ -f "$deb" ] || { echo "package-test: $deb not found; run make deb" >&2; exit 1; }

# The release to upgrade from: the same program under a lower version number (the user's
# database it leaves behind is made at an older schema by the test itself).
DEB_VERSION="${version}~prev" DEB_COMPRESS=none packaging/linux/build-deb.sh dist/factdesk

# Xvfb for the real xcb run; readelf for the dependency check; desktop-file-validate;
# debootstrap for the minimal-system run; the package
# lists so apt can resolve the .deb's Depends.
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth binutils desktop-file-utils debootstrap >/dev/null

python=.venv/bin/python
[ -x "$python" ] || python=python3
FACTDESK_TEST_DEB="$PWD/$deb" FACTDESK_TEST_DEB_PREV="$PWD/$prev" \
    "$python" -m pytest -q -p no:cacheprovider tests/packaging
