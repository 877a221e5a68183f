#!/usr/bin/env bash
# The README's main command (`npm run demo`): installs what is missing, brings up the local Kafka,
# PostgreSQL and Redis, builds the services and walks one lead from anonymous visitor to routed and accepted,
# then a won deal through quota's attainment to routing's next decision.
source "$(dirname "$0")/lib/prepare.sh"

bash scripts/infra/up.sh >&2
npx nx run-many -t build -p ingest scoring routing quota --outputStyle=static >&2
SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register scripts/demo/demo.ts
