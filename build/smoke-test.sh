#!/usr/bin/env bash
# Smoke test of an installed MailCatcher, whatever the way in (dotnet tool, single-file binary):
#   build/smoke-test.sh COMMAND [ARGS...]
# starts `COMMAND ARGS... --smtp-port 0 --http-port 0 ...` on a temporary database, reads the
# ports it bound from its start-up banner, sends a message with swaks, reads it back through the
# REST API and checks the web page and the assets the page loads (css/app.css from the top-level
# wwwroot/, _framework/blazor.web.js from Blazor's static web assets), then stops it with SIGTERM
# and expects a clean exit within 5 seconds. Exits non-zero, saying why, on the first failure.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 64
fi
for tool in swaks curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "smoke: $tool is needed (bash .ci/run installs it)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/mailcatcher-smoke.XXXXXX")
log="$work/output.log"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "smoke: FAILED: $*" >&2
  echo "--- MailCatcher output ---" >&2
  cat "$log" >&2 || true
  exit 1
}

started=$(date +%s%N)
"$@" --ip 127.0.0.1 --smtp-port 0 --http-port 0 --pop3-port off --imap-port off \
  --db "$work/mailcatcher.db" >"$log" 2>&1 &
server_pid=$!

# The banner lists the ports really bound ("  SMTP      127.0.0.1:41235", "  Web UI    http://127.0.0.1:40111/").
smtp_port="" http_port=""
# Up to 180 s: a cold start on a machine busy with other builds has taken over a minute.
for _ in $(seq 1 1800); do
  smtp_port=$(sed -nE 's/^ *SMTP +[^ ]+:([0-9]+)$/\1/p' "$log" | head -n1)
  http_port=$(sed -nE 's|^ *Web UI +http://[^ ]+:([0-9]+)/$|\1|p' "$log" | head -n1)
  [ -n "$smtp_port" ] && [ -n "$http_port" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "MailCatcher exited before it was listening"
  sleep 0.1
done
[ -n "$smtp_port" ] && [ -n "$http_port" ] || fail "no ports in the start-up banner after 180 s"
base="http://127.0.0.1:$http_port"
echo "smoke: listening (SMTP $smtp_port, HTTP $http_port) after $(( ($(date +%s%N) - started) / 1000000 )) ms: $*"

subject="smoke test $RANDOM$RANDOM"
swaks --server "127.0.0.1:$smtp_port" --from app@example.com --to user@example.com \
  --header "Subject: $subject" --body "Sent by build/smoke-test.sh" >"$work/swaks.log" 2>&1 \
  || { cat "$work/swaks.log" >&2; fail "swaks could not deliver"; }

# 200 and the subject, or a failure naming the URL.
get() {
  local path=$1 expect=$2 body
  body=$(curl -fsS --max-time 30 "$base/$path") || fail "GET /$path did not answer 200"
  case "$body" in
    *"$expect"*) ;;
    *) fail "GET /$path did not contain '$expect'" ;;
  esac
}
get "healthz" ""
get "api/v1/messages/wait?q=subject:smoke&timeout=10" "$subject"
get "api/v1/messages" "\"total\":1"
get "" "_framework/blazor.web.js"
get "_framework/blazor.web.js" "Blazor"
get "css/app.css" "{"
get "api/v1/info" "\"smtp\":$smtp_port"
# The Docker image's HEALTHCHECK.
"$@" healthcheck --url "$base/healthz" >/dev/null || fail "'healthcheck' did not exit 0 against a running server"

# SIGTERM (what docker stop and systemd send): a clean exit within 5 seconds.
kill -TERM "$server_pid"
for _ in $(seq 1 50); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$server_pid" 2>/dev/null; then
  fail "still running 5 s after SIGTERM"
fi
status=0
wait "$server_pid" || status=$?
server_pid=""
[ "$status" -eq 0 ] || fail "exit code $status after SIGTERM"
if "$@" healthcheck --url "$base/healthz" >/dev/null; then fail "'healthcheck' exited 0 with the server stopped"; fi
echo "smoke: passed: $*"
