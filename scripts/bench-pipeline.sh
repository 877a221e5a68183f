#!/usr/bin/env bash
# `npm run bench`: builds the four services, brings up the local infrastructure and runs the pipeline benchmark
# (scripts/bench/pipeline.bench.ts; README "Pipeline benchmark"). Flags pass through, e.g. `npm run bench -- --quick`.
source "$(dirname "$0")/lib/prepare.sh"

bash scripts/infra/up.sh >&2
npx nx run-many -t build -p ingest scoring routing quota --outputStyle=static >&2
SWC_NODE_PROJECT=tsconfig.base.json exec node -r @swc-node/register scripts/bench/pipeline.bench.ts "$@"
