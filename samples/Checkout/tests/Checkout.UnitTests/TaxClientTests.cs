using Checkout.Service.Payments;
using RegressionProof;
using Xunit;

namespace Checkout.UnitTests;

public class TaxClientTests
{
    [Fact, RegressionFor("INTAKE-125")]
    public void A_tax_service_timeout_falls_back_to_the_flat_rate_instead_of_failing_checkout()
    {
        var client = new TaxClient((_, _) => null);

        Assert.Equal(20m, client.TaxFor(100m));
    }

    [Fact]
    public void The_remote_rate_is_used_when_it_answers() =>
        Assert.Equal(7m, new TaxClient((_, _) => 0.07m).TaxFor(100m));
}
