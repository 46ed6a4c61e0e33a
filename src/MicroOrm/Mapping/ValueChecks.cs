using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MicroOrm.Mapping;

/// <summary>
/// The checks generated validators run before a write, so that a value the column cannot hold is refused with an
/// error that names the column, instead of being truncated, rounded or rejected by the server half-way through.
/// Messages describe the problem, never the value.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueChecks
{
    private static readonly DateTime EarliestDateTime = new(1000, 1, 1);
    private static readonly TimeSpan LongestTime = new TimeSpan(838, 59, 59) + TimeSpan.FromTicks(9_999_990);

    /// <summary>A NOT NULL column must not get NULL, even when nullable annotations were ignored.</summary>
    public static void NotNull(object? value, ColumnInfo column, ValidationErrors errors)
    {
        if (value is null) errors.Add(column, "is null, but the column is NOT NULL");
    }

    /// <summary>A string fits in <paramref name="maxLength"/> characters, counted as the server counts them (code points).</summary>
    public static void Length(string? value, int maxLength, ColumnInfo column, ValidationErrors errors)
    {
        if (value is null || value.Length <= maxLength) return;
        var codePoints = 0;
        foreach (var _ in value.EnumerateRunes()) codePoints++;
        if (codePoints > maxLength) errors.Add(column, $"has {codePoints} characters, more than the column's {maxLength}");
    }

    /// <summary>A string holds only well-formed UTF-16: a lone surrogate cannot be stored as UTF-8.</summary>
    public static void WellFormed(string? value, ColumnInfo column, ValidationErrors errors)
    {
        if (value is null) return;
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsSurrogate(value[i])) continue;
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            errors.Add(column, "contains a lone UTF-16 surrogate, which no UTF-8 column can store");
            return;
        }
    }

    /// <summary>A byte array fits in <paramref name="maxLength"/> bytes.</summary>
    public static void Length(byte[]? value, int maxLength, ColumnInfo column, ValidationErrors errors)
    {
        if (value is not null && maxLength > 0 && value.Length > maxLength)
        {
            errors.Add(column, $"has {value.Length} bytes, more than the column's {maxLength}");
        }
    }

    /// <summary>A char is a whole character (not half of a surrogate pair).</summary>
    public static void Character(char value, ColumnInfo column, ValidationErrors errors)
    {
        if (char.IsSurrogate(value)) errors.Add(column, "is half of a surrogate pair, which a one-character column cannot store");
    }

    /// <summary>A decimal fits DECIMAL(<paramref name="precision"/>, <paramref name="scale"/>) without rounding.</summary>
    public static void Decimal(decimal value, int precision, int scale, ColumnInfo column, ValidationErrors errors)
    {
        if (decimal.Round(value, Math.Min(scale, 28)) != value)
        {
            errors.Add(column, $"has more than the column's {scale} decimal places");
            return;
        }

        var integerDigits = precision - scale;
        var integral = decimal.Truncate(Math.Abs(value));
        var digits = integral == 0 ? 0 : integral.ToString(CultureInfo.InvariantCulture).Length;
        if (digits > integerDigits) errors.Add(column, $"has {digits} digits before the point, more than DECIMAL({precision},{scale}) holds ({integerDigits})");
    }

    /// <summary>A float or double is a number: NaN and infinities have no SQL value.</summary>
    public static void Finite(double value, ColumnInfo column, ValidationErrors errors)
    {
        if (!double.IsFinite(value)) errors.Add(column, "is NaN or infinite, which the server cannot store");
    }

    /// <summary>A DATETIME holds years 1000 to 9999.</summary>
    public static void DateTime(DateTime value, ColumnInfo column, ValidationErrors errors)
    {
        if (value < EarliestDateTime) errors.Add(column, "is before 1000-01-01, the earliest DATETIME value");
    }

    /// <summary>A DATETIME holds years 1000 to 9999 (offsets are stored as UTC).</summary>
    public static void DateTimeOffset(DateTimeOffset value, ColumnInfo column, ValidationErrors errors)
    {
        if (value.UtcDateTime < EarliestDateTime) errors.Add(column, "is before 1000-01-01 UTC, the earliest DATETIME value");
    }

    /// <summary>A DATE holds years 1000 to 9999.</summary>
    public static void Date(DateOnly value, ColumnInfo column, ValidationErrors errors)
    {
        if (value.Year < 1000) errors.Add(column, "is before 1000-01-01, the earliest DATE value");
    }

    /// <summary>A TIME holds -838:59:59.999999 to 838:59:59.999999.</summary>
    public static void Time(TimeSpan value, ColumnInfo column, ValidationErrors errors)
    {
        if (value.Duration() > LongestTime) errors.Add(column, "is outside the TIME range of ±838:59:59.999999");
    }

    /// <summary><c>[Required]</c> on a string: not null, and unless empty strings are allowed, not empty or white space.</summary>
    public static void Required(string? value, bool allowEmptyStrings, ColumnInfo column, ValidationErrors errors)
    {
        if (value is null) errors.Add(column, "is required, but is null");
        else if (!allowEmptyStrings && string.IsNullOrWhiteSpace(value)) errors.Add(column, "is required, but is empty or only white space");
    }

    /// <summary><c>[Required]</c> on any other type: not null. Generic, so that a nullable value type is not boxed to be tested.</summary>
    public static void Required<T>(T value, ColumnInfo column, ValidationErrors errors)
    {
        if (value is null) errors.Add(column, "is required, but is null");
    }

    /// <summary>Records a <c>[Range]</c> failure; the generated code compares, since it knows the property's type.</summary>
    public static void OutOfRange(string minimum, string maximum, ColumnInfo column, ValidationErrors errors) =>
        errors.Add(column, $"is out of range; it must be between {minimum} and {maximum}");

    /// <summary><c>[Pattern]</c>: the whole string matches <paramref name="pattern"/> (anchored by the generator).</summary>
    public static void Matches(string? value, Regex pattern, string declared, ColumnInfo column, ValidationErrors errors)
    {
        if (value is null) return;
        try
        {
            if (!pattern.IsMatch(value)) errors.Add(column, $"does not match the pattern {declared}");
        }
        catch (RegexMatchTimeoutException)
        {
            errors.Add(column, $"took too long to match against the pattern {declared}");
        }
    }

    /// <summary>
    /// <c>[Email]</c>: one <c>@</c> with a local part of 1 to 64 characters before it, a domain of dot-separated
    /// non-empty labels after it, and no white space or control characters anywhere.
    /// </summary>
    public static void Email(string? value, ColumnInfo column, ValidationErrors errors)
    {
        if (value is null || IsEmail(value)) return;
        errors.Add(column, "is not an e-mail address");
    }

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        if (at < 1 || at > 64 || at != value.LastIndexOf('@') || at == value.Length - 1) return false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) return false;
        }

        var domain = value.AsSpan(at + 1);
        if (domain[0] == '.' || domain[^1] == '.') return false;
        return domain.IndexOf("..", StringComparison.Ordinal) < 0;
    }
}
