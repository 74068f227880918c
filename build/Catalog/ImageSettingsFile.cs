using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Slipway.Catalog;

/// <summary>
/// Reads <c>image.yml</c> files; an unknown key or bad value is an error that names the file and line.
/// </summary>
public static partial class ImageSettingsFile
{
    public const string FileName = "image.yml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Returns the settings in <paramref name="folder"/>, or null when it has no settings file.</summary>
    public static ImageSettings? Read(string folder, string root)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            return null;
        try
        {
            return Deserializer.Deserialize<ImageSettings?>(File.ReadAllText(path)) ?? new ImageSettings();
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0].TrimEnd('.');
            // YamlDotNet reports an unknown key as "Property 'x' not found on type '<CLR type>'".
            if (UnknownPropertyPattern().Match(reason) is { Success: true } unknown)
                reason = $"unknown key '{unknown.Groups["key"].Value}'";
            throw new CatalogException(
                $"{Path.GetRelativePath(root, path)}:{e.Start.Line}: invalid settings: {reason}. Known keys: " +
                "context, dockerfile, readme, description, tags, buildArgs, target, platforms, network, test, push.");
        }
    }

    [GeneratedRegex("^Property '(?<key>[^']*)' not found on type")]
    private static partial Regex UnknownPropertyPattern();
}
