using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// Finds the converter of a property: its own <c>[Converter(typeof(X))]</c>, else an assembly's
/// <c>[assembly: Converter(typeof(X))]</c> for its type; and checks that the converter converts exactly that type to
/// a type MicroOrm stores (MORM0038 otherwise).
/// </summary>
internal static class ConverterParser
{
    /// <summary>The converter of <paramref name="property"/>, or null; <paramref name="failed"/> when its own attribute names a converter that does not fit.</summary>
    public static ConverterModel? ForProperty(KnownSymbols known, INamedTypeSymbol entity, IPropertySymbol property, LocationInfo? location, List<DiagnosticInfo> diagnostics, out bool failed)
    {
        failed = false;
        var json = ModelSymbols.GetAttribute(property, known.Json);
        if (json is not null) return ForJson(known, entity, property, json, location, diagnostics, out failed);
        var valueType = ModelSymbols.Display(Plain(property.Type));
        var attribute = ModelSymbols.GetAttribute(property, known.Converter);
        if (attribute is not null)
        {
            var converterType = attribute.ConstructorArguments.FirstOrDefault().Value as ITypeSymbol;
            var model = converterType is null ? null : Describe(known, converterType);
            if (model is null || model.ValueType != valueType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConverterDoesNotFit, location, converterType?.ToDisplayString() ?? "?", entity.Name, property.Name, property.Type.ToDisplayString(),
                    model is null ? "it does not implement IValueConverter<TValue, TColumn> with a TColumn MicroOrm stores (a number, string, bool, Guid, date or time, or byte[])" : $"it converts {model.ValueType.Replace("global::", "")}, not {valueType.Replace("global::", "")}"));
                failed = true;
                return null;
            }

            return model;
        }

        return known.AssemblyConverters.FirstOrDefault(c => c.ValueType == valueType);
    }

    /// <summary>
    /// A <c>[Json(typeof(Context))]</c> property: stored as JSON text through a converter the generator writes,
    /// serialized by the context, which must be a System.Text.Json source-generated context that lists the property's
    /// type (MORM0039 otherwise: the serializer would fail at run time, or need reflection).
    /// </summary>
    private static ConverterModel? ForJson(KnownSymbols known, INamedTypeSymbol entity, IPropertySymbol property, AttributeData json, LocationInfo? location, List<DiagnosticInfo> diagnostics, out bool failed)
    {
        failed = false;
        var valueType = Plain(property.Type);
        var context = json.ConstructorArguments.FirstOrDefault().Value as INamedTypeSymbol;
        string? problem = null;
        if (context is null || known.JsonSerializerContext is null || !DerivesFrom(context, known.JsonSerializerContext))
        {
            problem = "it is not a System.Text.Json JsonSerializerContext";
        }
        else if (!ModelSymbols.GetAttributes(context, known.JsonSerializable).Any(a => a.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol listed && SymbolEqualityComparer.Default.Equals(listed, valueType)))
        {
            problem = $"it has no [JsonSerializable(typeof({valueType.ToDisplayString()}))]";
        }

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JsonContextDoesNotFit, location, context?.ToDisplayString() ?? "?", entity.Name, property.Name, property.Type.ToDisplayString(), problem));
            failed = true;
            return null;
        }

        return new ConverterModel(
            ModelSymbols.Display(entity) + "." + JsonConverterName(property.Name),
            ModelSymbols.Display(valueType),
            valueType.IsValueType,
            "string",
            ValueKind.String,
            ModelSymbols.Display(context!));
    }

    /// <summary>The name of the converter the generator writes, nested in the entity, for JSON property <paramref name="property"/>.</summary>
    public static string JsonConverterName(string property) => "MicroOrm" + property + "Json";

    /// <summary>The type a converter converts: without <c>Nullable&lt;T&gt;</c>, and without a nullable annotation.</summary>
    private static ITypeSymbol Plain(ITypeSymbol type) => ModelSymbols.UnwrapNullable(type).WithNullableAnnotation(NullableAnnotation.NotAnnotated);

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType)) return true;
        }

        return false;
    }

    /// <summary>What <paramref name="converterType"/> converts, or null when it is no converter MicroOrm can use.</summary>
    public static ConverterModel? Describe(KnownSymbols known, ITypeSymbol converterType)
    {
        if (known.ValueConverterInterface is null || converterType is not INamedTypeSymbol { IsUnboundGenericType: false }) return null;
        var implemented = converterType.AllInterfaces.Where(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known.ValueConverterInterface)).ToList();
        if (implemented.Count != 1) return null;
        var valueType = implemented[0].TypeArguments[0];
        var columnType = implemented[0].TypeArguments[1];
        if (!TypeClassifier.TryClassify(known, columnType, out var kind, out var nullableColumn, out var enumType) || nullableColumn || enumType is not null) return null;
        return new ConverterModel(
            ModelSymbols.Display(converterType),
            ModelSymbols.Display(Plain(valueType)),
            valueType.IsValueType,
            ModelSymbols.Display(columnType),
            kind);
    }
}
