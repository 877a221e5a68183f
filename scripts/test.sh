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

phase() { echo "== npm test: $1 (${SECONDS} s in)"; }

# Formatting first: cheap, and a misformatted file fails in seconds rather than after the suites.
phase 'formatting'
npx prettier --check . --log-level warn

# Two cores: two projects at a time for the fast checks and the builds (the end-to-end suites then find the built
# services in Nx's cache); integration suites one at a time so they do not compete for the single broker and skew
# each other's timeouts.
phase 'lint, type-check, unit tests and builds'
npx nx run-many -t lint typecheck test build --parallel=2 --outputStyle=static

# The image's build and runtime stages for one service, without Docker (and with it where an engine answers). They
# mostly wait (npm ci, boots, signals), so they run beside the suites; their output follows the suites'.
phase 'image stages (in the background) and the integration and end-to-end suites'
image_log="$(mktemp)"
bash scripts/image/build-without-docker.sh quota >"$image_log" 2>&1 &
image_stages=$!
suites=0
npx nx run-many -t int-test e2e --parallel=1 --outputStyle=static || suites=$?
images=0
wait "$image_stages" || images=$?
cat "$image_log"
rm -f "$image_log"
if [ "$suites" -ne 0 ] || [ "$images" -ne 0 ]; then
  echo "npm test: integration/end-to-end suites exit ${suites}, image stages exit ${images}" >&2
  exit 1
fi

phase 'short fault run'
bash scripts/test-faults.sh --short
phase 'done'
