namespace ReferenceSolutions.Recommender.Ratings;

/// <summary>A ratings file written one rating at a time, in the order given; disposing it completes the file.</summary>
public interface IRatingsWriter : IDisposable
{
    /// <summary>Appends the rating <paramref name="rating"/> of user <paramref name="user"/> for item <paramref name="item"/>.</summary>
    void Add(long user, long item, double rating);
}
