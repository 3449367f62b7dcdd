using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.FixWithoutRegressionProofAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class FixWithoutRegressionProofAnalyzerTests
{
    private const string Production = """
        using RegressionProof;

        namespace Shop
        {
            public class Pricing
            {
                [Fixes("INTAKE-1")]
                public decimal ApplyDiscount(decimal price, decimal discount) => price > discount ? price - discount : 0;
            }
        }
        """;

    [Fact]
    public async Task Without_aggregate_mode_a_fix_without_proof_is_never_reported()
    {
        await Verify.VerifyAnalyzerAsync(Production);
    }

    [Fact]
    public async Task In_an_aggregating_project_a_fix_in_its_own_source_without_proof_is_reported_on_the_attribute()
    {
        var test = Aggregating("""
            using RegressionProof;

            public class Pricing
            {
                [{|#0:Fixes("INTAKE-1")|}]
                public decimal ApplyDiscount(decimal price) => price;

                [Fixes("INTAKE-2")]
                public decimal Round(decimal price) => price;
            }

            public class PricingTests
            {
                [Xunit.Fact, RegressionFor("INTAKE-2")]
                public void Rounds() { }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation(0).WithArguments("INTAKE-1", "Pricing.ApplyDiscount(decimal)"));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("[Xunit.Fact, RegressionFor(\"INTAKE-1\")] public void Test() { }")]
    [InlineData("[NUnit.Framework.Test, MigrationTest(\"INTAKE-1\")] public void Test() { }")]
    [InlineData("[SyntheticProbe(\"INTAKE-1\", Signal = RecurrenceSignal.Error)] public void Probe() { }")]
    [InlineData("[RecurrenceAlert(\"INTAKE-1\", Signal = RecurrenceSignal.Latency)] public int Alert => 0;")]
    [InlineData("[DashboardPanel(\"INTAKE-1\", Baseline = \"0\", Threshold = \"1\")] public void Panel() { }")]
    [InlineData("[ManualVerification(\"INTAKE-1\", Steps = \"s\", RecordedOn = \"2026-11-01\", AutomateBy = \"2026-11-10\")] public void Checked() { }")]
    public async Task Any_kind_of_proof_for_the_card_satisfies_the_fix(string proof)
    {
        var test = Aggregating($$"""
            using RegressionProof;

            public class Pricing
            {
                [Fixes("INTAKE-1")]
                public decimal ApplyDiscount(decimal price) => price;
            }

            public class Proofs
            {
                {{proof}}
            }
            """);

        await test.RunAsync();
    }

    [Fact]
    public async Task A_fix_in_a_referenced_assembly_proven_in_the_aggregating_project_is_not_reported()
    {
        var test = Aggregating("""
            using RegressionProof;

            [RegressionFor("INTAKE-1")]
            public class PricingTests
            {
                [Xunit.Fact] public void Discount_never_goes_negative() { }
            }
            """);
        AddProject(test, "Shop", Production);

        await test.RunAsync();
    }

    [Fact]
    public async Task A_fix_in_a_referenced_assembly_without_proof_is_reported_without_location_naming_the_assembly()
    {
        var test = Aggregating("""
            public class PricingTests
            {
                [Xunit.Fact] public void Unrelated() { }
            }
            """);
        AddProject(test, "Shop", Production);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithArguments("INTAKE-1", "Shop: Pricing.ApplyDiscount(decimal, decimal)"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_proof_in_a_referenced_assembly_satisfies_a_fix_in_another_reference()
    {
        var test = Aggregating("public class Marker { }");
        AddProject(test, "Shop", Production);
        AddProject(test, "Shop.Probes", """
            using RegressionProof;

            public static class CheckoutProbes
            {
                [SyntheticProbe("INTAKE-1", Signal = RecurrenceSignal.Error)]
                public static void NegativeTotals() { }
            }
            """);

        await test.RunAsync();
    }

    [Fact]
    public async Task A_solution_whose_only_proof_is_in_an_NUnit_project_reports_nothing_when_no_project_aggregates()
    {
        // The xunit project sees the fix but not the NUnit project's proof: only the gate can judge.
        var test = new Verify.Test
        {
            TestCode = """
                using Shop;

                public class PricingXunitTests
                {
                    [Xunit.Fact]
                    public void Unrelated() => new Pricing().ApplyDiscount(1, 2);
                }
                """,
        };
        AddProject(test, "Shop", Production);
        AddSources(test.TestState.AdditionalProjects["Shop.NUnitTests"], """
            using RegressionProof;

            public class PricingNUnitTests
            {
                [NUnit.Framework.Test, RegressionFor("INTAKE-1")]
                public void Discount_never_goes_negative() { }
            }
            """);
        test.TestState.AdditionalProjects["Shop.NUnitTests"].AdditionalProjectReferences.Add("Shop");

        await test.RunAsync();
    }

    [Fact]
    public async Task An_internal_proof_in_a_referenced_assembly_counts_through_its_embedded_manifest()
    {
        // Metadata shows only the public surface of a reference; the manifest lists every link.
        var probes = TestFrameworkReferences.Compile("Shop.Monitoring", """
            [assembly: System.Reflection.AssemblyMetadata("RegressionProof.Manifest", "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Shop.Monitoring\",\"links\":[{\"kind\":\"synthetic-probe\",\"card\":\"INTAKE-1\",\"symbol\":\"M:Probes.Run\",\"display\":\"Probes.Run()\",\"path\":\"Probes.cs\",\"line\":3,\"signal\":\"error\",\"fingerprint\":\"sha256:00\"}]}")]
            internal static class Probes
            {
                [RegressionProof.SyntheticProbe("INTAKE-1", Signal = RegressionProof.RecurrenceSignal.Error)]
                internal static void Run() { }
            }
            """, TestFrameworkReferences.Attributes);
        var test = Aggregating("""
            using RegressionProof;

            public class Pricing
            {
                [Fixes("INTAKE-1")]
                public void Apply() { }
            }
            """);
        test.TestState.AdditionalReferences.Add(probes);

        await test.RunAsync();
    }

    [Fact]
    public async Task An_internal_fix_in_a_referenced_assembly_is_reported_through_its_embedded_manifest()
    {
        var shop = TestFrameworkReferences.Compile("Shop.Core", """
            [assembly: System.Reflection.AssemblyMetadata("RegressionProof.Manifest", "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Shop.Core\",\"links\":[{\"kind\":\"fixes\",\"card\":\"INTAKE-2\",\"symbol\":\"M:Rounding.Round\",\"display\":\"Rounding.Round()\",\"path\":\"Rounding.cs\",\"line\":3,\"fingerprint\":\"sha256:00\"}]}")]
            internal static class Rounding
            {
                [RegressionProof.Fixes("INTAKE-2")]
                internal static void Round() { }
            }
            """, TestFrameworkReferences.Attributes);
        var test = Aggregating("public class Tests { }");
        test.TestState.AdditionalReferences.Add(shop);
        // Without a repository root the manifest's repository-relative path is reported as written.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation("Rounding.cs", 3, 1).WithArguments("INTAKE-2", "Shop.Core: Rounding.Round()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Unusable_ids_are_left_to_the_id_rules()
    {
        var test = Aggregating("""
            using RegressionProof;

            public class Pricing
            {
                [Fixes("")]
                [Fixes({|CS0182:Id()|})]
                public decimal ApplyDiscount(decimal price) => price;

                static string Id() => "INTAKE-1";
            }
            """);

        await test.RunAsync();
    }

    [Theory]
    [InlineData("True")]
    [InlineData(" true ")]
    public async Task Aggregate_mode_is_read_case_insensitively(string value)
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                public class Pricing
                {
                    [{|#0:Fixes("INTAKE-1")|}]
                    public void Apply() { }
                }
                """,
            BuildProperties = { ["RegressionProofAggregate"] = value },
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation(0).WithArguments("INTAKE-1", "Pricing.Apply()"));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("/0/PricingTests.g.cs", "")]
    [InlineData("/0/PricingTests.cs", "// <auto-generated/>\n")]
    public async Task A_proof_in_a_generated_file_of_the_aggregating_project_proves_the_fix(string path, string header)
    {
        var test = Aggregating("""
            using RegressionProof;

            public class Pricing
            {
                [Fixes("INTAKE-1")]
                public decimal ApplyDiscount(decimal price) => price;
            }
            """);
        test.TestState.Sources.Add((path, header + """
            public class PricingTests
            {
                [Xunit.Fact, RegressionProof.RegressionFor("INTAKE-1")]
                public void Discount_never_negative() { }
            }
            """));

        await test.RunAsync();
    }

    [Fact]
    public async Task Nothing_is_reported_inside_a_generated_file()
    {
        var test = Aggregating("public class Empty { }");
        test.TestState.Sources.Add(("/0/Pricing.g.cs", """
            public class Pricing
            {
                [RegressionProof.Fixes("INTAKE-1")]
                public decimal ApplyDiscount(decimal price) => price;
            }
            """));

        await test.RunAsync();
    }

    private static Verify.Test Aggregating(string source) => new()
    {
        TestCode = source,
        BuildProperties = { ["RegressionProofAggregate"] = "true" },
    };

    private static void AddProject(Verify.Test test, string name, string source)
    {
        AddSources(test.TestState.AdditionalProjects[name], source);
        test.TestState.AdditionalProjectReferences.Add(name);
    }

    private static void AddSources(ProjectState project, string source)
    {
        project.Sources.Add(source);
        project.AdditionalReferences.Add(TestFrameworkReferences.Attributes);
        project.AdditionalReferences.AddRange(TestFrameworkReferences.All);
    }
}
