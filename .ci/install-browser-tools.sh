#!/usr/bin/env bash
# Install what the browser and Lighthouse tests need, on a Debian machine:
#
#   bash .ci/install-browser-tools.sh
#
#   - Debian: chromium (headless browser), default-jre-headless (Java, for
#     the HTML validator test), fonts-noto-cjk (Chinese in screenshots);
#     nodejs and npm too when `node` is missing;
#   - PyPI: playwright (pinned below) into the project's .venv
#     (VENV=path to use another virtualenv);
#   - npm: `npm ci` from package.json/package-lock.json (Lighthouse, whose
#     dependencies include axe-core) into ./node_modules.
#
# Idempotent and quiet: each step is skipped when what it installs is there
# (apt when the packages are installed, pip when the pinned version is, npm
# when node_modules was installed from the same package-lock.json), so a
# second run takes about a second. Never runs `playwright install`: the tests
# use Debian's /usr/bin/chromium. Run from anywhere; needs root (or sudo) only
# when Debian packages are missing.
set -euo pipefail

cd "$(dirname "$0")/.."
PLAYWRIGHT_VERSION=1.65.2
APT_PACKAGES=(chromium default-jre-headless fonts-noto-cjk)
VENV=${VENV:-.venv}

say() { echo "install-browser-tools: $*"; }

# ------------------------------------------------------------------ Debian
missing_packages() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
    done
}

wanted=("${APT_PACKAGES[@]}")
command -v node >/dev/null || wanted+=(nodejs)
command -v npm >/dev/null || wanted+=(npm)
mapfile -t need < <(missing_packages "${wanted[@]}")
if [ "${#need[@]}" -gt 0 ]; then
    if ! command -v apt-get >/dev/null; then
        say "not a Debian machine (no apt-get); install ${need[*]} by hand" >&2
        exit 1
    fi
    sudo=()
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { say "need root to install ${need[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    say "apt-get install ${need[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

# ------------------------------------------------------------------ PyPI
if [ ! -x "$VENV/bin/python" ]; then
    say "no virtualenv at $VENV (create it first: python3 -m venv $VENV)" >&2
    exit 1
fi
have=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("playwright"))' 2>/dev/null || true)
if [ "$have" != "$PLAYWRIGHT_VERSION" ]; then
    say "pip install playwright==$PLAYWRIGHT_VERSION"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "playwright==$PLAYWRIGHT_VERSION"
fi

# ------------------------------------------------------------------ npm
stamp=node_modules/.installed-from-lock.sha256
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -x node_modules/.bin/lighthouse ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
    say "npm ci (Lighthouse)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    echo "$lock_sum" > "$stamp"
fi

# ------------------------------------------------------------------ check
chromium_version=$(/usr/bin/chromium --version 2>/dev/null) || {
    say "/usr/bin/chromium does not start" >&2; exit 1; }
say "ready: ${chromium_version}, playwright $PLAYWRIGHT_VERSION, lighthouse $(node_modules/.bin/lighthouse --version), node $(node --version)"
