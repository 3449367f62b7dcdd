using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// How the JSON reports (the coverage manifest, SARIF) are written, on disk and on stdout. Besides
/// what JSON always escapes (and the default encoder's HTML-sensitive and non-ASCII characters),
/// every <c>#</c> is written <c>\u0023</c>: a CI runner matches <c>##[</c> and <c>##vso[</c>
/// anywhere in a log line, and a report printed with <c>--format json</c> or <c>sarif</c> must not
/// carry a command from user text. The JSON stays valid and reads back to the same strings.
/// </summary>
internal static class ReportJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = CreateEncoder(),
    };

    private static JavaScriptEncoder CreateEncoder()
    {
        var settings = new TextEncoderSettings(UnicodeRanges.BasicLatin);
        settings.ForbidCharacter('#');
        return JavaScriptEncoder.Create(settings);
    }
}
