using System;
using System.Linq;
using MicroOrm.Tests.Models;
using Xunit;

namespace MicroOrm.Tests.Types;

/// <summary>
/// Compares two <see cref="AllTypes"/> property by property, naming the property that differs. DateTime compares clock
/// time (the server keeps no kind), DateTimeOffset compares instants (it is stored in UTC), arrays compare contents.
/// </summary>
internal static class AllTypesAssert
{
    public static void Equal(AllTypes expected, AllTypes actual)
    {
        foreach (var column in TestDb.Connect("Server=unused").AllTypes.Info.Columns)
        {
            var property = typeof(AllTypes).GetProperty(column.PropertyName)!;
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            var same = (want, got) switch
            {
                (null, null) => true,
                (byte[] a, byte[] b) => a.SequenceEqual(b),
                (DateTime a, DateTime b) => a.Ticks == b.Ticks,
                (DateTimeOffset a, DateTimeOffset b) => a.UtcTicks == b.UtcTicks,
                (float a, float b) => a.Equals(b),
                (double a, double b) => a.Equals(b),
                _ => Equals(want, got),
            };
            Assert.True(same, $"{column.PropertyName} ({column.SqlType}): wrote {Show(want)}, read {Show(got)}");
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        byte[] bytes => $"{bytes.Length} bytes",
        string text => $"\"{(text.Length > 40 ? text[..40] + "…" : text)}\" ({text.Length} chars)",
        DateTime time => time.ToString("O"),
        DateTimeOffset time => time.ToString("O"),
        float f => f.ToString("R"),
        double d => d.ToString("R"),
        _ => value.ToString() ?? "",
    };
}
