using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MicroOrm.Tool.Project;

/// <summary>
/// The models of a built assembly: each generated <c>[Database]</c> class's <c>ModelSnapshot</c> constant, read from
/// the assembly's metadata. Nothing is loaded or run, so the tool needs neither the project's dependencies nor a
/// runtime that matches it.
/// </summary>
internal static class ModelReader
{
    private const string SnapshotField = "ModelSnapshot";

    /// <summary>Each database class (by its simple name) and its model's text.</summary>
    public static Dictionary<string, string> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var models = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!DerivesFromDatabaseContext(metadata, type)) continue;
            foreach (var fieldHandle in type.GetFields())
            {
                var field = metadata.GetFieldDefinition(fieldHandle);
                if ((field.Attributes & FieldAttributes.Literal) == 0 || !metadata.StringComparer.Equals(field.Name, SnapshotField)) continue;
                var constant = metadata.GetConstant(field.GetDefaultValue());
                if (constant.TypeCode != ConstantTypeCode.String) continue;
                var blob = metadata.GetBlobReader(constant.Value);
                models[metadata.GetString(type.Name)] = blob.ReadUTF16(blob.Length);
            }
        }

        return models;
    }

    /// <summary>The model of <paramref name="database"/>, or of the assembly's only database when none is named.</summary>
    public static (string Database, string Model) Choose(Dictionary<string, string> models, string? database, string assemblyPath)
    {
        if (models.Count == 0) throw new ToolException($"{Path.GetFileName(assemblyPath)} has no [Database] class: add one (for example [Database] public partial class AppDb {{ }}).");
        if (database is not null)
        {
            return models.TryGetValue(database, out var model)
                ? (database, model)
                : throw new ToolException($"{Path.GetFileName(assemblyPath)} has no [Database] class named {database}; it has {string.Join(", ", models.Keys.Order())}.");
        }

        if (models.Count > 1) throw new ToolException($"{Path.GetFileName(assemblyPath)} has {models.Count} [Database] classes ({string.Join(", ", models.Keys.Order())}): name one with --database.");
        var only = models.First();
        return (only.Key, only.Value);
    }

    private static bool DerivesFromDatabaseContext(MetadataReader metadata, TypeDefinition type)
    {
        if (type.BaseType.Kind != HandleKind.TypeReference) return false;
        var baseType = metadata.GetTypeReference((TypeReferenceHandle)type.BaseType);
        return metadata.StringComparer.Equals(baseType.Name, "DatabaseContext") && metadata.StringComparer.Equals(baseType.Namespace, "MicroOrm");
    }
}
