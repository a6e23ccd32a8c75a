#!/usr/bin/env bash
# Generates the figures of the derivation pages (docs/recommender.md, docs/neural-net.md, docs/fraud-detection.md) from
# seeded runs of the Release CLI on the built-in data — refsol run <solution> --seed 42 — and copies the plots each
# page shows into docs/images/<solution>/ (committed). Runs are byte-deterministic (same seed and data → same bytes),
# so with --check the runs go to a temporary folder and the script fails, naming the file, if any committed figure
# differs from its regenerated copy by a single byte. Other files in docs/images/<solution>/ are not touched.
# Usage: build/figures.sh [--no-build] [--check]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
check=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --check) check=1 ;;
    *) echo "error: unknown option $arg (usage: build/figures.sh [--no-build] [--check])" >&2; exit 2 ;;
  esac
done

# solution → the plots its page embeds (file names as `refsol run` writes them).
declare -A figures=(
  [recommender]="singular-spectrum.png pca-scree.png rmse-mf-sgd-from-scratch.png rmse-als-from-scratch.png"
  [neuralnet]="loss-curves.png confusion-matrix.png saliency.png"
  [fraud]="roc.png precision-recall.png calibration.png cost-vs-threshold.png coefficients.png permutation-importance.png"
)
seed=42

if [[ $build == 1 ]]; then
  dotnet build src/ReferenceSolutions.Cli -c Release
fi
refsol=(dotnet src/ReferenceSolutions.Cli/bin/Release/net10.0/refsol.dll)
runs=$(mktemp -d "${TMPDIR:-/tmp}/refsol-figures.XXXXXX")
trap 'rm -rf "$runs"' EXIT

failed=0
for solution in recommender neuralnet fraud; do
  start=$(date +%s)
  # exit 1 means a check of the run failed; the figures are still written and compared, the run's own tests judge it.
  status=0
  "${refsol[@]}" run "$solution" --seed "$seed" --out "$runs/$solution" > "$runs/$solution.log" 2>&1 || status=$?
  if [[ $status -gt 1 ]]; then
    echo "FAILED  refsol run $solution --seed $seed (exit $status):"
    tail -n 5 "$runs/$solution.log"
    failed=1
    continue
  fi
  target="docs/images/$solution"
  mkdir -p "$target"
  bad=0
  for figure in ${figures[$solution]}; do
    if [[ ! -f "$runs/$solution/$figure" ]]; then
      echo "FAILED  refsol run $solution wrote no $figure"
      bad=1
    elif [[ $check == 0 ]]; then
      cp "$runs/$solution/$figure" "$target/$figure"
    elif ! cmp -s "$runs/$solution/$figure" "$target/$figure"; then
      echo "FAILED  $target/$figure differs from what refsol run $solution --seed $seed draws now (build/figures.sh rewrites it)"
      bad=1
    fi
  done
  if [[ $bad == 0 ]]; then
    echo "ok      $solution ($(($(date +%s) - start)) s): ${figures[$solution]}$([[ $check == 1 ]] && echo ' as committed')"
  fi
  failed=$((failed | bad))
done
exit $failed
