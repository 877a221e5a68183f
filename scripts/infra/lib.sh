# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this
# Shared helpers for scripts/infra/{up,down,status}.sh. Sourced, never executed.
#
# Local infrastructure for Handoff without Docker:
#   Kafka       - a real Apache Kafka broker (KRaft, combined broker+controller) run
#                 straight from Maven Central jars, owned entirely by these scripts.
#   PostgreSQL  - the machine's own cluster; we only start it if it is down.
#   Redis       - the machine's own redis-server; we only start it if it is down.
# Everything we create lives under <repo>/.cache/infra (git-ignored via .cache/).

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/../.." && pwd)"
CACHE_DIR="$REPO_ROOT/.cache/infra"

# --- Kafka ------------------------------------------------------------------------
KAFKA_DEFAULT_BROKERS="127.0.0.1:9092"
KAFKA_BROKERS="${KAFKA_BROKERS:-$KAFKA_DEFAULT_BROKERS}"
KAFKA_POM="$INFRA_DIR/kafka/pom.xml"
KAFKA_LOG4J_CONFIG="$INFRA_DIR/kafka/log4j2.properties"
KAFKA_HOME="$CACHE_DIR/kafka"
KAFKA_LIB_DIR="$KAFKA_HOME/lib"
KAFKA_LIB_STAMP="$KAFKA_LIB_DIR/.stamp"
KAFKA_DATA_DIR="$KAFKA_HOME/data"
KAFKA_CONFIG="$KAFKA_HOME/server.properties"
KAFKA_CLUSTER_ID_FILE="$KAFKA_HOME/cluster.id"
KAFKA_PID_FILE="$CACHE_DIR/kafka.pid"
# Written once the kafkajs round-trip succeeded, so a later `up` can tell
# "our broker is fully ready" from "our broker is still booting".
KAFKA_READY_FILE="$CACHE_DIR/kafka.ready"
KAFKA_START_TIMEOUT_S="${KAFKA_START_TIMEOUT_S:-90}"
KAFKA_STOP_TIMEOUT_S=30

# --- PostgreSQL / Redis ---------------------------------------------------------------
PG_HOST=127.0.0.1
PG_PORT=5432
REDIS_HOST=127.0.0.1
REDIS_PORT=6379

# --- Bookkeeping ----------------------------------------------------------------------
LOG_DIR="$CACHE_DIR/logs"
KAFKA_LOG="$LOG_DIR/kafka.log"
# One empty file per service that *these scripts* started, so `down` never stops
# a PostgreSQL/Redis that was already running (e.g. the machine's CI services).
STARTED_DIR="$CACHE_DIR/started"
LOCK_FILE="$CACHE_DIR/.lock"

log()  { printf '[infra] %s\n' "$*" >&2; }
die()  { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

ensure_cache_dirs() {
  mkdir -p "$CACHE_DIR" "$LOG_DIR" "$STARTED_DIR" "$KAFKA_HOME"
}

# Serialise up/down so two terminals (or nx targets) can't race on the pid/marker files.
# The lock is fd 9 of this shell. Every long-lived daemon we spawn (Kafka, Redis,
# PostgreSQL, apt postinst) must be started with `9>&-`, otherwise it inherits the
# fd and holds the lock for its whole life, and the next up/down blocks forever.
take_lock() {
  ensure_cache_dirs
  exec 9>"$LOCK_FILE"
  # A cold `up` (Maven download + first Kafka start) takes a couple of minutes.
  flock -w 300 9 || die "another scripts/infra up/down is holding $LOCK_FILE (see: fuser -v $LOCK_FILE)"
}

mark_started()   { : >"$STARTED_DIR/$1"; }
unmark_started() { rm -f "$STARTED_DIR/$1"; }
was_started_by_us() { [[ -e "$STARTED_DIR/$1" ]]; }

# tcp_open HOST PORT -> 0 if something accepts a TCP connection (bash /dev/tcp, no nc needed).
tcp_open() {
  timeout 2 bash -c ">/dev/tcp/$1/$2" 2>/dev/null
}

# First entry of a comma-separated bootstrap list, split into host/port.
kafka_host() { local b="${KAFKA_BROKERS%%,*}"; echo "${b%:*}"; }
kafka_port() { local b="${KAFKA_BROKERS%%,*}"; echo "${b##*:}"; }

# We only ever launch a broker on the default local address; a custom KAFKA_BROKERS
# means "someone else's Kafka" and we just check it.
kafka_is_local_default() {
  case "$KAFKA_BROKERS" in
    127.0.0.1:9092 | localhost:9092) return 0 ;;
    *) return 1 ;;
  esac
}

kafka_answers() { tcp_open "$(kafka_host)" "$(kafka_port)"; }

# Pid of the broker we started, if it is still alive and really is our broker
# (guards against pid reuse after a reboot leaving a stale pid file).
kafka_our_pid() {
  [[ -f "$KAFKA_PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$KAFKA_PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "kafka.Kafka $KAFKA_CONFIG" || return 1
  echo "$pid"
}

pg_answers()    { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }
redis_answers() { [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]; }

# Newest installed cluster version, e.g. "15" (Debian layout: /etc/postgresql/<ver>/main).
pg_cluster_version() {
  find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -n 1
}

pg_ctl_main() {
  local version
  version="$(pg_cluster_version)"
  [[ -n "$version" ]] || die "no PostgreSQL cluster under /etc/postgresql"
  pg_ctlcluster --skip-systemctl-redirect "$version" main "$1" 9>&-
}

# wait_for SECONDS DESCRIPTION CMD... -> polls CMD every 0.5 s.
wait_for() {
  local timeout_s="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + timeout_s))
  until "$@"; do
    ((SECONDS < deadline)) || { log "timed out after ${timeout_s}s waiting for $what"; return 1; }
    sleep 0.5
  done
}

# wait_until_gone SECONDS CMD... -> polls until CMD fails.
wait_until_gone() {
  local timeout_s="$1"
  shift
  local deadline=$((SECONDS + timeout_s))
  while "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# --- Status table (shared by up.sh and status.sh) -------------------------------------

# service_state NAME -> "up" / "down"
service_state() {
  case "$1" in
    kafka) kafka_answers && echo up || echo down ;;
    postgres) pg_answers && echo up || echo down ;;
    redis) redis_answers && echo up || echo down ;;
  esac
}

service_address() {
  case "$1" in
    kafka) echo "$KAFKA_BROKERS" ;;
    postgres) echo "$PG_HOST:$PG_PORT" ;;
    redis) echo "$REDIS_HOST:$REDIS_PORT" ;;
  esac
}

service_started_by_us() {
  case "$1" in
    kafka) if kafka_our_pid >/dev/null; then echo "yes (pid $(kafka_our_pid))"; else echo no; fi ;;
    *) was_started_by_us "$1" && echo yes || echo no ;;
  esac
}

# print_status_table -> prints the table; returns 0 only if every service is up.
print_status_table() {
  local svc state all_up=0
  printf '%-10s %-5s %-16s %s\n' SERVICE STATE ADDRESS STARTED-BY-US
  for svc in kafka postgres redis; do
    state="$(service_state "$svc")"
    [[ "$state" == up ]] || all_up=1
    printf '%-10s %-5s %-16s %s\n' "$svc" "$state" "$(service_address "$svc")" "$(service_started_by_us "$svc")"
  done
  return "$all_up"
}
