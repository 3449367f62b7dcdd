using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// Everything outside a declaration that can change how it binds: the declarations of every file,
/// the references, the options and the assembly name of a compilation. Two compilations whose
/// environments are equivalent give every unchanged declaration the same symbol, documentation
/// ID, display name, test framework and attribute values.
/// </summary>
internal sealed class DeclarationEnvironment
{
    private static readonly ConditionalWeakTable<Compilation, DeclarationEnvironment> ForCompilation = new();

    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CompilationOptions _options;
    private readonly string? _assemblyName;

    // An earlier environment found equivalent to this one. Links are stamped with it, so that after
    // the first comparison in a run every further one is a reference check.
    private DeclarationEnvironment _representative;

    private DeclarationEnvironment(Compilation compilation)
    {
        // Both arrays are the compilation's own (no copy); an edit keeps every unchanged tree and
        // reference as the same object.
        _trees = compilation.SyntaxTrees.ToImmutableArray();
        _references = compilation.ExternalReferences;
        _options = compilation.Options;
        _assemblyName = compilation.AssemblyName;
        _representative = this;
    }

    public static DeclarationEnvironment Of(Compilation compilation) =>
        ForCompilation.GetValue(compilation, static c => new DeclarationEnvironment(c));

    /// <summary>The environment to stamp results computed in this one with.</summary>
    public DeclarationEnvironment Representative => _representative;

    /// <summary>Whether every declaration binds in this environment as it did in <paramref name="earlier"/>.</summary>
    public bool IsEquivalentTo(DeclarationEnvironment earlier)
    {
        var representative = _representative;
        if (ReferenceEquals(representative, earlier) || ReferenceEquals(this, earlier))
        {
            return true;
        }

        if (!Compare(earlier))
        {
            return false;
        }

        if (ReferenceEquals(representative, this))
        {
            _representative = earlier; // a race only ever stores another equivalent environment
        }

        return true;
    }

    private bool Compare(DeclarationEnvironment other)
    {
        if (_trees.Length != other._trees.Length
            || _references.Length != other._references.Length
            || !string.Equals(_assemblyName, other._assemblyName, System.StringComparison.Ordinal)
            || !(ReferenceEquals(_options, other._options) || _options.Equals(other._options)))
        {
            return false;
        }

        for (var i = 0; i < _references.Length; i++)
        {
            // A reference is a snapshot: a rebuilt or edited project comes as a new object, and
            // comparing what it declares would cost more than binding again.
            if (!ReferenceEquals(_references[i], other._references[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < _trees.Length; i++)
        {
            var (mine, theirs) = (_trees[i], other._trees[i]);
            if (!ReferenceEquals(mine, theirs)
                && !(string.Equals(mine.FilePath, theirs.FilePath, System.StringComparison.Ordinal)
                    && string.Equals(DeclarationFingerprint.Of(mine), DeclarationFingerprint.Of(theirs), System.StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
