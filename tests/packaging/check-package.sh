#!/usr/bin/env bash
# check-package.sh BUILD_DIR VERSION APP_ID
# Makes the Debian package from a built tree and checks it the way a user's machine would use it.
set -euo pipefail
build=$1 version=$2 app=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" > "$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/*.deb)
echo "package: $(basename "$deb")"

# Depends come from dpkg-shlibdeps, so they name the Qt libraries the binaries really link.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6core6 libqt6network6 libqt6widgets6 libc6; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done

dpkg-deb -x "$deb" "$work/root"
root=$work/root/usr

"$root/bin/tenfold-cli" --version | grep -qx "tenfold-cli $version" || fail "tenfold-cli --version"
[ -x "$root/bin/tenfold" ] || fail "tenfold is not installed"
QT_QPA_PLATFORM=offscreen "$root/bin/tenfold" --version | grep -q "$version" || fail "tenfold --version"

sample=$root/share/tenfold/sessions/getting-started.tenfold.json
[ -f "$sample" ] || fail "sample sessions are not installed"
"$root/bin/tenfold-cli" validate "$sample" > "$work/validate.txt" || fail "validate of the packaged sample"
grep -q "input.batches" "$work/validate.txt" || fail "validate printed nothing useful"
set +e
"$root/bin/tenfold-cli" validate "$root/share/tenfold/sessions/broken-batch.tenfold.json" > /dev/null
[ $? -eq 1 ] || fail "validate of the broken sample should exit 1"
set -e

desktop-file-validate "$root/share/applications/$app.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/share/metainfo/$app.metainfo.xml" || fail "appstreamcli validate"
grep -q "application/x-tenfold-session" "$root/share/mime/packages/$app.xml" || fail "MIME type"
[ -f "$root/share/icons/hicolor/scalable/apps/$app.svg" ] || fail "scalable icon"
for size in 16 32 48 128 256 512; do
    png=$root/share/icons/hicolor/${size}x${size}/apps/$app.png
    [ -s "$png" ] || fail "icon ${size}x${size}"
    file "$png" | grep -q "$size x $size" || fail "icon ${size}x${size} has the wrong size"
done
for page in tenfold tenfold-cli; do
    [ -f "$root/share/man/man1/$page.1" ] || [ -f "$root/share/man/man1/$page.1.gz" ] || fail "man page $page"
done
echo "package checks passed"
