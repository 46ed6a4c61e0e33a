using System.Globalization;

namespace MicroOrm.SqlBuilding;

/// <summary>
/// Constraint names MicroOrm makes at run time, kept within MySQL's 64 characters the way the generator keeps its own:
/// a long name keeps its start and gains a stable hash of the whole.
/// </summary>
internal static class CheckNames
{
    private const int Limit = 64;

    public static string Fit(string name)
    {
        if (name.Length <= Limit) return name;
        uint hash = 2166136261;
        foreach (var c in name) hash = unchecked((hash ^ c) * 16777619);
        var suffix = "_" + hash.ToString("x8", CultureInfo.InvariantCulture);
        return name[..(Limit - suffix.Length)] + suffix;
    }
}
