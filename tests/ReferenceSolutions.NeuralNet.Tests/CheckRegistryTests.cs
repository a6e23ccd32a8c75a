using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.NeuralNet.Tests;

public class CheckRegistryTests
{
    [Fact]
    public void Every_registered_check_names_existing_tests() =>
        RegistryGuard.Verify(NeuralNetChecks.All, typeof(CheckRegistryTests).Assembly);
}
