#!/bin/sh
# Runs once, on the Compose database's first start (docker-entrypoint-initdb.d): the two users Handoff connects as.
#   handoff_migrate  may create schemas in the database; the migrate-<service> jobs create each service's schema
#                    and tables as it, so it owns them.
#   handoff_app      gets, on every schema and table handoff_migrate creates from now on, the data rights only
#                    (USAGE; SELECT, INSERT, UPDATE, DELETE; sequences): the services run as it, without DDL.
set -eu
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB}" \
  -v migrate_password="${HANDOFF_MIGRATE_DB_PASSWORD}" -v app_password="${HANDOFF_APP_DB_PASSWORD}" \
  -f /docker-entrypoint-initdb.d/users.psql
