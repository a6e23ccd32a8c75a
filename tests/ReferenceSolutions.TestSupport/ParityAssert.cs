using System.Diagnostics;
using System.Reflection;
using ReferenceSolutions.Core.Reporting;
using Xunit;

namespace ReferenceSolutions.TestSupport;

/// <summary>
/// The assertion every parity and consistency test makes: a <see cref="Comparison"/> judged by a registered
/// <see cref="CheckDefinition"/>. It fails when the calling test is not among the definition's
/// <see cref="CheckDefinition.Tests"/> (so docs/parity.md, generated from the registry, cannot miss a parity test),
/// and, for <see cref="Passes"/>, when any value was not finite or the largest difference exceeds the tolerance — the
/// message names the part, the index, both values and the tolerance.
/// </summary>
public static class ParityAssert
{
    /// <summary>Asserts that <paramref name="comparison"/> passes <paramref name="check"/>.</summary>
    public static void Passes(CheckDefinition check, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(comparison);
        RequireListed(check);
        Assert.True(comparison.Within(check.Tolerance.Value), $"{check.Id} ({check.Title}) failed: {comparison.Describe(check.Tolerance.Value)}");
    }

    /// <summary>
    /// Asserts that <paramref name="comparison"/> fails <paramref name="check"/>: a negative control (a wrong formula
    /// must be caught) or an injected NaN (which must fail, naming its side).
    /// </summary>
    public static void Fails(CheckDefinition check, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(comparison);
        RequireListed(check);
        Assert.False(comparison.Within(check.Tolerance.Value), $"{check.Id} ({check.Title}) passed a comparison it must fail: {comparison.Describe(check.Tolerance.Value)}");
    }

    /// <summary><c>Class.Method</c> of the test method on the current call stack (through lambdas and async state machines).</summary>
    public static string CallingTest()
    {
        foreach (StackFrame frame in new StackTrace().GetFrames())
        {
            if (frame.GetMethod() is MethodBase method && TestMethodOf(method) is string name)
            {
                return name;
            }
        }
        throw new InvalidOperationException("ParityAssert was called outside a test method ([Fact], [Theory] or [Property])");
    }

    private static void RequireListed(CheckDefinition check)
    {
        string test = CallingTest();
        Assert.True(check.Tests.Contains(test),
            $"{test} asserts the check '{check.Id}' but its registry entry does not list it; add \"{test}\" to that definition's tests");
    }

    /// <summary>
    /// The test method <paramref name="method"/> is, or belongs to: a method with a test attribute itself, or a lambda
    /// (<c>&lt;Method&gt;b__…</c>) or async state machine (<c>&lt;Method&gt;d__…</c>) that the compiler generated for one.
    /// </summary>
    private static string? TestMethodOf(MethodBase method)
    {
        Type? type = method.DeclaringType;
        string name = method.Name;
        while (type is not null && type.Name.Contains('<', StringComparison.Ordinal))
        {
            if (GeneratedOwner(type.Name) is string owner)
            {
                name = owner;
            }
            type = type.DeclaringType;
        }
        if (type is null)
        {
            return null;
        }
        name = GeneratedOwner(name) ?? name;
        bool isTest = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Any(m => m.Name == name && m.IsDefined(typeof(FactAttribute), inherit: true));
        return isTest ? $"{type.Name}.{name}" : null;
    }

    /// <summary>"Method" from a compiler-generated "&lt;Method&gt;b__3_0" or "&lt;Method&gt;d__5"; null for other names.</summary>
    private static string? GeneratedOwner(string generated)
    {
        if (!generated.StartsWith('<'))
        {
            return null;
        }
        int end = generated.IndexOf('>', StringComparison.Ordinal);
        return end > 1 ? generated[1..end] : null;
    }
}
