using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using RegressionProof.Analyzers.Tests.Verifiers;

namespace RegressionProof.CodeFixes.Tests.Verifiers;

/// <summary>
/// Runs an analyzer and its code fix over test code that references the RegressionProof attributes
/// and the stand-in test frameworks. Use through an alias:
/// <c>using Verify = CSharpCodeFixVerifier&lt;TheAnalyzer, TheFix&gt;;</c>.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The day every stub that records a date is written on.</summary>
    public static readonly DateTime Today = new(2026, 11, 24);

    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            Clock.Today = () => Today;

            // A rule may have several messages (RP0008: no Signal, an undefined Signal); {|RP0008:…|} names the rule.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.AdditionalReferences.Add(TestFrameworkReferences.Attributes);
            TestState.AdditionalReferences.AddRange(TestFrameworkReferences.All);
        }

        public List<string> EditorConfig { get; } = [];

        public Dictionary<string, string> BuildProperties { get; } = [];

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestConfiguration.Apply(TestState, EditorConfig, BuildProperties);
            await base.RunImplAsync(cancellationToken);
        }
    }
}
