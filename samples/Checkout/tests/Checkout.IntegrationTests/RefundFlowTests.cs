using Checkout.Service.Payments;
using Checkout.Service.Refunds;
using NUnit.Framework;
using RegressionProof;

namespace Checkout.IntegrationTests;

[TestFixture]
[RegressionFor("INTAKE-124", Level = TestLevel.Integration)]
public class RefundFlowTests
{
    [TestCase(10.00, 3)]
    [TestCase(0.05, 2)]
    [TestCase(99.99, 7)]
    public void Split_refunds_add_up_to_the_refunded_amount(decimal amount, int lines)
    {
        var shares = new RefundCalculator().Split(amount, lines);

        Assert.That(shares.Sum(), Is.EqualTo(amount));
    }

    [Test]
    public void No_line_is_refunded_a_negative_amount()
    {
        var shares = new RefundCalculator().Split(0.01m, 4);

        Assert.That(shares, Has.All.GreaterThanOrEqualTo(0m));
    }
}

public class CardMaskingTests
{
    [Test]
    public void Masked_numbers_keep_only_the_last_four_digits() =>
        Assert.That(CardMasking.Mask("4111 1111 1111 1111"), Is.EqualTo("**** 1111"));
}
