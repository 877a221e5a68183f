#!/usr/bin/env bash
# Stop only what scripts/infra/up.sh started: our Kafka broker (by pid file), and
# PostgreSQL/Redis only if up.sh recorded starting them. Services that were already
# running before `up` (e.g. the machine's own PostgreSQL) are left alone.
#
# Usage: scripts/infra/down.sh [--purge]
#   --purge  also delete Kafka's data dir (topics, offsets, cluster id); jars are kept.
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PURGE=no

parse_args() {
  while (($#)); do
    case "$1" in
      --purge) PURGE=yes ;;
      -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
      *) die "unknown argument: $1 (usage: down.sh [--purge])" ;;
    esac
    shift
  done
}

pid_alive() { kill -0 "$1" 2>/dev/null; }

# SIGTERM lets the broker do a controlled shutdown and flush its logs, which keeps
# the next start fast (no log recovery); SIGKILL only if it hangs.
kafka_down() {
  local pid
  if ! pid="$(kafka_our_pid)"; then
    rm -f "$KAFKA_PID_FILE" "$KAFKA_READY_FILE"
    log "kafka: not started by us, nothing to stop"
    return 0
  fi
  log "kafka: stopping pid $pid..."
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_until_gone "$KAFKA_STOP_TIMEOUT_S" pid_alive "$pid"; then
    log "kafka: still running after ${KAFKA_STOP_TIMEOUT_S}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until_gone 5 pid_alive "$pid" || die "kafka: pid $pid survived SIGKILL"
  fi
  rm -f "$KAFKA_PID_FILE" "$KAFKA_READY_FILE"
  log "kafka: stopped"
}

kafka_purge() {
  [[ "$PURGE" == yes ]] || return 0
  # Never wipe a log dir under a live broker (e.g. one that a foreign pid file hid from us).
  if pgrep -f "kafka.Kafka $KAFKA_CONFIG" >/dev/null; then
    die "a Kafka using $KAFKA_CONFIG is still running; not purging"
  fi
  rm -rf "$KAFKA_DATA_DIR" "$KAFKA_CLUSTER_ID_FILE"
  log "kafka: purged $KAFKA_DATA_DIR"
}

pg_down() {
  if ! was_started_by_us postgres; then
    log "postgres: not started by us, leaving it running"
    return 0
  fi
  log "postgres: stopping..."
  if pg_answers; then
    pg_ctl_main stop >&2
  fi
  wait_until_gone 30 pg_answers || die "postgres: still answering after stop"
  unmark_started postgres
  log "postgres: stopped"
}

redis_down() {
  if ! was_started_by_us redis; then
    log "redis: not started by us, leaving it running"
    return 0
  fi
  log "redis: stopping..."
  if redis_answers; then
    # nosave: up.sh runs it without persistence; don't write a dump on the way out.
    redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  fi
  wait_until_gone 15 redis_answers || die "redis: still answering after shutdown"
  unmark_started redis
  log "redis: stopped"
}

main() {
  parse_args "$@"
  take_lock
  kafka_down
  kafka_purge
  pg_down
  redis_down
}

main "$@"
