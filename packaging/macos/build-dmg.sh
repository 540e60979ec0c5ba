#!/usr/bin/env bash
# Turn dist/FactDesk.app into dist/FactDesk-<version>.dmg (macOS only: codesign, notarytool,
# hdiutil). Run from anywhere, after the PyInstaller build:
#
#   pyinstaller --noconfirm --clean packaging/factdesk.spec    # gives dist/FactDesk.app on macOS
#   bash packaging/macos/build-dmg.sh
#
# Steps:
#   1. check dist/FactDesk.app is there;
#   2. sign it, when CODESIGN_IDENTITY is set (e.g. "Developer ID Application: ... (TEAMID)";
#      hardened runtime, secure timestamp; ENTITLEMENTS=path/to/plist adds entitlements);
#   3. run the bundled program's smoke test (`factdesk --smoke`: opens the window offscreen on a
#      throw-away demo desk, prints what it loaded) and stop if it fails or if the Arabic
#      catalogues (factdesk_ar, qtbase_ar) were not loaded;
#   4. notarize and staple the app, when NOTARY_PROFILE is set (a keychain profile made
#      beforehand with `xcrun notarytool store-credentials`; needs CODESIGN_IDENTITY too);
#   5. build the compressed .dmg (the app plus an /Applications link to drag it onto), retrying
#      hdiutil, which now and then fails with "Resource busy";
#   6. sign, notarize and staple the .dmg too when those variables are set.
# Unset CODESIGN_IDENTITY / NOTARY_PROFILE skip steps 2, 4 and 6 with a message; the .dmg then
# holds the ad-hoc-signed app PyInstaller made, which Gatekeeper will not open without the
# user's say-so (right-click > Open) once downloaded.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

APP="dist/FactDesk.app"
BIN="$APP/Contents/MacOS/factdesk"
VERSION="${VERSION:-$(sh packaging/version)}"
DMG="dist/FactDesk-${VERSION}.dmg"
CODESIGN_IDENTITY="${CODESIGN_IDENTITY:-}"
NOTARY_PROFILE="${NOTARY_PROFILE:-}"
ENTITLEMENTS="${ENTITLEMENTS:-}"

log() { printf '==> %s\n' "$*"; }
die() { printf 'build-dmg: %s\n' "$*" >&2; exit 1; }

notarize() {  # notarize FILE: submit, wait for Apple's verdict, fail unless Accepted
    local file=$1
    log "Notarizing $file (profile $NOTARY_PROFILE)"
    xcrun notarytool submit "$file" --keychain-profile "$NOTARY_PROFILE" --wait \
        --output-format plist >"$WORK/notary.plist"
    local status
    status=$(/usr/libexec/PlistBuddy -c 'Print :status' "$WORK/notary.plist")
    if [[ $status != Accepted ]]; then
        cat "$WORK/notary.plist" >&2
        die "notarization of $file ended with status: $status (xcrun notarytool log <id> --keychain-profile $NOTARY_PROFILE)"
    fi
}

# 1. the bundle
[[ $(uname -s) == Darwin ]] || die "macOS only (codesign, hdiutil)"
[[ -d $APP ]] || die "$APP not found: run 'pyinstaller --noconfirm --clean packaging/factdesk.spec' on macOS first"
[[ -x $BIN ]] || die "$BIN missing or not executable"
[[ -n $VERSION ]] || die "no version found in pyproject.toml"
if [[ -n $NOTARY_PROFILE && -z $CODESIGN_IDENTITY ]]; then
    die "NOTARY_PROFILE is set but CODESIGN_IDENTITY is not: Apple only notarizes signed apps"
fi
log "FactDesk $VERSION: $APP -> $DMG"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/factdesk-dmg.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# 2. sign
if [[ -n $CODESIGN_IDENTITY ]]; then
    log "Signing $APP as $CODESIGN_IDENTITY"
    sign_args=(--force --deep --timestamp --options runtime --sign "$CODESIGN_IDENTITY")
    if [[ -n $ENTITLEMENTS ]]; then
        sign_args+=(--entitlements "$ENTITLEMENTS")
    fi
    codesign "${sign_args[@]}" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
else
    log "CODESIGN_IDENTITY not set: skipping code signing (ad-hoc signature from PyInstaller kept)"
fi

# 3. smoke test the program that will ship (after signing, so the signed bundle is what runs)
log "Smoke test: $BIN --smoke"
if ! QT_QPA_PLATFORM=offscreen "$BIN" --smoke | tee "$WORK/smoke.txt"; then
    die "smoke test failed: $BIN --smoke"
fi
arabic=$(sed -n 's/^arabic_translations=//p' "$WORK/smoke.txt")
for catalogue in factdesk_ar qtbase_ar; do
    [[ ,$arabic, == *,"$catalogue",* ]] || die "smoke test: $catalogue not loaded (arabic_translations=${arabic:-?})"
done

# 4. notarize + staple the app, so it opens offline once copied out of the .dmg
if [[ -n $NOTARY_PROFILE ]]; then
    ditto -c -k --keepParent "$APP" "$WORK/FactDesk.zip"
    notarize "$WORK/FactDesk.zip"
    xcrun stapler staple "$APP"
else
    log "NOTARY_PROFILE not set: skipping notarization"
fi

# 5. the .dmg: FactDesk.app plus a link to /Applications
STAGING="$WORK/staging"
mkdir -p "$STAGING"
ditto "$APP" "$STAGING/FactDesk.app"  # ditto keeps symlinks, permissions and signatures
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
attempts=5
for ((i = 1; i <= attempts; i++)); do
    if hdiutil create -volname FactDesk -srcfolder "$STAGING" -ov -format UDZO "$DMG"; then
        break
    fi
    if ((i == attempts)); then
        die "hdiutil create failed $attempts times"
    fi
    log "hdiutil create failed (attempt $i/$attempts, often 'Resource busy'); retrying in 10 s"
    sleep 10
done
hdiutil verify "$DMG"

# 6. sign + notarize + staple the .dmg
if [[ -n $CODESIGN_IDENTITY ]]; then
    codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"
    codesign --verify --verbose=2 "$DMG"
fi
if [[ -n $NOTARY_PROFILE ]]; then
    notarize "$DMG"
    xcrun stapler staple "$DMG"
fi

shasum -a 256 "$DMG"
log "Built $DMG"
