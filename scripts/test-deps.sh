#!/usr/bin/env bash
# What the test suite needs from the system beyond Python packages: Chromium, for the tests that
# open the phone page as a phone would (tests/browser/). Debian's package, never a browser
# download. As root with apt-get it installs what is missing; elsewhere it says how, and those
# tests are skipped (except on CI, where they fail instead).
set -u
command -v chromium >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "peertui: installing Chromium for the browser tests (apt-get install chromium)"
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 && \
             DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1; }; then
        exit 0
    fi
    echo "peertui: could not install chromium with apt-get." >&2
fi
echo "peertui: the browser tests need Chromium: sudo apt-get install chromium" >&2
exit 0
