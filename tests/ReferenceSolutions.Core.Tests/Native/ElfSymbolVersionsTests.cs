using ReferenceSolutions.Build;

namespace ReferenceSolutions.Core.Tests.Native;

/// <summary>The build's weak-version fix, checked on the real TorchSharp library: in the NuGet cache and in this test's output.</summary>
public sealed class ElfSymbolVersionsTests : IDisposable
{
    private const string Version = "GLIBCXX_3.4.32";
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-elf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string PackageCopy
    {
        get
        {
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        }
    }

    private static string OutputCopy => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void Build_weakens_the_output_copy_only_where_libstdcxx_lacks_the_version_and_never_the_package_cache()
    {
        Assert.False(ElfSymbolVersions.ReadNeeds(PackageCopy).Single(n => n.Name == Version).IsWeak, "the NuGet cache copy was modified");
        string? libstdcxx = ElfSymbolVersions.FindSystemLibstdcxx();
        bool systemHasIt = libstdcxx is not null && ElfSymbolVersions.ReadDefinitions(libstdcxx).Contains(Version);
        Assert.Equal(!systemHasIt, ElfSymbolVersions.ReadNeeds(OutputCopy).Single(n => n.Name == Version).IsWeak);
    }

    [Fact]
    public void MakeWeak_flips_one_bit_and_is_idempotent()
    {
        string copy = Path.Combine(_folder, "lib.so");
        File.Copy(PackageCopy, copy);
        byte[] before = File.ReadAllBytes(copy);

        Assert.True(ElfSymbolVersions.MakeWeak(copy, Version));
        byte[] after = File.ReadAllBytes(copy);
        int[] changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        int offset = Assert.Single(changed);
        Assert.Equal(ElfSymbolVersions.WeakFlag, after[offset] ^ before[offset]);
        Assert.Equal(ElfSymbolVersions.ReadNeeds(copy).Single(n => n.Name == Version).FlagsOffset, offset);

        Assert.False(ElfSymbolVersions.MakeWeak(copy, Version));
        Assert.Equal(after, File.ReadAllBytes(copy));
        Assert.All(ElfSymbolVersions.ReadNeeds(copy).Where(n => n.Name != Version), n => Assert.False(n.IsWeak));
    }

    [Fact]
    public void Needs_list_the_libstdcxx_versions_readelf_shows()
    {
        var needs = ElfSymbolVersions.ReadNeeds(PackageCopy);
        Assert.Contains(needs, n => n.File == "libstdc++.so.6" && n.Name == Version);
        Assert.Contains(needs, n => n.File == "libc.so.6" && n.Name == "GLIBC_2.2.5");
        Assert.Equal(20, needs.Count(n => n.File == "libstdc++.so.6"));
    }

    [Fact]
    public void Unexpected_layouts_fail_with_a_clear_message()
    {
        string text = Path.Combine(_folder, "not-elf.so");
        File.WriteAllText(text, "just text, long enough to pass the header length check of sixty-four bytes.....");
        Assert.Contains("unexpected ELF layout: not an ELF file", Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.ReadNeeds(text)).Message);

        string truncated = Path.Combine(_folder, "truncated.so");
        File.WriteAllBytes(truncated, File.ReadAllBytes(PackageCopy)[..4096]);
        Assert.Contains("unexpected ELF layout", Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.MakeWeak(truncated, Version)).Message);
    }

    [Fact]
    public void System_libstdcxx_reports_its_highest_GLIBCXX_version()
    {
        string? libstdcxx = ElfSymbolVersions.FindSystemLibstdcxx();
        Assert.NotNull(libstdcxx);
        Assert.True(ElfSymbolVersions.MaxGlibcxx(libstdcxx) >= new Version(3, 4, 20));
    }
}
