#!/usr/bin/env bash
# Restores a backup made by tools/backup.sh into a NEW, empty database (docs/deployment.md, "Backup and restore"):
#
#   tools/restore.sh /backup/kocho-2026-12-01 "host=db2 port=5432 user=kocho dbname=kocho_restored"
#
# The database named in CONNINFO is created when it does not exist (the user needs CREATEDB); an existing database
# must hold no tables, so a restore never overwrites a live site. The backup's checksums are verified first.
# Then start one node on it: it migrates the schema if the backup is older than the portal, and rebuilds its
# search index from the database. Put keyring.pfx (if the backup has one) where Kocho:DataProtection:CertificatePath
# points.
set -euo pipefail

PG_BIN="${KOCHO_PG_BIN:-/usr/lib/postgresql/15/bin}"
die() { printf 'restore.sh: %s\n' "$*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: tools/restore.sh FOLDER CONNINFO"
folder="$1"
conninfo="$2"
[ -f "$folder/kocho.dump" ] || die "$folder/kocho.dump not found: not a folder made by tools/backup.sh"
for tool in pg_restore psql; do
	[ -x "$PG_BIN/$tool" ] || die "$PG_BIN/$tool not found (Debian: postgresql-client-15; or set KOCHO_PG_BIN)"
done
(cd "$folder" && sha256sum --check --quiet SHA256SUMS) || die "the checksums of $folder do not match: the backup is damaged"

# The target database's name, as libpq reads it (the last dbname= wins in a conninfo string).
target="$(printf '%s' "$conninfo" | grep -o 'dbname=[^ ]*' | tail -n 1 | cut -d= -f2 || true)"
[ -n "$target" ] || die "CONNINFO must name the new database (dbname=...)"
case "$target" in *[!a-z0-9_]*) die "the database name '$target' must be lower-case letters, digits and _" ;; esac
exists="$("$PG_BIN/psql" "$conninfo dbname=postgres" -Atc "SELECT count(*) FROM pg_database WHERE datname = '$target'")"
if [ "$exists" = "0" ]; then
	"$PG_BIN/psql" "$conninfo dbname=postgres" -qc "CREATE DATABASE $target ENCODING 'UTF8' TEMPLATE template0"
else
	tables="$("$PG_BIN/psql" "$conninfo" -Atc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
	[ "$tables" = "0" ] || die "the database $target already holds $tables tables: restore into a new database"
fi
"$PG_BIN/pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$conninfo" "$folder/kocho.dump"
keys="$("$PG_BIN/psql" "$conninfo" -Atc "SELECT count(*) FROM core_data_protection_keys")"
printf 'restore.sh: %s restored into %s (%s Data Protection keys)\n' "$folder" "$target" "$keys"
