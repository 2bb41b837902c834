#!/usr/bin/env bash
# Issue 16: runs one fuzz harness (or "all") under AFL++ for a bounded time.
#   fuzz/run.sh TARGET SECONDS     e.g. fuzz/run.sh mime-view 300;  fuzz/run.sh all 25 (CI)
# Builds fuzz/MailCatcher.Fuzz, instruments MailCatcher's assemblies (and MimeKit) with the
# `sharpfuzz` local tool, seeds from fuzz/seeds/TARGET (plus small tests/corpus messages for the
# MIME targets) and runs afl-fuzz niced. Exits 1 when a crash, or a hang that replays as a hang,
# was found; the inputs are left in fuzz/out/findings/TARGET/default/{crashes,hangs}.
# FUZZ_OUT=DIR puts the build and findings elsewhere (two runs side by side); FUZZ_NO_BUILD=1 reuses them.
set -uo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET|all SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET|all SECONDS}
out=${FUZZ_OUT:-fuzz/out}
bin=$out/bin
harness=$bin/MailCatcher.Fuzz.dll
targets=(smtp-command smtp-data pop3-command imap-framer imap-arguments search-query mime-view imap-bodystructure)
[ "$target" = all ] || targets=("$target")

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found (Debian: apt-get install afl++)"; exit 2; }
dotnet tool restore >/dev/null || exit 2
if [ "${FUZZ_NO_BUILD:-0}" != 1 ] || [ ! -f "$harness" ]; then
rm -rf "$bin"
nice -n 19 dotnet build fuzz/MailCatcher.Fuzz -c Release -o "$bin" -v quiet -nologo >"$out.build.log" 2>&1 \
  || { cat "$out.build.log"; exit 2; }
for dll in MailCatcher.Core MailCatcher.Protocols MailCatcher.Storage MimeKit; do
  dotnet sharpfuzz "$bin/$dll.dll" >/dev/null || { echo "instrumenting $dll failed"; exit 2; }
done
fi

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_FORKSRV_INIT_TMOUT=120000 DOTNET_TieredPGO=0
status=0
for name in "${targets[@]}"; do
  seeds=$out/seeds/$name
  findings=$out/findings/$name
  rm -rf "$seeds" "$findings" "$findings.log"
  mkdir -p "$seeds" "$out/findings"
  cp fuzz/seeds/"$name"/* "$seeds"/
  case "$name" in
    mime-view|imap-bodystructure)
      # The small real messages of the corpus (under 2 KB), a fixed choice so runs compare.
      find tests/corpus/messages -type f -size -2k | sort | head -40 | while read -r f; do
        cp "$f" "$seeds/corpus-$(echo "$f" | tr / _)"
      done ;;
  esac
  # -t: a run over 5 s (on a loaded machine) is a hang; -V: stop after the time given.
  nice -n 19 afl-fuzz -i "$seeds" -o "$findings" -t 5000 -m none -V "$seconds" -- dotnet "$harness" "$name" >"$findings.log" 2>&1
  stats=$findings/default/fuzzer_stats
  if [ ! -f "$stats" ]; then
    echo "$name: afl-fuzz did not start"; tail -20 "$findings.log"; status=1; continue
  fi
  value() { sed -n "s/^$1 *: //p" "$stats"; }
  crashes=$(find "$findings/default/crashes" -type f -name 'id:*' | wc -l)
  hangs=0
  for hang in "$findings"/default/hangs/id:*; do
    [ -e "$hang" ] || continue
    # A loaded machine makes slow runs look like hangs: only one that still times out alone counts.
    timeout 30 dotnet "$harness" "$name" "$hang" >/dev/null 2>&1; [ $? -eq 124 ] && hangs=$((hangs + 1))
  done
  echo "$name: $(value run_time) s, $(value execs_done) executions, $(value corpus_count) paths, crashes $crashes, hangs $hangs (of $(value saved_hangs) timeouts), stability $(value stability)"
  for crash in $(find "$findings/default/crashes" -type f -name 'id:*' | sort | head -3); do
    echo "  crash $crash:"; dotnet "$harness" "$name" "$crash" 2>&1 | head -3 | cut -c1-300
  done
  [ $((crashes + hangs)) -eq 0 ] || status=1
done
exit $status
