#!/usr/bin/env bash
# Keeps templates/refsol-solution from rotting. In a temporary copy of the working tree (tracked and untracked files,
# .gitignore honoured; the built-in seeded data only, so ../shared is not needed) and with a private template cache
# (DOTNET_CLI_HOME), it installs the template, scaffolds one --twin torch and one --twin mlnet solution with
# `refsol new solution`, checks that the same name again is refused with exit 2, then: builds the CLI and the two
# generated test projects in Release (warnings are errors), `dotnet format --verify-no-changes` on the files the
# scaffold created or edited, runs the two generated test projects (only those: the rest of the suite is unchanged
# and CI tests it already) and the results-contract test of `run all` (RunAllTests), which now runs them too,
# regenerates docs/parity.md and checks it lists their checks, `refsol run all` (exit 0,
# both new solutions in it), `refsol score` on each, executes the two generated notebooks and writes their outputs
# (`build/notebooks.sh --update`, the step a user takes after scaffolding, since CI compares every notebook's outputs),
# executes them again and compares, runs the committed-notebook tests, and uninstalls the template.
# Usage: build/template-check.sh [--keep]   (--keep leaves the temporary copy for inspection)
set -euo pipefail
cd "$(dirname "$0")/.."

keep=0
if [[ "${1:-}" == "--keep" ]]; then
  keep=1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/refsol-template-check.XXXXXX")
if [[ $keep == 0 ]]; then
  trap 'rm -rf "$work"' EXIT
fi
echo "template check in $work"
start=$(date +%s)
step() { echo "== $1 ($(($(date +%s) - start)) s)"; }
fail() { echo "template check FAILED: $1" >&2; exit 1; }

git ls-files -co --exclude-standard -z | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$work" --one-top-level=repo
cd "$work/repo"
export DOTNET_CLI_HOME="$work/dotnet-home" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
refsol=(dotnet src/ReferenceSolutions.Cli/bin/Release/net10.0/refsol.dll)

step "install the template"
dotnet new install "$PWD/templates/refsol-solution" > /dev/null
dotnet build src/ReferenceSolutions.Cli -c Release -v quiet -nologo > /dev/null

step "scaffold TemplateTorch (--twin torch) and TemplateMLNet (--twin mlnet)"
"${refsol[@]}" new solution TemplateTorch --twin torch
"${refsol[@]}" new solution TemplateMLNet --twin mlnet
set +e
"${refsol[@]}" new solution TemplateTorch --twin mlnet 2> "$work/again.err"
again=$?
set -e
[[ $again == 2 ]] || fail "scaffolding TemplateTorch twice exited $again, expected 2"
grep -q "^error: solution 'TemplateTorch' exists" "$work/again.err" || fail "unexpected message: $(cat "$work/again.err")"

step "build (Release, warnings are errors)"
projects=(src/ReferenceSolutions.Cli/ReferenceSolutions.Cli.csproj
  tests/ReferenceSolutions.TemplateTorch.Tests/ReferenceSolutions.TemplateTorch.Tests.csproj
  tests/ReferenceSolutions.TemplateMLNet.Tests/ReferenceSolutions.TemplateMLNet.Tests.csproj)
for project in "${projects[@]}"; do
  dotnet build "$project" -c Release -v quiet -nologo
done

step "dotnet format --verify-no-changes (the scaffold's projects and the CLI it edited)"
dotnet format ReferenceSolutions.sln --verify-no-changes --include src/ReferenceSolutions.TemplateTorch/ \
  src/ReferenceSolutions.TemplateMLNet/ tests/ReferenceSolutions.TemplateTorch.Tests/ \
  tests/ReferenceSolutions.TemplateMLNet.Tests/ src/ReferenceSolutions.Cli/

step "the generated tests"
dotnet test tests/ReferenceSolutions.TemplateTorch.Tests -c Release --no-build
dotnet test tests/ReferenceSolutions.TemplateMLNet.Tests -c Release --no-build

step "the results contract of run all with the new solutions in it (RunAllTests)"
dotnet test tests/ReferenceSolutions.Cli.Tests -c Release --filter "FullyQualifiedName~RunAllTests"

step "docs/parity.md lists their checks"
bash build/parity-md.sh
grep -q 'templatetorch.ridge-torch' docs/parity.md || fail "docs/parity.md lacks templatetorch.ridge-torch"
grep -q 'templatemlnet.ridge-mlnet' docs/parity.md || fail "docs/parity.md lacks templatemlnet.ridge-mlnet"

step "refsol run all (built-in data)"
"${refsol[@]}" run all --out "$work/runs"
for name in templatetorch templatemlnet; do
  [[ -f "$work/runs/$name/metrics.json" ]] || fail "run all wrote no $name/metrics.json"
  "${refsol[@]}" data generate "$name" --out "$work/data-$name" > /dev/null
  "${refsol[@]}" score "$name" --model "$work/runs/$name" --input "$work/data-$name/$name.csv" --out "$work/scores-$name.csv"
done

step "the generated notebooks: outputs written as the user writes them after scaffolding, then re-executed and compared"
build/notebooks.sh --no-build --update templatetorch.ipynb templatemlnet.ipynb
build/notebooks.sh --no-build templatetorch.ipynb templatemlnet.ipynb
dotnet test tests/ReferenceSolutions.NotebookCheck.Tests -c Release

step "uninstall the template"
dotnet new uninstall "$PWD/templates/refsol-solution" > /dev/null
step "template check passed"
