using NUnit.Framework;

public class GlobalTests
{
    [Test]
    public void Runs_without_a_namespace() => Assert.Pass();
}
