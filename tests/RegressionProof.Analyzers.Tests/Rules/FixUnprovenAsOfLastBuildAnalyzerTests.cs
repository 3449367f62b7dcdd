using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.FixUnprovenAsOfLastBuildAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

/// <summary>
/// RP0012 (docs/rules/RP0012.md): what the last build's proof index says about a fix, while the
/// developer types, in the project that holds the fix. The verifier's project is named "TestProject".
/// </summary>
public class FixUnprovenAsOfLastBuildAnalyzerTests
{
    private const string Fix = """
        using RegressionProof;

        public class Ledger
        {
            [{|#0:Fixes("INTAKE-1")|}]
            public void Post() { }
        }
        """;

    [Fact]
    public async Task A_fix_whose_card_no_proof_of_the_last_build_names_is_reported_on_its_attribute()
    {
        var test = WithIndex(Fix, Entry("Shop.Tests", ["TestProject"], Link("regression-for", "INTAKE-900")));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0012_FixUnprovenAsOfLastBuild).WithLocation(0).WithArguments("INTAKE-1", "Ledger.Post()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_fix_whose_card_a_built_project_proves_is_not_reported()
    {
        var test = WithIndex(Clean(Fix), Entry("Shop.Tests", ["TestProject"], Link("regression-for", "INTAKE-1")));

        await test.RunAsync();
    }

    [Fact]
    public async Task Proofs_in_any_entry_of_the_index_count_not_only_in_the_project_that_references_the_fix()
    {
        var test = WithIndex(
            Clean(Fix),
            Entry("Shop.Tests", ["TestProject"]),
            Entry("Shop.Monitoring", [], Link("synthetic-probe", "INTAKE-1")));

        await test.RunAsync();
    }

    [Fact]
    public async Task Without_an_index_nothing_is_reported()
    {
        // A fresh clone before its first build.
        await Verify.VerifyAnalyzerAsync(Clean(Fix));
    }

    [Fact]
    public async Task An_index_without_a_project_that_references_this_one_says_nothing_about_its_fixes()
    {
        // The production project was built alone: its own entry knows nothing about the tests.
        var test = WithIndex(Clean(Fix), Entry("TestProject", ["Shop.Core"], Link("fixes", "INTAKE-1")), Entry("Other.Tests", ["Other"]));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_proof_on_the_fixed_member_itself_counts_whatever_the_index_says()
    {
        var test = WithIndex("""
            using RegressionProof;

            public class Ledger
            {
                [Fixes("INTAKE-1")]
                [ManualVerification("INTAKE-1", Steps = "s", RecordedOn = "2026-11-01", AutomateBy = "2026-11-10")]
                public void Post() { }
            }
            """, Entry("Shop.Tests", ["TestProject"]));

        await test.RunAsync();
    }

    [Fact]
    public async Task The_aggregate_is_left_to_RP0001()
    {
        var test = WithIndex(Clean(Fix), Entry("Shop.Tests", ["TestProject"]));
        test.BuildProperties["RegressionProofAggregate"] = "true";

        await test.RunAsync();
    }

    [Fact]
    public async Task A_fix_one_edit_from_the_one_card_with_a_proof_and_no_fix_asks_whether_that_card_was_meant()
    {
        var test = WithIndex(
            Fix.Replace("INTAKE-1", "INTAKE-132"),
            Entry("Shop.Tests", ["TestProject"], Link("regression-for", "INTAKE-123"), Link("regression-for", "INTAKE-7"), Link("fixes", "INTAKE-7")));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0012_FixUnprovenDidYouMean).WithLocation(0).WithArguments("INTAKE-132", "Ledger.Post()", "INTAKE-123"));

        await test.RunAsync();
    }

    [Fact]
    public async Task No_card_within_two_edits_gives_the_plain_message()
    {
        var test = WithIndex(Fix.Replace("INTAKE-1", "INTAKE-500"), Entry("Shop.Tests", ["TestProject"], Link("regression-for", "INTAKE-123")));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0012_FixUnprovenAsOfLastBuild).WithLocation(0).WithArguments("INTAKE-500", "Ledger.Post()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Two_cards_equally_close_give_no_guess()
    {
        var test = WithIndex(
            Fix.Replace("INTAKE-1", "INTAKE-120"),
            Entry("Shop.Tests", ["TestProject"], Link("regression-for", "INTAKE-121"), Link("regression-for", "INTAKE-122")));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0012_FixUnprovenAsOfLastBuild).WithLocation(0).WithArguments("INTAKE-120", "Ledger.Post()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_card_whose_proof_also_has_its_fix_is_not_suggested()
    {
        // INTAKE-123 is a complete link; only a dangling proof is a likely other half of a typo.
        var test = WithIndex(
            Fix.Replace("INTAKE-1", "INTAKE-132"),
            Entry("Shop.Tests", ["TestProject"], Link("regression-for", "INTAKE-123"), Link("fixes", "INTAKE-123")));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0012_FixUnprovenAsOfLastBuild).WithLocation(0).WithArguments("INTAKE-132", "Ledger.Post()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_proof_of_a_card_no_fix_names_asks_whether_the_one_close_unproven_fix_was_meant()
    {
        var test = WithIndex("""
            using RegressionProof;

            public class LedgerTests
            {
                [Xunit.Fact, {|#0:RegressionFor("INTAKE-213")|}]
                public void Posting_twice_posts_once() { }

                [Xunit.Fact, RegressionFor("INTAKE-900")]
                public void Unrelated() { }
            }
            """, Entry("Shop", [], Link("fixes", "INTAKE-123"), Link("fixes", "INTAKE-5")), Entry("Shop.Monitoring", [], Link("synthetic-probe", "INTAKE-5")));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0012_ProofOfNoFixDidYouMean).WithLocation(0).WithArguments("RegressionFor", "INTAKE-213", "LedgerTests.Posting_twice_posts_once()", "INTAKE-123"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_proof_of_a_card_some_fix_names_is_not_reported()
    {
        var test = WithIndex("""
            using RegressionProof;

            public class LedgerTests
            {
                [Xunit.Fact, RegressionFor("INTAKE-124")]
                public void Posting_twice_posts_once() { }
            }
            """, Entry("Shop", [], Link("fixes", "INTAKE-123"), Link("fixes", "INTAKE-124")));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an index")]
    [InlineData("regression-proof/proof-index/v1\nreference TestProject\n")]
    [InlineData("regression-proof/proof-index/v1\nassembly Shop.Tests\nreference TestProject\nmanifest {\"links\": [\n")]
    [InlineData("regression-proof/proof-index/v1\nassembly Shop.Tests\nreference TestProject\nmanifest [1, 2]\n")]
    [InlineData("regression-proof/proof-index/v2\nassembly Shop.Tests\nreference TestProject\nmanifest {\"links\":[]}\n")]
    [InlineData("regression-proof/proof-index/v1\nassembly Shop.Tests\nreference TestProject\n")]
    [InlineData("regression-proof/proof-index/v1\nassembly \nreference TestProject\nmanifest {\"links\":[]}\n")]
    public async Task An_index_entry_that_cannot_be_read_is_ignored_without_a_diagnostic_or_an_exception(string text)
    {
        var test = new Verify.Test { TestCode = Clean(Fix) };
        test.TestState.AdditionalFiles.Add(("/repo/obj/regression-proof/index/Shop.Tests-net10.0.proofindex", text));

        await test.RunAsync();
    }

    [Fact]
    public async Task Links_with_unusable_fields_in_a_readable_entry_are_skipped()
    {
        var test = WithIndex(Fix, "regression-proof/proof-index/v1\r\nassembly Shop.Tests\r\nreference TestProject\r\nmanifest {\"links\":[{\"kind\":\"regression-for\"},{\"card\":\"INTAKE-1\"},{\"kind\":\"no-such-kind\",\"card\":\"INTAKE-1\"},3,{\"kind\":\"regression-for\",\"card\":\"\"}]}\r\n");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0012_FixUnprovenAsOfLastBuild).WithLocation(0).WithArguments("INTAKE-1", "Ledger.Post()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Files_that_are_not_index_entries_are_not_read_as_one()
    {
        var test = new Verify.Test { TestCode = Clean(Fix) };
        test.TestState.AdditionalFiles.Add(("/repo/release.json", Entry("Shop.Tests", ["TestProject"])));

        await test.RunAsync();
    }

    private static Verify.Test WithIndex(string source, params string[] entries)
    {
        var test = new Verify.Test { TestCode = source };
        for (var i = 0; i < entries.Length; i++)
        {
            test.TestState.AdditionalFiles.Add(($"/repo/obj/regression-proof/index/Project{i}-net10.0.proofindex", entries[i]));
        }

        return test;
    }

    /// <summary>An index entry as RegressionProof.targets writes it.</summary>
    internal static string Entry(string assembly, string[] references, params string[] links)
    {
        var text = "regression-proof/proof-index/v1\nassembly " + assembly + "\n";
        foreach (var reference in references)
        {
            text += "reference " + reference + "\n";
        }

        return text + "manifest {\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"" + assembly + "\",\"links\":[" + string.Join(",", links) + "]}\n";
    }

    internal static string Link(string kind, string card) =>
        $$"""{"kind":"{{kind}}","card":"{{card}}","symbol":"M:X","display":"X()","path":"X.cs","line":1,"fingerprint":"sha256:00"}""";

    private static string Clean(string source) => source.Replace("{|#0:", string.Empty).Replace(")|}]", ")]");
}
