using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Api;

/// <summary>How the coverage manifest writes each public API entry: <c>identity | description</c>.</summary>
public class ApiEntryFormatTests
{
    [Theory]
    [InlineData("public abstract class Shape { }", "class Shop.Shape | public abstract")]
    [InlineData("public static class Util { }", "class Shop.Util | public static")]
    [InlineData("public class Box<T> : System.IEquatable<Box<T>> where T : class, new() { public bool Equals(Box<T>? other) => true; }",
        "class Shop.Box<T> | public implements=System.IEquatable<Shop.Box<T>> where(T)=class,new()")]
    [InlineData("public interface IVariant<out T, in U> { }", "interface Shop.IVariant<T,U> | public variance(T)=out variance(U)=in")]
    [InlineData("public readonly ref struct Slice { }", "struct Shop.Slice | public readonly ref")]
    [InlineData("public enum Size : byte { Small = 1 }", "enum Shop.Size | public underlying=byte")]
    [InlineData("public enum Size : byte { Small = 1 }", "enum-value Shop.Size.Small | value=1")]
    [InlineData("public class Cart { protected internal Cart(int size) { } }", "constructor Shop.Cart(int) | protected")]
    [InlineData("public class Cart { public T Find<T>(ref int a, out string b, in long c, params int[] rest) where T : struct { b = \"\"; return default; } }",
        "method Shop.Cart.Find<T>(ref int, out string, in long, int[]) : T | public params where(T)=struct")]
    [InlineData("public class Cart { public void Add(int quantity = 1, string? note = null) { } }", "method Shop.Cart.Add(int, string) : void | public default(1)=1 default(2)=null")]
    [InlineData("public static class Util { public static void Go(this string s) { } }", "method Shop.Util.Go(string) : void | public static extension")]
    [InlineData("public interface IStore { void Save(); void Load() { } static abstract IStore Create(); }", "method Shop.IStore.Save() : void | public abstract")]
    [InlineData("public interface IStore { void Save(); void Load() { } static abstract IStore Create(); }", "method Shop.IStore.Load() : void | public virtual")]
    [InlineData("public interface IStore { void Save(); void Load() { } static abstract IStore Create(); }", "method Shop.IStore.Create() : Shop.IStore | public static abstract")]
    [InlineData("public class Order { public required string Id { get; init; } }", "property Shop.Order.Id : string | public required get init")]
    [InlineData("public class Order { public string this[int index] => \"\"; }", "property Shop.Order.Item[int] : string | public get")]
    [InlineData("public class Order { public event System.EventHandler? Changed; }", "event Shop.Order.Changed : System.EventHandler | public")]
    [InlineData("public class Order { public static readonly int Max = 3; }", "field Shop.Order.Max : int | public static readonly")]
    [InlineData("public class Order { public const string Name = \"an \\\"order\\\"\"; }", "field Shop.Order.Name : string | public const=\"an \\\"order\\\"\"")]
    [InlineData("public class Outer<T> { public class Inner { public T? Value; } }", "field Shop.Outer<T>.Inner.Value : T | public")]
    public void An_entry_names_its_kind_and_signature_then_describes_its_use(string source, string line)
    {
        Assert.Contains(line, ApiLibrary.Api("namespace Shop;\n" + source));
    }

    [Fact]
    public void Internal_and_private_types_and_members_are_not_entries()
    {
        var api = ApiLibrary.Api("namespace Shop; public class Cart { private int _a; internal void B() { } private protected void C() { } private class D { } } internal class E { public void F() { } }");

        Assert.Equal(["class Shop.Cart | public", "constructor Shop.Cart() | public"], api);
    }

    [Theory]
    [InlineData("method Shop.Box<System.Collections.Generic.List<int>>.Find<U>(U) : U | public", "Shop.Box<System.Collections.Generic.List<int>>")]
    [InlineData("property Shop.Order.Item[int] : string | public get", "Shop.Order")]
    [InlineData("field Shop.Order.Max : int | public static", "Shop.Order")]
    [InlineData("constructor Shop.Cart(int) | public", "Shop.Cart")]
    [InlineData("class Shop.Cart | public", null)]
    public void A_members_line_names_its_declaring_type(string line, string? declaringType)
    {
        Assert.Equal(declaringType, ApiEntry.Parse(line).DeclaringType);
    }

    [Fact]
    public void A_quoted_constant_is_one_token_spaces_and_escaped_quotes_included()
    {
        var entry = ApiEntry.Parse("field Shop.Order.Name : string | public const=\"a \\\" | b\"");

        Assert.Equal(("field Shop.Order.Name : string", "field"), (entry.Identity, entry.Kind));
        Assert.Equal(["public", "const=\"a \\\" | b\""], entry.Tokens);
    }

    [Fact]
    public void A_line_of_an_earlier_format_is_an_identity_without_description()
    {
        var entry = ApiEntry.Parse("Shop.Cart.Total() : Decimal");

        Assert.Equal(("Shop.Cart.Total() : Decimal", string.Empty), (entry.Identity, entry.Description));
    }
}
