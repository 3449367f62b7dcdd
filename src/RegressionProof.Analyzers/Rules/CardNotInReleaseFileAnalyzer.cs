using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0007: an intake ID that is not a card (nor a retired card) of the configured release file,
/// nor a card an earlier release knew (<c>RegressionProofBaseline</c>). Silent when no release
/// file is configured, or when it or the configured baseline cannot be read (RP0010 says why).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CardNotInReleaseFileAnalyzer : RegressionProofAnalyzer
{
    public CardNotInReleaseFileAnalyzer()
        : base(Descriptors.RP0007_CardNotInReleaseFile)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        var release = ReleaseFileCards.Find(context.Options, context.CancellationToken);
        if (release is null || release.Problem is not null)
        {
            return;
        }

        // Without the baseline's cards every card of an earlier release would look unknown.
        var baseline = BaselineCards.Find(context.Options, context.CancellationToken);
        if (baseline?.Problem is not null)
        {
            return;
        }

        RegisterLinkAction(context, known, link => Analyze(link, release, baseline));
    }

    private static void Analyze(LinkAnalysisContext context, CardFile release, CardFile? baseline)
    {
        var link = context.Link;
        if (link.CardId is { } card && !release.Ids.Contains(card) && baseline?.Ids.Contains(card) != true)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RP0007_CardNotInReleaseFile,
                link.IntakeIdLocation,
                MessageText.Card(card),
                link.TargetName,
                release.FileName));
        }
    }
}
