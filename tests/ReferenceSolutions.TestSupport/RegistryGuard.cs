using System.Reflection;
using ReferenceSolutions.Core.Reporting;
using Xunit;

namespace ReferenceSolutions.TestSupport;

/// <summary>
/// Keeps the check registry and a test assembly in step: every test a definition lists exists in the assembly as a
/// <c>[Fact]</c>, <c>[Theory]</c> or <c>[Property]</c> method, ids are unique, and every definition has an identity,
/// a tolerance with a reason, a kind, and at least one place where it runs. (The other direction — a test that asserts
/// a check it is not listed under — is caught by <see cref="ParityAssert"/> when the test runs.)
/// </summary>
public static class RegistryGuard
{
    /// <summary>Asserts the above for <paramref name="definitions"/>, whose tests live in <paramref name="tests"/>.</summary>
    public static void Verify(IEnumerable<CheckDefinition> definitions, Assembly tests)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(tests);
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (CheckDefinition check in definitions)
        {
            if (!ids.Add(check.Id))
            {
                problems.Add($"{check.Id}: the id is used twice");
            }
            if (check.Kind is not (CheckKinds.Library or CheckKinds.Consistency))
            {
                problems.Add($"{check.Id}: kind '{check.Kind}' is neither '{CheckKinds.Library}' nor '{CheckKinds.Consistency}'");
            }
            if (string.IsNullOrWhiteSpace(check.Title) || string.IsNullOrWhiteSpace(check.Identity) || string.IsNullOrWhiteSpace(check.Tolerance.Reason))
            {
                problems.Add($"{check.Id}: a title, an identity and a tolerance reason are required");
            }
            if (!(check.Tolerance.Value >= 0 && double.IsFinite(check.Tolerance.Value)))
            {
                problems.Add($"{check.Id}: the tolerance {check.Tolerance.Value} is not a finite number ≥ 0");
            }
            if (check.Where.Count == 0 && check.Tests.Count == 0)
            {
                problems.Add($"{check.Id}: runs nowhere (no run, verify or test)");
            }
            foreach (string test in check.Tests)
            {
                if (!Exists(tests, test))
                {
                    problems.Add($"{check.Id}: lists {test}, which is not a test method of {tests.GetName().Name}");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} registry problem(s):\n{string.Join('\n', problems)}");
    }

    private static bool Exists(Assembly tests, string name)
    {
        int dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }
        string typeName = name[..dot], method = name[(dot + 1)..];
        return tests.GetTypes()
            .Where(t => t.Name == typeName)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .Any(m => m.Name == method && m.IsDefined(typeof(FactAttribute), inherit: true));
    }
}
