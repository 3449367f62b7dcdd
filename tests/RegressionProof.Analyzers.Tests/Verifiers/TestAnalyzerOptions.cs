using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RegressionProof.Analyzers.Tests.Verifiers;

/// <summary>Analyzer options built in memory: additional files, global (build) options and per-tree options.</summary>
public static class TestAnalyzerOptions
{
    public static AnalyzerOptions Create(
        IReadOnlyDictionary<string, string>? globalOptions = null,
        IReadOnlyDictionary<string, string>? treeOptions = null,
        params (string Path, string Text)[] additionalFiles)
    {
        return new AnalyzerOptions(
            additionalFiles.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text)).ToImmutableArray(),
            new Provider(new Options(globalOptions), new Options(treeOptions)));
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(IReadOnlyDictionary<string, string>? values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (values is not null && values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null!;
            return false;
        }
    }

    private sealed class Provider(AnalyzerConfigOptions global, AnalyzerConfigOptions tree) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree1) => tree;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => tree;
    }
}
