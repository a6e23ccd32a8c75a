#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless with dotnet-repl (pinned in .config/dotnet-tools.json) against the
# Release build of the CLI, whose output folder holds every solution assembly and the native libraries. The executed
# copies and the logs go to a fresh temporary folder (printed). A failing cell, or a notebook running longer than
# NOTEBOOK_TIMEOUT seconds (default 300), fails the script.
#
# Default: then compares every code cell's outputs with the committed notebook's (build/ReferenceSolutions.NotebookCheck:
# text exactly, after masking durations and temporary paths only; plots by their PNG bytes, else their pixels) and fails
# with the first differing line of each differing output. --update instead writes the executed outputs into the
# committed notebooks (sources, metadata and the rest of the file unchanged). See docs/notebooks.md.
# Usage: build/notebooks.sh [--no-build] [--update] [notebook.ipynb ...]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
update=0
while [[ "${1:-}" == --* ]]; do
  case "$1" in
    --no-build) build=0 ;;
    --update) update=1 ;;
    *) echo "error: unknown option $1 (usage: build/notebooks.sh [--no-build] [--update] [notebook.ipynb ...])" >&2; exit 2 ;;
  esac
  shift
done
dotnet tool restore > /dev/null
if [[ $build == 1 ]]; then
  dotnet build src/ReferenceSolutions.Cli -c Release
fi
if ! log=$(dotnet build build/ReferenceSolutions.NotebookCheck -c Release --nologo -v quiet 2>&1); then
  echo "$log"
  exit 2
fi
check=(dotnet build/ReferenceSolutions.NotebookCheck/bin/Release/net10.0/notebook-check.dll)

out=$(mktemp -d "${TMPDIR:-/tmp}/refsol-notebooks.XXXXXX")
echo "executed notebooks and logs: $out"
if [[ $# -gt 0 ]]; then
  notebooks=("$@")
else
  notebooks=(notebooks/*.ipynb)
fi
failed=0
for notebook in "${notebooks[@]}"; do
  name=$(basename "$notebook" .ipynb)
  committed="notebooks/$name.ipynb"
  start=$(date +%s)
  if ! (cd notebooks && timeout "${NOTEBOOK_TIMEOUT:-300}" dotnet tool run dotnet-repl -- --run "$name.ipynb" \
      --exit-after-run --output-path "$out/$name.ipynb" > "$out/$name.log" 2>&1); then
    echo "FAILED  $committed ($(($(date +%s) - start)) s): see $out/$name.log and $out/$name.ipynb"
    grep -m 3 '"evalue"' "$out/$name.ipynb" 2>/dev/null || tail -n 5 "$out/$name.log"
    failed=1
  elif [[ $update == 1 ]]; then
    echo "ok      $committed ($(($(date +%s) - start)) s): $("${check[@]}" update "$committed" "$out/$name.ipynb")"
  else
    status=0
    "${check[@]}" compare "$committed" "$out/$name.ipynb" > "$out/$name.diff" || status=$?
    if [[ $status == 0 ]]; then
      echo "ok      $committed ($(($(date +%s) - start)) s): outputs as committed"
    elif [[ $status == 1 ]]; then
      echo "FAILED  $committed ($(($(date +%s) - start)) s): outputs differ from the committed ones (build/notebooks.sh --update rewrites them):"
      cat "$out/$name.diff"
    else
      echo "FAILED  $committed: the outputs could not be compared (see the error above)"
    fi
    [[ $status == 0 ]] || failed=1
  fi
done
exit $failed
