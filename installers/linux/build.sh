#!/usr/bin/env bash
# Builds the Linux x86_64 installers from this checkout, with no compiler on the
# user's side: a PyInstaller bundle (one folder: the app, Python, PySide6 and
# the portable CPU build of llama.cpp), packaged as
#
#   dist/composer-private-mail_<version>_amd64.deb        installs under /opt/composer-private-mail,
#                                                         /usr/bin/composer, the desktop entry
#                                                         (mailto: handler), icon, AppStream file
#   dist/composer-private-mail-<version>-linux-x86_64.tar.gz   the same folder, to unpack anywhere
#
# Needs the .venv made by installers/install.sh (its llama.cpp must be the
# portable CPU build: the default, `--backend cpu`) and dpkg-deb. Installs
# PyInstaller into that venv (pyproject.toml's "bundle" extra). Prints the sizes
# and the build time; tests/installers/test_linux_bundle.py tests the result.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
py=.venv/bin/python
[ -x "$py" ] || { echo "no .venv: run installers/install.sh first" >&2; exit 1; }
started=$(date +%s)

# A bundle made from a `--backend native` build would crash on older CPUs.
origin=$("$py" - <<'EOF'
import importlib.metadata as m
print(m.distribution("llama-cpp-python").read_text("direct_url.json") or "")
EOF
)
case "$origin" in
  *llama-cpp-python-*-cpu/*) ;;
  *) echo "the venv's llama.cpp is not the portable CPU build; run: installers/install.sh --backend cpu" >&2
     exit 1 ;;
esac

"$py" -m PyInstaller --version >/dev/null 2>&1 || "$py" -m pip install -q "pyinstaller>=6"  # the bundle extra
version=$("$py" -c 'import composer; print(composer.__version__)')
app_id=composer-private-mail

echo "PyInstaller: freezing the app (a few minutes on two cores)…"
rm -rf dist/composer
"$py" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  installers/composer.spec
bundle=dist/composer
[ -x "$bundle/composer" ] || { echo "PyInstaller made no $bundle/composer" >&2; exit 1; }
# llama_cpp opens lib/libllama.so, the libraries name each other by soname
# (libggml.so.0): PyInstaller copies both names; one file and a link suffice.
for lib in "$bundle"/_internal/llama_cpp/lib/*.so; do
  if [ -f "$lib.0" ] && [ ! -L "$lib" ] && cmp -s "$lib" "$lib.0"; then
    ln -sf "$(basename "$lib").0" "$lib"
  fi
done
frozen=$(date +%s)

# --- .deb -------------------------------------------------------------------------------
# Depends: what Qt's xcb and Wayland platform plugins and its GL/fonts/D-Bus need
# from the system, and Enchant with Hunspell dictionaries for spelling (the README's apt line; PyInstaller leaves these system libraries
# out of the bundle; tests/installers/test_linux_bundle.py checks none is missing).
# PyInstaller links against the build machine's C library: the bundle needs that
# glibc or newer (2.36 on Debian 12: Debian 12+, Ubuntu 24.04+, Fedora 37+).
glibc=$(getconf GNU_LIBC_VERSION | cut -d' ' -f2)
depends="libc6 (>= $glibc), libegl1, libgl1, libopengl0, libxkbcommon0, libfontconfig1, libfreetype6,\
 libdbus-1-3, libglib2.0-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0,\
 libxcb-render-util0, libxcb-randr0, libxcb-shape0, libxcb-xkb1, libxkbcommon-x11-0, libx11-xcb1,\
 libxcb1, libdrm2, libwayland-client0, libwayland-cursor0, libwayland-egl1,\
 libenchant-2-2, hunspell-en-us | hunspell-dictionary, hunspell-fr | hunspell-dictionary"
stage=build/deb/$app_id
rm -rf build/deb
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/icons/hicolor/scalable/apps" "$stage/usr/share/metainfo"
cp -a "$bundle" "$stage/opt/$app_id"
# Relative, so the package also works unpacked elsewhere (dpkg -x, the smoke test).
ln -s "../../opt/$app_id/composer" "$stage/usr/bin/composer"
install -m 644 "resources/$app_id.desktop" "$stage/usr/share/applications/"
install -m 644 resources/composer.svg "$stage/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
install -m 644 "resources/$app_id.metainfo.xml" "$stage/usr/share/metainfo/"
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<EOF
Package: $app_id
Version: $version
Architecture: amd64
Maintainer: Composer maintainers <maintainers@users.noreply.r-seed-84d9174c.example>
Installed-Size: $installed_kb
Depends: $depends
Recommends: gnome-keyring
Section: mail
Priority: optional
Description: private email composer with a local writing assistant
 Composer writes email with an assistant that runs on this computer
 (llama.cpp, GGUF models): draft, reply, proofread, shorten, change the tone,
 and review each change before it replaces your text. It opens .eml files and
 mailto: links and sends over SMTP. No telemetry. Models are downloaded from
 the app on first start (or imported); none is inside this package.
EOF
# The desktop database and icon cache are refreshed by dpkg triggers
# (desktop-file-utils, hicolor-icon-theme): no maintainer scripts needed.
deb=dist/${app_id}_${version}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
packed_deb=$(date +%s)

# --- tar.gz -----------------------------------------------------------------------------
# The bundle with share/ (desktop entry, icon, AppStream file) beside it.
tarball() {  # $1: folder name under build/, holding the bundle
  mkdir -p "build/$1/share/applications" "build/$1/share/icons/hicolor/scalable/apps" \
    "build/$1/share/metainfo"
  cp "$stage/usr/share/applications/$app_id.desktop" "build/$1/share/applications/"
  cp "$stage/usr/share/icons/hicolor/scalable/apps/$app_id.svg" "build/$1/share/icons/hicolor/scalable/apps/"
  cp "$stage/usr/share/metainfo/$app_id.metainfo.xml" "build/$1/share/metainfo/"
  tar -C build -czf "dist/$1.tar.gz" "$1"
  rm -rf "build/$1"
}
name=$app_id-$version-linux-x86_64
rm -rf "build/$name" && cp -a "$bundle" "build/$name"
tarball "$name"
tarball=dist/$name.tar.gz
finished=$(date +%s)

# No Vulkan variant yet: the Vulkan build's libraries dropped into this bundle
# did not load (dlopen of libggml-vulkan.so.0 failed inside the frozen app);
# for a Vulkan GPU, install from source with `installers/install.sh --backend vulkan`.


echo "Built in $((finished - started)) s (PyInstaller $((frozen - started)) s," \
  ".deb $((packed_deb - frozen)) s, tar.gz $((finished - packed_deb)) s):"
echo "  bundle  $(du -sh "$bundle" | cut -f1)  $root/$bundle"
echo "  .deb    $(du -sh "$deb" | cut -f1)  $root/$deb (installed: $((installed_kb / 1024)) MB)"
echo "  tar.gz  $(du -sh "$tarball" | cut -f1)  $root/$tarball"
