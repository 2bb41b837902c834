#!/usr/bin/env bash
# Builds MailCatcher as a self-contained single-file program for one platform:
#   build/publish.sh RID [OUTPUT_DIR]
# RID: linux-x64, linux-arm64, win-x64, osx-x64 or osx-arm64. OUTPUT_DIR defaults to
# artifacts/publish/RID. The folder holds the program (mailcatcher, or mailcatcher.exe) and what
# it serves beside it: wwwroot/ (our assets and Blazor's _framework/), the static assets manifest,
# appsettings.json and SQLite's native library. Copy the folder as a whole; the README, the
# Dockerfile and .ci/run all use this script.
#
# READY_TO_RUN picks how the code is precompiled (what each buys: bench/README.md):
#   composite (default; `true` means the same): the app, its packages and the whole runtime in one
#     composite image, the SDK's default for single-file. Starts with the least CPU; the biggest
#     file and the slowest build (crossgen2 takes ~2.5 GB and minutes on two cores).
#   separate: each of our and our packages' assemblies precompiled on its own; the runtime's own
#     precompiled code as shipped. Smaller file and resident memory, a little more CPU to start.
#   false: no ReadyToRun for our code (the runtime's own is still precompiled).
set -euo pipefail
cd "$(dirname "$0")/.."

rid=${1:-}
case "$rid" in
  linux-x64|linux-arm64|win-x64|osx-x64|osx-arm64) ;;
  *) echo "usage: $0 linux-x64|linux-arm64|win-x64|osx-x64|osx-arm64 [OUTPUT_DIR]" >&2; exit 64 ;;
esac
output=${2:-artifacts/publish/$rid}
case "${READY_TO_RUN:-composite}" in
  composite|true) ready_to_run=true composite=true ;;
  separate) ready_to_run=true composite=false ;;
  false) ready_to_run=false composite=false ;;
  *) echo "READY_TO_RUN must be composite, separate or false" >&2; exit 64 ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$output"
# PublishSingleFile: the managed code is one file, so there is no dotnet host and no runtime to
#   install. Its static assets stay beside it (BaseDirectory is the program's folder), where the
#   host already serves them from.
# IncludeNativeLibrariesForSelfExtract=false: libe_sqlite3 stays beside the program too, rather
#   than being unpacked into $HOME/.net on first run (which fails in a read-only container).
# PublishReadyToRun(Composite): precompiled code for the start-up path (see READY_TO_RUN above).
# No trimming: EF Core, Blazor and System.Text.Json reflection are not trim-safe.
dotnet publish src/MailCatcher \
  -c Release -r "$rid" --self-contained true \
  -p:PublishSingleFile=true \
  -p:IncludeNativeLibrariesForSelfExtract=false \
  -p:PublishReadyToRun="$ready_to_run" -p:PublishReadyToRunComposite="$composite" \
  -p:DebugType=none -p:GenerateDocumentationFile=false \
  -o "$output" --nologo -v q

# Files only IIS or a debugger would read.
rm -f "$output/web.config" "$output/aspnetcorev2_inprocess.dll" "$output"/*.pdb
# The command is `mailcatcher`, as the dotnet tool's. A single-file bundle finds its payload in
# itself, so renaming it is safe (unlike renaming the assembly, which names the assets manifest).
if [ -f "$output/MailCatcher" ]; then mv "$output/MailCatcher" "$output/mailcatcher"; fi
if [ -f "$output/MailCatcher.exe" ]; then mv "$output/MailCatcher.exe" "$output/mailcatcher.exe"; fi
echo "published $rid to $output:"
ls -l "$output"
