#!/usr/bin/env bash
# Regenerates docs/parity.md from the check registries (src/**/*Checks.cs) through `refsol checks --markdown`.
# CheckRegistryTests.Docs_parity_md_is_the_rendered_registry fails until the committed page equals that output.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/ReferenceSolutions.Cli -c Release -v quiet -nologo > /dev/null
dotnet src/ReferenceSolutions.Cli/bin/Release/net10.0/refsol.dll checks --markdown > docs/parity.md.tmp
mv docs/parity.md.tmp docs/parity.md
echo "docs/parity.md regenerated"
