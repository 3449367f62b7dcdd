using NUnit.Framework;

namespace Shop.Tests
{
    public class PricingTests
    {
        [Test]
        public void Never_negative() => Assert.That(Math.Max(0m, 10m - 25m), Is.EqualTo(0m));

        [Test]
        public void Rounds_to_cents() => Assert.That(Math.Round(1.235m, 2, MidpointRounding.ToEven), Is.EqualTo(1.23m));

        [Test, Ignore("coupons are not built yet")]
        public void Applies_coupon() => Assert.Fail();

        [TestCase(100, 10, 90)]
        [TestCase(100, 150, 0)]
        [TestCase(50, 5, 44)]
        public void Discount_by_amount(int price, int discount, int expected) => Assert.That(Math.Max(0, price - discount), Is.EqualTo(expected));

        [TestCase("a.b", ExpectedResult = 3)]
        public int Counts_a_dotted_argument(string text) => text.Length;

        public class Currency
        {
            [Test]
            public void Keeps_the_code() => Assert.That("eur".ToUpperInvariant(), Is.EqualTo("EUR"));
        }
    }
}
