using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>Everything the checks decide on: merged, read, and pure data.</summary>
internal sealed class GateInput
{
    public GateInput(ReleaseFile release, Changelog changelog, IReadOnlyList<ScannedAssembly> assemblies, TestResults? testResults, Baseline? baseline, DateOnly asOf)
    {
        Release = release;
        Changelog = changelog;
        Assemblies = assemblies;
        TestResults = testResults;
        Baseline = baseline;
        AsOf = asOf;
        Links = assemblies.SelectMany(a => a.Links).ToList();
        Fixes = Links.Where(l => l.Kind == LinkKinds.Fixes).ToList();
        _proofsByCard = Links.Where(l => LinkKinds.IsProof(l.Kind)).ToLookup(l => l.Card, StringComparer.Ordinal);
        _fixesByCard = Fixes.ToLookup(l => l.Card, StringComparer.Ordinal);
        _releaseCards = release.Cards.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
    }

    // Indexes: a release can carry hundreds of thousands of links, and every check asks by card.
    private readonly ILookup<string, ManifestLink> _proofsByCard;
    private readonly ILookup<string, ManifestLink> _fixesByCard;
    private readonly HashSet<string> _releaseCards;

    public ReleaseFile Release { get; }

    public Changelog Changelog { get; }

    public IReadOnlyList<ScannedAssembly> Assemblies { get; }

    public TestResults? TestResults { get; }

    /// <summary>Which classes run each test, for proofs declared on base test classes.</summary>
    public TestClassHierarchy TestClasses => _testClasses ??= TestClassHierarchy.From(Assemblies);

    private TestClassHierarchy? _testClasses;

    /// <summary>The test assemblies of this build, so results of another build are told apart.</summary>
    public ThisBuild Build => _build ??= ThisBuild.From(Assemblies);

    private ThisBuild? _build;

    private readonly Dictionary<string, ProofResults> _proofResults = new(StringComparer.Ordinal);

    /// <summary>What a test proof that passed only after a retry weighs (<c>--flaky</c>).</summary>
    public FlakyPolicy Flaky { get; init; } = FlakyPolicy.Warn;

    public Baseline? Baseline { get; }

    /// <summary>The pull request this run gates on GitHub Actions, or null elsewhere (its labels are then not verified).</summary>
    public PullRequest? PullRequest { get; init; }

    /// <summary>The label a pull request carries for its release class; <c>{class}</c> stands for patch, minor or major.</summary>
    public string LabelScheme { get; init; } = PullRequest.DefaultLabelScheme;

    public DateOnly AsOf { get; }

    /// <summary>
    /// What was gated, by name: the solution's or project's file name without its extension, or
    /// the folder's name (the verification summary's <c>resourceUri</c>); "release" for inputs built in code.
    /// </summary>
    public string Product { get; init; } = "release";

    /// <summary>Every link of every assembly of the release.</summary>
    public IReadOnlyList<ManifestLink> Links { get; }

    public IReadOnlyList<ManifestLink> Fixes { get; }

    public IEnumerable<ManifestLink> ProofsOf(string card) => _proofsByCard[card];

    public IEnumerable<ManifestLink> FixesOf(string card) => _fixesByCard[card];

    public bool IsCardOfRelease(string card) => _releaseCards.Contains(card);

    /// <summary>
    /// The rows of a test proof that ran on this build (its own class's, and those of the classes
    /// that inherit it), each with its attempts; empty for other proofs and without test results.
    /// </summary>
    public IReadOnlyList<TestRow> ResultsOf(ManifestLink proof) =>
        TestResults is null || proof.Test is null ? [] : ProofResultsOf(proof.Test).Rows;

    /// <summary>
    /// What the test results say of a test proof, worked out once per test: the check, the card
    /// table and the HTML report all ask, and a release may carry 100,000 proofs. Only with test results.
    /// </summary>
    public ProofResults ProofResultsOf(string test)
    {
        if (!_proofResults.TryGetValue(test, out var found))
        {
            found = ProofResults.Of(this, TestResults ?? throw new InvalidOperationException("no test results were given"), test);
            _proofResults.Add(test, found);
        }

        return found;
    }

    /// <summary>
    /// Whether a proof counts today: a manual verification stops counting once its automation is
    /// overdue (or its date cannot be read).
    /// </summary>
    public bool Counts(ManifestLink proof)
    {
        if (proof.Kind != LinkKinds.ManualVerification)
        {
            return true;
        }

        return DateOnly.TryParseExact(proof.AutomateBy, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var automateBy)
            && automateBy >= AsOf;
    }
}
