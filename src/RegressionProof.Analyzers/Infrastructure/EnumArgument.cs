using System.Globalization;
using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>Enum arguments (<c>Signal</c>, <c>Level</c>) as the compiler bound them, including casts of numbers that name no member.</summary>
internal static class EnumArgument
{
    /// <summary>
    /// Whether <paramref name="value"/> is a member of its enum type, compared by value: a
    /// cast such as <c>(TestLevel)42</c> binds without error but is not one.
    /// </summary>
    public static bool IsDefined(TypedConstant value)
    {
        if (value.Kind != TypedConstantKind.Enum || value.Type is not INamedTypeSymbol type || value.Value is null)
        {
            return true; // not an enum value: the compiler or RP0006 reports it
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How messages show an undefined value: the cast as written, <c>(TestLevel)42</c>.</summary>
    public static string Display(TypedConstant value) =>
        "(" + value.Type?.Name + ")" + System.Convert.ToString(value.Value, CultureInfo.InvariantCulture);
}
