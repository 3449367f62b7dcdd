using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace RegressionProof.Gate.Tests;

/// <summary>
/// The gate's folders are layers: Model is the shared data every layer uses and uses none of them;
/// Inputs read files into the model and never reach for what the gate decides or writes. A plain
/// text check over the sources, copied beside the tests (gate-sources/).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string Sources = Path.Combine(AppContext.BaseDirectory, "gate-sources");

    [Theory]
    [InlineData("Model", new[] { "Inputs", "Checks", "Outputs", "Cli" })]
    [InlineData("Inputs", new[] { "Checks", "Outputs", "Cli" })]
    public void A_layer_does_not_use_the_layers_built_on_it(string folder, string[] forbidden)
    {
        var files = Directory.GetFiles(Path.Combine(Sources, folder), "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        var uses = files.SelectMany(file => Uses(File.ReadAllLines(file), forbidden).Select(use => $"{folder}/{Path.GetFileName(file)}: {use}")).ToList();

        Assert.Empty(uses);
    }

    [Theory]
    [InlineData("using RegressionProof.Gate.Outputs;")]
    [InlineData("using static RegressionProof.Gate.Outputs.Text;")]
    [InlineData("using Writer = RegressionProof.Gate.Outputs.SarifWriter;")]
    [InlineData("log.WriteLine(Outputs.Text.Printable(line));")]
    [InlineData("var x = global::RegressionProof.Gate.Outputs.Text.Printable(line);")]
    public void The_check_sees_a_use_however_it_is_spelled(string line) =>
        Assert.Single(Uses([line], ["Outputs"]));

    [Theory]
    [InlineData("if (project.Outputs.Count == 0)")]
    [InlineData("using RegressionProof.Gate.Model;")]
    [InlineData("/// Outputs of other configurations are left out.")]
    public void The_check_leaves_other_text_alone(string line) =>
        Assert.Empty(Uses([line], ["Outputs"]));

    /// <summary>
    /// The lines that name one of the <paramref name="namespaces"/> of the gate: in full
    /// (usings, aliases, <c>global::</c>) or from inside the gate's namespace (<c>Outputs.Text</c>),
    /// but not as a member (<c>project.Outputs</c>).
    /// </summary>
    private static IEnumerable<string> Uses(IEnumerable<string> lines, IEnumerable<string> namespaces)
    {
        var pattern = new Regex(
            $@"(\bRegressionProof\.Gate\.|(?<![\w.]))({string.Join("|", namespaces)})\.[A-Z]|\bRegressionProof\.Gate\.({string.Join("|", namespaces)})\s*;",
            RegexOptions.CultureInvariant);
        return lines.Where(line => pattern.IsMatch(line)).Select(line => line.Trim());
    }
}
