using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>The one neutraliser of user text, and the JSON encoding of the reports.</summary>
public sealed class TextTests
{
    [Theory]
    [InlineData("a\u009b31mb", "a\\u009B31mb")] // C1 CSI
    [InlineData("\u0085next", "\\u0085next")] // C1 next line
    [InlineData("abc\u202edef", "abc\\u202Edef")] // right-to-left override
    [InlineData("\u202a\u202b\u202c\u202d", "\\u202A\\u202B\\u202C\\u202D")] // embeddings
    [InlineData("\u2066x\u2067y\u2068z\u2069", "\\u2066x\\u2067y\\u2068z\\u2069")] // isolates
    [InlineData("\u200e\u200f\u061c", "\\u200E\\u200F\\u061C")] // marks
    [InlineData("a\u2028b\u2029c", "a\\u2028b\\u2029c")] // line and paragraph separators
    [InlineData("\u001b[31mred\u007f", "\\u001B[31mred\\u007F")] // ANSI escape, DEL
    [InlineData("one\ntwo\r\nthree\tfour", "one two  three four")]
    public void Controls_overrides_and_separators_are_shown_escaped(string value, string shown)
    {
        Assert.Equal(shown, Text.Printable(value));
    }

    [Fact]
    public void A_lone_surrogate_is_shown_escaped()
    {
        // Not theory data: a lone surrogate does not survive the test runner's serialisation.
        Assert.Equal("lone \\uD800 and \\uDC00", Text.Printable("lone \ud800 and \udc00"));
    }

    [Theory]
    [InlineData("##[error]x", "\\u0023#[error]x")]
    [InlineData("a ##vso[task.setvariable variable=X]1", "a \\u0023#vso[task.setvariable variable=X]1")]
    [InlineData("##VSO[task.complete]", "\\u0023#VSO[task.complete]")]
    [InlineData("###[x]", "#\\u0023#[x]")]
    public void Ci_log_commands_lose_their_first_hash(string value, string shown)
    {
        var printable = Text.Printable(value);

        Assert.Equal(shown, printable);
        Assert.DoesNotContain("##[", printable, StringComparison.Ordinal);
        Assert.DoesNotContain("##vso[", printable, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Discount can go negative")]
    [InlineData("C# ## heading # [x] #[y] ##")]
    [InlineData("emoji \ud83d\ude00 kept, ü and 中文 too")]
    [InlineData("::warning::stays data, since the writers never start a line with user text")]
    public void Ordinary_text_is_left_as_it_is(string value)
    {
        Assert.Same(value, Text.Printable(value));
    }

    [Fact]
    public void Annotations_keep_line_breaks_for_their_own_encoding()
    {
        Assert.Equal("a\nb\\u009B \\u0023#[x]", Text.Neutralise("a\nb\u009b ##[x]", keepLineBreaks: true));
        Assert.Equal("a%0Ab\\u202E", GitHubAnnotationWriter.Data("a\nb\u202e"));
    }

    [Theory]
    [InlineData("INTAKE-1", 10, "INTAKE-1")]
    [InlineData("0123456789", 10, "0123456789")]
    [InlineData("0123456789A", 10, "012345678…")]
    [InlineData("\u009b\u009b\u009b", 10, "\\u009B\\u0…")]
    [InlineData("123456789\ud83d\ude00", 10, "123456789…")]
    public void A_cell_is_cut_with_an_ellipsis(string value, int maxLength, string cell)
    {
        Assert.Equal(cell, Text.Cell(value, maxLength));
    }

    [Fact]
    public void Cutting_a_huge_cell_costs_no_more_than_a_short_one()
    {
        var huge = new string('#', 4_000_000);
        var timer = Stopwatch.StartNew();

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(64, Text.Cell(huge, 64).Length);
        }

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(2), $"1000 cuts took {timer.Elapsed}");
    }

    [Fact]
    public void Json_reports_escape_every_hash_and_read_back_to_the_same_string()
    {
        const string Value = "##[error]x ##vso[task.complete] <script> é \u202e";
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, ReportJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("title", Value);
            json.WriteEndObject();
        }

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal("{\n  \"title\": \"\\u0023\\u0023[error]x \\u0023\\u0023vso[task.complete] \\u003Cscript\\u003E \\u00E9 \\u202E\"\n}", text);
        Assert.Equal(Value, JsonDocument.Parse(text).RootElement.GetProperty("title").GetString());
    }
}
