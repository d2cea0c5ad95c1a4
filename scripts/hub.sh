#!/usr/bin/env bash
# `make hub`: a team hub on this computer, to try team mode in one command.
# Installs PostgreSQL from the distribution if it is missing, keeps a
# cluster in target/hub/ (started here, stopped when the hub stops), serves
# the hub on 127.0.0.1:8787, and on the first run makes a user, a token and
# an empty team workspace. Ctrl-C stops the hub and the cluster.
#   ROOTWISE_HUB_DIR (target/hub), ROOTWISE_HUB_PG_PORT (5439),
#   ROOTWISE_HUB_LISTEN (127.0.0.1:8787)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
dir=${ROOTWISE_HUB_DIR:-target/hub}
port=${ROOTWISE_HUB_PG_PORT:-5439}
listen=${ROOTWISE_HUB_LISTEN:-127.0.0.1:8787}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  echo "hub: installing PostgreSQL"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
bin=$(pg_bin)

mkdir -p "$dir"
abs=$(cd "$dir" && pwd)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses root: the cluster belongs to the postgres user.
  as_owner=(runuser -u postgres --)
  chown postgres:postgres "$abs"
fi
if [ ! -f "$abs/pg/PG_VERSION" ]; then
  "${as_owner[@]}" "$bin/initdb" -D "$abs/pg" -U postgres -A trust -E UTF8 --locale C >/dev/null
fi
if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$abs/pg" status >/dev/null 2>&1; then
  "${as_owner[@]}" "$bin/pg_ctl" -D "$abs/pg" -l "$abs/pg.log" -w \
    -o "-k $abs -p $port -c listen_addresses=''" start >/dev/null
fi
hub_pid=""
stop() {
  if [ -n "$hub_pid" ]; then kill -INT "$hub_pid" 2>/dev/null || true; wait "$hub_pid" 2>/dev/null || true; fi
  "${as_owner[@]}" "$bin/pg_ctl" -D "$abs/pg" -m fast stop >/dev/null 2>&1 || true
}
trap stop EXIT
trap 'exit 130' INT TERM
if ! "$bin/psql" -h "$abs" -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'rootwise_hub'" | grep -q 1; then
  "$bin/createdb" -h "$abs" -p "$port" -U postgres rootwise_hub
fi

cargo build -q -p rootwise-hub
hub=target/debug/rootwise-hub
export ROOTWISE_HUB_DATABASE="host=$abs port=$port user=postgres dbname=rootwise_hub"
if [ ! -f "$abs/token" ]; then
  name=${USER:-you}
  workspace=$("$hub" workspace add "Team workspace")
  (umask 077 && "$hub" user add "$name" >"$abs/token")
  "$hub" member add "$workspace" "$name"
fi
cat <<TEXT

  The team hub is at   http://$listen
  Your token:          $(cat "$abs/token")

  In Rootwise: Settings → Team, paste the address and the token, then
  "Open a team workspace…" and open "Team workspace" as a new file. Do the
  same in a second window (started on another workspace file, for example
  \`target/debug/rootwise --workspace /tmp/second.db\`), and each sees the
  other's work. More people: \`$hub user add NAME\` and
  \`$hub member add WORKSPACE_ID NAME\` (with ROOTWISE_HUB_DATABASE set as
  above; \`$hub workspace list\` shows the ids).

TEXT
"$hub" serve --listen "$listen" &
hub_pid=$!
wait "$hub_pid"
