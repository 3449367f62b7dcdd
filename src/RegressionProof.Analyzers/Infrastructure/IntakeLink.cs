using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// One RegressionProof attribute applied to one symbol in source, with what the rules need to
/// read its arguments and to point at them.
/// </summary>
internal readonly struct IntakeLink
{
    public IntakeLink(ISymbol target, AttributeData attribute, LinkKind kind, AttributeSyntax syntax)
    {
        Target = target;
        Attribute = attribute;
        Kind = kind;
        Syntax = syntax;
    }

    /// <summary>The member or type the attribute is on.</summary>
    public ISymbol Target { get; }

    public AttributeData Attribute { get; }

    public LinkKind Kind { get; }

    public AttributeSyntax Syntax { get; }

    /// <summary>How diagnostics name the target: short, as a developer reads it in the editor.</summary>
    public string TargetName => Target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    /// <summary>
    /// The intake ID when the first constructor argument is a well-formed constant string
    /// (possibly empty or null); false when the argument is missing or did not bind.
    /// </summary>
    public bool TryGetIntakeId(out string? intakeId)
    {
        intakeId = null;
        if (Attribute.ConstructorArguments.Length != 1)
        {
            return false;
        }

        var argument = Attribute.ConstructorArguments[0];
        if (argument.Kind != TypedConstantKind.Primitive || argument.Value is not (string or null))
        {
            return false;
        }

        intakeId = (string?)argument.Value;
        return true;
    }

    /// <summary>The ID when it is usable as a card reference; null for missing, empty or non-constant IDs.</summary>
    public string? CardId => TryGetIntakeId(out var id) && !string.IsNullOrWhiteSpace(id) ? id : null;

    /// <summary>How the card is named in messages: the ID, or a placeholder when it is unusable.</summary>
    public string CardDisplay => CardId is { } card ? MessageText.Card(card) : "(no card)";

    /// <summary>The named argument <paramref name="name"/> as bound by the compiler, if written.</summary>
    public TypedConstant? NamedArgument(string name)
    {
        foreach (var pair in Attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The syntax of the intake ID argument (the first positional argument), if written.</summary>
    public AttributeArgumentSyntax? IntakeIdSyntax =>
        Syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && (a.NameColon is null || a.NameColon.Name.Identifier.ValueText == "intakeId"));

    /// <summary>The syntax of the named argument <paramref name="name"/>, if written.</summary>
    public AttributeArgumentSyntax? NamedArgumentSyntax(string name) =>
        Syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    /// <summary>Where a diagnostic about the whole attribute points.</summary>
    public Location Location => Syntax.GetLocation();

    /// <summary>Where a diagnostic about the intake ID points: the argument when written, else the attribute.</summary>
    public Location IntakeIdLocation => (IntakeIdSyntax?.Expression ?? (SyntaxNode)Syntax).GetLocation();
}
