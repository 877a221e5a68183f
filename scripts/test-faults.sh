#!/usr/bin/env bash
# `npm run test:faults` (add --short for a few seconds per fault): builds the services, then runs them against a
# Kafka, PostgreSQL and Redis the run starts for itself and removes afterwards, kills and stops things under load
# and reconciles the books (scripts/faults/fault-run.ts). The shared infrastructure is never touched; only the
# Kafka jars scripts/infra assembles are needed (`npm run infra:up` once).
source "$(dirname "$0")/lib/prepare.sh"

npx nx run-many -t build -p ingest scoring routing quota --outputStyle=static >&2
SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register scripts/faults/fault-run.ts "$@"
