#!/usr/bin/env bash
# Kocho's one test command (README) and CI entry point (.ci/run calls it).
#
#   ./test.sh [extra dotnet test args...]
#
# 1. installs what the tests need from Debian when missing (chromium,
#    fonts-noto-cjk, postgresql 15, python3-aiosmtpd, dovecot-imapd, nginx-light);
# 2. starts a throwaway PostgreSQL 15 on 127.0.0.1:$KOCHO_TEST_PG_PORT
#    (default 55432), user kocho / password kocho (superuser);
# 3. builds Kocho.sln once (Release), runs every test with SQLite, then the
#    Category=Integration tests again with PostgreSQL;
# 4. prints "N passed, N failed[, N skipped]" over both runs.
# PostgreSQL is stopped and its temp dir removed on exit, also on failure.
# See tools/README.md.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT="${KOCHO_TEST_PG_PORT:-55432}"
CHROMIUM=/usr/bin/chromium
SMTP_PYTHON=/usr/bin/python3
NGINX=/usr/sbin/nginx

export DEBIAN_FRONTEND=noninteractive
# dotnet/NuGet need a home; CI environments sometimes have none.
if [ -z "${HOME:-}" ]; then HOME="$(getent passwd "$(id -u)" | cut -d: -f6)"; export HOME; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker nodes or MSBuild server outliving the script (the Roslyn
# compiler server is shut down at the end under CI, see cleanup).
export MSBUILDDISABLENODEREUSE=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0

section() { printf '\n=== %s\n' "$*"; }
log() { printf '%s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

declare -a TIMINGS=()
phase_start=$SECONDS
phase_done() { TIMINGS+=("$1 $((SECONDS - phase_start))s"); phase_start=$SECONDS; }

# --------------------------------------------------------------- cleanup
WORK=""
PG_DATA=""
PG_STARTED=0
BUILT=0
as_pg() {
	# PostgreSQL refuses to run as root: run its tools as the postgres user.
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}
stop_postgres() {
	if [ "$PG_STARTED" -eq 1 ]; then
		PG_STARTED=0
		log "stopping PostgreSQL on 127.0.0.1:$PG_PORT"
		as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null ||
			as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null || true
	fi
}
cleanup() {
	stop_postgres
	if [ -n "$WORK" ] && [ -d "$WORK" ]; then
		rm -rf "$WORK"
	fi
	WORK=""
	if [ -n "${CI:-}" ] && [ "$BUILT" -eq 1 ]; then
		BUILT=0
		dotnet build-server shutdown >/dev/null 2>&1 || true
	fi
}
SUMMARY_PRINTED=0
# shellcheck disable=SC2317  # called by the EXIT trap
on_exit() {
	cleanup
	# Died before the summary (install, postgres, signal): still say so plainly.
	if [ "$SUMMARY_PRINTED" -eq 0 ]; then printf '0 passed, 0 failed\n'; fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ------------------------------------------------------------ installing
section "installing"
missing=()
have_pkg() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
[ -x "$CHROMIUM" ] || missing+=(chromium)
have_pkg fonts-noto-cjk || missing+=(fonts-noto-cjk)
for b in initdb pg_ctl postgres pg_isready psql; do
	if [ ! -x "$PG_BIN/$b" ]; then missing+=(postgresql); break; fi
done
if [ ! -x "$SMTP_PYTHON" ] || ! "$SMTP_PYTHON" -c 'import aiosmtpd' 2>/dev/null; then
	missing+=(python3-aiosmtpd)
fi
[ -x /usr/sbin/dovecot ] && have_pkg dovecot-imapd || missing+=(dovecot-imapd)   # the mayor's mailbox tests (#13)
[ -x "$NGINX" ] || missing+=(nginx-light)   # the load balancer of the cluster tests (#12)

if [ "${#missing[@]}" -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		die "missing ${missing[*]}; run as root once (or: sudo apt-get install ${missing[*]})"
	fi
	log "installing: ${missing[*]}"
	apt-get update -q
	apt-get install -y -q --no-install-recommends "${missing[@]}"
else
	log "all present: chromium, fonts-noto-cjk, postgresql 15, python3-aiosmtpd, dovecot-imapd, nginx-light"
fi
[ -x "$CHROMIUM" ] || die "$CHROMIUM missing after install"
[ -x "$NGINX" ] || die "$NGINX missing after install"
"$SMTP_PYTHON" -c 'import aiosmtpd' || die "$SMTP_PYTHON cannot import aiosmtpd"
[ -x /usr/sbin/dovecot ] || die "/usr/sbin/dovecot missing after install"
for b in initdb pg_ctl postgres pg_isready; do
	[ -x "$PG_BIN/$b" ] || die "$PG_BIN/$b missing after install"
done
phase_done installing

# -------------------------------------------------------------- postgres
section "postgres"
case "$PG_PORT" in
'' | *[!0-9]*) die "KOCHO_TEST_PG_PORT must be a port number, not '$PG_PORT'" ;;
esac
if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
	die "something already listens on 127.0.0.1:$PG_PORT (a stale test run?); stop it or set KOCHO_TEST_PG_PORT"
fi
# As root the cluster runs as user postgres, which must reach the data dir:
# use /tmp then, not a TMPDIR that may sit under /root.
if [ "$(id -u)" -eq 0 ]; then tmp_base=/tmp; else tmp_base="${TMPDIR:-/tmp}"; fi
WORK="$(mktemp -d "$tmp_base/kocho-test.XXXXXX")"
chmod 755 "$WORK"            # mktemp makes it 0700: the postgres user must get in
PG_DATA="$WORK/pg"
PG_RUN="$WORK/pg-run"          # unix socket, server log, password file
PG_LOG="$PG_RUN/postgres.log"
mkdir -m 700 "$PG_DATA"
mkdir -m 755 "$PG_RUN"
printf 'kocho\n' >"$PG_RUN/pwfile"
if [ "$(id -u)" -eq 0 ]; then
	chown -R postgres:postgres "$PG_DATA" "$PG_RUN"
fi

# kocho is the bootstrap superuser (tests CREATE DATABASE). Password auth over
# TCP (initdb writes host lines for 127.0.0.1/32 and ::1/128), trust only on
# the private unix socket.
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U kocho --pwfile="$PG_RUN/pwfile" \
	-E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 \
	>"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
# A throwaway cluster: durability is not wanted, speed is.
cat >>"$PG_DATA/postgresql.conf" <<EOF

# --- kocho test.sh
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF
PG_STARTED=1   # from here on, cleanup tries to stop it
if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null; then
	PG_STARTED=0
	cat "$PG_LOG" >&2 || true
	die "PostgreSQL did not start"
fi
ready=0
for _ in $(seq 1 60); do
	if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U kocho -d postgres; then
		ready=1
		break
	fi
	sleep 0.5
done
[ "$ready" -eq 1 ] || { cat "$PG_LOG" >&2; die "PostgreSQL does not accept connections"; }
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data in $PG_DATA"

export KOCHO_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=kocho;Password=kocho;Database=postgres"
export KOCHO_TEST_CHROMIUM="$CHROMIUM"
export KOCHO_TEST_SMTP_PYTHON="$SMTP_PYTHON"
phase_done postgres

# ----------------------------------------------------------------- build
section "build"
build_rc=0
BUILT=1
dotnet build Kocho.sln -c Release || build_rc=$?
phase_done build

# ----------------------------------------------------------------- tests
RESULTS="$WORK/results"
# The PostgreSQL run has its own --filter; dotnet test takes only one, so a
# user's --filter X (in "$@") becomes (Category=Integration)&(X) there.
pg_filter="Category=Integration"
pg_args=()
user_args=("$@")
i=0
while [ "$i" -lt "${#user_args[@]}" ]; do
	a="${user_args[$i]}"
	case "$a" in
	--filter)
		[ $((i + 1)) -lt "${#user_args[@]}" ] || die "--filter needs a value"
		pg_filter="($pg_filter)&(${user_args[$((i + 1))]})"
		i=$((i + 1)) ;;
	--filter=*) pg_filter="($pg_filter)&(${a#--filter=})" ;;
	*) pg_args+=("$a") ;;
	esac
	i=$((i + 1))
done
publish_rc=0
sqlite_rc=0
postgres_rc=0
if [ "$build_rc" -eq 0 ]; then
	section "tests (SQLite)"
	KOCHO_TEST_PROVIDER=Sqlite dotnet test Kocho.sln -c Release --no-build \
		--logger "console;verbosity=normal" --logger trx \
		--results-directory "$RESULTS/sqlite" "$@" || sqlite_rc=$?
	phase_done "tests(SQLite)"

	section "tests (PostgreSQL)"
	KOCHO_TEST_PROVIDER=Postgres dotnet test Kocho.sln -c Release --no-build \
		--filter "$pg_filter" \
		--logger "console;verbosity=normal" --logger trx \
		--results-directory "$RESULTS/postgres" "${pg_args[@]}" || postgres_rc=$?
	phase_done "tests(PostgreSQL)"

	# What an operator deploys: the published app must carry its recipes and set a site up from them.
	section "published portal"
	publish_rc=0
	{
		dotnet publish Kocho.Portal/Kocho.Portal.csproj -c Release -o "$WORK/publish" >"$WORK/publish.log" 2>&1 &&
			[ -f "$WORK/publish/recipes/shinjuku.recipe.json" ] &&
			dotnet "$WORK/publish/Kocho.Portal.dll" modules list "--Kocho:DataPath=$WORK/publish-data" \
				"--Kocho:Setup:AdminPassword=Published-Check-2026" >"$WORK/publish-run.log" 2>&1 &&
			grep -q "Kocho.Faq" "$WORK/publish-run.log"
	} || publish_rc=1
	if [ "$publish_rc" -eq 0 ]; then
		log "published portal: recipes shipped, setup from them succeeded"
	else
		cat "$WORK/publish.log" "$WORK/publish-run.log" >&2 2>/dev/null || true
		log "published portal check failed" >&2
	fi
	phase_done publish
else
	log "build failed (exit $build_rc): no tests run" >&2
fi

# --------------------------------------------------------------- summary
# One .trx per test assembly and run (default names: never overwritten,
# unlike a fixed LogFileName, which every assembly of a solution would share).
counts="$(
	"$SMTP_PYTHON" - "$RESULTS" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"test.sh: unreadable {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    for c in root.iter():
        if c.tag.rsplit("}", 1)[-1] != "Counters":
            continue
        n = lambda k: int(c.get(k, "0") or 0)
        passed += n("passed")
        bad = n("failed") + n("error") + n("timeout") + n("aborted")
        failed += bad
        skipped += max(n("total") - n("passed") - bad, 0)
    # Name each failed test (and the first line of its message) on stderr, so
    # the tail of a CI log says what failed without the .trx file.
    for r in root.iter():
        if r.tag.rsplit("}", 1)[-1] != "UnitTestResult" or r.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        msg = ""
        for m in r.iter():
            if m.tag.rsplit("}", 1)[-1] == "Message" and (m.text or "").strip():
                msg = m.text.strip().splitlines()[0][:300]
                break
        run = os.path.basename(os.path.dirname(path))
        print(f"FAILED ({run}) {r.get('testName')}: {msg}", file=sys.stderr)
print(passed, failed, skipped)
PY
)" || counts="0 0 0"
read -r n_passed n_failed n_skipped <<<"$counts"

section "done"
cleanup
phase_done cleanup
log "phases: ${TIMINGS[*]}"
status=0
[ "$build_rc" -eq 0 ] || status=1
[ "$sqlite_rc" -eq 0 ] || { log "tests (SQLite) failed (exit $sqlite_rc)"; status=1; }
[ "$postgres_rc" -eq 0 ] || { log "tests (PostgreSQL) failed (exit $postgres_rc)"; status=1; }
[ "$publish_rc" -eq 0 ] || { log "published portal check failed"; status=1; }
[ "$n_failed" -eq 0 ] || status=1
if [ $((n_passed + n_failed)) -eq 0 ]; then
	log "no test ran"
	status=1
fi
SUMMARY_PRINTED=1
if [ "$n_skipped" -gt 0 ]; then
	log "$n_passed passed, $n_failed failed, $n_skipped skipped"
else
	log "$n_passed passed, $n_failed failed"
fi
exit "$status"
