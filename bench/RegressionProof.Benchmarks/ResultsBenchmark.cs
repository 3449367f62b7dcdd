using System;
using System.Globalization;
using System.IO;
using System.Text;
using RegressionProof.Gate.Inputs;

namespace RegressionProof.Benchmarks;

/// <summary>
/// Reading the test results of a sharded run: 100,000 results across 50 files, as TRX and as CTRF,
/// each against the time just to read the same files' bytes.
/// </summary>
internal static class ResultsBenchmark
{
    public const int Files = 50;
    public const int ResultsPerFile = 2_000;

    public static string Run()
    {
        var root = Directory.CreateTempSubdirectory("regression-proof-results-bench-").FullName;
        try
        {
            var trx = Write(Path.Combine(root, "trx"), "trx", Trx);
            var ctrf = Write(Path.Combine(root, "ctrf"), "json", Ctrf);
            var (readTrx, bytesTrx) = Measure.SideBySide(() => Read(trx), () => ReadBytes(trx));
            var (readCtrf, bytesCtrf) = Measure.SideBySide(() => Read(ctrf), () => ReadBytes(ctrf));

            return new StringBuilder()
                .AppendLine($"{Files * ResultsPerFile:N0} results across {Files} files ({ResultsPerFile:N0} each; every 100th failed, every 50th a row of a data-driven test). TRX: {Size(trx)}; CTRF: {Size(ctrf)}. Machine: {Measure.Machine()}.")
                .AppendLine()
                .AppendLine("| figure | median | ratio |")
                .AppendLine("|---|---|---|")
                .AppendLine($"| reading the TRX results ÷ reading the files' bytes | {readTrx:F0} ms ÷ {bytesTrx:F1} ms | {readTrx / bytesTrx:F1} |")
                .AppendLine($"| reading the CTRF results ÷ reading the files' bytes | {readCtrf:F0} ms ÷ {bytesCtrf:F1} ms | {readCtrf / bytesCtrf:F1} |")
                .ToString();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Read(string[] files)
    {
        var results = TestResultsReader.Read(files);
        if (results.All.Count != Files * ResultsPerFile)
        {
            throw new InvalidOperationException($"read {results.All.Count} results, wrote {Files * ResultsPerFile}");
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

    private static string Size(string[] files)
    {
        long total = 0;
        foreach (var file in files)
        {
            total += new FileInfo(file).Length;
        }

        return $"{total / (1024.0 * 1024.0):F0} MB";
    }

    private static string[] Write(string folder, string extension, Func<int, string> file)
    {
        Directory.CreateDirectory(folder);
        var files = new string[Files];
        for (var shard = 0; shard < Files; shard++)
        {
            files[shard] = Path.Combine(folder, $"shard-{shard:D2}.{extension}");
            File.WriteAllText(files[shard], file(shard));
        }

        return files;
    }

    // A test of the shard: its class, its method, and the row when it is a row of a data-driven test.
    private static (string Class, string Method, string? Row, bool Failed) Test(int shard, int i) =>
        ($"Shop.Tests.Shard{shard}.Area{i / 100}Tests", $"Case_{i % 100}", i % 50 == 0 ? $"{i}, {i + 1}" : null, i % 100 == 1);

    // As Microsoft.Testing.Platform's --report-trx writes it (see the fixtures of the gate's tests).
    private static string Trx(int shard)
    {
        var text = new StringBuilder();
        var start = new DateTimeOffset(2026, 12, 2, 4, 0, 0, TimeSpan.Zero).AddMinutes(shard);
        var time = start.ToString("O", CultureInfo.InvariantCulture);
        text.AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
            .AppendLine($"<TestRun id=\"{Guid.NewGuid()}\" name=\"@ci {shard}\" xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">")
            .AppendLine($"  <Times creation=\"{time}\" queuing=\"{time}\" start=\"{time}\" finish=\"{time}\" />")
            .AppendLine("  <Results>");
        var ids = new Guid[ResultsPerFile];
        for (var i = 0; i < ResultsPerFile; i++)
        {
            ids[i] = Guid.NewGuid();
            var (_, method, row, failed) = Test(shard, i);
            var name = row is null ? method : $"{method} ({row})";
            text.Append($"    <UnitTestResult executionId=\"{Guid.NewGuid()}\" testId=\"{ids[i]}\" testName=\"{name}\" computerName=\"ci\" duration=\"00:00:00.0012345\" startTime=\"{time}\" endTime=\"{time}\" testType=\"13CDC9D9-DDB5-4fa4-A97D-D965CCFC6D4B\" outcome=\"{(failed ? "Failed" : "Passed")}\" testListId=\"8C84FA94-04C1-424b-9868-57A2D4851A1D\" relativeResultsDirectory=\"{ids[i]}\"");
            text.AppendLine(failed
                ? ">\n      <Output>\n        <ErrorInfo>\n          <Message>Assert.Equal() Failure: expected 0, actual 4</Message>\n          <StackTrace>   at Shop.Tests.PricingTests.Case() in /src/tests/PricingTests.cs:line 21</StackTrace>\n        </ErrorInfo>\n      </Output>\n    </UnitTestResult>"
                : " />");
        }

        text.AppendLine("  </Results>").AppendLine("  <TestDefinitions>");
        for (var i = 0; i < ResultsPerFile; i++)
        {
            var (className, method, row, _) = Test(shard, i);
            var name = row is null ? method : $"{method} ({row})";
            text.AppendLine($"    <UnitTest name=\"{name}\" storage=\"/src/tests/bin/release/net10.0/shop.tests.dll\" id=\"{ids[i]}\">")
                .AppendLine($"      <Execution id=\"{Guid.NewGuid()}\" />")
                .AppendLine($"      <TestMethod codeBase=\"/src/tests/bin/Release/net10.0/Shop.Tests.dll\" adapterTypeName=\"executor://MSTestExtension/4.5.3\" className=\"{className}\" name=\"{method}\" />")
                .AppendLine("    </UnitTest>");
        }

        return text.AppendLine("  </TestDefinitions>").AppendLine("</TestRun>").ToString();
    }

    // As Fixtures/Results/ctrf of the gate's tests: suite and name, a row's parameters, a failure's message and trace.
    private static string Ctrf(int shard)
    {
        var text = new StringBuilder();
        var start = new DateTimeOffset(2026, 12, 2, 4, 0, 0, TimeSpan.Zero).AddMinutes(shard).ToUnixTimeMilliseconds();
        text.AppendLine("{")
            .AppendLine($"  \"reportFormat\": \"CTRF\", \"specVersion\": \"0.0.0\", \"reportId\": \"{Guid.NewGuid()}\", \"runId\": \"ci-run\",")
            .AppendLine("  \"results\": {")
            .AppendLine("    \"tool\": { \"name\": \"mstest\" },")
            .AppendLine($"    \"summary\": {{ \"tests\": {ResultsPerFile}, \"passed\": 0, \"failed\": 0, \"skipped\": 0, \"pending\": 0, \"other\": 0, \"start\": {start}, \"stop\": {start + 60_000} }},")
            .AppendLine("    \"tests\": [");
        for (var i = 0; i < ResultsPerFile; i++)
        {
            var (className, method, row, failed) = Test(shard, i);
            var suite = string.Join("\", \"", className.Split('.'));
            var parameters = row is null ? string.Empty : $", \"parameters\": {{ \"price\": {row.Split(", ")[0]}, \"discount\": {row.Split(", ")[1]} }}";
            var failure = failed ? ", \"message\": \"Assert.Equal() Failure: expected 0, actual 4\", \"trace\": \"   at Shop.Tests.PricingTests.Case() in /src/tests/PricingTests.cs:line 21\"" : string.Empty;
            text.Append($"      {{ \"name\": \"{method}\", \"status\": \"{(failed ? "failed" : "passed")}\", \"duration\": 1, \"suite\": [\"{suite}\"], \"filePath\": \"tests/PricingTests.cs\"{parameters}{failure} }}")
                .AppendLine(i + 1 < ResultsPerFile ? "," : string.Empty);
        }

        return text.AppendLine("    ]").AppendLine("  }").AppendLine("}").ToString();
    }
}
