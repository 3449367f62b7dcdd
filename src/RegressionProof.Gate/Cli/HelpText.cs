namespace RegressionProof.Gate.Cli;

internal static class HelpText
{
    public const string Text = """
        verify-regression-safety: decide a release from its build artifacts.

        Usage: verify-regression-safety [<solution|project|folder>] [options]

        Builds the solution (unless --no-build), reads the RegressionProof manifest embedded in every
        project's assemblies (without loading them), and checks the release against the guarded
        release path: evidence, owner + backup, regression proof, approvals, rollback, changelog,
        API class, fast-patch lane, probes kept in place, suspect proofs, audited exceptions,
        release labels.

        Arguments:
          <solution|project|folder>  What to gate: a .sln/.slnx, a .csproj, or a folder (its solution,
                                     else its projects, else the .dll files in it). Default: .

        Options:
          --release <file>        The release file. Default: release.json beside the solution.
                                  e.g. --release releases/2.4.1.json
          --changelog <file>      The changelog (Keep a Changelog). Default: CHANGELOG.md beside the solution.
                                  e.g. --changelog docs/CHANGELOG.md
          --test-results <glob>   Test results (a file, a folder or a glob; every shard's) proving the test
                                  proofs ran on this build and passed; each test's last attempt counts;
                                  repeatable.  e.g. --test-results "artifacts/test-results/*.trx"
          --flaky <fail|warn>     A test proof that failed, then passed on retry: an error (fail) or a
                                  warning (warn, default).  e.g. --flaky fail
          --baseline <file>       The previous release's coverage-manifest.json: enables the API-class,
                                  keep-probes and suspect-proof checks.
                                  e.g. --baseline artifacts/2.4.0/coverage-manifest.json
          --as-of <yyyy-MM-dd>    The day the release is decided (manual verifications overdue by then
                                  no longer count). Default: today.  e.g. --as-of 2026-11-24
          --out <dir>             Where to write coverage-manifest.json, release-log.md and
                                  regression-proof.sarif. Default: artifacts/regression-proof
          --format <format>       What to print on stdout: text (summary, default), json (the coverage
                                  manifest), markdown (the release log), sarif, github (workflow annotations).
                                  e.g. --format github
          --label-scheme <scheme> The pull-request label of the release class, {class} standing for patch,
                                  minor or major; checked in pull-request runs on GitHub Actions.
                                  Default: {class}.  e.g. --label-scheme "release:{class}"
          --no-build              Gate what is already built; do not run dotnet build.
          -c, --configuration <c> The configuration to build and gate. Default: Release.
          -h, --help              Show this help.

        Exit codes:
          0  the release passes the gate
          1  the release fails the gate (each failure names the card, the policy and the fix)
          2  an input is unusable (the message names the file, line and column)

        Example:
          verify-regression-safety Checkout.sln --no-build --test-results "artifacts/test-results/*.trx"
        """;
}
