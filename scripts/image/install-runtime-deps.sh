#!/bin/sh
# Image runtime stage: installs a built service's production dependencies from the pruned lockfile the build
# emitted, exactly (npm ci fails if package.json and the lockfile disagree). No install scripts run: no runtime
# dependency needs one, and none gets to run code at build time. Run by the Dockerfile and by
# scripts/image/build-without-docker.sh.
#   sh scripts/image/install-runtime-deps.sh <app-dir>
set -eu

dir="${1:?usage: install-runtime-deps.sh <app-dir>}"
cd "${dir}"
if [ ! -f package-lock.json ]; then
  echo "install-runtime-deps: no package-lock.json in ${dir}; copy the one the build emitted" >&2
  exit 1
fi
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
echo "install-runtime-deps: production dependencies installed in ${dir}"
