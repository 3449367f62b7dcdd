using Checkout.Service.Pricing;
using RegressionProof;
using Xunit;

namespace Checkout.UnitTests;

public class DiscountCalculatorTests
{
    private readonly DiscountCalculator _calculator = new();

    [Fact]
    public void A_discount_is_taken_off_the_total() =>
        Assert.Equal(40m, _calculator.ApplyDiscount(50m, 10m));

    [Theory, RegressionFor("INTAKE-123", Evidence = "https://tracker.example/INTAKE-123")]
    [InlineData(50, 100)]
    [InlineData(0, 5)]
    [InlineData(19.99, 20)]
    public void A_discount_larger_than_the_basket_never_makes_the_total_negative(decimal total, decimal discount) =>
        Assert.Equal(0m, _calculator.ApplyDiscount(total, discount));
}
