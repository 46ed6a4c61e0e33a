using System;
using System.Collections.Immutable;
using System.Linq;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// The attribute and framework types the parsers look for, resolved once per compilation so that each attribute on
/// each property is matched by symbol identity instead of by formatting its class name. A type the compilation does
/// not have (an old framework without <c>DateOnly</c>, or no MicroOrm reference at all) is null and matches nothing.
/// </summary>
/// <remarks>
/// Equal when every symbol is the same: referenced assemblies keep their symbols from one compilation to the next, so
/// an edit leaves this value unchanged and the parsing steps that read it stay cached.
/// </remarks>
internal sealed class KnownSymbols : IEquatable<KnownSymbols>
{
    public const string TableAttributeName = "MicroOrm.TableAttribute";
    public const string DatabaseAttributeName = "MicroOrm.DatabaseAttribute";
    public const string RowAttributeName = "MicroOrm.RowAttribute";

    private readonly ImmutableArray<ISymbol?> _all;

    public KnownSymbols(Compilation compilation)
    {
        INamedTypeSymbol? Type(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        Table = Type(TableAttributeName);
        Database = Type(DatabaseAttributeName);
        Row = Type(RowAttributeName);
        Column = Type("MicroOrm.ColumnAttribute");
        Key = Type("MicroOrm.KeyAttribute");
        NotMapped = Type("MicroOrm.NotMappedAttribute");
        MaxLength = Type("MicroOrm.MaxLengthAttribute");
        Precision = Type("MicroOrm.PrecisionAttribute");
        StoreAsString = Type("MicroOrm.StoreAsStringAttribute");
        CreatedAt = Type("MicroOrm.CreatedAtAttribute");
        UpdatedAt = Type("MicroOrm.UpdatedAtAttribute");
        Index = Type("MicroOrm.IndexAttribute");
        Unique = Type("MicroOrm.UniqueAttribute");
        ForeignKey = Type("MicroOrm.ForeignKeyAttribute");
        HasMany = Type("MicroOrm.HasManyAttribute");
        HasOne = Type("MicroOrm.HasOneAttribute");
        BelongsTo = Type("MicroOrm.BelongsToAttribute");
        Required = Type("MicroOrm.RequiredAttribute");
        Range = Type("MicroOrm.RangeAttribute");
        Pattern = Type("MicroOrm.PatternAttribute");
        Email = Type("MicroOrm.EmailAttribute");
        ConcurrencyToken = Type("MicroOrm.ConcurrencyTokenAttribute");
        SoftDelete = Type("MicroOrm.SoftDeleteAttribute");
        TenantKey = Type("MicroOrm.TenantKeyAttribute");
        TrackChanges = Type("MicroOrm.TrackChangesAttribute");
        Converter = Type("MicroOrm.ConverterAttribute");
        Json = Type("MicroOrm.JsonAttribute");
        JsonSerializable = Type("System.Text.Json.Serialization.JsonSerializableAttribute");
        JsonSerializerContext = Type("System.Text.Json.Serialization.JsonSerializerContext");
        ValueConverterInterface = Type("MicroOrm.IValueConverter`2");
        DatabaseContext = Type("MicroOrm.DatabaseContext");
        Flags = Type("System.FlagsAttribute");
        Guid = Type("System.Guid");
        DateTimeOffset = Type("System.DateTimeOffset");
        DateOnly = Type("System.DateOnly");
        TimeOnly = Type("System.TimeOnly");
        TimeSpan = Type("System.TimeSpan");
        List = Type("System.Collections.Generic.List`1");

        // The compiler honours this attribute from any assembly, and libraries often carry their own internal copy
        // for older frameworks, so every type of that name counts.
        SetsRequiredMembers = compilation.GetTypesByMetadataName("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");

        ColumnConfiguration = ImmutableArray.Create(
            Column, Key, MaxLength, Precision, StoreAsString, CreatedAt, UpdatedAt, Index, Unique, ForeignKey,
            Required, Range, Pattern, Email, ConcurrencyToken, Converter, Json, SoftDelete, TenantKey);
        Navigations = ImmutableArray.Create(HasMany, HasOne, BelongsTo);
        _all = ImmutableArray.Create<ISymbol?>(
                Table, Database, Row, Column, Key, NotMapped, MaxLength, Precision, StoreAsString, CreatedAt, UpdatedAt,
                Index, Unique, ForeignKey, HasMany, HasOne, BelongsTo, Required, Range, Pattern, Email, ConcurrencyToken,
                DatabaseContext, Flags, Guid, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, List, Converter, ValueConverterInterface, Json, JsonSerializable, JsonSerializerContext,
                SoftDelete, TenantKey, TrackChanges)
            .AddRange(SetsRequiredMembers);

        // The assembly's converters as values, not symbols: a source symbol differs from one compilation to the next,
        // and would make every edit look like a change here.
        var converters = new List<ConverterModel>();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, Converter)) continue;
            if (attribute.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol type && ConverterParser.Describe(this, type) is { } model) converters.Add(model);
        }

        AssemblyConverters = converters.ToEquatableArray();
    }

    public INamedTypeSymbol? Converter { get; }
    public INamedTypeSymbol? Json { get; }
    public INamedTypeSymbol? JsonSerializable { get; }
    public INamedTypeSymbol? JsonSerializerContext { get; }

    /// <summary><c>MicroOrm.IValueConverter&lt;TValue, TColumn&gt;</c>, unbound.</summary>
    public INamedTypeSymbol? ValueConverterInterface { get; }

    /// <summary>The converters registered for the whole assembly (<c>[assembly: Converter(typeof(X))]</c>) that fit.</summary>
    public EquatableArray<ConverterModel> AssemblyConverters { get; }

    public INamedTypeSymbol? Table { get; }
    public INamedTypeSymbol? Database { get; }
    public INamedTypeSymbol? Row { get; }
    public INamedTypeSymbol? Column { get; }
    public INamedTypeSymbol? Key { get; }
    public INamedTypeSymbol? NotMapped { get; }
    public INamedTypeSymbol? MaxLength { get; }
    public INamedTypeSymbol? Precision { get; }
    public INamedTypeSymbol? StoreAsString { get; }
    public INamedTypeSymbol? CreatedAt { get; }
    public INamedTypeSymbol? UpdatedAt { get; }
    public INamedTypeSymbol? Index { get; }
    public INamedTypeSymbol? Unique { get; }
    public INamedTypeSymbol? ForeignKey { get; }
    public INamedTypeSymbol? HasMany { get; }
    public INamedTypeSymbol? HasOne { get; }
    public INamedTypeSymbol? BelongsTo { get; }
    public INamedTypeSymbol? Required { get; }
    public INamedTypeSymbol? Range { get; }
    public INamedTypeSymbol? Pattern { get; }
    public INamedTypeSymbol? Email { get; }
    public INamedTypeSymbol? ConcurrencyToken { get; }
    public INamedTypeSymbol? SoftDelete { get; }
    public INamedTypeSymbol? TenantKey { get; }
    public INamedTypeSymbol? TrackChanges { get; }

    /// <summary>The base class the generated database class declares; a model may name it too.</summary>
    public INamedTypeSymbol? DatabaseContext { get; }

    public INamedTypeSymbol? Flags { get; }
    public ImmutableArray<INamedTypeSymbol> SetsRequiredMembers { get; }

    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? DateOnly { get; }
    public INamedTypeSymbol? TimeOnly { get; }
    public INamedTypeSymbol? TimeSpan { get; }

    /// <summary><c>List&lt;T&gt;</c>, the one collection class a <c>[HasMany]</c> may declare (the others are interfaces it implements).</summary>
    public INamedTypeSymbol? List { get; }

    /// <summary>Attributes that only make sense on a column: their presence means the user meant the property to be mapped.</summary>
    public ImmutableArray<INamedTypeSymbol?> ColumnConfiguration { get; }

    /// <summary>The attributes that make a property a navigation rather than a column.</summary>
    public ImmutableArray<INamedTypeSymbol?> Navigations { get; }

    public bool Equals(KnownSymbols? other) =>
        other is not null && _all.SequenceEqual(other._all, SymbolEqualityComparer.Default) && AssemblyConverters.Equals(other.AssemblyConverters);

    public override bool Equals(object? obj) => Equals(obj as KnownSymbols);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var symbol in _all)
        {
            hash = unchecked((hash * 31) + (symbol is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(symbol)));
        }

        return unchecked((hash * 31) + AssemblyConverters.GetHashCode());
    }
}
