using System.Collections.Generic;
using System.Text.Json.Serialization;
using MicroOrm;

namespace MicroOrm.Tests.Models;

/// <summary>A document stored as JSON: nested objects, a list, text of every kind.</summary>
public sealed record Preferences(string Theme, List<int> Sizes, PostalAddress? Address, string Notes, decimal Limit);

public sealed record PostalAddress(string City, string? Street);

/// <summary>The System.Text.Json source-generated context the JSON columns serialize through.</summary>
[JsonSerializable(typeof(Preferences))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}

/// <summary>The JSON tests' model: a document that is always there, and a list that may be NULL.</summary>
[Table("member_settings")]
public partial class MemberSettings
{
    [Key] public int Id { get; set; }
    [MaxLength(40)] public string Owner { get; set; } = "";
    [Json(typeof(TestJsonContext))] public Preferences Settings { get; set; } = new("light", [], null, "", 0m);
    [Json(typeof(TestJsonContext))] public List<string>? Tags { get; set; }
}
