#!/usr/bin/env bash
# The README's main command (`npm run demo`): installs what is missing, brings up the local Kafka,
# PostgreSQL and Redis, builds the services and walks one lead from anonymous visitor to routed and accepted,
# then a won deal through quota's attainment to routing's next decision. `npm run demo -- --live [--rate N]
# [--duration S]` runs the funnel simulator under a live view instead (scripts/demo/live-demo.ts).
source "$(dirname "$0")/lib/prepare.sh"

bash scripts/infra/up.sh >&2
npx nx run-many -t build -p ingest scoring routing quota console console-web --outputStyle=static >&2
# exec: Ctrl-C and SIGTERM reach the demo itself, which stops what it started (`--live` runs until then).
SWC_NODE_PROJECT=tsconfig.base.json exec node -r @swc-node/register scripts/demo/demo.ts "$@"
