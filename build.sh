#!/usr/bin/env bash
# Runs the Slipway build: finds or installs the .NET SDK that global.json pins, builds build/_build.csproj and
# runs it with the arguments given. Example: ./build.sh BuildChanged --no-push
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_PROJECT_FILE="$SCRIPT_DIR/build/_build.csproj"
TEMP_DIRECTORY="$SCRIPT_DIR/.nuke/temp"
DOTNET_GLOBAL_FILE="$SCRIPT_DIR/global.json"
DOTNET_INSTALL_URL="https://dot.net/v1/dotnet-install.sh"
DOTNET_CHANNEL="STS"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# `dotnet --version` fails when global.json pins an SDK that is not installed, so it also checks the version.
if [[ -x "$(command -v dotnet)" ]] && dotnet --version &>/dev/null; then
  export DOTNET_EXE="$(command -v dotnet)"
else
  DOTNET_DIRECTORY="$TEMP_DIRECTORY/dotnet-unix"
  export DOTNET_EXE="$DOTNET_DIRECTORY/dotnet"
  if [[ ! -x "$DOTNET_EXE" ]]; then
    mkdir -p "$TEMP_DIRECTORY"
    DOTNET_INSTALL_FILE="$TEMP_DIRECTORY/dotnet-install.sh"
    curl -Lsfo "$DOTNET_INSTALL_FILE" "$DOTNET_INSTALL_URL"
    chmod +x "$DOTNET_INSTALL_FILE"
    DOTNET_VERSION=""
    if [[ -f "$DOTNET_GLOBAL_FILE" ]]; then
      DOTNET_VERSION=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$DOTNET_GLOBAL_FILE" | head -n 1)
    fi
    if [[ -n "$DOTNET_VERSION" ]]; then
      "$DOTNET_INSTALL_FILE" --install-dir "$DOTNET_DIRECTORY" --version "$DOTNET_VERSION" --no-path
    else
      "$DOTNET_INSTALL_FILE" --install-dir "$DOTNET_DIRECTORY" --channel "$DOTNET_CHANNEL" --no-path
    fi
  fi
  export PATH="$DOTNET_DIRECTORY:$PATH"
fi

# The compiler's messages go to stderr, so that stdout carries only the build's own output (Plan --json).
"$DOTNET_EXE" build "$BUILD_PROJECT_FILE" /nodeReuse:false /p:UseSharedCompilation=false -nologo -clp:NoSummary --verbosity quiet >&2
"$DOTNET_EXE" run --project "$BUILD_PROJECT_FILE" --no-build -- "$@"
