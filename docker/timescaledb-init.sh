#!/usr/bin/env bash
# First start of the compose TimescaleDB: a login role for Grafana that holds only the read-only
# gold_command_reader role (whose SELECT grants the history migrations add).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE EXTENSION IF NOT EXISTS timescaledb;
CREATE ROLE gold_command_reader NOLOGIN;
CREATE ROLE grafana LOGIN PASSWORD '${GC_GRAFANA_DB_PASSWORD}' IN ROLE gold_command_reader;
SQL
