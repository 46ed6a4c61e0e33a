using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// Reads <c>[Required]</c>, <c>[Range]</c>, <c>[Pattern]</c> and <c>[Email]</c> on one property. Each must suit the
/// property's type, a range must be satisfiable by it, and a pattern must compile; otherwise the build says so.
/// </summary>
internal static class ValidationParser
{
    public static ValidationModel? Parse(
        KnownSymbols known, INamedTypeSymbol entity, string tableName, IPropertySymbol property, string columnName, ValueKind kind, bool isNullableValueType,
        LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var required = ModelSymbols.GetAttribute(property, known.Required);
        var range = ModelSymbols.GetAttribute(property, known.Range);
        var pattern = ModelSymbols.GetAttribute(property, known.Pattern);
        var email = ModelSymbols.GetAttribute(property, known.Email);
        if (required is null && range is null && pattern is null && email is null) return null;

        void NotFor(string attribute, string reason) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeNotValidForType, location, attribute, entity.Name, property.Name, property.Type.ToDisplayString(), reason));

        var allowEmpty = required is not null && ModelSymbols.NamedArgument<bool>(required, "AllowEmptyStrings");
        if (required is not null && property.Type.IsValueType && !isNullableValueType)
        {
            NotFor("Required", "a non-nullable value type always has a value; make the property nullable, or remove [Required]");
            required = null;
        }

        if (allowEmpty && kind != ValueKind.String)
        {
            NotFor("Required", "AllowEmptyStrings applies to string properties only");
        }

        RangeModel? rangeModel = null;
        if (range is not null)
        {
            rangeModel = Range(entity, tableName, property, columnName, kind, range, location, diagnostics, NotFor);
        }

        string? patternText = null;
        if (pattern is not null)
        {
            if (kind != ValueKind.String)
            {
                NotFor("Pattern", "it applies to string properties only");
            }
            else if (pattern.ConstructorArguments.Length == 0 || pattern.ConstructorArguments[0].Value is not string text || text.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeValueOutOfRange, location, "Pattern", entity.Name, property.Name, "the pattern must not be empty"));
            }
            else if (PatternError(text) is { } error)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPattern, location, entity.Name, property.Name, error));
            }
            else
            {
                patternText = text;
            }
        }

        if (email is not null && kind != ValueKind.String)
        {
            NotFor("Email", "it applies to string properties only");
            email = null;
        }

        return new ValidationModel(required is not null, allowEmpty && kind == ValueKind.String, rangeModel, patternText, email is not null);
    }

    private static RangeModel? Range(
        INamedTypeSymbol entity, string tableName, IPropertySymbol property, string columnName, ValueKind kind, AttributeData range,
        LocationInfo? location, List<DiagnosticInfo> diagnostics, Action<string, string> notFor)
    {
        if (!kind.IsIntegral() && kind is not (ValueKind.Single or ValueKind.Double or ValueKind.Decimal))
        {
            notFor("Range", "it applies to numeric properties only");
            return null;
        }

        void OutOfRange(string reason) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AttributeValueOutOfRange, location, "Range", entity.Name, property.Name, reason));

        var arguments = range.ConstructorArguments;
        if (arguments.Length != 2) return null;
        var constraint = Naming.FitIdentifier($"ck_{tableName}_{columnName}");
        if (arguments[0].Value is long lowLong && arguments[1].Value is long highLong)
        {
            if (lowLong > highLong)
            {
                OutOfRange("the minimum is above the maximum");
                return null;
            }

            var text = (Low: lowLong.ToString(CultureInfo.InvariantCulture), High: highLong.ToString(CultureInfo.InvariantCulture));
            var (typeLow, typeHigh) = Limits(kind);
            if ((decimal)lowLong > typeHigh || (decimal)highLong < typeLow)
            {
                OutOfRange($"no {property.Type.ToDisplayString()} lies between {text.Low} and {text.High}");
                return null;
            }

            var suffix = kind switch { ValueKind.Int64 => "L", ValueKind.UInt64 => "UL", ValueKind.Decimal => "m", _ => "" };
            return new RangeModel(
                (decimal)lowLong > typeLow ? text.Low + suffix : null,
                (decimal)highLong < typeHigh ? text.High + suffix : null,
                text.Low,
                text.High,
                constraint);
        }

        if (arguments[0].Value is double low && arguments[1].Value is double high)
        {
            if (double.IsNaN(low) || double.IsNaN(high) || double.IsInfinity(low) || double.IsInfinity(high))
            {
                OutOfRange("the bounds must be finite numbers");
                return null;
            }

            if (low > high)
            {
                OutOfRange("the minimum is above the maximum");
                return null;
            }

            var text = (Low: low.ToString("R", CultureInfo.InvariantCulture), High: high.ToString("R", CultureInfo.InvariantCulture));
            if (kind == ValueKind.Decimal)
            {
                // A decimal literal must fit in decimal; a bound beyond it is no limit at all.
                const double decimalLimit = 7.9e28;
                if (low > decimalLimit || high < -decimalLimit)
                {
                    OutOfRange($"no decimal lies between {text.Low} and {text.High}");
                    return null;
                }

                return new RangeModel(low >= -decimalLimit ? text.Low + "m" : null, high <= decimalLimit ? text.High + "m" : null, text.Low, text.High, constraint);
            }

            return new RangeModel(Real(text.Low), Real(text.High), text.Low, text.High, constraint);
        }

        return null;
    }

    /// <summary>A double literal that C# reads as a double even when the text has no point (<c>5</c> becomes <c>5d</c>).</summary>
    private static string Real(string text) => text + "d";

    private static (decimal Low, decimal High) Limits(ValueKind kind) => kind switch
    {
        ValueKind.SByte => (sbyte.MinValue, sbyte.MaxValue),
        ValueKind.Byte => (byte.MinValue, byte.MaxValue),
        ValueKind.Int16 => (short.MinValue, short.MaxValue),
        ValueKind.UInt16 => (ushort.MinValue, ushort.MaxValue),
        ValueKind.Int32 => (int.MinValue, int.MaxValue),
        ValueKind.UInt32 => (uint.MinValue, uint.MaxValue),
        ValueKind.Int64 => (long.MinValue, long.MaxValue),
        ValueKind.UInt64 => (ulong.MinValue, ulong.MaxValue),
        _ => (decimal.MinValue, decimal.MaxValue),
    };

    private static string? PatternError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }
}
