using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.SolutionName.Tests;

/// <summary>The check registry and this test assembly agree: every test a check lists exists.</summary>
public class CheckRegistryTests
{
    [Fact]
    public void Every_registered_check_names_existing_tests()
    {
        RegistryGuard.Verify(SolutionNameChecks.All, typeof(CheckRegistryTests).Assembly);
    }
}
