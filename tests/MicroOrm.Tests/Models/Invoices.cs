using System;
using MicroOrm;

// Every Uri in this assembly is stored as its text: the converter registered once, for the whole assembly.
[assembly: Converter(typeof(MicroOrm.Tests.Models.UriConverter))]

namespace MicroOrm.Tests.Models;

/// <summary>A strongly-typed id: an int in the table, its own type in code.</summary>
public readonly record struct InvoiceId(int Value);

/// <summary>An amount of money: a DECIMAL in the table.</summary>
public readonly record struct Money(decimal Amount);

public sealed class InvoiceIdConverter : IValueConverter<InvoiceId, int>
{
    public static int ToColumn(InvoiceId value) => value.Value;

    public static InvoiceId FromColumn(int column) => new(column);
}

public sealed class MoneyConverter : IValueConverter<Money, decimal>
{
    public static decimal ToColumn(Money value) => value.Amount;

    public static Money FromColumn(decimal column) => new(column);
}

public sealed class UriConverter : IValueConverter<Uri, string>
{
    public static string ToColumn(Uri value) => value.OriginalString;

    public static Uri FromColumn(string column) => new(column, UriKind.RelativeOrAbsolute);
}

/// <summary>The converter tests' model: a converted AUTO_INCREMENT key, converted money (nullable too), and a Uri by the assembly's converter.</summary>
[Table("invoices")]
public partial class Invoice
{
    [Key, Converter(typeof(InvoiceIdConverter))] public InvoiceId Id { get; set; }
    [Converter(typeof(MoneyConverter)), Precision(12, 2)] public Money Total { get; set; }
    [Converter(typeof(MoneyConverter)), Precision(12, 2)] public Money? Discount { get; set; }
    [MaxLength(300)] public Uri Link { get; set; } = new("https://example.com/");
    [MaxLength(40)] public string Customer { get; set; } = "";
}

/// <summary>A raw-SQL row whose properties convert like the entity's: by their own attribute, and by the assembly's.</summary>
[Row]
public partial record InvoiceLine([property: Converter(typeof(InvoiceIdConverter))] InvoiceId Id, [property: Converter(typeof(MoneyConverter))] Money Total, Uri Link);
