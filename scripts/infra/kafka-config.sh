#!/usr/bin/env bash
# Writes a broker config with the shared broker's settings but its own ports and log dir, and prints the
# classpath and log4j2 config to start it with: for processes that run a broker of their own (the fault tests).
#
# Usage: scripts/infra/kafka-config.sh OUT_FILE BROKER_PORT CONTROLLER_PORT DATA_DIR
#   prints two lines: the jar directory (assembled by up.sh) and the log4j2 config file.
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# == 4)) || die "usage: kafka-config.sh OUT_FILE BROKER_PORT CONTROLLER_PORT DATA_DIR"
[[ -f "$KAFKA_LIB_STAMP" ]] || die "no Kafka jars in $KAFKA_LIB_DIR: run scripts/infra/up.sh once first"
kafka_server_properties "$2" "$3" "$4" >"$1"
echo "$KAFKA_LIB_DIR"
echo "$KAFKA_LOG4J_CONFIG"
