#!/usr/bin/env bash
# Builds the documentation site with docfx (docfx.json at the repository root): the API reference from the XML doc
# comments of src/, the pages of docs/, the README and data/README. Any docfx warning (a broken file link, a missing
# page, an unresolved reference) fails the build. Offline: no xref map or service is fetched.
# Output: obj/docfx/site/ (git-ignored); open obj/docfx/site/docs/index.html.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore
rm -rf obj/docfx/site docs/api/*.yml docs/api/.manifest
dotnet tool run docfx -- docfx.json --warningsAsErrors
echo "docs site: $(pwd)/obj/docfx/site/docs/index.html"
