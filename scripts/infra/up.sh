#!/usr/bin/env bash
# Bring up local infrastructure for Handoff: Kafka, PostgreSQL, Redis.
# Idempotent: anything that already answers is used as-is; only what is down gets
# started, and what we start is recorded so scripts/infra/down.sh stops only that.
#
# Usage: scripts/infra/up.sh            (env: KAFKA_BROKERS, KAFKA_START_TIMEOUT_S)
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

declare -A ACTION=()   # what this run did per service, for the final table

# ====================================================================== Kafka ==========

kafka_version() {
  sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM"
}

# The stamp holds the Kafka version plus a hash of the POM: a version bump or a
# dependency change re-assembles the jars; otherwise Maven is skipped entirely.
kafka_lib_stamp_wanted() {
  echo "kafka=$(kafka_version) pom-sha256=$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)"
}

kafka_lib_is_complete() {
  [[ -f "$KAFKA_LIB_STAMP" ]] && [[ "$(cat "$KAFKA_LIB_STAMP")" == "$(kafka_lib_stamp_wanted)" ]]
}

kafka_assemble_jars() {
  if kafka_lib_is_complete; then
    return 0
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is required to fetch Kafka jars: apt-get install -y maven"
  log "assembling Kafka $(kafka_version) jars from Maven Central (first run only)..."
  # Copy into a temp dir and swap it in, so an interrupted download never leaves a
  # half-filled lib dir that looks complete.
  local tmp="$KAFKA_HOME/lib.tmp"
  rm -rf "$tmp"
  mvn -q -B -f "$KAFKA_POM" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime >&2 \
    || die "mvn dependency:copy-dependencies failed"
  kafka_lib_stamp_wanted >"$tmp/.stamp"
  rm -rf "$KAFKA_LIB_DIR"
  mv "$tmp" "$KAFKA_LIB_DIR"
}

# Rewritten on every start so edits here always take effect; the data dir is what persists.
kafka_write_config() {
  kafka_server_properties 9092 9093 "$KAFKA_DATA_DIR" >"$KAFKA_CONFIG"
}

# StorageTool refuses to start a broker on an unformatted dir, and formatting twice
# fails, so format exactly once. With static controller.quorum.voters Kafka 4.x
# rejects --standalone / --initial-controllers (those are for dynamic quorums).
kafka_format_once() {
  [[ -f "$KAFKA_DATA_DIR/meta.properties" ]] && return 0
  mkdir -p "$KAFKA_DATA_DIR"
  if [[ ! -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
    java -cp "$KAFKA_LIB_DIR/*" -Dlog4j2.configurationFile="$KAFKA_LOG4J_CONFIG" \
      kafka.tools.StorageTool random-uuid | tail -n 1 >"$KAFKA_CLUSTER_ID_FILE"
  fi
  log "formatting KRaft log dir (cluster id $(cat "$KAFKA_CLUSTER_ID_FILE"))"
  java -cp "$KAFKA_LIB_DIR/*" -Dlog4j2.configurationFile="$KAFKA_LOG4J_CONFIG" \
    kafka.tools.StorageTool format -t "$(cat "$KAFKA_CLUSTER_ID_FILE")" -c "$KAFKA_CONFIG" >>"$KAFKA_LOG" 2>&1 \
    || die "StorageTool format failed, see $KAFKA_LOG"
}

# Keep the log from growing forever across many dev sessions.
kafka_rotate_log() {
  if [[ -f "$KAFKA_LOG" ]] && (($(stat -c %s "$KAFKA_LOG") > 50 * 1024 * 1024)); then
    mv -f "$KAFKA_LOG" "$KAFKA_LOG.1"
  fi
}

kafka_launch() {
  kafka_rotate_log
  printf '\n===== %s scripts/infra/up.sh starting Kafka =====\n' "$(date -Is)" >>"$KAFKA_LOG"
  rm -f "$KAFKA_PID_FILE" "$KAFKA_READY_FILE"
  # setsid: own session, so Ctrl-C in the terminal that ran `up` (or an nx task
  # runner killing its process group) does not take the broker down with it.
  # The inner bash writes its own pid and then execs java, so the pid file is
  # the JVM's pid whether or not setsid had to fork.
  # shellcheck disable=SC2016  # $$/$1/$@ are meant for the inner bash
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$KAFKA_PID_FILE" \
    java -Xms256m -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J_CONFIG" \
    -cp "$KAFKA_LIB_DIR/*" kafka.Kafka "$KAFKA_CONFIG" \
    </dev/null >>"$KAFKA_LOG" 2>&1 9>&- &
  wait_for 5 "Kafka pid file" test -s "$KAFKA_PID_FILE" || die "Kafka did not start, see $KAFKA_LOG"
}

# 0 = ready, 1 = not ready yet, 3 = kafkajs/node unavailable (caller falls back to TCP).
kafka_client_ready() {
  command -v node >/dev/null || return 3
  local rc=0
  KAFKA_BROKERS="$KAFKA_BROKERS" KAFKA_READY_TIMEOUT_MS="$1" \
    node "$INFRA_DIR/kafka-ready.js" >&2 || rc=$?
  return "$rc"
}

# Wait until a client can really use the broker (see kafka-ready.js), bailing out early
# if our JVM dies (bad config, port clash) instead of sleeping out the whole timeout.
kafka_wait_ready() {
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT_S))
  until kafka_answers; do
    if ! kafka_our_pid >/dev/null; then
      tail -n 30 "$KAFKA_LOG" >&2
      die "Kafka exited during startup, see $KAFKA_LOG"
    fi
    ((SECONDS < deadline)) || die "Kafka port not open after ${KAFKA_START_TIMEOUT_S}s, see $KAFKA_LOG"
    sleep 0.5
  done

  local rc remaining
  while true; do
    remaining=$((deadline - SECONDS))
    ((remaining > 0)) || die "Kafka not ready for clients after ${KAFKA_START_TIMEOUT_S}s, see $KAFKA_LOG"
    rc=0
    kafka_client_ready "$((remaining * 1000))" || rc=$?
    case "$rc" in
      0) break ;;
      3) log "kafkajs not installed; Kafka readiness checked by TCP port only"; break ;;
      *) kafka_our_pid >/dev/null || die "Kafka exited during startup, see $KAFKA_LOG"; sleep 1 ;;
    esac
  done
  : >"$KAFKA_READY_FILE"
}

kafka_up() {
  if kafka_answers; then
    # Our own broker that a concurrent/interrupted `up` launched but never confirmed
    # ready: finish the readiness wait rather than report it up too early.
    if kafka_our_pid >/dev/null && [[ ! -f "$KAFKA_READY_FILE" ]]; then
      kafka_wait_ready
    fi
    # Tests that start brokers of their own (the SASL listener, the fault runs) need the jars even when a
    # broker already answers, as on a fresh checkout beside a running one.
    kafka_assemble_jars
    ACTION[kafka]="already running"
    return 0
  fi

  if ! kafka_is_local_default; then
    die "KAFKA_BROKERS=$KAFKA_BROKERS does not answer; up.sh only starts Kafka on $KAFKA_DEFAULT_BROKERS"
  fi
  command -v java >/dev/null || die "java is required to run Kafka"

  if kafka_our_pid >/dev/null; then
    log "Kafka (pid $(kafka_our_pid)) is still booting; waiting for it"
  else
    kafka_assemble_jars
    kafka_write_config
    kafka_format_once
    kafka_launch
    log "started Kafka (pid $(cat "$KAFKA_PID_FILE")), waiting until it is ready for clients..."
  fi
  kafka_wait_ready
  ACTION[kafka]="started"
}

# ================================================================= PostgreSQL ==========

apt_install() {
  [[ "$(id -u)" == 0 ]] || die "need root to apt-get install $*"
  log "installing $* with apt-get..."
  # policy-rc.d-less containers may or may not auto-start the service; we start it
  # explicitly afterwards either way.
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 9>&-
}

# A fresh Debian cluster uses scram-sha-256 for TCP; the services and tests connect
# as postgres without a password, so put trust rules for loopback first (first match wins).
pg_configure_trust() {
  local hba
  hba="/etc/postgresql/$(pg_cluster_version)/main/pg_hba.conf"
  [[ -f "$hba" ]] || die "missing $hba"
  grep -q 'handoff scripts/infra' "$hba" && return 0
  local tmp
  tmp="$(mktemp)"
  {
    echo '# handoff scripts/infra/up.sh: local dev, passwordless loopback'
    echo 'host    all    all    127.0.0.1/32    trust'
    echo 'host    all    all    ::1/128         trust'
    cat "$hba"
  } >"$tmp"
  cat "$tmp" >"$hba"   # keep the file's owner/mode
  rm -f "$tmp"
}

pg_up() {
  if pg_answers; then
    ACTION[postgres]="already running"
    return 0
  fi

  local installed=no
  if ! command -v pg_ctlcluster >/dev/null || [[ -z "$(pg_cluster_version)" ]]; then
    apt_install postgresql
    installed=yes
    pg_configure_trust
  fi

  mark_started postgres
  if [[ "$installed" == yes ]]; then
    # apt may already have started it with the old pg_hba; restart picks up trust.
    pg_ctl_main restart >&2 || pg_ctl_main start >&2
  else
    pg_ctl_main start >&2
  fi
  wait_for 60 "PostgreSQL on $PG_HOST:$PG_PORT" pg_answers || die "PostgreSQL did not come up"
  if [[ "$installed" == yes ]]; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -Atc 'select 1' >/dev/null \
      || die "PostgreSQL is up but postgres@$PG_HOST is not accepted with trust auth"
    ACTION[postgres]="installed + started"
  else
    ACTION[postgres]="started"
  fi
}

# ====================================================================== Redis ==========

redis_up() {
  if redis_answers; then
    ACTION[redis]="already running"
    return 0
  fi

  local installed=no
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    apt_install redis-server
    installed=yes
  fi

  mark_started redis
  # apt's postinst may have started one already; starting a second would just fail on the port.
  if ! redis_answers; then
    mkdir -p /var/lib/redis /var/log/redis
    # No persistence: this is a disposable dev/test cache.
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
      --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log >&2 9>&-
  fi
  wait_for 30 "Redis on $REDIS_HOST:$REDIS_PORT" redis_answers || die "Redis did not come up"
  [[ "$installed" == yes ]] && ACTION[redis]="installed + started" || ACTION[redis]="started"
}

# ======================================================================= main ==========

print_summary() {
  local svc
  echo
  print_status_table || true
  echo
  for svc in kafka postgres redis; do
    printf '  %-9s %s\n' "$svc:" "${ACTION[$svc]:-?}"
  done
  echo "  logs:     $KAFKA_LOG"
}

main() {
  take_lock
  # Fast ones first so a broken PostgreSQL/Redis fails before we spend time on Kafka.
  pg_up
  redis_up
  kafka_up
  print_summary
}

main "$@"
