using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>How a test is skipped, and the syntax that skips it (what the code fix removes).</summary>
internal sealed class SkipInfo
{
    public SkipInfo(string description, SyntaxReference? syntax, string? namedArgument)
    {
        Description = description;
        Syntax = syntax;
        NamedArgument = namedArgument;
    }

    /// <summary>Names the skip in messages, for example <c>xunit Skip = "flaky"</c>.</summary>
    public string Description { get; }

    /// <summary>The attribute that skips the test; null when it is in a referenced assembly (an inherited test).</summary>
    public SyntaxReference? Syntax { get; }

    /// <summary>The named argument that skips the test (<c>Skip</c>, <c>Ignore</c>), or null when the whole attribute does.</summary>
    public string? NamedArgument { get; }
}
