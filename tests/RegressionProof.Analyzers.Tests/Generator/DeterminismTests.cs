using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>The same source gives byte-identical manifests, whatever the machine, checkout path or file order.</summary>
public class DeterminismTests
{
    private static readonly (string RelativePath, string Source)[] Files =
    [
        ("src/Shop/Pricing/DiscountCalculator.cs", Samples.Pricing),
        ("src/Shop/Monitoring/CheckoutMonitoring.cs", Samples.Monitoring),
        ("tests/Shop.Tests/DiscountTests.cs", Samples.Tests),
        ("src/Shop/Partial.cs", """
            using RegressionProof;
            namespace Shop { [Fixes("INTAKE-200")] public partial class Cart { } }
            """),
        ("src/Shop/Partial.More.cs", """
            namespace Shop { public partial class Cart { public int Count; } }
            """),
    ];

    public static TheoryData<int[]> FileOrders => new()
    {
        new[] { 4, 3, 2, 1, 0 },
        new[] { 2, 0, 4, 1, 3 },
        new[] { 1, 4, 0, 3, 2 },
    };

    [Theory]
    [MemberData(nameof(FileOrders))]
    public void File_order_does_not_change_a_byte(int[] order)
    {
        var expected = ManifestUnder("/repo", Enumerable.Range(0, Files.Length));

        Assert.Equal(expected, ManifestUnder("/repo", order));
    }

    [Theory]
    [InlineData("/home/ci/work/1/s")]
    [InlineData("/tmp/checkout with spaces/repo")]
    [InlineData("C:\\agent\\_work\\7\\s")]
    public void The_checkout_path_does_not_change_a_byte(string root)
    {
        var expected = ManifestUnder("/repo", Enumerable.Range(0, Files.Length));

        Assert.Equal(expected, ManifestUnder(root, Enumerable.Range(0, Files.Length)));
    }

    [Fact]
    public void No_absolute_path_of_the_build_machine_reaches_the_manifest()
    {
        var json = ManifestUnder("/home/builder/secret-project", Enumerable.Range(0, Files.Length));

        Assert.DoesNotContain("/home/builder", json, System.StringComparison.Ordinal);
        Assert.DoesNotContain("secret-project", json, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "/elsewhere/project/", "Pricing/DiscountCalculator.cs")]
    [InlineData(null, null, "DiscountCalculator.cs")]
    [InlineData("/not/an/ancestor", null, "DiscountCalculator.cs")]
    public void Without_a_repository_root_paths_fall_back_to_the_project_folder_then_the_file_name(string? root, string? projectDirectory, string expected)
    {
        var compilation = GeneratorHarness.Compilation([("/elsewhere/project/Pricing/DiscountCalculator.cs", Samples.Pricing)]);

        var json = GeneratorHarness.ManifestJson(compilation, root, projectDirectory)!;

        Assert.All(GeneratorHarness.Parse(json).Links, link => Assert.Equal(expected, link.Path));
    }

    [Fact]
    public void Non_ascii_text_is_escaped_so_the_bytes_do_not_depend_on_encodings()
    {
        var compilation = GeneratorHarness.Compilation([("/repo/A.cs", """
            using RegressionProof;
            class A
            {
                [ManualVerification("INTAKE-1", Steps = "Vérifier le reçu € \u0007 \"quoted\" \\ back", RecordedOn = "2026-11-01", AutomateBy = "2026-11-02")]
                void M() { }
            }
            """)]);

        var json = GeneratorHarness.ManifestJson(compilation)!;

        Assert.All(json, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal("Vérifier le reçu € \u0007 \"quoted\" \\ back", GeneratorHarness.Parse(json).Links.Single().Steps);
    }

    private static string ManifestUnder(string root, IEnumerable<int> order)
    {
        var separator = root.Contains('\\') ? "\\" : "/";
        var files = order.Select(i => (root + separator + Files[i].RelativePath.Replace("/", separator), Files[i].Source));
        return GeneratorHarness.ManifestJson(GeneratorHarness.Compilation(files), root, root + separator + "src" + separator + "Shop")!;
    }
}
