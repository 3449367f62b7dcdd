using System;
using System.IO;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Cli;

namespace RegressionProof.Benchmarks;

/// <summary>
/// The gate on a release of 100,000 cards (a release file of about 10 MB, under the 16 MiB cap)
/// against one of 10,000: the work per card must not grow with the number of cards. Every card is
/// in the changelog and none is proven, so each has a finding: the case where a per-card search
/// through the findings made the gate quadratic (issue 11, item 15).
/// </summary>
internal static class GateCardsBenchmark
{
    public static string Run()
    {
        var root = Directory.CreateTempSubdirectory("regression-proof-gate-cards-").FullName;
        try
        {
            var small = Path.Combine(root, "small");
            var large = Path.Combine(root, "large");
            Build(small, 10_000);
            Build(large, 100_000);
            var (gateSmall, gateLarge) = Measure.SideBySide(() => Gate(small), () => Gate(large), runs: 5);
            return new StringBuilder()
                .AppendLine($"A release of 10,000 and of 100,000 cards, each in the changelog and none proven. Machine: {Measure.Machine()}.")
                .AppendLine()
                .AppendLine("| figure | median | ratio | target |")
                .AppendLine("|---|---|---|---|")
                .AppendLine($"| gate on 100,000 cards ÷ gate on 10,000 | {gateLarge:F0} ms ÷ {gateSmall:F0} ms | {gateLarge / gateSmall:F2} | ≤ 11 (linear) |")
                .ToString();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Gate(string folder)
    {
        var errors = new StringWriter();
        var exit = GateCommand.Run(["bin", "--no-build", "--as-of", "2026-11-24", "--release", "release.json", "--changelog", "CHANGELOG.md", "--out", "out"], TextWriter.Null, errors, folder);
        if (exit != 1)
        {
            throw new InvalidOperationException($"the gate exited with {exit}, not 1 (every card unproven): {errors}");
        }
    }

    private static void Build(string folder, int cards)
    {
        Directory.CreateDirectory(Path.Combine(folder, "bin"));
        var release = new StringBuilder("{ \"version\": \"9.9.9\", \"class\": \"patch\", \"approvals\": [{ \"role\": \"release-captain\", \"by\": \"d\" }, { \"role\": \"dri\", \"by\": \"l\" }], \"rollback\": { \"plan\": \"p\", \"tested\": true }, \"cards\": [\n");
        var changelog = new StringBuilder("# Changelog\n\n## [9.9.9]\n\n### Fixed\n");
        for (var i = 0; i < cards; i++)
        {
            release.Append(i == 0 ? string.Empty : ",\n")
                .Append($"{{ \"id\": \"INTAKE-{i}\", \"owner\": \"alice\", \"backup\": \"bob\", \"evidence\": [\"https://tracker.example/{i}\"] }}");
            changelog.Append($"- Defect {i} (INTAKE-{i})\n");
        }

        File.WriteAllText(Path.Combine(folder, "release.json"), release.Append("] }\n").ToString());
        File.WriteAllText(Path.Combine(folder, "CHANGELOG.md"), changelog.ToString());
    }
}
