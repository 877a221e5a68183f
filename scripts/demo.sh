#!/usr/bin/env bash
# The README's main command (`npm run demo`): installs what is missing, brings up the local Kafka,
# PostgreSQL and Redis, builds the services and walks one lead from anonymous visitor to sales-accepted.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

if [ ! -d node_modules ]; then
  echo "node_modules is missing: installing the locked dependencies with 'npm ci' first"
  npm ci --no-audit --no-fund
fi

bash scripts/infra/up.sh >&2
npx nx run-many -t build -p ingest scoring --outputStyle=static >&2
SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register scripts/demo/demo.ts
