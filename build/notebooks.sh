#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless with dotnet-repl (pinned in .config/dotnet-tools.json) against the
# Release build of the CLI, whose output folder holds every solution assembly and the native libraries. The executed
# copies and the logs go to a fresh temporary folder (printed), never back into notebooks/. A failing cell, or a
# notebook running longer than NOTEBOOK_TIMEOUT seconds (default 120), fails the script.
# Usage: build/notebooks.sh [--no-build] [notebook.ipynb ...]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
if [[ "${1:-}" == "--no-build" ]]; then
  build=0
  shift
fi
dotnet tool restore
if [[ $build == 1 ]]; then
  dotnet build src/ReferenceSolutions.Cli -c Release
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/refsol-notebooks.XXXXXX")
echo "executed notebooks and logs: $out"
cd notebooks
if [[ $# -gt 0 ]]; then
  notebooks=("$@")
else
  notebooks=(*.ipynb)
fi
failed=0
for notebook in "${notebooks[@]}"; do
  name=$(basename "$notebook" .ipynb)
  start=$(date +%s)
  if timeout "${NOTEBOOK_TIMEOUT:-120}" dotnet tool run dotnet-repl -- --run "$notebook" --exit-after-run \
      --output-path "$out/$name.ipynb" > "$out/$name.log" 2>&1; then
    echo "ok      $notebook ($(($(date +%s) - start)) s)"
  else
    echo "FAILED  $notebook ($(($(date +%s) - start)) s): see $out/$name.log and $out/$name.ipynb"
    grep -m 3 '"evalue"' "$out/$name.ipynb" 2>/dev/null || tail -n 5 "$out/$name.log"
    failed=1
  fi
done
exit $failed
