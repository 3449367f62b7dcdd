using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegressionProof.Gate.Cli;

namespace RegressionProof.Benchmarks;

/// <summary>
/// The gate over 500 assemblies with 100,000 links in total, against the time just to read the
/// same files' bytes, and its growth from 50 to 500 assemblies. The release has 100 cards; the
/// fixes of earlier cards are covered by a baseline, as in a real repository.
/// </summary>
internal static class GateBenchmark
{
    public const int Assemblies = 500;
    public const int LinksPerAssembly = 200;

    public static string Run()
    {
        var root = Directory.CreateTempSubdirectory("regression-proof-gate-bench-").FullName;
        try
        {
            var small = Path.Combine(root, "small");
            var large = Path.Combine(root, "large");
            Build(small, Assemblies / 10);
            Build(large, Assemblies);
            var files = Directory.GetFiles(Path.Combine(large, "bin"), "*.dll");

            var (gate, read) = Measure.SideBySide(() => Gate(large), () => ReadBytes(files), runs: 5);
            // Nine pairs: the 500-assembly runs vary by up to 2x from one run to the next (see gate-phases).
            var growthRuns = 9;
            var (gateSmall, gateLarge) = Measure.SideBySide(() => Gate(small), () => Gate(large), runs: growthRuns);

            return new StringBuilder()
                .AppendLine($"Synthetic release: {Assemblies} assemblies, {Assemblies * LinksPerAssembly:N0} links ({LinksPerAssembly} each). Machine: {Measure.Machine()}.")
                .AppendLine()
                .AppendLine("| figure | median | ratio | target |")
                .AppendLine("|---|---|---|---|")
                .AppendLine($"| gate (scan, decide, write reports) ÷ reading the files' bytes | {gate:F0} ms ÷ {read:F1} ms | {gate / read:F1} | — |")
                .AppendLine($"| gate on 500 assemblies ÷ gate on 50 | {gateLarge:F0} ms ÷ {gateSmall:F0} ms | {gateLarge / gateSmall:F2} | ≤ 11 (linear) |")
                .ToString();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Where the time of one gate run goes, phase by phase, at 50 and 500 assemblies (for diagnosis).</summary>
    public static void Phases()
    {
        var root = Directory.CreateTempSubdirectory("regression-proof-gate-phases-").FullName;
        try
        {
            foreach (var count in new[] { Assemblies / 10, Assemblies })
            {
                var folder = Path.Combine(root, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Build(folder, count);
                for (var run = 0; run < 3; run++)
                {
                    int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var files = Directory.GetFiles(Path.Combine(folder, "bin"), "*.dll").Order(StringComparer.Ordinal).ToList();
                    // The baseline is written by this version, as the gate finds when it reads it first.
                    var assemblies = RegressionProof.Gate.Inputs.AssemblyScanner.Scan(files, folder, withEarlierApiFormat: false);
                    var scan = watch.Elapsed.TotalMilliseconds;
                    var baseline = RegressionProof.Gate.Inputs.BaselineReader.Read(Path.Combine(folder, "baseline", "coverage-manifest.json"));
                    var read = watch.Elapsed.TotalMilliseconds - scan;
                    var release = RegressionProof.Gate.Inputs.ReleaseFileReader.Read(Path.Combine(folder, "release.json"));
                    var changelog = RegressionProof.Gate.Inputs.ChangelogReader.Read(Path.Combine(folder, "CHANGELOG.md"));
                    var input = new RegressionProof.Gate.Model.GateInput(release, changelog, assemblies, null, baseline, new DateOnly(2026, 11, 24));
                    var mark = watch.Elapsed.TotalMilliseconds;
                    var findings = RegressionProof.Gate.Checks.Gatekeeper.Decide(input);
                    var result = new RegressionProof.Gate.Model.GateResult(input, findings);
                    var decide = watch.Elapsed.TotalMilliseconds - mark;
                    mark = watch.Elapsed.TotalMilliseconds;
                    long manifestBytes;
                    using (var file = File.Create(Path.Combine(folder, "coverage-manifest.json")))
                    {
                        RegressionProof.Gate.Outputs.CoverageManifestWriter.WriteTo(file, result);
                        manifestBytes = file.Length;
                    }

                    RegressionProof.Gate.Outputs.ReleaseLogWriter.Write(result);
                    RegressionProof.Gate.Outputs.SarifWriter.Write(result);
                    var write = watch.Elapsed.TotalMilliseconds - mark;
                    Console.WriteLine($"{count} assemblies: scan {scan:F0} ms, baseline {read:F0} ms, decide {decide:F0} ms ({findings.Count} findings), write {write:F0} ms ({manifestBytes / 1_000_000} MB); "
                        + $"collections gen0/1/2: {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}");
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// One gate run as CI does it: against the previous release's coverage manifest, so the fixes of
    /// earlier cards are covered and the baseline checks (API, probes, suspect proofs) run too.
    /// </summary>
    private static void Gate(string folder)
    {
        var errors = new StringWriter();
        var exit = GateCommand.Run(["bin", "--no-build", "--as-of", "2026-11-24", "--release", "release.json", "--changelog", "CHANGELOG.md", "--baseline", "baseline/coverage-manifest.json", "--out", "out"], TextWriter.Null, errors, folder);
        if (exit is not (0 or 1))
        {
            throw new InvalidOperationException($"the gate exited with {exit}: {errors}");
        }
    }

    private static long ReadBytes(string[] files)
    {
        long total = 0;
        foreach (var file in files)
        {
            total += File.ReadAllBytes(file).Length;
        }

        return total;
    }

    /// <summary>A folder of assemblies with manifests, a release of 100 of their cards, and a changelog.</summary>
    private static void Build(string folder, int count)
    {
        var bin = Path.Combine(folder, "bin");
        Directory.CreateDirectory(bin);
        var runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        for (var a = 0; a < count; a++)
        {
            var json = new StringBuilder($"{{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Service{a}\",\"links\":[");
            for (var l = 0; l < LinksPerAssembly; l++)
            {
                var card = $"INTAKE-{a * LinksPerAssembly / 2 + l / 2}";
                var kind = l % 2 == 0 ? "fixes" : "regression-for";
                json.Append(l == 0 ? "" : ",")
                    .Append($"{{\"kind\":\"{kind}\",\"card\":\"{card}\",\"symbol\":\"M:Service{a}.Type{l}.Method\",\"display\":\"Type{l}.Method()\",\"path\":\"src/Service{a}/Type{l}.cs\",\"line\":{l + 1},")
                    .Append(kind == "fixes" ? string.Empty : $"\"framework\":\"xunit\",\"test\":\"Service{a}.Type{l}.Method\",")
                    .Append($"\"fingerprint\":\"sha256:{new string('a', 64)}\"}}");
            }

            json.Append("]}");
            var source = $"[assembly: System.Reflection.AssemblyMetadata(\"RegressionProof.Manifest\", {SymbolDisplay.FormatLiteral(json.ToString(), quote: true)})]\n"
                + string.Concat(Enumerable.Range(0, 20).Select(t => $"namespace Service{a} {{ public class Api{t} {{ public int Get(int x) => x; public string Name {{ get; set; }} = \"\"; }} }}\n"));
            var result = CSharpCompilation.Create($"Service{a}", [CSharpSyntaxTree.ParseText(source)], runtime, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .Emit(Path.Combine(bin, $"Service{a}.dll"));
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
            }
        }

        var cards = string.Join(",\n", Enumerable.Range(0, 100).Select(i =>
            $"{{ \"id\": \"INTAKE-{i}\", \"owner\": \"alice\", \"backup\": \"bob\", \"evidence\": [\"https://tracker.example/{i}\"] }}"));
        File.WriteAllText(Path.Combine(folder, "release.json"),
            $"{{ \"version\": \"9.9.9\", \"class\": \"patch\", \"approvals\": [{{ \"role\": \"release-captain\", \"by\": \"d\" }}, {{ \"role\": \"dri\", \"by\": \"l\" }}], \"rollback\": {{ \"plan\": \"p\", \"tested\": true }}, \"cards\": [{cards}] }}");
        File.WriteAllText(Path.Combine(folder, "CHANGELOG.md"), "## [9.9.9]\n" + string.Join("\n", Enumerable.Range(0, 100).Select(i => $"- INTAKE-{i}")) + "\n");

        // The previous release: every card of the assemblies, decided once without a baseline.
        var allCards = string.Join(",\n", Enumerable.Range(0, count * LinksPerAssembly / 2).Select(i =>
            $"{{ \"id\": \"INTAKE-{i}\", \"owner\": \"alice\", \"backup\": \"bob\", \"evidence\": [\"https://tracker.example/{i}\"] }}"));
        File.WriteAllText(Path.Combine(folder, "previous.json"),
            $"{{ \"version\": \"9.9.8\", \"class\": \"patch\", \"cards\": [{allCards}] }}");
        GateCommand.Run(["bin", "--no-build", "--as-of", "2026-11-24", "--release", "previous.json", "--changelog", "CHANGELOG.md", "--out", "baseline"], TextWriter.Null, TextWriter.Null, folder);
    }
}
