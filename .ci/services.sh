#!/usr/bin/env bash
# Installs and starts the real services the tests use, bound to 127.0.0.1 only:
# Redis on 6390 and PostgreSQL on 5440 (plus chromium and a CJK font for the browser tests).
# Sourced by .ci/run, which sets BOTASSISTANT_REDIS / BOTASSISTANT_POSTGRES itself; this script exports nothing.
# Safe to run twice: a service already answering on its port is left alone.

botassistant_services() {
  local redis_port=6390 pg_port=5440
  local pg_dir="${BOTASSISTANT_PGDATA:-/tmp/botassistant-pg}"

  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || return 1
  apt-get install -y -qq redis-server postgresql chromium fonts-noto-cjk >/dev/null || return 1

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
