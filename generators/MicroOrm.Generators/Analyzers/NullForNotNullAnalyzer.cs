using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MicroOrm.Generators.Diagnostics;

namespace MicroOrm.Generators.Analyzers;

/// <summary>
/// Reports MORM1003 where a plain <see langword="null"/> is given to a NOT NULL column: <c>Set(r =&gt; r.Name, null)</c>,
/// <c>r.Count == null</c>. On a nullable column the value overloads take it (they are preferred over the
/// column-to-column ones); on a NOT NULL one it would bind to a column-to-column overload, or be a value the column
/// refuses, so it is an error at build time instead of a surprise at run time. A column's nullability is its column
/// set's: <c>Column&lt;string?&gt;</c> or <c>Column&lt;int?&gt;</c> accept null, <c>Column&lt;string&gt;</c> and
/// <c>Column&lt;int&gt;</c> do not (in code without nullable annotations a reference type is not judged).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NullForNotNullAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NullForNotNullColumn);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var column = start.Compilation.GetTypeByMetadataName("MicroOrm.Column`1");
            var builder = start.Compilation.GetTypeByMetadataName("MicroOrm.UpdateBuilder`1");
            if (column is null || builder is null) return;
            start.RegisterOperationAction(c => AnalyzeSet(c, builder), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeComparison(c, column), OperationKind.Binary);
        });
    }

    private static void AnalyzeSet(OperationAnalysisContext context, INamedTypeSymbol builder)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Set" || !SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, builder) || invocation.Arguments.Length != 2) return;
        var value = invocation.Arguments[1].Value;
        if (!IsNullLiteral(value)) return;
        // The column's own type says whether it accepts null: T may have been inferred nullable from the null itself.
        var type = ColumnType(invocation.Arguments[0].Value) ?? method.TypeArguments[0];
        if (method.Parameters[1].Type.TypeKind != TypeKind.Delegate && AcceptsNull(type)) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NullForNotNullColumn, value.Syntax.GetLocation(), ColumnName(invocation.Arguments[0].Value), "set to"));
    }

    private static void AnalyzeComparison(OperationAnalysisContext context, INamedTypeSymbol column)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorMethod is not { } op || !SymbolEqualityComparer.Default.Equals(op.ContainingType.OriginalDefinition, column)) return;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)) return;
        if (!IsNullLiteral(binary.RightOperand)) return;
        var type = ColumnType(binary.LeftOperand) ?? ((INamedTypeSymbol)op.ContainingType).TypeArguments[0];
        if (!SymbolEqualityComparer.Default.Equals(op.Parameters[1].Type.OriginalDefinition, op.ContainingType.OriginalDefinition) && AcceptsNull(type)) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NullForNotNullColumn, binary.RightOperand.Syntax.GetLocation(), ColumnName(binary.LeftOperand), "compared with"));
    }

    /// <summary>A nullable value type, or a reference type annotated nullable or written without annotations.</summary>
    private static bool AcceptsNull(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
        || (type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated);

    private static bool IsNullLiteral(IOperation operation) =>
        ConstantSqlAnalyzer.UnwrapConversions(operation) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };

    /// <summary>The <c>T</c> of the <c>Column&lt;T&gt;</c> the lambda <c>r =&gt; r.Name</c> returns, as the column set declares it.</summary>
    private static ITypeSymbol? ColumnType(IOperation operation)
    {
        var column = Column(operation);
        return column?.Type is INamedTypeSymbol { TypeArguments.Length: 1 } named ? named.TypeArguments[0] : null;
    }

    /// <summary>The column's property, from <c>r =&gt; r.Name</c> or <c>r.Name</c>.</summary>
    private static string ColumnName(IOperation operation) => Column(operation) switch
    {
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        _ => "the column",
    };

    private static IOperation? Column(IOperation operation)
    {
        operation = ConstantSqlAnalyzer.UnwrapConversions(operation);
        if (operation is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }) operation = lambda.Body;
        if (operation is IBlockOperation { Operations.Length: 1 } block && block.Operations[0] is IReturnOperation { ReturnedValue: { } returned }) operation = returned;
        operation = ConstantSqlAnalyzer.UnwrapConversions(operation);
        return operation is IFieldReferenceOperation or IPropertyReferenceOperation ? operation : null;
    }
}
