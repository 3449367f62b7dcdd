using System.Text;

namespace RegressionProof.Gate.Outputs;

/// <summary>User text made safe to print: control characters (ANSI escapes, carriage returns) become visible and inert.</summary>
internal static class Text
{
    public static string Printable(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\n' or '\r' or '\t' => ' ',
                < ' ' or '\u007f' => '\uFFFD',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
