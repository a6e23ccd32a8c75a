using ReferenceSolutions.TestSupport;

namespace ReferenceSolutions.Core.Tests.Reporting;

public class CheckRegistryTests
{
    [Fact]
    public void Every_registered_check_names_existing_tests() =>
        RegistryGuard.Verify(CoreChecks.All, typeof(CheckRegistryTests).Assembly);
}
