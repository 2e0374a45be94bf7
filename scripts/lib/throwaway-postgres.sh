#!/usr/bin/env bash
# shellcheck disable=SC2034  # THROWAWAY_PG_* are set for the caller
# Throwaway PostgreSQL cluster for Oborot's tests and hand-run benchmarks.
#
# As a library (bash):
#     . scripts/lib/throwaway-postgres.sh
#     throwaway_postgres_start || echo "no PostgreSQL"
#     psql "$THROWAWAY_PG_URL" ...
#     throwaway_postgres_stop
#
#   throwaway_postgres_start sets THROWAWAY_PG_PORT, THROWAWAY_PG_DIR and
#   THROWAWAY_PG_URL (postgres://oborot@127.0.0.1:PORT/postgres, trust auth)
#   and returns non-zero, with a message on stderr, if the cluster cannot be
#   started. throwaway_postgres_stop [DIR] stops the cluster (immediate mode)
#   and removes its directory; it is idempotent and safe to call from a trap.
#
# As a script:
#     scripts/lib/throwaway-postgres.sh start      # prints the URL and the stop command
#     scripts/lib/throwaway-postgres.sh stop DIR
#
# Needs the PostgreSQL server binaries (Debian package `postgresql`) and python3.
# When run as root the cluster runs as the unprivileged `postgres` user
# (created with `useradd --system` if missing): PostgreSQL refuses to run as root.
#
# Sourcing this file defines functions only; it does not change shell options.

# Prints the directory that holds initdb, pg_ctl and postgres:
# /usr/local/bin first, then the highest /usr/lib/postgresql/*/bin.
throwaway_postgres_bindir() {
    local dir
    if [[ -x /usr/local/bin/initdb && -x /usr/local/bin/pg_ctl && -x /usr/local/bin/postgres ]]; then
        echo /usr/local/bin
        return 0
    fi
    while IFS= read -r dir; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
            echo "$dir"
            return 0
        fi
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V -r)
    return 1
}

# Prints a free TCP port on 127.0.0.1.
throwaway_postgres_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
# Runs from DIR so that the tools do not complain about an unreadable cwd (/root).
_throwaway_postgres_as_owner() {
    local dir="$1"
    shift
    if [[ "$(id -u)" -eq 0 ]]; then
        (cd "$dir" && runuser -u postgres -- "$@")
    else
        (cd "$dir" && "$@")
    fi
}

_throwaway_postgres_err() {
    echo "throwaway-postgres: $*" >&2
}

throwaway_postgres_start() {
    local bindir base dir locale_opt attempt port
    THROWAWAY_PG_PORT=""
    THROWAWAY_PG_DIR=""
    THROWAWAY_PG_URL=""

    if ! bindir="$(throwaway_postgres_bindir)"; then
        _throwaway_postgres_err "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in /usr/local/bin or /usr/lib/postgresql/*/bin; install the Debian package 'postgresql'"
        return 1
    fi
    if ! command -v python3 >/dev/null 2>&1; then
        _throwaway_postgres_err "python3 is needed to pick a free port"
        return 1
    fi

    if [[ "$(id -u)" -eq 0 ]]; then
        if ! id -u postgres >/dev/null 2>&1; then
            if ! useradd --system --user-group --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin postgres; then
                _throwaway_postgres_err "could not create the system user 'postgres'"
                return 1
            fi
        fi
        if ! command -v runuser >/dev/null 2>&1; then
            _throwaway_postgres_err "runuser (util-linux) is needed to run PostgreSQL as 'postgres'"
            return 1
        fi
    fi

    # The cluster's owner must reach the directory: use $TMPDIR if it can, else /tmp.
    dir=""
    for base in "${TMPDIR:-/tmp}" /tmp; do
        dir="$(mktemp -d "$base/oborot-pg.XXXXXX" 2>/dev/null)" || { dir=""; continue; }
        if [[ "$(id -u)" -eq 0 ]]; then
            chown postgres: "$dir" && chmod 700 "$dir"
            if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
                rm -rf "$dir"
                dir=""
                continue
            fi
        fi
        break
    done
    if [[ -z "$dir" ]]; then
        _throwaway_postgres_err "could not create a directory the cluster's owner can write"
        return 1
    fi
    # Marks the directory as ours, so that stop only ever removes such a directory.
    : >"$dir/.oborot-throwaway-pg"
    _throwaway_postgres_as_owner "$dir" mkdir -p "$dir/sock"

    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        locale_opt="--locale=C.UTF-8"
    else
        locale_opt="--locale=C"
    fi
    if ! _throwaway_postgres_as_owner "$dir" "$bindir/initdb" -D "$dir/data" -U oborot --auth=trust \
        -E UTF8 "$locale_opt" --no-sync >"$dir/initdb.log" 2>&1; then
        if [[ "$locale_opt" != "--locale=C" ]]; then
            # C.UTF-8 listed but unusable: retry with plain C.
            _throwaway_postgres_as_owner "$dir" rm -rf "$dir/data"
            locale_opt="--locale=C"
            _throwaway_postgres_as_owner "$dir" "$bindir/initdb" -D "$dir/data" -U oborot --auth=trust \
                -E UTF8 "$locale_opt" --no-sync >>"$dir/initdb.log" 2>&1 || locale_opt=""
        else
            locale_opt=""
        fi
        if [[ -z "$locale_opt" ]]; then
            _throwaway_postgres_err "initdb failed:"
            cat "$dir/initdb.log" >&2
            rm -rf "$dir"
            return 1
        fi
    fi

    # The port is free when picked but could be taken before the server binds it: retry.
    for attempt in 1 2 3; do
        if ! port="$(throwaway_postgres_free_port)"; then
            _throwaway_postgres_err "could not pick a free port"
            break
        fi
        # max_locks_per_transaction: the tests migrate dozens of databases at once, each migration one transaction
        # holding a lock per table and index it creates; the default shared lock table (64 per connection) runs out.
        if _throwaway_postgres_as_owner "$dir" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
            -w -t 60 \
            -o "-k $dir/sock -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c max_locks_per_transaction=256" \
            start >>"$dir/pg_ctl.log" 2>&1; then
            THROWAWAY_PG_PORT="$port"
            THROWAWAY_PG_DIR="$dir"
            THROWAWAY_PG_URL="postgres://oborot@127.0.0.1:$port/postgres"
            return 0
        fi
        _throwaway_postgres_err "start attempt $attempt on port $port failed"
        # A failed -w start may leave a server behind (e.g. timeout): make sure it is gone.
        _throwaway_postgres_as_owner "$dir" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    done
    _throwaway_postgres_err "could not start PostgreSQL; its log:"
    cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
    rm -rf "$dir"
    return 1
}

# throwaway_postgres_stop [DIR]: stops the cluster in DIR (default $THROWAWAY_PG_DIR)
# and removes DIR. Does nothing if there is none.
throwaway_postgres_stop() {
    local dir="${1:-${THROWAWAY_PG_DIR:-}}"
    local bindir pid
    [[ -n "$dir" && -d "$dir" ]] || return 0
    if [[ ! -e "$dir/.oborot-throwaway-pg" ]]; then
        _throwaway_postgres_err "refusing to remove $dir: not a throwaway cluster directory"
        return 1
    fi
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        if bindir="$(throwaway_postgres_bindir)"; then
            _throwaway_postgres_as_owner "$dir" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop \
                >/dev/null 2>&1 || true
        fi
        # Still running (pg_ctl missing or failed)? Kill the postmaster.
        if [[ -f "$dir/data/postmaster.pid" ]]; then
            pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
            if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
    fi
    rm -rf "$dir"
    if [[ "$dir" == "${THROWAWAY_PG_DIR:-}" ]]; then
        THROWAWAY_PG_PORT=""
        THROWAWAY_PG_DIR=""
        THROWAWAY_PG_URL=""
    fi
    return 0
}

# Run directly (not sourced).
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    self="$0"
    case "${1:-}" in
    start)
        if ! throwaway_postgres_start; then
            exit 1
        fi
        echo "PostgreSQL is running: $THROWAWAY_PG_URL"
        echo
        echo "  export OBOROT_TEST_POSTGRES_URL=$THROWAWAY_PG_URL"
        echo "  psql \"$THROWAWAY_PG_URL\""
        echo
        echo "Stop it and remove its directory with:"
        echo "  $self stop $THROWAWAY_PG_DIR"
        ;;
    stop)
        if [[ -z "${2:-}" ]]; then
            echo "usage: $self stop DIR" >&2
            exit 2
        fi
        throwaway_postgres_stop "$2"
        echo "stopped and removed $2"
        ;;
    *)
        echo "usage: $self start | stop DIR" >&2
        exit 2
        ;;
    esac
fi
