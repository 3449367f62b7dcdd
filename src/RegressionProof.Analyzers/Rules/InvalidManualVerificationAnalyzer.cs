using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules
{
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

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RP0005_InvalidManualVerification);

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
                Report(context, properties.Add(ProblemProperty, MissingArguments).Add(MissingArgumentsProperty, string.Join(",", missing)),
                    $"needs {string.Join(" and ", missing)}: document the steps, the day they were followed and the day automation replaces them");
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
                    Report(context, properties.Add(ProblemProperty, InvalidDate),
                        $"has {name} \"{text}\", which is not a date in the form {IsoDate.Format}");
                    return;
                }
            }

            IsoDate.TryParse(recordedOnText, out var recordedOn);
            IsoDate.TryParse(automateByText, out var automateBy);
            if ((automateBy - recordedOn).TotalDays > sprintDays)
            {
                Report(context, properties.Add(ProblemProperty, AutomationTooLate),
                    $"schedules automation on {automateByText}, more than one sprint ({sprintDays} days) after RecordedOn {recordedOnText}: automate by {IsoDate.Print(recordedOn.AddDays(sprintDays))} at the latest");
            }
        }

        private static void Report(LinkAnalysisContext context, ImmutableDictionary<string, string?> properties, string problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RP0005_InvalidManualVerification,
                context.Link.Location,
                properties,
                context.Link.CardDisplay,
                context.Link.TargetName,
                problem));
        }
    }
}
