namespace Slipway.Engine;

/// <summary>
/// Replaces the values of secret parameters in text that the engine prints.
/// </summary>
internal sealed class SecretMasker
{
    private const string Mask = "***";
    private readonly List<string> _secrets = [];

    public void Add(object? value)
    {
        var items = value switch
        {
            null => [],
            string text => [text],
            Array array => array.Cast<object?>().Select(item => item?.ToString() ?? ""),
            _ => [value.ToString() ?? ""],
        };
        // Longest first, so a secret that contains another one is masked whole.
        _secrets.AddRange(items.Where(item => item.Length > 0));
        _secrets.Sort((left, right) => right.Length.CompareTo(left.Length));
    }

    public string Apply(string text) =>
        _secrets.Aggregate(text, (current, secret) => current.Replace(secret, Mask, StringComparison.Ordinal));
}
