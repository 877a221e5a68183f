#!/usr/bin/env bash
# The README's test command (`npm test`): brings up whatever local infrastructure is missing, then
# runs lint, type-check, unit tests and builds, then the integration and end-to-end tests against the real Kafka
# broker, PostgreSQL and Redis, with one service's image stages (scripts/image) and the short fault run (on
# infrastructure of its own, see README "Fault tests") beside them.
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

# Beside the suites, in the background (both mostly wait: on npm ci, boots and signals, and on faults and recoveries):
# one service's image build and runtime stages without Docker (with it where an engine answers), and the short fault
# run on infrastructure of its own. Their output follows the suites'.
phase 'integration and end-to-end suites, with the image stages and the short fault run beside them'
image_log="$(mktemp)"
faults_log="$(mktemp)"
bash scripts/image/build-without-docker.sh quota >"$image_log" 2>&1 &
image_stages=$!
bash scripts/test-faults.sh --short >"$faults_log" 2>&1 &
fault_run=$!
suites=0
npx nx run-many -t int-test e2e --parallel=1 --outputStyle=static || suites=$?
images=0
wait "$image_stages" || images=$?
faults=0
wait "$fault_run" || faults=$?
phase 'image stages'
cat "$image_log"
phase 'short fault run'
cat "$faults_log"
rm -f "$image_log" "$faults_log"
if [ "$suites" -ne 0 ] || [ "$images" -ne 0 ] || [ "$faults" -ne 0 ]; then
  echo "npm test: suites exit ${suites}, image stages exit ${images}, fault run exit ${faults}" >&2
  exit 1
fi
phase 'done'
