#!/usr/bin/env bash
# macOS arm64 (Apple silicon, Metal) recipe: Composer.app in a .dmg, signed and
# notarised. Not run here (no Mac): the hosted CI workflow
# .github/workflows/installers.yml runs it on a macos-14 (arm64) runner.
#
# Needs: an arm64 Python 3.11 (python.org universal2 or Homebrew), the Xcode
# command line tools (xcode-select --install), CMake. For a signed and notarised
# .dmg also: a "Developer ID Application" certificate in the keychain and an
# App Store Connect API key or an app-specific password for notarytool:
#
#   SIGN_IDENTITY="Developer ID Application: NAME (TEAMID)"
#   NOTARY_PROFILE=composer      # made once with:
#     xcrun notarytool store-credentials composer --apple-id ID --team-id TEAMID --password APP-PASSWORD
#
# Without SIGN_IDENTITY the .app is ad-hoc signed: it runs on the building Mac,
# and elsewhere only after right-click > Open (Gatekeeper).
#
# Steps, in order (each is needed: Gatekeeper checks every binary inside the .app):
#   1. build llama.cpp with Metal into a fresh venv, freeze with installers/composer.spec
#   2. sign every Mach-O file inside out, with the hardened runtime and a timestamp,
#      then the .app itself (installers/macos/entitlements.plist: one hardened-runtime
#      exception, library validation off, for the bundled Python modules and dylibs)
#   3. make the .dmg (hdiutil), sign it
#   4. notarise: xcrun notarytool submit --wait, then staple the ticket to the .dmg
#   5. check: spctl --assess --type open --context context:primary-signature the .dmg
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-python3}
[ "$("$python" -c 'import platform; print(platform.machine())')" = arm64 ] \
  || { echo "an arm64 Python is needed (not Rosetta)" >&2; exit 1; }

# 1. The bundle.
"$python" -m venv .venv-bundle
py=.venv-bundle/bin/python
"$py" -m pip install -q --upgrade pip
CMAKE_ARGS="-DGGML_METAL=on" "$py" -m pip install -q --no-cache-dir --no-deps "llama-cpp-python==0.3.36"
"$py" -m pip install -q ".[bundle]"
# Spelling: Enchant with Hunspell from Homebrew on the build machine. Not yet
# carried inside Composer.app (its dylibs and the en/fr .dic/.aff files):
# docs/DEPENDENCY_NOTES.md says what is left; without it spelling says what to install.
brew install enchant hunspell
# The icon: resources/composer.svg rendered to an .icns (qlmanage and iconutil ship with macOS).
mkdir -p build/icon.iconset
qlmanage -t -s 1024 -o build resources/composer.svg >/dev/null
for size in 16 32 128 256 512; do
  sips -z $size $size build/composer.svg.png --out "build/icon.iconset/icon_${size}x${size}.png" >/dev/null
  sips -z $((size * 2)) $((size * 2)) build/composer.svg.png \
    --out "build/icon.iconset/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil -c icns build/icon.iconset -o build/composer.icns
COMPOSER_ICON=$PWD/build/composer.icns "$py" -m PyInstaller --noconfirm --distpath dist \
  --workpath build/pyinstaller installers/composer.spec
app=dist/Composer.app
version=$("$py" -c 'import composer; print(composer.__version__)')

# The bundle's own checks, before signing changes anything.
"$app/Contents/MacOS/composer" --version
"$app/Contents/MacOS/composer" --hardware-report | grep -q '"Metal"' \
  || echo "warning: the report names no Metal device" >&2
if [ -n "${COMPOSER_SMOKE_MODEL:-}" ]; then
  "$app/Contents/MacOS/composer" --self-test "$COMPOSER_SMOKE_MODEL"
fi

# 2. Sign: inside out, every Mach-O binary, then the .app.
identity=${SIGN_IDENTITY:--}
options=(--force --options runtime --timestamp --entitlements installers/macos/entitlements.plist)
[ "$identity" = - ] && options=(--force --sign -)
find "$app/Contents" -type f \( -name '*.dylib' -o -name '*.so' -o -perm -u+x \) -print0 |
  while IFS= read -r -d '' file; do
    if file "$file" | grep -q Mach-O; then codesign "${options[@]}" --sign "$identity" "$file"; fi
  done
codesign "${options[@]}" --sign "$identity" "$app"
codesign --verify --deep --strict --verbose=2 "$app"

# 3. The .dmg: the app and a link to /Applications to drag it onto.
dmg=dist/composer-private-mail-$version-macos-arm64.dmg
rm -rf build/dmg "$dmg" && mkdir -p build/dmg
cp -R "$app" build/dmg/ && ln -s /Applications build/dmg/Applications
hdiutil create -volname Composer -srcfolder build/dmg -format UDZO -ov "$dmg"
[ "$identity" = - ] || codesign --sign "$identity" --timestamp "$dmg"

# 4. Notarise and staple (needs a real identity and NOTARY_PROFILE).
if [ "$identity" != - ] && [ -n "${NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
  # 5. What Gatekeeper will say on a user's Mac.
  spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi
du -sh "$app" "$dmg"
