namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>Representative sources: every kind of link, on methods, classes, properties and fields.</summary>
internal static class Samples
{
    public const string Pricing = """
        using RegressionProof;

        namespace Shop.Pricing
        {
            public class DiscountCalculator
            {
                [Fixes("INTAKE-123", Evidence = "https://tracker.example/INTAKE-123")]
                public decimal ApplyDiscount(decimal total, decimal discount) => total > discount ? total - discount : 0m;

                [Fixes("INTAKE-126")]
                [ManualVerification("INTAKE-126", Steps = "Pay with 4111 \"test\" card; check the log", RecordedOn = "2026-11-20", AutomateBy = "2026-12-01")]
                public static string Mask(string card) => card;
            }
        }
        """;

    public const string Monitoring = """
        using RegressionProof;

        namespace Shop.Monitoring
        {
            public static class CheckoutMonitoring
            {
                [SyntheticProbe("INTAKE-125", Signal = RecurrenceSignal.Error, Name = "checkout-probe")]
                public static readonly string Probe = "POST /checkout";

                [RecurrenceAlert("INTAKE-125", Signal = RecurrenceSignal.Latency, Rule = "p95 > 800ms")]
                public static string Alert => "checkout-latency";

                [DashboardPanel("INTAKE-123", Baseline = "0/day", Threshold = "> 0 in 10m", Panel = "grafana:checkout/7")]
                public static void Panel() { }
            }
        }
        """;

    public const string Tests = """
        using RegressionProof;
        using Xunit;

        namespace Shop.Tests
        {
            public class DiscountTests
            {
                [Fact, RegressionFor("INTAKE-123", Level = TestLevel.Integration)]
                public void Discount_never_goes_negative() { }

                [Theory, MigrationTest("INTAKE-130")]
                public void Migrates(int version) { }
            }

            [RegressionFor("INTAKE-124", Level = TestLevel.EndToEnd)]
            public class RefundTests
            {
                [NUnit.Framework.Test] public void Splits() { }
                [NUnit.Framework.TestCase(1)] public void Rounds(int lines) { }
                public void Helper() { }
            }
        }
        """;
}
