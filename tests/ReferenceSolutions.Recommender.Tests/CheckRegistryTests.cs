using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Recommender.Tests;

/// <summary>The recommender's check registry against this test assembly.</summary>
public class CheckRegistryTests
{
    [Fact]
    public void Every_registered_check_names_existing_tests() =>
        RegistryGuard.Verify(RecommenderChecks.All, typeof(CheckRegistryTests).Assembly);
}
