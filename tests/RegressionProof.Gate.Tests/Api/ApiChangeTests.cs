using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Api;

/// <summary>
/// RPG008 (a patch changes no public API) and RPG009 (a minor release only adds) over two builds
/// of a tiny library: each kind of change, as ApiCompat and PublicApiAnalyzers see it.
/// </summary>
public class ApiChangeTests
{
    private static readonly IReadOnlyList<ManifestLink> Proven = [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")];

    [Theory]
    [InlineData("added",
        "public class Cart { public void Add() { } }",
        "public class Cart { public void Add() { } public void Clear() { } }",
        "1 added (method Shop.Cart.Clear() : void)")]
    [InlineData("removed",
        "public class Cart { public void Add() { } public void Clear() { } }",
        "public class Cart { public void Add() { } }",
        "1 removed (method Shop.Cart.Clear() : void)")]
    [InlineData("changed signature",
        "public class Cart { public void Add(int quantity) { } }",
        "public class Cart { public void Add(long quantity) { } }",
        "1 removed (method Shop.Cart.Add(int) : void), 1 added (method Shop.Cart.Add(long) : void)")]
    [InlineData("ref parameter",
        "public class Cart { public void Add(int quantity) { } }",
        "public class Cart { public void Add(ref int quantity) { } }",
        "1 removed (method Shop.Cart.Add(int) : void), 1 added (method Shop.Cart.Add(ref int) : void)")]
    [InlineData("virtual -> sealed",
        "public class Basket { public virtual decimal Total() => 0; } public class Cart : Basket { public override decimal Total() => 1; }",
        "public class Basket { public virtual decimal Total() => 0; } public class Cart : Basket { public sealed override decimal Total() => 1; }",
        "1 changed (method Shop.Cart.Total() : decimal: (none) -> sealed)")]
    [InlineData("virtual removed",
        "public class Cart { public virtual decimal Total() => 0; }",
        "public class Cart { public decimal Total() => 0; }",
        "1 changed (method Shop.Cart.Total() : decimal: virtual -> (none))")]
    [InlineData("made static",
        "public class Cart { public int Count() => 0; }",
        "public class Cart { public static int Count() => 0; }",
        "1 changed (method Shop.Cart.Count() : int: (none) -> static)")]
    [InlineData("public -> protected",
        "public class Cart { public void Add() { } }",
        "public class Cart { protected void Add() { } }",
        "1 changed (method Shop.Cart.Add() : void: public -> protected)")]
    [InlineData("property setter hidden",
        "public class Cart { public int Count { get; set; } }",
        "public class Cart { public int Count { get; protected set; } }",
        "1 changed (property Shop.Cart.Count : int: set -> protected-set)")]
    [InlineData("constant value",
        "public class Cart { public const int Max = 3; }",
        "public class Cart { public const int Max = 4; }",
        "1 changed (field Shop.Cart.Max : int: const=3 -> const=4)")]
    [InlineData("enum value",
        "public enum Color { Red = 1, Green = 2 }",
        "public enum Color { Red = 2, Green = 1 }",
        "2 changed (enum-value Shop.Color.Green: value=2 -> value=1; enum-value Shop.Color.Red: value=1 -> value=2)")]
    [InlineData("generic constraint",
        "public class Box<T> where T : class { }",
        "public class Box<T> where T : class, new() { }",
        "1 changed (class Shop.Box<T>: where(T)=class -> where(T)=class,new())")]
    [InlineData("default value",
        "public class Cart { public void Add(int quantity = 1) { } }",
        "public class Cart { public void Add(int quantity = 2) { } }",
        "1 changed (method Shop.Cart.Add(int) : void: default(1)=1 -> default(1)=2)")]
    [InlineData("type sealed",
        "public class Cart { }",
        "public sealed class Cart { }",
        "1 changed (class Shop.Cart: (none) -> sealed)")]
    [InlineData("base type",
        "public class Basket { } public class Cart : Basket { }",
        "public class Basket { } public class Cart { }",
        "1 changed (class Shop.Cart: base=Shop.Basket -> (none))")]
    [InlineData("member kind",
        "public class Cart { public int Count; }",
        "public class Cart { public int Count { get; set; } }",
        "1 removed (field Shop.Cart.Count : int), 1 added (property Shop.Cart.Count : int)")]
    public void A_patch_reports_every_change_of_the_public_api(string change, string before, string after, string expected)
    {
        var finding = Assert.Single(Check(ReleaseClass.Patch, before, after));

        Assert.Equal("RPG008", finding.RuleId);
        Assert.Equal($"patch 2.4.1 changes the public API of Shop: {expected}", finding.Message);
        Assert.NotEmpty(change);
    }

    [Theory]
    [InlineData("removed", "public class Cart { public void Add() { } public void Clear() { } }", "public class Cart { public void Add() { } }")]
    [InlineData("virtual -> sealed",
        "public class Basket { public virtual decimal Total() => 0; } public class Cart : Basket { public override decimal Total() => 1; }",
        "public class Basket { public virtual decimal Total() => 0; } public class Cart : Basket { public sealed override decimal Total() => 1; }")]
    [InlineData("public -> protected", "public class Cart { public void Add() { } }", "public class Cart { protected void Add() { } }")]
    [InlineData("constant value", "public class Cart { public const string Name = \"a cart\"; }", "public class Cart { public const string Name = \"a basket\"; }")]
    [InlineData("enum value", "public enum Color { Red = 1 }", "public enum Color { Red = 2 }")]
    [InlineData("generic constraint", "public class Box<T> { }", "public class Box<T> where T : struct { }")]
    [InlineData("type sealed", "public class Cart { }", "public sealed class Cart { }")]
    [InlineData("abstract member added", "public abstract class Shape { public abstract double Area(); }", "public abstract class Shape { public abstract double Area(); public abstract double Perimeter(); }")]
    [InlineData("interface member without default", "public interface IStore { void Save(); }", "public interface IStore { void Save(); void Load(); }")]
    [InlineData("required member added", "public class Order { public string? Id { get; set; } }", "public class Order { public string? Id { get; set; } public required string Customer { get; set; } }")]
    public void A_minor_release_fails_on_what_breaks_callers_or_implementers(string change, string before, string after)
    {
        var finding = Assert.Single(Check(ReleaseClass.Minor, before, after));

        Assert.Equal("RPG009", finding.RuleId);
        Assert.StartsWith("minor 2.4.1 removes or changes public API of Shop: ", finding.Message, System.StringComparison.Ordinal);
        Assert.NotEmpty(change);
    }

    [Fact]
    public void A_minor_release_names_the_abstract_member_that_breaks_implementers()
    {
        var finding = Assert.Single(Check(ReleaseClass.Minor,
            "public abstract class Shape { public abstract double Area(); }",
            "public abstract class Shape { public abstract double Area(); public abstract double Perimeter(); public double Scale() => 1; }"));

        Assert.Equal(
            "minor 2.4.1 removes or changes public API of Shop: 1 added that breaks implementers or callers (method Shop.Shape.Perimeter() : double: abstract)",
            finding.Message);
    }

    [Theory]
    [InlineData("a member", "public class Cart { }", "public class Cart { public void Clear() { } }")]
    [InlineData("a type with abstract members", "public class Cart { }", "public class Cart { } public abstract class Shape { public abstract double Area(); } public interface IStore { void Save(); }")]
    [InlineData("an interface member with a default implementation", "public interface IStore { void Save(); }", "public interface IStore { void Save(); void Load() { } }")]
    [InlineData("a virtual member", "public abstract class Shape { }", "public abstract class Shape { public virtual double Area() => 0; }")]
    [InlineData("an implemented interface", "public class Cart { }", "public class Cart : System.IDisposable { public void Dispose() { } }")]
    [InlineData("an unsealed class", "public sealed class Cart { }", "public class Cart { }")]
    public void A_minor_release_may_add(string addition, string before, string after)
    {
        Assert.Empty(Check(ReleaseClass.Minor, before, after));
        Assert.Single(Check(ReleaseClass.Patch, before, after));
        Assert.NotEmpty(addition);
    }

    [Theory]
    [InlineData("internal type", "public class Cart { } internal class Cache { }", "public class Cart { } internal class Cache { public void Clear() { } }")]
    [InlineData("private member", "public class Cart { private int _count; }", "public class Cart { private long _count; private void Reset() { } }")]
    [InlineData("internal member", "public class Cart { internal void Add() { } }", "public class Cart { internal virtual void Add(int quantity) { } }")]
    [InlineData("private protected member", "public class Cart { }", "public class Cart { private protected void Add() { } }")]
    [InlineData("nested private type", "public class Cart { }", "public class Cart { private class Line { public void Add() { } } }")]
    [InlineData("method body", "public class Cart { public int Count() => 1; }", "public class Cart { public int Count() => 2; }")]
    [InlineData("parameter name", "public class Cart { public void Add(int quantity) { } }", "public class Cart { public void Add(int count) { } }")]
    [InlineData("protected internal -> protected", "public class Cart { protected internal void Add() { } }", "public class Cart { protected void Add() { } }")]
    public void A_patch_may_change_what_other_assemblies_cannot_see(string change, string before, string after)
    {
        Assert.Empty(Check(ReleaseClass.Patch, before, after));
        Assert.NotEmpty(change);
    }

    [Fact]
    public void A_major_release_may_change_anything()
    {
        Assert.Empty(Check(ReleaseClass.Major, "public class Cart { public void Add() { } }", "public class Basket { }"));
    }

    [Fact]
    public void A_new_assembly_has_nothing_to_compare()
    {
        var baseline = Given.Baseline(Proven, api: ["class Shop.Cart | public"]) with
        {
            PublicApi = new Dictionary<string, IReadOnlyList<string>> { ["Shop.Core"] = ["class Shop.Cart | public"] },
        };

        Assert.Empty(ApiCompatibilityCheck.Check(Given.Input(Given.Release(), Proven, baseline: baseline, api: ApiLibrary.Api("namespace Shop; public class Basket { }"))));
    }

    private static List<Finding> Check(ReleaseClass releaseClass, string before, string after)
    {
        var release = Given.Release(releaseClass);
        var baseline = Given.Baseline(Proven, api: ApiLibrary.Api("namespace Shop;\n" + before));
        var input = Given.Input(release, Proven, baseline: baseline, api: ApiLibrary.Api("namespace Shop;\n" + after));
        return ApiCompatibilityCheck.Check(input).ToList();
    }
}
