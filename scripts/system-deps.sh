#!/usr/bin/env bash
# Checks the system libraries WeasyPrint needs to print PDFs.
# On Debian/Ubuntu as root it installs what is missing; elsewhere it says
# exactly what to install. Never fails the set-up: without them the app
# still runs, only PDF export is unavailable (or, without harfbuzz-subset,
# about six times slower).
set -u

have_lib() {
    if command -v ldconfig >/dev/null 2>&1 && ldconfig -p 2>/dev/null | grep -q "$1"; then
        return 0
    fi
    # macOS / Homebrew and other layouts: look in the usual folders.
    for d in /usr/lib /usr/lib64 /usr/local/lib /opt/homebrew/lib /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu; do
        ls "$d"/"$1"* >/dev/null 2>&1 && return 0
    done
    return 1
}

missing_debs=()
have_lib libpango-1.0.so.0 || have_lib libpango-1.0 || missing_debs+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so.0 || have_lib libpangoft2-1.0 || missing_debs+=(libpangoft2-1.0-0)
have_lib libharfbuzz-subset.so.0 || have_lib libharfbuzz-subset || missing_debs+=(libharfbuzz-subset0)

if [ ${#missing_debs[@]} -eq 0 ]; then
    exit 0
fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "peertui: installing system libraries for PDF export: ${missing_debs[*]}"
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing_debs[@]}" >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 && \
             DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing_debs[@]}" >/dev/null 2>&1; }; then
        exit 0
    fi
    echo "peertui: could not install ${missing_debs[*]} with apt-get." >&2
fi

cat >&2 <<MSG
peertui: PDF export needs system libraries that are missing: ${missing_debs[*]}
  Debian/Ubuntu:  sudo apt-get install ${missing_debs[*]}
  Fedora:         sudo dnf install pango harfbuzz
  macOS:          brew install pango harfbuzz
The app itself works without them; only printing sheets does not
(and without libharfbuzz-subset0, printing is about six times slower).
MSG
exit 0
