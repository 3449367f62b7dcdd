namespace RegressionProof.Gate.Cli;

/// <summary>What help says after the options the command line defines: where outputs go, exit codes, examples.</summary>
internal static class HelpText
{
    public const string Footer = """
        Paths:
          A relative path given on the command line (the solution, --release, --changelog, --test-results,
          --baseline, --manifest, --out) is taken from the current directory; the default release.json and CHANGELOG.md
          are the ones beside the solution.

        CI:
          On GitHub Actions and Azure Pipelines the CI output (job summary, annotations, logging commands)
          comes without a flag (docs/gate.md, "CI").

        Exit codes:
          0  the release passes the gate (check: the pull request passes; init: the files were written;
             close-out: the release is closed out)
          1  the release fails the gate (each failure names the card, the policy and the fix; close-out: it is not closed out)
          2  an input is unusable (the message names the file, line and column), or a bad command line

        Examples:
          verify-regression-safety Checkout.sln --no-build --test-results "artifacts/test-results/*.trx"
          verify-regression-safety init Checkout.sln
          verify-regression-safety check Checkout.sln --test-results "artifacts/test-results/*.trx" --baseline main/coverage-manifest.json
          verify-regression-safety close-out artifacts/publish --release release.json --as-of 2026-11-25T10:00:00Z
        """;
}
