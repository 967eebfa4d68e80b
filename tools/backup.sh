#!/usr/bin/env bash
# Backs up a Kocho site on PostgreSQL (docs/deployment.md, "Backup and restore"):
#
#   tools/backup.sh "host=db1 port=5432 user=kocho dbname=kocho" /backup/kocho-2026-12-01 [/etc/kocho/keyring.pfx]
#
# writes into the (new) folder:
#   kocho.dump      the whole database, pg_dump custom format (cases, FAQ, audit trail, outbox, and the key ring:
#                   Data Protection keys and the lookup secret live in the database too)
#   keyring.dump    the key ring tables alone, to keep apart from the data backups (without them, personal data in
#                   every backup is unreadable and residents' access codes stop working)
#   keyring.pfx     the certificate the key ring is encrypted with, when the site has one (Kocho:DataProtection:CertificatePath)
#   SHA256SUMS      checksums, checked by tools/restore.sh
# The password comes from ~/.pgpass or PGPASSWORD, or the connection string. The folder is readable by its owner only.
set -euo pipefail

PG_BIN="${KOCHO_PG_BIN:-/usr/lib/postgresql/15/bin}"
die() { printf 'backup.sh: %s\n' "$*" >&2; exit 1; }

[ $# -ge 2 ] && [ $# -le 3 ] || die "usage: tools/backup.sh CONNINFO FOLDER [KEYRING_CERTIFICATE.pfx]"
conninfo="$1"
folder="$2"
certificate="${3:-}"
[ -x "$PG_BIN/pg_dump" ] || die "$PG_BIN/pg_dump not found (Debian: postgresql-client-15; or set KOCHO_PG_BIN)"
[ ! -e "$folder" ] || die "$folder exists already: a backup goes into a new folder"
[ -z "$certificate" ] || [ -f "$certificate" ] || die "the certificate $certificate does not exist"

umask 077
mkdir -p "$folder"
# One consistent snapshot per dump (pg_dump runs in a repeatable-read transaction); nodes may keep serving.
"$PG_BIN/pg_dump" --format=custom --no-owner --no-privileges --file="$folder/kocho.dump" "$conninfo"
"$PG_BIN/pg_dump" --format=custom --no-owner --no-privileges --data-only \
	--table=core_data_protection_keys --table=core_lookup_keys --file="$folder/keyring.dump" "$conninfo"
if [ -n "$certificate" ]; then cp "$certificate" "$folder/keyring.pfx"; fi
(cd "$folder" && sha256sum -- * >SHA256SUMS)
printf 'backup.sh: %s written (%s)\n' "$folder" "$(du -sh "$folder" | cut -f1)"
