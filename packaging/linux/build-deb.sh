#!/usr/bin/env bash
# Wrap the PyInstaller folder (dist/factdesk) into dist/factdesk_<version>_amd64.deb.
#
#   packaging/linux/build-deb.sh [BUNDLE_DIR]        (from the repository root; `make deb`)
#
# DEB_VERSION overrides the version (default: pyproject.toml), DEB_COMPRESS the dpkg-deb
# compressor (default xz; the packaging test builds its older stand-in release uncompressed).
# The package carries no maintainer scripts: nothing runs as root at install time, and the
# menu entry and icon are picked up by dpkg's triggers (desktop-file-utils, hicolor theme).
set -euo pipefail
cd "$(dirname "$0")/../.."

bundle="${1:-dist/factdesk}"
version="${DEB_VERSION:-$(packaging/version)}"
compress="${DEB_COMPRESS:-xz}"
out="dist/factdesk_${version}_amd64.deb"
stage="build/deb/factdesk_${version}"

if [ ! -x "$bundle/factdesk" ]; then
    echo "build-deb: $bundle/factdesk not found; build it first: pyinstaller packaging/factdesk.spec" >&2
    exit 1
fi

rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/icons/hicolor/256x256/apps" "$stage/usr/share/doc/factdesk"
cp -a "$bundle" "$stage/opt/factdesk"
install -m 0755 packaging/linux/factdesk-launcher.sh "$stage/usr/bin/factdesk"
install -m 0644 packaging/linux/factdesk.desktop "$stage/usr/share/applications/factdesk.desktop"
install -m 0644 resources/icons/factdesk.png \
    "$stage/usr/share/icons/hicolor/256x256/apps/factdesk.png"
install -m 0644 packaging/linux/copyright "$stage/usr/share/doc/factdesk/copyright"

# Debian's permissions: directories 0755, files 0644, programs and shared objects 0755.
find "$stage" -type d -exec chmod 0755 {} +
find "$stage/opt" -type f -exec chmod 0644 {} +
chmod 0755 "$stage/opt/factdesk/factdesk"
find "$stage/opt" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0755 {} +

size_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size_kb/" \
    packaging/linux/control.in > "$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z \
    | xargs -0 md5sum > DEBIAN/md5sums)
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"

mkdir -p dist
dpkg-deb --build --root-owner-group "-Z$compress" "$stage" "$out" >/dev/null
echo "$out $(du -h "$out" | cut -f1) (installed $((size_kb / 1024)) MB)"
