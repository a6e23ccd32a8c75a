using ReferenceSolutions.Core.Output;

namespace ReferenceSolutions.Core.Tests.Output;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("refsol-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_failed_write_leaves_neither_a_partial_file_nor_a_temporary()
    {
        string path = Path.Combine(_folder, "out.json");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{\"half\":"u8);
            throw new InvalidOperationException("computation failed mid-write");
        }));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void A_failed_write_keeps_the_previous_file_whole()
    {
        string path = Path.Combine(_folder, "keep.txt");
        AtomicFile.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException()));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void Writes_create_folders_and_replace_files()
    {
        string path = Path.Combine(_folder, "a", "b", "c.txt");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
    }
}
