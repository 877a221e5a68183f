# Sourced by the README's commands (test.sh, demo.sh): run from the workspace root with Nx quiet and local,
# installing the locked dependencies first on a fresh checkout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

if [ ! -d node_modules ]; then
  echo "node_modules is missing: installing the locked dependencies with 'npm ci' first"
  npm ci --no-audit --no-fund
fi
