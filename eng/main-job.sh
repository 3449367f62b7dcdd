#!/usr/bin/env bash
# The main job: pack the RegressionProof packages, build and test the Checkout sample against them,
# and run verify-regression-safety on it. Prints the verdict and the per-card table and writes
# artifacts/regression-proof/{release-report.html,release-log.md,coverage-manifest.json,regression-proof.sarif,verification-summary.intoto.json}.
# Extra arguments go to the gate, e.g. --release samples/Checkout/release.unproven.json
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(tr -d '[:space:]' < eng/version.txt)
sample=samples/Checkout
results=$sample/artifacts/test-results

echo "==> packing RegressionProof $version and RegressionProof.Gate $version into artifacts/packages"
dotnet pack src/RegressionProof/RegressionProof.csproj -c Release -o artifacts/packages -nologo -v quiet
dotnet pack src/RegressionProof.Gate/RegressionProof.Gate.csproj -c Release -o artifacts/packages -nologo -v quiet

# The same version is packed again on every change: never restore a stale copy of it.
rm -rf "$sample/.packages/regressionproof" artifacts/tools artifacts/tool-packages "$results"

echo "==> building $sample (RegressionProof diagnostics are errors)"
dotnet build "$sample/Checkout.sln" -c Release -nologo -v quiet

echo "==> testing $sample (.trx results in $results)"
dotnet test "$sample/Checkout.sln" -c Release --no-build -nologo -v quiet --logger trx --results-directory "$results"

echo "==> installing the verify-regression-safety tool from artifacts/packages"
NUGET_PACKAGES="$PWD/artifacts/tool-packages" dotnet tool install RegressionProof.Gate \
  --tool-path artifacts/tools --add-source artifacts/packages --version "$version" > /dev/null

echo "==> verify-regression-safety"
# The sample's release is decided as of its release date, so the run gives the same verdict any day.
set +e
artifacts/tools/verify-regression-safety "$sample/Checkout.sln" --no-build \
  --test-results "$results/*.trx" --as-of 2026-11-24 --out artifacts/regression-proof "$@"
status=$?
set -e
echo
echo "Reports: artifacts/regression-proof/release-report.html (open it in a browser), release-log.md, coverage-manifest.json, regression-proof.sarif, verification-summary.intoto.json (exit code $status)"
exit $status
