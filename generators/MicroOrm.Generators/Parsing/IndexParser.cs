using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>Indexes and unique constraints, from <c>[Index]</c> and <c>[Unique]</c> on properties and on the class.</summary>
internal static class IndexParser
{
    public static List<IndexModel> Parse(KnownSymbols known, INamedTypeSymbol entity, string tableName, List<IPropertySymbol> mapped, List<ColumnModel> columns, List<DiagnosticInfo> diagnostics)
    {
        var result = new List<IndexModel>();
        var named = new Dictionary<string, List<(int Order, int Position, string Column, bool Unique)>>();
        string? ColumnOf(string propertyName) => columns.FirstOrDefault(c => c.PropertyName == propertyName)?.ColumnName;

        for (var position = 0; position < mapped.Count; position++)
        {
            var property = mapped[position];
            var column = ColumnOf(property.Name);
            if (column is null) continue;
            if (ModelSymbols.HasAttribute(property, known.Unique))
            {
                result.Add(Create(tableName, null, unique: true, new[] { column }, property, diagnostics));
            }

            foreach (var attribute in ModelSymbols.GetAttributes(property, known.Index))
            {
                var name = ModelSymbols.NamedArgument<string>(attribute, "Name");
                var unique = ModelSymbols.NamedArgument<bool>(attribute, "IsUnique");
                if (name is null)
                {
                    result.Add(Create(tableName, null, unique, new[] { column }, property, diagnostics));
                    continue;
                }

                if (!named.TryGetValue(name, out var parts)) named[name] = parts = new List<(int, int, string, bool)>();
                parts.Add((ModelSymbols.NamedArgument<int>(attribute, "Order"), position, column, unique));
            }
        }

        foreach (var pair in named)
        {
            var ordered = pair.Value.OrderBy(p => p.Order).ThenBy(p => p.Position).ToList();
            result.Add(Create(tableName, pair.Key, ordered.Any(p => p.Unique), ordered.Select(p => p.Column).ToArray(), entity, diagnostics));
        }

        foreach (var attribute in ModelSymbols.GetAttributes(entity, known.Index))
        {
            var properties = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string ?? "").ToList()
                : new List<string>();
            var indexColumns = new List<string>();
            foreach (var propertyName in properties)
            {
                var column = ColumnOf(propertyName);
                if (column is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IndexUnknownProperty, LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax()), entity.Name, propertyName));
                }
                else
                {
                    indexColumns.Add(column);
                }
            }

            if (indexColumns.Count == properties.Count && indexColumns.Count > 0)
            {
                result.Add(Create(tableName, ModelSymbols.NamedArgument<string>(attribute, "Name"), ModelSymbols.NamedArgument<bool>(attribute, "IsUnique"), indexColumns.ToArray(), entity, diagnostics));
            }
        }

        return result;
    }

    private static IndexModel Create(string tableName, string? name, bool unique, string[] columns, ISymbol owner, List<DiagnosticInfo> diagnostics)
    {
        var indexName = name ?? Naming.FitIdentifier((unique ? "ux_" : "ix_") + tableName + "_" + string.Join("_", columns));
        EntityParser.CheckIdentifier(indexName, "an index", LocationInfo.From(owner), diagnostics);
        return new IndexModel(indexName, unique, columns.ToEquatableArray());
    }
}
