#!/bin/sh
# Runs the throwaway server and guarantees its removal. The server runs in the background while this shell waits for
# it; a watcher stops it (TERM, then KILL after 10 s) as soon as the owner process (the test run, the demo) is gone.
# When the server has exited, for whatever reason, the data folder is deleted. Because the watcher follows the
# owner's pid, the server is removed even when the owner is killed outright and never runs its own cleanup.
#
# A server stopped while the file "hold" exists in the folder is an outage on purpose: the shell waits, keeping the
# folder, until the file is removed, then starts the server again on the same data and port (unless the file "finish"
# appeared meanwhile: then it cleans up and ends). A server killed outright (SIGKILL, a crash on purpose) is held the
# same way.
#
# usage: watchdog.sh OWNER_PID DATA_FOLDER SERVER [ARGUMENTS...]
owner=$1
folder=$2
shift 2

# The owner reads what this prints; if the owner is gone, writing must not kill the shell before it cleans up.
trap '' PIPE

stop_server() {
  pid=$(cat "$folder/server.pid" 2>/dev/null)
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null
  waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 100 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL "$pid" 2>/dev/null
}

(
  while kill -0 "$owner" 2>/dev/null; do
    sleep 0.3
  done
  rm -f "$folder/hold"
  stop_server
) &
watcher=$!

trap 'touch "$folder/finish"; rm -f "$folder/hold"; kill -TERM "$(cat "$folder/server.pid" 2>/dev/null)" 2>/dev/null' TERM INT HUP

while :; do
  "$@" >>"$folder/server.log" 2>&1 &
  server=$!
  echo "$server" >"$folder/server.pid"

  # A trapped signal interrupts wait; keep waiting until the server has really exited.
  status=0
  while :; do
    wait "$server"
    status=$?
    kill -0 "$server" 2>/dev/null || break
  done

  [ -f "$folder/hold" ] || break
  while [ -f "$folder/hold" ] && kill -0 "$owner" 2>/dev/null; do
    sleep 0.1
  done
  kill -0 "$owner" 2>/dev/null || break
  [ -f "$folder/finish" ] && break

  # A Galera node founds its cluster on its first start only: started again with --wsrep-new-cluster it would found
  # a second cluster beside the one the other nodes kept alive, so it starts again without it and rejoins theirs.
  count=$#
  while [ "$count" -gt 0 ]; do
    argument=$1
    shift
    [ "$argument" = --wsrep-new-cluster ] || set -- "$@" "$argument"
    count=$((count - 1))
  done
done

# A server that failed says why in its log: pass the end of it on before the folder goes.
if [ "$status" -ne 0 ]; then
  tail -n 20 "$folder/server.log" 2>/dev/null
fi

kill "$watcher" 2>/dev/null
rm -rf "$folder"
