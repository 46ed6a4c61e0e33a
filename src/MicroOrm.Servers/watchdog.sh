#!/bin/sh
# Runs the throwaway server and guarantees its removal. The server runs in the background while this shell waits for
# it; a watcher stops it (TERM, then KILL after 10 s) as soon as the owner process (the test run, the demo) is gone.
# When the server has exited, for whatever reason, the data folder is deleted. Because the watcher follows the
# owner's pid, the server is removed even when the owner is killed outright and never runs its own cleanup.
#
# usage: watchdog.sh OWNER_PID DATA_FOLDER SERVER [ARGUMENTS...]
owner=$1
folder=$2
shift 2

# The owner reads what this prints; if the owner is gone, writing must not kill the shell before it cleans up.
trap '' PIPE

"$@" >"$folder/server.log" 2>&1 &
server=$!
echo "$server" >"$folder/server.pid"

(
  while kill -0 "$owner" 2>/dev/null && kill -0 "$server" 2>/dev/null; do
    sleep 0.3
  done
  kill -TERM "$server" 2>/dev/null
  waited=0
  while kill -0 "$server" 2>/dev/null && [ "$waited" -lt 100 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL "$server" 2>/dev/null
) &
watcher=$!

trap 'kill -TERM "$server" 2>/dev/null' TERM INT HUP

# A trapped signal interrupts wait; keep waiting until the server has really exited.
status=0
while :; do
  wait "$server"
  status=$?
  kill -0 "$server" 2>/dev/null || break
done

# A server that failed says why in its log: pass the end of it on before the folder goes.
if [ "$status" -ne 0 ]; then
  tail -n 20 "$folder/server.log" 2>/dev/null
fi

kill "$watcher" 2>/dev/null
rm -rf "$folder"
