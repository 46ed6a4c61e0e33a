using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// Turns a <c>[Row]</c> class, record or struct into a <see cref="RowModel"/>: the same member rules as entities
/// (settable members and constructor parameters, <c>[Column]</c>, <c>[NotMapped]</c>), without keys or DDL.
/// </summary>
internal static class RowParser
{
    public static ParseResult<RowModel> Parse(GeneratorAttributeSyntaxContext context, KnownSymbols known, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        var location = LocationInfo.From(syntax.Identifier.GetLocation());
        if (!EntityParser.CheckClassShape(type, syntax, location, diagnostics))
        {
            return new ParseResult<RowModel>(null, location, diagnostics.ToEquatableArray());
        }

        var candidates = ModelSymbols.InstanceProperties(type).Where(p => !ModelSymbols.HasAttribute(p, known.NotMapped)).ToList();
        var constructor = EntityParser.ChooseConstructor(type, candidates);
        if (constructor is null)
        {
            // A struct always has its parameterless constructor, so this is a class or record without a usable one.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoUsableConstructor, location, type.Name));
            return new ParseResult<RowModel>(null, location, diagnostics.ToEquatableArray());
        }

        var constructorProperties = constructor.Parameters
            .Select(parameter => candidates.First(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var mapped = candidates.Where(p => constructorProperties.Contains(p, SymbolEqualityComparer.Default) || ModelSymbols.IsSettable(p, type)).ToList();
        EntityParser.CheckRequiredMembers(known, type, constructor, mapped, diagnostics);

        var columns = new List<ColumnModel>();
        foreach (var property in mapped)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var column = ColumnParser.Parse(known, type, "", property, columns.Count, keyOrder: -1, keyCount: 0, diagnostics);
            if (column is null) continue;
            columns.Add(column with
            {
                IsSettable = ModelSymbols.IsSettable(property, type) && !constructorProperties.Contains(property, SymbolEqualityComparer.Default),
                ForeignKey = null,
                Role = ColumnRole.None,
            });
        }

        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new ParseResult<RowModel>(null, location, diagnostics.ToEquatableArray());
        }

        var kind = type.IsRecord ? (type.IsValueType ? "record struct" : "record") : (type.IsValueType ? "struct" : "class");
        var model = new RowModel(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            kind,
            columns.ToEquatableArray(),
            new ConstructionModel(constructorProperties.Select(p => p.Name).ToEquatableArray()));
        return new ParseResult<RowModel>(model, location, diagnostics.ToEquatableArray());
    }
}
