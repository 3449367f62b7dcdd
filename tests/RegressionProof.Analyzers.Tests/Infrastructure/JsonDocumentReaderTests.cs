using RegressionProof.Analyzers.Infrastructure;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Infrastructure;

public class JsonDocumentReaderTests
{
    [Fact]
    public void Reads_every_value_kind_with_positions()
    {
        var root = JsonDocumentReader.Parse("{\n  \"s\": \"a\\\"b\\u00e9\\n\",\n  \"n\": -1.5e3,\n  \"t\": true, \"f\": false, \"z\": null,\n  \"a\": [1, {\"k\": []}]\n}", out var error);

        Assert.Null(error);
        Assert.NotNull(root);
        Assert.Equal("a\"b\u00e9\n", root!["s"]!.AsString);
        Assert.Equal((2, 8), (root["s"]!.Line, root["s"]!.Column));
        Assert.Equal(-1500d, root["n"]!.Value);
        Assert.Equal(true, root["t"]!.Value);
        Assert.Equal(false, root["f"]!.Value);
        Assert.Equal(JsonNodeKind.Null, root["z"]!.Kind);
        Assert.Equal(2, root["a"]!.Items.Count);
        Assert.Equal((5, 12), (root["a"]!.Items[1].Line, root["a"]!.Items[1].Column));
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 1, 9, "unexpected '}'; expected a property name in double quotes")]
    [InlineData("{\"a\" 1}", 1, 6, "unexpected '1'; expected ':'")]
    [InlineData("{'a': 1}", 1, 2, "unexpected '''; expected a property name in double quotes")]
    [InlineData("[1 2]", 1, 4, "unexpected '2'; expected ',' or ']'")]
    [InlineData("\"abc", 1, 5, "unexpected end of file inside a string")]
    [InlineData("\"a\tb\"", 1, 3, "control characters must be escaped inside a string")]
    [InlineData("\"\\u12\"", 1, 2, "\\u must be followed by four hexadecimal digits")]
    [InlineData("tru", 1, 1, "unexpected 't'; expected a value")]
    [InlineData("-", 1, 1, "'-' is not a number")]
    [InlineData("   ", 1, 4, "the file is empty; expected a JSON object")]
    [InlineData("{\"class\": \"major\",\n \"class\": \"patch\"}", 2, 2, "\"class\" is given twice in one object (first at line 1); give it once")]
    [InlineData("{\"a\": {\"b\": 1}, \"b\": 2, \"c\": [{\"b\": 3, \"b\": 4}]}", 1, 40, "\"b\" is given twice in one object (first at line 1); give it once")]
    // Numbers .NET would parse but JSON does not have (a leading zero, a bare point, a sign with
    // no digit) are refused, as the gate's reader refuses them, rather than read as a value.
    [InlineData("[01]", 1, 2, "'01' is not a number")]
    [InlineData("{\"a\": -.5}", 1, 7, "'-.5' is not a number")]
    [InlineData("[1.]", 1, 2, "'1.' is not a number")]
    [InlineData("[1.e3]", 1, 2, "'1.e3' is not a number")]
    [InlineData("[1e]", 1, 2, "'1e' is not a number")]
    [InlineData("[1.5.3]", 1, 2, "'1.5.3' is not a number")]
    [InlineData("{\"a\":\n  1-2}", 2, 3, "'1-2' is not a number")]
    public void Reports_the_first_error_with_line_and_column(string json, int line, int column, string message)
    {
        var root = JsonDocumentReader.Parse(json, out var error);

        Assert.Null(root);
        Assert.NotNull(error);
        Assert.Equal((line, column, message), (error!.Line, error.Column, error.Message));
    }

    [Fact]
    public void A_number_followed_by_a_letter_is_told_as_the_letter_out_of_place()
    {
        var root = JsonDocumentReader.Parse("[1a]", out var error);

        Assert.Null(root);
        Assert.Equal((1, 3, "unexpected 'a'; expected ',' or ']'"), (error!.Line, error.Column, error.Message));
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var root = JsonDocumentReader.Parse(new string('[', 100_000), out var error);

        Assert.Null(root);
        Assert.Equal("values are nested more than 64 levels deep", error!.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_columns_count_from_after_it()
    {
        var root = JsonDocumentReader.Parse("\uFEFF{\"a\": 1}", out var error);

        Assert.Null(error);
        Assert.Equal((1, 1), (root!.Line, root.Column));
    }
}
