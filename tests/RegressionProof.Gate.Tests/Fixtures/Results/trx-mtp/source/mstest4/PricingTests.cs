using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shop.Tests;

[TestClass]
public class PricingTests
{
    [TestMethod]
    public void Discount_never_makes_the_price_negative() => Assert.AreEqual(0m, System.Math.Max(0m, 10m - 25m));

    [TestMethod]
    public void Refund_is_rounded() => Assert.AreEqual(0.3m, 0.1m + 0.2m + 0.001m);

    [TestMethod]
    [Ignore("waiting for INTAKE-9")]
    public void Coupon_is_applied_once() { }

    [TestMethod]
    [DataRow(10, 25)]
    [DataRow(5, 1)]
    public void Discount_is_capped(int price, int discount) => Assert.AreEqual(0, System.Math.Max(0, price - discount));

    [TestClass]
    public class Nested
    {
        [TestMethod]
        public void Inner_test_passes() { }
    }
}
