#!/usr/bin/env bash
# `npm run test:fuzz`: the longer fuzz campaign. `npm test` runs every fuzz property with a few hundred cases
# (codec) and a few dozen per endpoint (HTTP); this runs the same properties with FUZZ_RUNS cases each
# (default 5000 for the codec, 300 per HTTP endpoint) and prints how many cases were tried in all.
# FUZZ_SEED picks the seed; a failure prints the seed and path that reproduce it.
source "$(dirname "$0")/lib/prepare.sh"

codec_runs=${FUZZ_RUNS:-5000}
http_runs=${FUZZ_HTTP_RUNS:-300}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

bash scripts/infra/up.sh
echo "codec properties: ${codec_runs} cases each; HTTP endpoints: ${http_runs} cases each"
FUZZ_RUNS=$codec_runs npx jest -c libs/contracts/jest.config.cts --ci 'fuzz\.spec\.ts$' 2>&1 | tee -a "$log"
FUZZ_RUNS=$http_runs npx jest -c apps/ingest/jest.int.config.cts --ci -i 'fuzz\.int-spec\.ts$' 2>&1 | tee -a "$log"

total=$(grep -oE '^fuzz .*: [0-9]+ cases$' "$log" | awk '{ sum += $(NF-1) } END { print sum + 0 }')
properties=$(grep -cE '^fuzz .*: [0-9]+ cases$' "$log" || true)
echo "fuzz campaign: ${total} cases over ${properties} properties, none failed"
