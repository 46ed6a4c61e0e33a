using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MicroOrm.Generators.Model;

/// <summary>
/// A source location reduced to plain values: a <see cref="Location"/> holds a syntax tree, which would keep the
/// whole compilation alive in the incremental cache and defeat its equality checks.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null) return null;
        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(ISymbol symbol) =>
        symbol.Locations.Length > 0 ? From(symbol.Locations[0]) : null;

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());
}
