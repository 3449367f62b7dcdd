using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0005: a <c>[ManualVerification]</c> without its steps or dates, with a date that does not
/// parse, or with automation scheduled more than one sprint after the verification.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidManualVerificationAnalyzer : RegressionProofAnalyzer
{
    /// <summary>Diagnostic property: what is wrong (<see cref="MissingArguments"/>, <see cref="InvalidDate"/>, <see cref="AutomationTooLate"/>).</summary>
    public const string ProblemProperty = "Problem";

    /// <summary>Diagnostic property: the missing arguments, comma-separated.</summary>
    public const string MissingArgumentsProperty = "MissingArguments";

    /// <summary>Diagnostic property: the sprint length used, in days.</summary>
    public const string SprintDaysProperty = "SprintDays";

    public const string MissingArguments = "MissingArguments";
    public const string InvalidDate = "InvalidDate";
    public const string AutomationTooLate = "AutomationTooLate";

    public InvalidManualVerificationAnalyzer()
        : base(
            Descriptors.RP0005_InvalidManualVerification,
            Descriptors.RP0005_ManualVerificationDateIsNotADate,
            Descriptors.RP0005_AutomationScheduledTooLate)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        RegisterLinkAction(context, known, Analyze);
    }

    private static void Analyze(LinkAnalysisContext context)
    {
        var link = context.Link;
        if (link.Kind != LinkKind.ManualVerification)
        {
            return;
        }

        var sprintDays = RegressionProofOptions.GetSprintDays(context.Options, link.Syntax.SyntaxTree);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(SprintDaysProperty, sprintDays.ToString(CultureInfo.InvariantCulture));

        var missing = MissingStringArguments.Find(link, RequiredArguments.Of(LinkKind.ManualVerification));
        if (missing.Count > 0)
        {
            Report(context, Descriptors.RP0005_InvalidManualVerification, properties.Add(ProblemProperty, MissingArguments).Add(MissingArgumentsProperty, string.Join(",", missing)),
                string.Join(" and ", missing));
            return;
        }

        var recordedOnText = link.NamedArgument(RequiredArguments.RecordedOn)?.Value as string;
        var automateByText = link.NamedArgument(RequiredArguments.AutomateBy)?.Value as string;
        if (recordedOnText is null || automateByText is null)
        {
            return; // not constant: RP0006
        }

        foreach (var (name, text) in new[] { (RequiredArguments.RecordedOn, recordedOnText), (RequiredArguments.AutomateBy, automateByText) })
        {
            if (!IsoDate.TryParse(text, out _))
            {
                Report(context, Descriptors.RP0005_ManualVerificationDateIsNotADate, properties.Add(ProblemProperty, InvalidDate), name, text, IsoDate.Format);
                return;
            }
        }

        IsoDate.TryParse(recordedOnText, out var recordedOn);
        IsoDate.TryParse(automateByText, out var automateBy);
        if ((automateBy - recordedOn).TotalDays > sprintDays)
        {
            Report(
                context,
                Descriptors.RP0005_AutomationScheduledTooLate,
                properties.Add(ProblemProperty, AutomationTooLate),
                automateByText,
                sprintDays.ToString(CultureInfo.InvariantCulture),
                recordedOnText,
                IsoDate.Print(recordedOn.AddDays(sprintDays)));
        }
    }

    private static void Report(
        LinkAnalysisContext context, DiagnosticDescriptor descriptor, ImmutableDictionary<string, string?> properties, params string[] details)
    {
        var arguments = new object[details.Length + 2];
        arguments[0] = context.Link.CardDisplay;
        arguments[1] = context.Link.TargetName;
        details.CopyTo(arguments, 2);
        context.ReportDiagnostic(Diagnostic.Create(descriptor, context.Link.Location, properties, arguments));
    }
}
