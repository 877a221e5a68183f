#!/usr/bin/env bash
# Runs the Dockerfile's stages without a Docker engine and proves the artifact works, as `npm test` does:
#   bash scripts/image/build-without-docker.sh [app]        (default: quota)
# build stage:   this checkout's `npm ci` stands for the stage's own, then scripts/image/build-app.sh;
# runtime stage: the pruned package.json + package-lock.json alone in a directory outside the workspace (no
#                workspace node_modules to fall back on), scripts/image/install-runtime-deps.sh, then the build;
# checks:        with the image's environment, `migrate` against the local PostgreSQL (a schema of its own, dropped
#                after), `topics` against the local broker, a source-mapped stack trace, the usage exit code,
#                `serve` until /health/ready answers 200 and SIGTERM ends it with 0, and, where `unshare --pid` is
#                permitted, SIGTERM ending it as PID 1 (as in a container) while it waits on its database.
# Where a Docker engine answers, it also builds the image and runs its `migrate` the same way.
source "$(dirname "$0")/../lib/prepare.sh"

app="${1:-quota}"
work="$(mktemp -d)"
out="${work}/out"
runtime="${work}/app"
schema="image_check_$(date +%s)_$$"
serve_pid=""
silent_pid=""

# The image's environment (Dockerfile ENV); the checks add only what the one run needs.
image_env=(NODE_ENV=production NODE_OPTIONS=--enable-source-maps CONSOLE_WEB_DIR="${runtime}/console-web" LOG_LEVEL=info
  DATABASE_SCHEMA="${schema}")

cleanup() {
  if [ -n "${serve_pid}" ] && kill -0 "${serve_pid}" 2>/dev/null; then kill -KILL "${serve_pid}"; fi
  if [ -n "${silent_pid}" ] && kill -0 "${silent_pid}" 2>/dev/null; then kill -KILL "${silent_pid}"; fi
  if [ -d "${runtime}/node_modules/pg" ]; then
    (cd "${runtime}" && node -e '
      const { Client } = require("pg");
      const client = new Client({ connectionString: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres" });
      client.connect().then(() => client.query(`DROP SCHEMA IF EXISTS "${process.argv[1]}" CASCADE`)).finally(() => client.end());
    ' "${schema}") || echo "build-without-docker: could not drop schema ${schema}" >&2
  fi
  rm -rf "${work}"
}
trap cleanup EXIT

fail() {
  echo "build-without-docker: $*" >&2
  exit 1
}

echo "== build stage (${app})"
sh scripts/image/build-app.sh "${app}" "${out}"

echo "== runtime stage"
mkdir -p "${runtime}"
cp "${out}/package.json" "${out}/package-lock.json" "${runtime}/"
sh scripts/image/install-runtime-deps.sh "${runtime}"
cp -R "${out}/." "${runtime}/"
for dev_only in nx jest typescript webpack @swc/core; do
  [ ! -e "${runtime}/node_modules/${dev_only}" ] || fail "development dependency ${dev_only} was installed"
done
if [ "${app}" = console ]; then
  [ -f "${runtime}/console-web/index.html" ] || fail "the console's web app is not in console-web/ beside main.js"
fi

run() { (cd "${runtime}" && env "${image_env[@]}" "$@"); }

echo "== node main.js migrate"
run node main.js migrate >"${work}/migrate.log" 2>&1 || { cat "${work}/migrate.log"; fail "migrate failed"; }
run node main.js migrate 2>&1 | grep -q '"applied":\[\]' || fail "a second migrate found migrations pending"

echo "== node main.js topics"
run node main.js topics >"${work}/topics.log" 2>&1 || { cat "${work}/topics.log"; fail "topics failed"; }

echo "== source maps and usage"
if run env DATABASE_URL=mysql://nowhere node main.js migrate >"${work}/bad.log" 2>&1; then
  fail "migrate accepted a DATABASE_URL that is not postgres://"
fi
grep -q 'service-jobs.ts' "${work}/bad.log" || fail "the stack trace does not name the TypeScript source"
set +e
run node main.js no-such-command >/dev/null 2>&1
usage_code=$?
set -e
[ "${usage_code}" -eq 64 ] || fail "an unknown command exited ${usage_code}, not 64"

echo "== node main.js (serve)"
free_port() { node -e 'const s = require("net").createServer().listen(0, () => { console.log(s.address().port); s.close(); })'; }
port="$(free_port)"
(cd "${runtime}" && exec env "${image_env[@]}" NODE_ENV=development HTTP_PORT="${port}" DATABASE_MIGRATIONS_RUN=false \
  KAFKA_PROVISION_TOPICS=false node main.js >"${work}/serve.log" 2>&1) &
serve_pid=$!
ready=""
for _ in $(seq 1 120); do
  if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:${port}/health/ready"; then
    ready=yes
    break
  fi
  kill -0 "${serve_pid}" 2>/dev/null || break
  sleep 0.5
done
[ -n "${ready}" ] || { cat "${work}/serve.log"; fail "serve never became ready"; }
kill -TERM "${serve_pid}"
set +e
wait "${serve_pid}"
serve_code=$?
set -e
serve_pid=""
[ "${serve_code}" -eq 0 ] || { cat "${work}/serve.log"; fail "serve exited ${serve_code} on SIGTERM, not 0"; }

# In a container Node is PID 1, which gets no default action for SIGTERM: only a handler ends it. A PID namespace of
# its own (where this machine permits one) puts the artifact in that position without Docker.
if unshare --pid --fork --mount-proc true >/dev/null 2>&1; then
  echo "== as PID 1 of its own PID namespace: SIGTERM while boot work waits"
  # A "database" that accepts the connection and never answers: boot work that waits until a signal ends it.
  silent_port="$(free_port)"
  node -e 'require("net").createServer(() => console.log("connected")).listen(Number(process.argv[1]), "127.0.0.1")' \
    "${silent_port}" >"${work}/silent.log" &
  silent_pid=$!
  (cd "${runtime}" && exec env "${image_env[@]}" DATABASE_URL="postgres://postgres@127.0.0.1:${silent_port}/postgres" \
    DATABASE_POOL_ACQUIRE_TIMEOUT_MS=0 unshare --pid --fork --mount-proc node main.js migrate >"${work}/pid1.log" 2>&1) &
  outer_pid=$!
  for _ in $(seq 1 120); do
    grep -q connected "${work}/silent.log" && break
    sleep 0.25
  done
  grep -q connected "${work}/silent.log" || { cat "${work}/pid1.log"; fail "migrate never connected"; }
  node_pid="$(ps -o pid= --ppid "${outer_pid}" | tr -d ' ')"
  signalled_at="$(date +%s)"
  kill -TERM "${node_pid}"
  for _ in $(seq 1 50); do
    kill -0 "${node_pid}" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "${node_pid}" 2>/dev/null; then
    kill -KILL "${node_pid}"
    fail "PID 1 was still running 5 s after SIGTERM"
  fi
  set +e
  wait "${outer_pid}"
  pid1_code=$?
  set -e
  [ "${pid1_code}" -eq 143 ] || { cat "${work}/pid1.log"; fail "PID 1 exited ${pid1_code} on SIGTERM, not 143"; }
  echo "   exited 143 within $(($(date +%s) - signalled_at)) s"
  kill "${silent_pid}"
  wait "${silent_pid}" 2>/dev/null || true
  silent_pid=""
else
  echo "== unshare --pid is not permitted here: the PID 1 check did not run"
fi

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  echo "== docker build (a Docker engine answers)"
  docker build --build-arg APP="${app}" -t "handoff/${app}:image-check" .
  docker run --rm --network host -e DATABASE_SCHEMA="${schema}" -e LOG_LEVEL=warn "handoff/${app}:image-check" migrate
  docker image rm "handoff/${app}:image-check" >/dev/null
else
  echo "== no Docker engine here: the image stages ran without it"
fi
echo "build-without-docker: ${app} image stages OK"
