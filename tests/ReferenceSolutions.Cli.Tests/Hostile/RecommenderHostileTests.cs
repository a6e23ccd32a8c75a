using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ReferenceSolutions.Cli.Tests.Hostile;

/// <summary>
/// Hostile input against the recommender's commands (<c>run recommender</c>, <c>verify svd</c>, <c>verify pca</c>,
/// <c>recommend</c>), each run as a child process: exit 1 with metrics.json when a result cannot be computed, exit 2
/// with one <c>error:</c> line naming the file (and line) or the option and its limit, never 3; no stack trace; nothing
/// in <c>--out</c> after an input error; under 60 s and 2 GB peak RSS.
/// </summary>
public sealed class RecommenderHostileTests() : HostileTest("refsol-hostile-rec-")
{
    [Fact]
    public void Ratings_that_are_all_5_write_every_result_and_fail_on_the_undefined_auc()
    {
        string ratings = Ratings("all5.csv", (_, _) => "5");
        string folder = Out();
        ChildRefsol.Outcome outcome = Refsol("run", "recommender", "--ratings", ratings, "--out", folder);
        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        JsonElement metrics = Model(folder, "mf-sgd-from-scratch");
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("auc").ValueKind);
        Assert.Contains("no negative", metrics.GetProperty("aucNotComputed").GetString(), StringComparison.Ordinal);
        Assert.True(metrics.GetProperty("rmse").GetDouble() >= 0.0);
    }

    [Fact]
    public void A_learning_rate_that_diverges_writes_the_model_as_null_with_its_reason()
    {
        string ratings = Ratings("mixed.csv", (u, i) => (1 + ((u * 7 + i * 3) % 5)).ToString(CultureInfo.InvariantCulture));
        string folder = Out();
        ChildRefsol.Outcome outcome = Refsol("run", "recommender", "--ratings", ratings, "--lr", "0.9", "--out", folder);
        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        JsonElement metrics = Model(folder, "mf-sgd-from-scratch");
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("rmse").ValueKind);
        Assert.StartsWith("MF-SGD diverged", metrics.GetProperty("rmseNotComputed").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, Model(folder, "als-from-scratch").GetProperty("rmse").ValueKind);
    }

    [Fact]
    public void Epochs_beyond_the_limit_are_refused_up_front_naming_the_option_and_the_limit()
    {
        string folder = Out();
        ChildRefsol.Outcome outcome = Refsol("run", "recommender", "--epochs", "10000", "--out", folder);
        AssertInputError(outcome, "--epochs must be in 1..500");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void More_factor_entries_than_a_model_may_hold_are_refused_naming_the_file_and_the_largest_k()
    {
        var text = new StringBuilder("userId,movieId,rating\n");
        for (int u = 1; u <= 40_000; u++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{u},{u},4\n");
        }
        string ratings = Write("wide.csv", text.ToString());
        string folder = Out();
        AssertInputError(Refsol("run", "recommender", "--ratings", ratings, "--factors", "200", "--out", folder), $"{ratings}: --factors 200 for 40,000 users and 40,000 items");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Too_few_ratings_for_a_test_split_are_an_input_error_naming_the_file()
    {
        string ratings = Write("two.csv", "userId,movieId,rating\n1,1,4\n2,2,3\n");
        AssertInputError(Refsol("run", "recommender", "--ratings", ratings, "--factors", "1", "--out", Out()), $"{ratings}: 2 ratings are too few");
        Assert.False(Directory.Exists(Out()));
    }

    [Fact]
    public void A_rating_beyond_a_million_is_refused_at_its_line()
    {
        string ratings = Ratings("huge.csv", (u, i) => u == 2 && i == 0 ? "1e300" : "4");
        AssertInputError(Refsol("recommend", "--user", "1", "--ratings", ratings), $"{ratings}:42: column 'rating': '1e300' is outside the ratings accepted");
    }

    [Fact]
    public void A_parquet_rating_that_is_NaN_is_refused_at_its_row_and_row_group()
    {
        string ratings = Path.Combine(Folder, "nan.parquet");
        using (var writer = new Recommender.Ratings.ParquetRatingsWriter(ratings, rowGroupRows: 100))
        {
            for (int u = 0; u < 60; u++)
            {
                for (int j = 0; j < 20; j++)
                {
                    writer.Add(u + 1, ((u * 13) + j) % 80 + 1, u == 12 && j == 5 ? double.NaN : 4);
                }
            }
        }
        AssertInputError(Refsol("recommend", "--user", "1", "--ratings", ratings), $"{ratings}: row 245 (row group 2): column 'rating': NaN is not a finite rating");
    }

    [Fact]
    public void Ratings_on_a_scale_where_sgd_diverges_give_exit_1_and_the_reason_instead_of_NaN()
    {
        string ratings = Ratings("million.csv", (u, i) => (u + i) % 2 == 0 ? "1e6" : "-1e6");
        ChildRefsol.Outcome outcome = Refsol("recommend", "--user", "1", "--ratings", ratings);
        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        string line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {ratings}: MF-SGD diverged", line, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_movie_listed_twice_and_an_id_beyond_64_bits_name_their_lines()
    {
        string ratings = Ratings("ratings.csv", (_, _) => "4");
        string movies = Write("movies.csv", "movieId,title\n1,A\n2,B\n1,C\n");
        AssertInputError(Refsol("recommend", "--user", "1", "--ratings", ratings, "--movies", movies), $"{movies}:4: column 'movieId': movie 1 is listed twice (first on line 2)");
        string ids = Write("ids.csv", "userId,movieId,rating\n1,1,4\n99999999999999999999,2,3\n");
        AssertInputError(Refsol("recommend", "--user", "1", "--ratings", ids), $"{ids}:3: column 'userId':");
    }

    [Fact]
    public void A_row_of_200000_numbers_gets_its_thin_svd_in_bounded_memory()
    {
        var rng = new Random(12);
        string row = string.Join(',', Enumerable.Range(0, 200_000).Select(_ => (rng.NextDouble() - 0.5).ToString("0.00000", CultureInfo.InvariantCulture)));
        string matrix = Write("row.csv", row + "\n");
        ChildRefsol.Outcome outcome = Refsol("verify", "svd", "--input", matrix, "--json");
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.True(outcome.PeakBytes < 1L << 30, outcome.ToString());
        Assert.Equal(3, JsonDocument.Parse(outcome.Stdout).RootElement.GetProperty("implementations").EnumerateObject().Count());
    }

    [Fact]
    public void Columns_whose_squares_underflow_converge_to_their_singular_values()
    {
        string matrix = Write("tiny.csv", "1,1e-170\n1e-170,1e-170\n");
        ChildRefsol.Outcome outcome = Refsol("verify", "svd", "--input", matrix, "--json");
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        foreach (JsonProperty implementation in JsonDocument.Parse(outcome.Stdout).RootElement.GetProperty("implementations").EnumerateObject())
        {
            double[] sigma = [.. implementation.Value.GetProperty("singularValues").EnumerateArray().Select(s => s.GetDouble())];
            Assert.True(Math.Abs(sigma[0] - 1.0) <= 1e-15, $"{implementation.Name}: σ₁ = {sigma[0]}");
            Assert.True(Math.Abs(sigma[1] - 1e-170) <= 1e-15 * 1e-170, $"{implementation.Name}: σ₂ = {sigma[1]}");
        }
    }

    [Fact]
    public void A_matrix_too_large_for_an_exact_svd_is_refused_naming_the_limit()
    {
        string line = string.Join(',', Enumerable.Repeat("0", 801)) + "\n";
        string matrix = Write("square.csv", string.Concat(Enumerable.Repeat(line, 801)));
        AssertInputError(Refsol("verify", "svd", "--input", matrix), $"{matrix}: a 801×801 matrix has min(rows, columns) = 801, above the 800 verify accepts");
    }

    [Fact]
    public void Constant_data_have_no_principal_axis_and_say_so_instead_of_NaN_axes()
    {
        string data = Write("constant.csv", string.Concat(Enumerable.Repeat("3,3,3,3\n", 50)));
        AssertInputError(Refsol("verify", "pca", "--input", data, "--components", "1"), $"{data}: every column of X is constant");
        string almost = Write("rank1.csv", string.Concat(Enumerable.Range(0, 50).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{2 * i},3,3\n"))));
        AssertInputError(Refsol("verify", "pca", "--input", almost, "--components", "2"), $"{almost}: --components 2, but X has only 1 principal axes above rounding");
    }

    /// <summary>A ratings file of 60 users × 20 of 80 items (item (u·13 + j) mod 80), rating <paramref name="rating"/>(u, j); line 2 + 20u + j.</summary>
    private string Ratings(string name, Func<int, int, string> rating)
    {
        var text = new StringBuilder("userId,movieId,rating\n");
        for (int u = 0; u < 60; u++)
        {
            for (int j = 0; j < 20; j++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{u + 1},{((u * 13) + j) % 80 + 1},{rating(u, j)}\n");
            }
        }
        return Write(name, text.ToString());
    }

    private static JsonElement Model(string folder, string name)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")));
        JsonElement model = document.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name);
        return model.GetProperty("metrics").Clone();
    }
}
