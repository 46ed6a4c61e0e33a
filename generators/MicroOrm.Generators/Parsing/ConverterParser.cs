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
        var valueType = ModelSymbols.Display(ModelSymbols.UnwrapNullable(property.Type));
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
            ModelSymbols.Display(ModelSymbols.UnwrapNullable(valueType)),
            valueType.IsValueType,
            ModelSymbols.Display(columnType),
            kind);
    }
}
