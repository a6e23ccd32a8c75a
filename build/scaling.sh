#!/usr/bin/env bash
# Measures how `refsol run recommender --ratings FILE` scales (docs/benchmarks.md, "The recommender from 10⁵ to
# 2.5·10⁷ ratings"): for each size N it writes N skewed ratings (`refsol data generate recommender --ratings N`, seed
# 42, MovieLens 25M's users and items per rating), runs the recommender on them under /usr/bin/time -v and records the
# wall time, the CPU time (user + system) and the peak RSS; the run's per-phase wall times come from
# REFSOL_PHASE_TIMES (see src/ReferenceSolutions.Recommender/PhaseClock.cs). Writes, into docs/images/benchmarks/,
# recommender-scaling.tsv (ratings, wallSeconds, cpuSeconds, peakRssMB), recommender-phases.tsv (label, kind, phase,
# seconds) and recommender-scaling.png (tests/ReferenceSolutions.Benchmarks, RecommenderScalingPlot.cs). Timings depend on the machine and its load: they are
# measurements, not outputs under the same-bytes rule, and are never compared by CI. The rating files (up to
# ≈ 0.4 GB) go to a temporary folder and are deleted at the end.
# Usage: build/scaling.sh [--no-build] [--plot-only] [N ...]   (default sizes: 1e5 3e5 1e6 3e6 1e7 2.5e7)
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
plot_only=0
sizes=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --plot-only) plot_only=1 ;;
    [0-9]*) sizes+=("$arg") ;;
    *) echo "error: unknown option $arg (usage: build/scaling.sh [--no-build] [--plot-only] [N ...])" >&2; exit 2 ;;
  esac
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100000 300000 1000000 3000000 10000000 25000000)
out=docs/images/benchmarks
mkdir -p "$out"

if [[ $build == 1 ]]; then
  dotnet build src/ReferenceSolutions.Cli -c Release
  dotnet build tests/ReferenceSolutions.Benchmarks -c Release
fi
if [[ $plot_only == 0 ]]; then
  refsol=(dotnet src/ReferenceSolutions.Cli/bin/Release/net10.0/refsol.dll)
  work=$(mktemp -d "${TMPDIR:-/tmp}/refsol-scaling.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  printf 'ratings\twallSeconds\tcpuSeconds\tpeakRssMB\n' > "$out/recommender-scaling.tsv"
  : > "$out/recommender-phases.tsv"
  for n in "${sizes[@]}"; do
    "${refsol[@]}" data generate recommender --ratings "$n" --seed 42 --out "$work/data-$n" > /dev/null
    status=0
    REFSOL_PHASE_TIMES="$PWD/$out/recommender-phases.tsv" /usr/bin/time -v -o "$work/time-$n.txt" \
      "${refsol[@]}" run recommender --ratings "$work/data-$n/ratings.csv" --seed 42 --out "$work/run-$n" > "$work/run-$n.log" 2>&1 || status=$?
    if [[ $status -gt 1 ]]; then
      echo "FAILED  refsol run recommender on $n ratings (exit $status):"
      tail -n 5 "$work/run-$n.log"
      exit 1
    fi
    awk -v n="$n" -F': ' '
      /Elapsed \(wall clock\)/ { k = split($2, t, ":"); wall = (k == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
      /User time/ { cpu += $2 } /System time/ { cpu += $2 }
      /Maximum resident set size/ { rss = $2 / 1024 }
      END { printf "%d\t%.2f\t%.2f\t%.0f\n", n, wall, cpu, rss }' "$work/time-$n.txt" | tee -a "$out/recommender-scaling.tsv"
    rm -rf "$work/data-$n" "$work/run-$n"
  done
fi
dotnet tests/ReferenceSolutions.Benchmarks/bin/Release/net10.0/ReferenceSolutions.Benchmarks.dll recommender-scaling \
  "$out/recommender-scaling.tsv" "$out/recommender-scaling.png"
