#!/usr/bin/env bash
# Packs what the GUI path of bench/engine_ratio.py (--loops gui) needs on a
# machine that has Python 3 but no PySide6 and no network (the lent device
# machine): a trimmed PySide6 (QtCore, QtGui, QtWidgets, the offscreen
# platform), the pure-Python packages the compose window imports, and
# Debian 12's X11/fontconfig/GL libraries and one font, unpacked later with
# dpkg -x into a scratch folder (never into /).
#
#   bench/pack_device_gui.sh OUT_DIR        -> OUT_DIR/gui-site.tar.xz
#
# On the device:
#   mkdir -p /tmp/gui && tar xJf gui-site.tar.xz -C /tmp/gui
#   for f in /tmp/gui/debs/*.deb; do dpkg -x "$f" /tmp/gui/root; done
#   export PYTHONPATH=/tmp/gui/site:$PYTHONPATH LD_LIBRARY_PATH=/tmp/gui/root/usr/lib/x86_64-linux-gnu:/tmp/gui/root/lib/x86_64-linux-gnu
#   export FONTCONFIG_FILE=/tmp/gui/fonts.conf QT_QPA_PLATFORM=offscreen
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath "${1:?output folder}")
SITE_PACKAGES=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/PySide6/Qt/lib" "$site/PySide6/Qt/plugins/platforms" "$work/debs"

src="$SITE_PACKAGES/PySide6"
cp "$src"/*.py "$site/PySide6/"
cp "$src"/Qt{Core,Gui,Widgets}.abi3.so "$src"/libpyside6.abi3.so.* "$site/PySide6/"
for lib in Core Gui Widgets DBus; do cp "$src/Qt/lib/libQt6$lib.so.6" "$site/PySide6/Qt/lib/"; done
cp "$src"/Qt/lib/libicu*.so.* "$site/PySide6/Qt/lib/"
cp "$src/Qt/plugins/platforms/libqoffscreen.so" "$site/PySide6/Qt/plugins/platforms/"
cp -r "$SITE_PACKAGES/shiboken6" "$site/"
for pkg in httpx httpcore h11 anyio sniffio idna certifi click pygments keyring jaraco \
    more_itertools importlib_metadata zipp platformdirs diskcache typing_extensions.py psutil; do
    [ -e "$SITE_PACKAGES/$pkg" ] && cp -r "$SITE_PACKAGES/$pkg" "$site/"
done
find "$site" -name __pycache__ -prune -exec rm -rf {} +

# Debian 12's libraries that Qt needs and a bare server image may lack.
(cd "$work/debs" && apt-get download -q libx11-6 libxcb1 libxau6 libxdmcp6 libbsd0 libmd0 \
    libxkbcommon0 libfontconfig1 libfreetype6 libpng16-16 libbrotli1 libglib2.0-0 \
    libdbus-1-3 libzstd1 libexpat1 libpcre2-8-0 libffi8 libsystemd0 libcap2 libgcrypt20 \
    libgpg-error0 liblz4-1 liblzma5 fonts-dejavu-core libegl1 libgl1 libglvnd0 libglx0 \
    libopengl0 >/dev/null)
cat >"$work/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/tmp/gui/root/usr/share/fonts</dir><cachedir>/tmp/gui/fc-cache</cachedir></fontconfig>
CONF
mkdir -p "$OUT"
tar cJf "$OUT/gui-site.tar.xz" -C "$work" site debs fonts.conf
ls -la "$OUT/gui-site.tar.xz"
