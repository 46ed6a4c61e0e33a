using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MicroOrm.Generators.Diagnostics;

namespace MicroOrm.Generators.Analyzers;

/// <summary>
/// Reports MORM1001 where a string that is not a compile-time constant is passed to a parameter marked
/// <c>[ConstantSql]</c>: such a string is run as SQL exactly as written, so anything spliced into it can inject SQL.
/// Literals, <c>const</c> strings and concatenations of constants have a constant value and pass.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantSqlAnalyzer : DiagnosticAnalyzer
{
    internal const string MarkerAttribute = "MicroOrm.ConstantSqlAttribute";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NonConstantSql);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var marker = start.Compilation.GetTypeByMetadataName(MarkerAttribute);
            if (marker is null) return;
            start.RegisterOperationAction(operation => AnalyzeArgument(operation, marker), OperationKind.Argument);
        });
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, INamedTypeSymbol marker)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter) return;
        if (!HasMarker(parameter, marker)) return;

        var value = argument.Value;
        if (value.ConstantValue.HasValue) return;

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.NonConstantSql,
            value.Syntax.GetLocation(),
            parameter.ContainingSymbol.Name,
            Describe(value)));
    }

    /// <summary>Whether <paramref name="parameter"/> carries <c>[ConstantSql]</c> (<paramref name="marker"/>); MORM1002 asks too.</summary>
    internal static bool HasMarker(IParameterSymbol parameter, INamedTypeSymbol marker)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, marker)) return true;
        }

        return false;
    }

    /// <summary>Names what was passed, so the message says why it is not constant.</summary>
    private static string Describe(IOperation value) => UnwrapConversions(value) switch
    {
        IBinaryOperation => "a concatenation with a non-constant part",
        IInterpolatedStringOperation => "an interpolated string, whose holes are spliced in as text",
        IInvocationOperation { TargetMethod.Name: "Format" } => "string.Format",
        IInvocationOperation invocation => "the result of " + invocation.TargetMethod.Name,
        ILocalReferenceOperation local => "the variable '" + local.Local.Name + "'",
        IParameterReferenceOperation parameter => "the parameter '" + parameter.Parameter.Name + "'",
        IFieldReferenceOperation field => "the field '" + field.Field.Name + "'",
        IPropertyReferenceOperation property => "the property '" + property.Property.Name + "'",
        _ => "a value known only at run time",
    };

    /// <summary>The operand under any implicit or explicit conversions; the other analyzers look through them too.</summary>
    internal static IOperation UnwrapConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion) operation = conversion.Operand;
        return operation;
    }
}
