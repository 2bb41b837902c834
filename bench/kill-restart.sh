#!/usr/bin/env bash
# Issue 16: many kill -9 rounds under full SMTP load, on one database. Runs the same test CI runs
# with 5 rounds (Hardening/KillRestartTests), with as many rounds as asked:
#   bench/kill-restart.sh 50
# After each kill: PRAGMA integrity_check must say ok; after each restart every message
# acknowledged with 250 in the round before is read back byte-exact (and a sample of older
# ones); after the last round every acknowledged message is.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-50}"
dotnet build tests/MailCatcher.Tests -v q -nologo >/dev/null
summary="$(mktemp)"
trap 'rm -f "$summary"' EXIT
MAILCATCHER_KILL_ROUNDS="$rounds" MAILCATCHER_KILL_SUMMARY="$summary" dotnet test --project tests/MailCatcher.Tests --no-build -- \
  --filter-class 'MailCatcher.Tests.Hardening.KillRestartTests'
cat "$summary"
