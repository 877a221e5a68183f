#!/bin/sh
# Image build stage, after `npm ci` of the workspace: builds one service and copies what its image needs to OUT:
# main.js with its source map, its assets, and the package.json + package-lock.json the build prunes to the
# service's own production dependencies; for the console, also the web app it serves, in console-web/ (the
# Dockerfile points CONSOLE_WEB_DIR there). Run by the Dockerfile and by scripts/image/build-without-docker.sh.
#   sh scripts/image/build-app.sh <app> <out-dir>
set -eu

app="${1:?usage: build-app.sh <app> <out-dir>}"
out="${2:?usage: build-app.sh <app> <out-dir>}"
dist="dist/apps/${app}"

nx_build() { NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false npx nx build "$1" --outputStyle=static; }

nx_build "${app}"
if [ "${app}" = console ]; then
  nx_build console-web
  if [ ! -f dist/apps/console-web/index.html ]; then
    echo "build-app: dist/apps/console-web/index.html is missing (outDir in apps/console-web/vite.config.mts)" >&2
    exit 1
  fi
fi

# The runtime stage installs from these; a build that stopped emitting them must fail here, not in production.
for file in main.js main.js.map package.json package-lock.json; do
  if [ ! -f "${dist}/${file}" ]; then
    echo "build-app: ${dist}/${file} is missing (generatePackageJson in tools/build/service-webpack.config.js)" >&2
    exit 1
  fi
done
if grep -q '"devDependencies"' "${dist}/package.json"; then
  echo "build-app: ${dist}/package.json lists devDependencies; the image installs production dependencies only" >&2
  exit 1
fi

mkdir -p "${out}"
cp -R "${dist}/." "${out}/"
if [ "${app}" = console ]; then cp -R dist/apps/console-web "${out}/console-web"; fi
echo "build-app: ${app} built into ${out}"
