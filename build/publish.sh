#!/usr/bin/env bash
# Builds MailCatcher as a self-contained single-file program for one platform:
#   build/publish.sh RID [OUTPUT_DIR]
# RID: linux-x64, linux-arm64, win-x64, osx-x64 or osx-arm64. OUTPUT_DIR defaults to
# artifacts/publish/RID. The folder holds the program (mailcatcher, or mailcatcher.exe) and what
# it serves beside it: wwwroot/ (our assets and Blazor's _framework/), the static assets manifest,
# appsettings.json and SQLite's native library. Copy the folder as a whole; the README, the
# Dockerfile and .ci/run all use this script.
#
# READY_TO_RUN=false turns ReadyToRun off (to measure what it buys: see bench/MailCatcher.StartupBench).
set -euo pipefail
cd "$(dirname "$0")/.."

rid=${1:-}
case "$rid" in
  linux-x64|linux-arm64|win-x64|osx-x64|osx-arm64) ;;
  *) echo "usage: $0 linux-x64|linux-arm64|win-x64|osx-x64|osx-arm64 [OUTPUT_DIR]" >&2; exit 64 ;;
esac
output=${2:-artifacts/publish/$rid}
ready_to_run=${READY_TO_RUN:-true}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$output"
# PublishSingleFile: the managed code is one file, so there is no dotnet host and no runtime to
#   install. Its static assets stay beside it (BaseDirectory is the program's folder), where the
#   host already serves them from.
# IncludeNativeLibrariesForSelfExtract=false: libe_sqlite3 stays beside the program too, rather
#   than being unpacked into $HOME/.net on first run (which fails in a read-only container).
# PublishReadyToRun: precompiled code for the start-up path (see the start-up benchmark).
# No trimming: EF Core, Blazor and System.Text.Json reflection are not trim-safe.
dotnet publish src/MailCatcher \
  -c Release -r "$rid" --self-contained true \
  -p:PublishSingleFile=true \
  -p:IncludeNativeLibrariesForSelfExtract=false \
  -p:PublishReadyToRun="$ready_to_run" \
  -p:DebugType=none -p:GenerateDocumentationFile=false \
  -o "$output" --nologo -v q

# Files only IIS or a debugger would read.
rm -f "$output/web.config" "$output"/*.pdb
# The command is `mailcatcher`, as the dotnet tool's. A single-file bundle finds its payload in
# itself, so renaming it is safe (unlike renaming the assembly, which names the assets manifest).
if [ -f "$output/MailCatcher" ]; then mv "$output/MailCatcher" "$output/mailcatcher"; fi
echo "published $rid to $output:"
ls -l "$output"
