using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slipway.GitHubActions;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree through YamlDotNet's emitter with 2-space indentation, indented sequences and
/// <c>\n</c> line endings on every OS.
/// </summary>
internal static class YamlTreeEmitter
{
    private static readonly EmitterSettings Settings = new EmitterSettings()
        .WithBestIndent(2)
        .WithBestWidth(int.MaxValue)
        .WithIndentedSequences()
        .WithNewLine("\n")
        .WithMaxSimpleKeyLength(1024);

    public static string Emit(YamlNode root)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        EmitNode(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void EmitNode(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                EmitScalar(emitter, scalar);
                break;
            case YamlSequence sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    EmitNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMapping mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach (var (key, value) in mapping.Entries)
                {
                    // Keys are written plain, because workflow keys such as 'on' must stay unquoted to read naturally.
                    EmitScalar(emitter, new YamlScalar(key, YamlScalarKind.Literal));
                    EmitNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentException($"Unknown YAML node type {node.GetType().Name}.", nameof(node));
        }
    }

    private static void EmitScalar(IEmitter emitter, YamlScalar scalar)
    {
        // ScalarStyle.Any lets the emitter pick plain style when the text allows it and quotes otherwise (for example
        // a leading '*' or ': ' inside), so only the schema-level ambiguity of Text values needs handling here.
        var style = scalar.Kind switch
        {
            YamlScalarKind.Block => ScalarStyle.Literal,
            YamlScalarKind.Text when YamlMapping.LooksLikeNonString(scalar.Value) => ScalarStyle.SingleQuoted,
            _ => ScalarStyle.Any,
        };
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value, style, isPlainImplicit: true,
            isQuotedImplicit: true));
    }
}
