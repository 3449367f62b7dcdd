using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0012: while coding, in a project that the last build's proof index covers, a <c>[Fixes("X")]</c>
/// whose card no proof named at that build; and a proof or fix whose ID looks like a typo of the
/// one card on the other side that lacks its counterpart ("did you mean INTAKE-123?").
/// </summary>
/// <remarks>
/// A symbol rule, not a compilation-end one, so the IDE squiggles it. It knows only what the
/// last build wrote (docs/rules/RP0012.md); without an index it reports nothing.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FixUnprovenAsOfLastBuildAnalyzer : RegressionProofAnalyzer
{
    /// <summary>Diagnostic property: the card of the attribute the diagnostic is on, for the code fixes.</summary>
    public const string CardProperty = "Card";

    /// <summary>Diagnostic property: the card the "did you mean" names, when there is one.</summary>
    public const string SuggestionProperty = "Suggestion";

    public FixUnprovenAsOfLastBuildAnalyzer()
        : base(Descriptors.RP0012_FixUnprovenAsOfLastBuild, Descriptors.RP0012_FixUnprovenDidYouMean, Descriptors.RP0012_ProofOfNoFixDidYouMean)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        if (!ProofIndex.IsAmong(context.Options.AdditionalFiles))
        {
            return; // a fresh clone before its first build: nothing is known, so nothing is said
        }

        // Read on the first link, so a compilation without any costs no more than this check.
        var options = context.Options;
        var assembly = context.Compilation.AssemblyName ?? string.Empty;
        var cancellationToken = context.CancellationToken;
        var cards = new System.Lazy<IndexCards?>(() => IndexCards.Create(options, assembly, cancellationToken));
        RegisterLinkAction(context, known, link =>
        {
            if (cards.Value is { } value)
            {
                Analyze(link, value, known);
            }
        });
    }

    private static void Analyze(LinkAnalysisContext context, IndexCards cards, KnownAttributes known)
    {
        var link = context.Link;
        if (link.CardId is not { } card)
        {
            return; // RP0002 or RP0006 covers unusable IDs
        }

        if (link.Kind == LinkKind.Fixes)
        {
            if (cards.ReportsFixes && !cards.Index.ProvenCards.Contains(card) && !ProvenOnTheSameMember(link, card, known))
            {
                var suggestion = CardSuggestion.Find(card, cards.ProofsWithoutFix);
                context.ReportDiagnostic(suggestion is null
                    ? Create(Descriptors.RP0012_FixUnprovenAsOfLastBuild, link, card, null, MessageText.Card(card), link.TargetName)
                    : Create(Descriptors.RP0012_FixUnprovenDidYouMean, link, card, suggestion, MessageText.Card(card), link.TargetName, MessageText.Card(suggestion)));
            }

            return;
        }

        if (!cards.Index.FixCards.Contains(card) && CardSuggestion.Find(card, cards.FixesWithoutProof) is { } fix)
        {
            context.ReportDiagnostic(Create(
                Descriptors.RP0012_ProofOfNoFixDidYouMean, link, card, fix, link.Kind.AttributeName(), MessageText.Card(card), link.TargetName, MessageText.Card(fix)));
        }
    }

    /// <summary>A proof of the card on the fixed member itself (a manual verification beside the fix) is current, whatever the index says.</summary>
    private static bool ProvenOnTheSameMember(IntakeLink link, string card, KnownAttributes known) =>
        known.LinksOf(link.Target).Any(other => other.Kind.IsProof()
            && other.Attribute.ConstructorArguments.Length == 1
            && other.Attribute.ConstructorArguments[0].Value as string == card);

    private static Diagnostic Create(DiagnosticDescriptor descriptor, IntakeLink link, string card, string? suggestion, params object[] arguments)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(CardProperty, card);
        if (suggestion is not null)
        {
            properties = properties.Add(SuggestionProperty, suggestion);
        }

        return Diagnostic.Create(descriptor, link.Location, properties, arguments);
    }

    /// <summary>
    /// What one compilation takes from the index, made once: whether it reports fixes, and the
    /// index's cards that lack their counterpart, the likely halves of a mistyped link.
    /// </summary>
    private sealed class IndexCards
    {
        private IndexCards(ProofIndex index, bool reportsFixes)
        {
            Index = index;
            ReportsFixes = reportsFixes;
            ProofsWithoutFix = index.ProvenCards.Except(index.FixCards).OrderBy(c => c, System.StringComparer.Ordinal).ToArray();
            FixesWithoutProof = index.FixCards.Except(index.ProvenCards).OrderBy(c => c, System.StringComparer.Ordinal).ToArray();
        }

        public ProofIndex Index { get; }

        /// <summary>
        /// Whether fixes are reported: the index covers this project, and it is not the aggregate,
        /// where RP0001 decides with the compilation's own view and the index adds only noise.
        /// </summary>
        public bool ReportsFixes { get; }

        /// <summary>Null when no entry of the index could be read.</summary>
        public static IndexCards? Create(AnalyzerOptions options, string assembly, System.Threading.CancellationToken cancellationToken)
        {
            var index = ProofIndex.Find(options, cancellationToken);
            return index is null ? null : new IndexCards(index, !RegressionProofOptions.IsAggregate(options) && index.Covers(assembly));
        }

        public IReadOnlyList<string> ProofsWithoutFix { get; }

        public IReadOnlyList<string> FixesWithoutProof { get; }
    }
}
