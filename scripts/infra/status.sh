#!/usr/bin/env bash
# Show whether Kafka, PostgreSQL and Redis answer, where, and whether
# scripts/infra/up.sh started them (i.e. whether down.sh would stop them).
# Exit 0 if all three are up, 1 otherwise - usable as a CI/dev precondition.
#
# Usage: scripts/infra/status.sh        (env: KAFKA_BROKERS)
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

print_status_table
