using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Parsing;

namespace MicroOrm.Generators.Analyzers;

/// <summary>
/// Reports MORM1002 where raw SQL (an interpolated <c>SqlInterpolatedStringHandler</c>, or a string passed to a
/// <c>[ConstantSql]</c> parameter) names the table of an entity with a <c>[SoftDelete]</c> or <c>[TenantKey]</c>
/// column: the model's query filters apply to every typed query, and to no raw SQL, so a raw read of such a table sees
/// deleted rows and every tenant's rows unless it says otherwise. The SQL's text is matched against the table names as
/// whole words (quoted or not); holes are values, never table names, so only the literal parts are read.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FilteredTableSqlAnalyzer : DiagnosticAnalyzer
{
    private const string HandlerType = "MicroOrm.SqlInterpolatedStringHandler";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnfilteredRawSql);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var handler = start.Compilation.GetTypeByMetadataName(HandlerType);
            var marker = start.Compilation.GetTypeByMetadataName(ConstantSqlAnalyzer.MarkerAttribute);
            if (handler is null || marker is null) return;
            var tables = new Lazy<IReadOnlyList<FilteredTable>>(() => FilteredTables(start.Compilation), isThreadSafe: true);
            start.RegisterOperationAction(operation => AnalyzeArgument(operation, handler, marker, tables), OperationKind.Argument);
        });
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, INamedTypeSymbol handler, INamedTypeSymbol marker, Lazy<IReadOnlyList<FilteredTable>> tables)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is not { } parameter) return;
        string? text;
        if (SymbolEqualityComparer.Default.Equals(parameter.Type, handler))
        {
            text = LiteralText(argument.Value.Syntax);
        }
        else if (parameter.Type.SpecialType == SpecialType.System_String && ConstantSqlAnalyzer.HasMarker(parameter, marker))
        {
            text = argument.Value.ConstantValue is { HasValue: true, Value: string constant } ? constant : null;
        }
        else
        {
            return;
        }

        if (text is null || tables.Value.Count == 0) return;
        foreach (var table in tables.Value)
        {
            if (!table.Pattern.IsMatch(text)) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnfilteredRawSql, argument.Value.Syntax.GetLocation(), table.Name, table.Filters));
        }
    }

    /// <summary>The literal parts of an interpolated string (its holes are values); <see langword="null"/> for anything else.</summary>
    private static string? LiteralText(SyntaxNode syntax)
    {
        if (syntax is not InterpolatedStringExpressionSyntax interpolated) return null;
        var text = new StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            // A hole stands between two literal parts; a space keeps their words apart.
            text.Append(content is InterpolatedStringTextSyntax literal ? literal.TextToken.ValueText : " ");
        }

        return text.ToString();
    }

    /// <summary>
    /// The filtered tables of the entities this compilation can see: its own, and those of the referenced assemblies
    /// that use MicroOrm (a model often lives in a project of its own).
    /// </summary>
    private static IReadOnlyList<FilteredTable> FilteredTables(Compilation compilation)
    {
        var known = new KnownSymbols(compilation);
        if (known.Table is null) return Array.Empty<FilteredTable>();
        var found = new List<FilteredTable>();
        var assemblies = new List<IAssemblySymbol> { compilation.Assembly };
        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (reference.Modules.Any(m => m.ReferencedAssemblies.Any(a => a.Name == "MicroOrm"))) assemblies.Add(reference);
        }

        foreach (var assembly in assemblies) Collect(assembly.GlobalNamespace, known, found);
        return found;
    }

    private static void Collect(INamespaceSymbol space, KnownSymbols known, List<FilteredTable> found)
    {
        foreach (var member in space.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                Collect(inner, known, found);
            }
            else if (member is INamedTypeSymbol type && ModelSymbols.IsEntity(type, known))
            {
                var filters = new List<string>();
                foreach (var property in ModelSymbols.InstanceProperties(type))
                {
                    if (ModelSymbols.HasAttribute(property, known.SoftDelete)) filters.Add("soft delete by " + ModelSymbols.ColumnName(property, known));
                    if (ModelSymbols.HasAttribute(property, known.TenantKey)) filters.Add("tenant by " + ModelSymbols.ColumnName(property, known));
                }

                if (filters.Count > 0) found.Add(new FilteredTable(ModelSymbols.TableName(type, known), string.Join("; ", filters)));
            }
        }
    }

    private sealed class FilteredTable(string name, string filters)
    {
        public string Name { get; } = name;

        public string Filters { get; } = filters;

        /// <summary>The name as a whole word, bare or in backticks, in any case (MySQL table names are case-insensitive on most systems).</summary>
        public Regex Pattern { get; } = new(@"(?<![\w$])`?" + Regex.Escape(name) + @"`?(?![\w$])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
