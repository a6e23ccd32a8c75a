using System.Security.Cryptography;
using ReferenceSolutions.Core.Data;

namespace ReferenceSolutions.Core.Tests.Data;

public class KnownDatasetTests
{
    [Fact]
    public void Data_readme_lists_every_known_file_with_its_checksum()
    {
        string readme = File.ReadAllText(Path.Combine(DatasetLocator.RepositoryRoot()!, "data", "README.md"));
        foreach (KnownDataset.DataFile file in KnownDataset.All.SelectMany(d => d.Files))
        {
            Assert.Contains($"{file.Sha256}  {file.RelativePath}", readme);
        }
    }

    [Fact]
    public void Real_files_that_are_present_have_the_listed_size_and_checksum()
    {
        foreach (KnownDataset.DataFile file in KnownDataset.All.SelectMany(d => d.Files))
        {
            string? path = DatasetLocator.Find(file.RelativePath);
            if (path is null)
            {
                continue;
            }
            using FileStream stream = File.OpenRead(path);
            Assert.Equal(file.Bytes, stream.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
    }
}
