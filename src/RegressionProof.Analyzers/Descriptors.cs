using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers;

/// <summary>Every diagnostic RegressionProof reports; one place, so docs and tests can be checked against it.</summary>
public static class Descriptors
{
    public static readonly DiagnosticDescriptor RP0001_FixWithoutRegressionProof = Create(
        DiagnosticIds.FixWithoutRegressionProof,
        "Fix has no regression proof",
        "'{1}' fixes {0}, but no regression proof for {0} is visible to this aggregating project: add a test with [RegressionFor(\"{0}\")], a probe, an alert, a panel or a manual verification",
        DiagnosticSeverity.Error,
        "Every fix must carry at least one regression proof linked to its intake card. In a project with RegressionProofAggregate=true, every [Fixes] in its source or its references must have a proof for the same card in its source or its references.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>RP0002 for an ID that does not match regression_proof.intake_id_pattern.</summary>
    public static readonly DiagnosticDescriptor RP0002_InvalidIntakeId = Create(
        DiagnosticIds.InvalidIntakeId,
        "Intake ID is not valid",
        "The intake ID {0} on '{1}' does not match the pattern '{2}' (regression_proof.intake_id_pattern)",
        DiagnosticSeverity.Error,
        "An intake ID links code to a card of the tracker. An empty ID, or one that does not match regression_proof.intake_id_pattern, links to nothing.");

    /// <summary>RP0002 for an empty or whitespace ID: checked whatever the pattern.</summary>
    public static readonly DiagnosticDescriptor RP0002_EmptyIntakeId = Create(
        DiagnosticIds.InvalidIntakeId,
        "Intake ID is not valid",
        "The intake ID {0} on '{1}' is empty: name the intake card, for example \"INTAKE-123\"",
        DiagnosticSeverity.Error,
        "An intake ID links code to a card of the tracker. An empty ID, or one that does not match regression_proof.intake_id_pattern, links to nothing.");

    /// <summary>RP0002 for an ID with a control character: it becomes a card reference in manifests, logs and reports, whatever the pattern says.</summary>
    public static readonly DiagnosticDescriptor RP0002_ControlCharacterInIntakeId = Create(
        DiagnosticIds.InvalidIntakeId,
        "Intake ID is not valid",
        "The intake ID {0} on '{1}' contains the control character {2}: an intake ID is one line of printable text",
        DiagnosticSeverity.Error,
        "An intake ID links code to a card of the tracker. An empty ID, or one that does not match regression_proof.intake_id_pattern, links to nothing.");

    /// <summary>RP0002 for an ID the pattern could not be matched against in time.</summary>
    public static readonly DiagnosticDescriptor RP0002_IntakeIdMatchTimedOut = Create(
        DiagnosticIds.InvalidIntakeId,
        "Intake ID is not valid",
        "The intake ID {0} on '{1}' could not be matched against the pattern '{2}' (regression_proof.intake_id_pattern) within {3} ms; a timeout is not a match (RP0010)",
        DiagnosticSeverity.Error,
        "An intake ID links code to a card of the tracker. An empty ID, or one that does not match regression_proof.intake_id_pattern, links to nothing.");

    /// <summary>RP0003 for a method that is not a test; the code fix adds the test attribute.</summary>
    public static readonly DiagnosticDescriptor RP0003_ProofIsNotATest = Create(
        DiagnosticIds.ProofIsNotATest,
        "Test proof is not on a test",
        "[{0}(\"{1}\")] is on '{2}', which is not a test: add the test framework's test attribute",
        DiagnosticSeverity.Error,
        "[RegressionFor] and [MigrationTest] prove a card only when a test runner runs the code they mark: a test method (xunit, NUnit, MSTest, TUnit) or a class that has tests.");

    /// <summary>RP0003 for a local function or lambda.</summary>
    public static readonly DiagnosticDescriptor RP0003_ProofOnLocalFunction = Create(
        DiagnosticIds.ProofIsNotATest,
        "Test proof is not on a test",
        "[{0}(\"{1}\")] is on '{2}', a local function or lambda, which no test runner runs: put it on the test method",
        DiagnosticSeverity.Error,
        "[RegressionFor] and [MigrationTest] prove a card only when a test runner runs the code they mark: a test method (xunit, NUnit, MSTest, TUnit) or a class that has tests.");

    /// <summary>RP0003 for a class that has no tests.</summary>
    public static readonly DiagnosticDescriptor RP0003_ProofOnClassWithoutTests = Create(
        DiagnosticIds.ProofIsNotATest,
        "Test proof is not on a test",
        "[{0}(\"{1}\")] is on '{2}', a class with no tests: put it on a class of tests or on test methods",
        DiagnosticSeverity.Error,
        "[RegressionFor] and [MigrationTest] prove a card only when a test runner runs the code they mark: a test method (xunit, NUnit, MSTest, TUnit) or a class that has tests.");

    public static readonly DiagnosticDescriptor RP0004_DashboardPanelWithoutBaselineOrThreshold = Create(
        DiagnosticIds.DashboardPanelWithoutBaselineOrThreshold,
        "Dashboard panel needs a baseline and a threshold",
        "[DashboardPanel(\"{0}\")] on '{1}' needs a non-empty {2}",
        DiagnosticSeverity.Error,
        "A dashboard panel is a regression proof only with a baseline and a threshold clearly defined: without them nobody can tell normal from broken.");

    /// <summary>RP0005 for missing Steps, RecordedOn or AutomateBy ({2} lists them, joined with "and").</summary>
    public static readonly DiagnosticDescriptor RP0005_InvalidManualVerification = Create(
        DiagnosticIds.InvalidManualVerification,
        "Manual verification is incomplete or schedules automation too late",
        "[ManualVerification(\"{0}\")] on '{1}' needs {2}: document the steps, the day they were followed and the day automation replaces them",
        DiagnosticSeverity.Error,
        "Manual verification is the proof of last resort: its steps must be documented, it must be dated, and its automation must be scheduled within the next sprint.");

    /// <summary>RP0005 for a RecordedOn or AutomateBy that does not parse.</summary>
    public static readonly DiagnosticDescriptor RP0005_ManualVerificationDateIsNotADate = Create(
        DiagnosticIds.InvalidManualVerification,
        "Manual verification is incomplete or schedules automation too late",
        "[ManualVerification(\"{0}\")] on '{1}' has {2} \"{3}\", which is not a date in the form {4}",
        DiagnosticSeverity.Error,
        "Manual verification is the proof of last resort: its steps must be documented, it must be dated, and its automation must be scheduled within the next sprint.");

    /// <summary>RP0005 for an AutomateBy more than one sprint after RecordedOn.</summary>
    public static readonly DiagnosticDescriptor RP0005_AutomationScheduledTooLate = Create(
        DiagnosticIds.InvalidManualVerification,
        "Manual verification is incomplete or schedules automation too late",
        "[ManualVerification(\"{0}\")] on '{1}' schedules automation on {2}, more than one sprint ({3} days) after RecordedOn {4}: automate by {5} at the latest",
        DiagnosticSeverity.Error,
        "Manual verification is the proof of last resort: its steps must be documented, it must be dated, and its automation must be scheduled within the next sprint.");

    public static readonly DiagnosticDescriptor RP0006_ArgumentIsNotConstant = Create(
        DiagnosticIds.ArgumentIsNotConstant,
        "RegressionProof argument is not a compile-time constant",
        "The {0} of [{1}] on '{2}' must be a compile-time constant {3}",
        DiagnosticSeverity.Error,
        "Intake IDs and required arguments are read from metadata by the manifest generator and the gate; only compile-time constants survive there.");

    public static readonly DiagnosticDescriptor RP0007_CardNotInReleaseFile = Create(
        DiagnosticIds.CardNotInReleaseFile,
        "Card is not in the release file",
        "{0} on '{1}' is not a card of the release file '{2}'",
        DiagnosticSeverity.Warning,
        "When a release file is configured, every intake ID in code is expected to be one of its cards, a retired card, or a card an earlier release knew (the coverage manifest named by RegressionProofBaseline); an ID no release has known is usually a typo or a card missing from the release.");

    public static readonly DiagnosticDescriptor RP0008_ProbeOrAlertWithoutSignal = Create(
        DiagnosticIds.ProbeOrAlertWithoutSignal,
        "Probe or alert needs a Signal",
        "[{0}(\"{1}\")] on '{2}' needs a Signal: what it watches for (Latency, Error, Cost or PolicyDenial)",
        DiagnosticSeverity.Error,
        "A synthetic probe or an alert proves a card only if it is tuned to detect recurrence: its Signal says what it watches for.");

    /// <summary>RP0008 for a Signal that is no RecurrenceSignal member, such as <c>(RecurrenceSignal)99</c>: it says as little as no Signal.</summary>
    public static readonly DiagnosticDescriptor RP0008_UndefinedSignal = Create(
        DiagnosticIds.ProbeOrAlertWithoutSignal,
        "Probe or alert needs a Signal",
        "[{0}(\"{1}\")] on '{2}' has Signal = {3}, which is not a defined RecurrenceSignal: use Latency, Error, Cost or PolicyDenial",
        DiagnosticSeverity.Error,
        "A synthetic probe or an alert proves a card only if it is tuned to detect recurrence: its Signal says what it watches for.");

    public static readonly DiagnosticDescriptor RP0009_SkippedProof = Create(
        DiagnosticIds.SkippedProof,
        "Regression proof is skipped",
        "The proof of {0} '{1}' is skipped ({2}): a skipped proof proves nothing",
        DiagnosticSeverity.Error,
        "A regression test that does not run cannot detect the regression it was written for.");

    /// <summary>RP0009 for a skipped test inherited from a referenced assembly: the skip is there, so {3} names the assembly.</summary>
    public static readonly DiagnosticDescriptor RP0009_SkippedProofInReference = Create(
        DiagnosticIds.SkippedProof,
        "Regression proof is skipped",
        "The proof of {0} '{1}' is skipped ({2} in {3}): a skipped proof proves nothing",
        DiagnosticSeverity.Error,
        "A regression test that does not run cannot detect the regression it was written for.");

    /// <summary>RP0010 for an empty regression_proof.intake_id_pattern.</summary>
    public static readonly DiagnosticDescriptor RP0010_EmptyIntakeIdPattern = InvalidConfiguration(
        "regression_proof.intake_id_pattern is empty; only empty intake IDs and IDs with control characters are reported");

    /// <summary>RP0010 for an intake ID pattern that is not a regular expression: {0} the pattern, {1} the parser's message.</summary>
    public static readonly DiagnosticDescriptor RP0010_InvalidIntakeIdPattern = InvalidConfiguration(
        "regression_proof.intake_id_pattern '{0}' is not a valid regular expression: {1}; only empty intake IDs and IDs with control characters are reported");

    /// <summary>RP0010 for a regression_proof.sprint_days that is no number of days: {0} the value, {1} the length used instead.</summary>
    public static readonly DiagnosticDescriptor RP0010_InvalidSprintDays = InvalidConfiguration(
        "regression_proof.sprint_days '{0}' is not a whole number of days between 1 and 366; using {1}");

    /// <summary>RP0010 for a RegressionProofReleaseFile that is not among the AdditionalFiles: {0} the configured path.</summary>
    public static readonly DiagnosticDescriptor RP0010_ReleaseFileNotFound = InvalidConfiguration(
        "The release file '{0}' (RegressionProofReleaseFile) is not among the compilation's AdditionalFiles; card IDs are not checked against it");

    /// <summary>RP0010 for a release file whose text the compiler could not read: {0} its path.</summary>
    public static readonly DiagnosticDescriptor RP0010_UnreadableReleaseFile = InvalidConfiguration(
        "The release file '{0}' could not be read");

    /// <summary>RP0010 for a release file that is not JSON or not shaped like one: {0} its path, {1} line, {2} column, {3} what is wrong there.</summary>
    public static readonly DiagnosticDescriptor RP0010_InvalidReleaseFile = InvalidConfiguration(
        "The release file '{0}' is not valid at line {1}, column {2}: {3}; card IDs are not checked against it");

    /// <summary>RP0010 for a RegressionProofBaseline that is not among the AdditionalFiles: {0} the configured path.</summary>
    public static readonly DiagnosticDescriptor RP0010_BaselineNotFound = InvalidConfiguration(
        "The baseline '{0}' (RegressionProofBaseline) is not among the compilation's AdditionalFiles; card IDs are not checked (RP0007)");

    /// <summary>RP0010 for a baseline whose text the compiler could not read: {0} its path.</summary>
    public static readonly DiagnosticDescriptor RP0010_UnreadableBaseline = InvalidConfiguration(
        "The baseline '{0}' (RegressionProofBaseline) could not be read; card IDs are not checked (RP0007)");

    /// <summary>RP0010 for a baseline that is not JSON or not a coverage manifest: {0} its path, {1} line, {2} column, {3} what is wrong there.</summary>
    public static readonly DiagnosticDescriptor RP0010_InvalidBaseline = InvalidConfiguration(
        "The baseline '{0}' (RegressionProofBaseline) is not valid at line {1}, column {2}: {3}; card IDs are not checked (RP0007)");

    /// <summary>RP0010 for an intake ID pattern that backtracks catastrophically: reported once per compilation by RP0002's analyzer.</summary>
    public static readonly DiagnosticDescriptor RP0010_IntakeIdPatternTooSlow = Create(
        DiagnosticIds.InvalidConfiguration,
        "RegressionProof configuration is not valid",
        "regression_proof.intake_id_pattern '{0}' is too slow to use: matching the intake ID {1} {2}. It is not evaluated for the rest of this compilation, so only empty intake IDs and IDs with control characters are reported; rewrite it without nested quantifiers such as (a+)+.",
        DiagnosticSeverity.Warning,
        "A configuration value (.editorconfig option or release file) could not be used. An intake ID pattern that takes longer than 100 ms on one ID, or 1 s on all IDs of a compilation, is not evaluated for the rest of the compilation.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor RP0011_UndefinedLevel = Create(
        DiagnosticIds.UndefinedLevel,
        "Test level is not defined",
        "[{0}(\"{1}\")] on '{2}' has Level = {3}, which is not a defined TestLevel: use Unit, Integration or EndToEnd, or leave Level out for Unit",
        DiagnosticSeverity.Error,
        "The level of a regression test (unit, integration, end-to-end) goes into the manifest and the release log. A number cast to TestLevel that names no level says nothing a reader can use.");

    /// <summary>RP0012 on a <c>[Fixes]</c> whose card no proof named at the last build.</summary>
    public static readonly DiagnosticDescriptor RP0012_FixUnprovenAsOfLastBuild = Create(
        DiagnosticIds.FixUnprovenAsOfLastBuild,
        FixUnprovenAsOfLastBuildTitle,
        "'{1}' fixes {0}, which has no regression proof as of the last build: add a test with [RegressionFor(\"{0}\")], a probe, an alert, a panel or a manual verification, and build",
        DiagnosticSeverity.Warning,
        FixUnprovenAsOfLastBuildDescription);

    /// <summary>RP0012 on such a <c>[Fixes]</c> when one card a few edits away has a proof and no fix: {2} that card.</summary>
    public static readonly DiagnosticDescriptor RP0012_FixUnprovenDidYouMean = Create(
        DiagnosticIds.FixUnprovenAsOfLastBuild,
        FixUnprovenAsOfLastBuildTitle,
        "'{1}' fixes {0}, which has no regression proof as of the last build; did you mean {2}, which has a proof but no fix?",
        DiagnosticSeverity.Warning,
        FixUnprovenAsOfLastBuildDescription);

    /// <summary>RP0012 on a proof whose card no fix named at the last build, when one card a few edits away is a fix without proof: {3} that card.</summary>
    public static readonly DiagnosticDescriptor RP0012_ProofOfNoFixDidYouMean = Create(
        DiagnosticIds.FixUnprovenAsOfLastBuild,
        FixUnprovenAsOfLastBuildTitle,
        "[{0}(\"{1}\")] on '{2}' proves {1}, which no fix names as of the last build, while the fix of {3} has no proof; did you mean {3}?",
        DiagnosticSeverity.Warning,
        FixUnprovenAsOfLastBuildDescription);

    private const string FixUnprovenAsOfLastBuildTitle = "Fix has no regression proof as of the last build";

    private const string FixUnprovenAsOfLastBuildDescription =
        "The proof index the last build wrote (one entry per project built) knows no proof for this fix's card, or the card looks like a typo of a card on the other side. It shows while you type what the gate and RP0001 decide later; it is as fresh as the last build, so it never fails a build (RP0012 is in WarningsNotAsErrors) and is silent before the first build.";

    /// <summary>An RP0010 descriptor: every RP0010 message shares the rule's title, severity, description and tags.</summary>
    private static DiagnosticDescriptor InvalidConfiguration(string messageFormat) => Create(
        DiagnosticIds.InvalidConfiguration,
        "RegressionProof configuration is not valid",
        messageFormat,
        DiagnosticSeverity.Warning,
        "A configuration value (.editorconfig option or release file) could not be used. RegressionProof then errs on the side of silence: an invalid ID pattern checks only for empty IDs, an invalid sprint length means 14 days, an unreadable release file turns RP0007 off.",
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, DiagnosticSeverity severity, string description, params string[] customTags)
    {
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            DiagnosticIds.Category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: DiagnosticIds.GetHelpUri(id),
            customTags: customTags);
    }
}
