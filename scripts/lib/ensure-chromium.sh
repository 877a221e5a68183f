# shellcheck shell=bash
# Sourced by scripts/test.sh: the console's real-browser tests (apps/console-e2e) drive Debian's Chromium through
# playwright-core, which never downloads a browser of its own. Installs the `chromium` package with apt-get when
# no browser is found; CHROMIUM_PATH names another Chromium build.

chromium_path() {
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    echo "$CHROMIUM_PATH"
  else
    command -v chromium || command -v chromium-browser || true
  fi
}

ensure_chromium() {
  [[ -x "$(chromium_path)" ]] && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium package with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || true
  fi
  [[ -x "$(chromium_path)" ]] && return 0
  echo "ERROR: the console's browser tests need Chromium: install Debian's chromium package or set CHROMIUM_PATH" >&2
  return 1
}

ensure_chromium
