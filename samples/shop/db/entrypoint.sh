#!/bin/sh
# First start: create the cluster, the user and the database from POSTGRES_* (password from a secret file).
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  initdb -D "$PGDATA" --username=postgres --auth-local=trust --auth-host=scram-sha-256
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  password=$(cat "$POSTGRES_PASSWORD_FILE")
  postgres --single -D "$PGDATA" postgres <<SQL
CREATE USER "$POSTGRES_USER" WITH PASSWORD '$password';
CREATE DATABASE "$POSTGRES_DB" OWNER "$POSTGRES_USER";
SQL
fi
exec postgres -D "$PGDATA"
