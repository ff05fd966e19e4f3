#!/bin/sh
# Runs once, when the database volume is first created: the role Rapport connects as. The migrations run as
# the owner (POSTGRES_USER) and grant this role what it needs; it can never change the audit trail.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_password="$RAPPORT_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE rapport_app LOGIN PASSWORD :'app_password';
SQL
