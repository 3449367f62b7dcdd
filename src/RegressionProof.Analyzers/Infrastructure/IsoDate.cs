using System;
using System.Globalization;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>The one date format of RegressionProof arguments and files: <c>yyyy-MM-dd</c>.</summary>
internal static class IsoDate
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateTime date) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Print(DateTime date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
