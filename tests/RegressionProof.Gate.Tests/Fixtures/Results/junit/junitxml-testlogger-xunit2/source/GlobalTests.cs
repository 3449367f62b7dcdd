using Xunit;

public class GlobalTests
{
    [Fact]
    public void Runs_without_a_namespace() => Assert.True(true);
}
