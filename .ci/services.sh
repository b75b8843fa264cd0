#!/usr/bin/env bash
# Installs and starts the real services the tests use, bound to 127.0.0.1 only:
# Redis on 6390 and PostgreSQL on 5440 (plus chromium and a CJK font for the browser tests).
# Sourced by .ci/run, which sets BOTASSISTANT_REDIS / BOTASSISTANT_POSTGRES itself; this script exports nothing.
# Safe to run twice: a service already answering on its port is left alone.

botassistant_services() {
  local redis_port=6390 pg_port=5440
  local pg_dir="${BOTASSISTANT_PGDATA:-/tmp/botassistant-pg}"

  # Install only what is missing: apt-get update alone costs a minute, and a machine that already has
  # the tools (or the services running) needs none of it.
  local missing=()
  command -v redis-server >/dev/null || redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 || missing+=(redis-server)
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
  command -v chromium >/dev/null || [ -x "${BOTASSISTANT_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  # grep without -q reads to the end: with -q, fc-list can die of SIGPIPE and pipefail would call the font missing.
  fc-list 2>/dev/null | grep -i "noto.*cjk" >/dev/null || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || return 1
    apt-get install -y -qq "${missing[@]}" >/dev/null || return 1
  fi

  if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
    redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no || return 1
  fi

  local pg_bin
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$pg_bin" ] || { echo "postgresql binaries not found" >&2; return 1; }
  if ! "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q; then
    if [ ! -f "$pg_dir/PG_VERSION" ]; then
      rm -rf "$pg_dir" && mkdir -p "$pg_dir" && chown postgres:postgres "$pg_dir"
      su postgres -s /bin/sh -c "'$pg_bin/initdb' -D '$pg_dir' -E UTF8 --locale=C.UTF-8 -A trust -U postgres" >/dev/null || return 1
    fi
    su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$pg_dir' -l '$pg_dir/server.log' \
      -o \"-p $pg_port -k '$pg_dir' -c listen_addresses=127.0.0.1\" -w start" >/dev/null || return 1
  fi

  redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null && "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q
}

botassistant_services
