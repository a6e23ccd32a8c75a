using ReferenceSolutions.Core.Reporting.Html;

namespace ReferenceSolutions.Core.Tests.Reporting.Html;

public sealed class DocsBaseTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("refsol-docsbase-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_run_folder_inside_the_repository_links_its_docs_relatively()
    {
        string repository = Repository("repo");
        Assert.Equal("../../docs/", DocsBase.For(Path.Combine(repository, "runs", "fraud-1"), repository));
        Assert.Equal("../../../docs/", DocsBase.For(Path.Combine(repository, "runs", "all 1", "fraud"), repository));
    }

    [Fact]
    public void A_run_folder_elsewhere_links_the_docs_by_absolute_file_url()
    {
        string repository = Repository("my repo");
        string? docs = DocsBase.For(Path.Combine(_root, "my repo-runs", "x"), repository);
        Assert.Equal(new Uri(Path.Combine(repository, "docs") + Path.DirectorySeparatorChar).AbsoluteUri, docs);
        Assert.StartsWith("file:///", docs, StringComparison.Ordinal);
        Assert.Contains("my%20repo/docs/", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_repository_or_its_docs_there_is_no_docs_base()
    {
        Assert.Null(DocsBase.For(Path.Combine(_root, "x"), null));
        Assert.Null(DocsBase.For(Path.Combine(_root, "x"), _root));
    }

    private string Repository(string name)
    {
        string repository = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(repository, "docs"));
        File.WriteAllText(Path.Combine(repository, "docs", "parity.md"), "# checks\n");
        return repository;
    }
}
