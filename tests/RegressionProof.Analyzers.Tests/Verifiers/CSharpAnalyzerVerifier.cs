using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RegressionProof.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs one analyzer over test code that references the RegressionProof attributes and the test
/// frameworks from metadata. Use it through an alias: <c>using Verify = CSharpAnalyzerVerifier&lt;TheAnalyzer&gt;;</c>.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.AdditionalReferences.Add(TestFrameworkReferences.Attributes);
            TestState.AdditionalReferences.AddRange(TestFrameworkReferences.All);
        }

        /// <summary>Lines of <c>.editorconfig</c> under <c>[*]</c>, for example <c>regression_proof.sprint_days = 7</c>.</summary>
        public List<string> EditorConfig { get; } = [];

        /// <summary>MSBuild properties made visible to the compiler, for example <c>RegressionProofAggregate=true</c>.</summary>
        public Dictionary<string, string> BuildProperties { get; } = [];

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestConfiguration.Apply(TestState, EditorConfig, BuildProperties);
            await base.RunImplAsync(cancellationToken);
        }
    }
}
