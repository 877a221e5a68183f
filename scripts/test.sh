#!/usr/bin/env bash
# The README's test command (`npm test`): brings up whatever local infrastructure is missing, then
# runs lint, type-check and unit tests, then one service's image stages (scripts/image), then the integration
# and end-to-end tests against the real Kafka broker, PostgreSQL and Redis, then the short fault run (on
# infrastructure of its own, see README "Fault tests").
source "$(dirname "$0")/lib/prepare.sh"
# kubectl renders the Kubernetes manifests that tools/k8s validates.
source scripts/lib/ensure-kubectl.sh
# Chromium (Debian's package) runs the console's real-browser tests (apps/console-e2e).
source scripts/lib/ensure-chromium.sh

bash scripts/infra/up.sh

# Formatting first: cheap, and a misformatted file fails in seconds rather than after the suites.
npx prettier --check . --log-level warn

# Two cores: two projects at a time for the fast checks and the builds (the end-to-end suites then find the built
# services in Nx's cache); integration suites one at a time so they do not compete for the single broker and skew
# each other's timeouts.
npx nx run-many -t lint typecheck test build --parallel=2 --outputStyle=static
# The image's build and runtime stages for one service, without Docker (and with it where an engine answers).
bash scripts/image/build-without-docker.sh quota
npx nx run-many -t int-test e2e --parallel=1 --outputStyle=static
bash scripts/test-faults.sh --short
