using System.Collections.Generic;
using System.Linq;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// Checks that need every entity at once (names that collide, foreign keys that form a cycle) and orders the tables
/// so that each comes after the tables it references.
/// </summary>
internal static class SchemaValidator
{
    public static (EquatableArray<EntityModel> Ordered, EquatableArray<DiagnosticInfo> Diagnostics) Validate(EquatableArray<EntityModel> entities)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var byTable = new Dictionary<string, EntityModel>(System.StringComparer.OrdinalIgnoreCase);
        var byAccessor = new Dictionary<string, EntityModel>(System.StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            if (byTable.TryGetValue(entity.TableName, out var other))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTableName, entity.Location, Display(other), Display(entity), entity.TableName));
                continue;
            }

            byTable[entity.TableName] = entity;
            if (byAccessor.TryGetValue(entity.AccessorName, out var sameAccessor))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateAccessorName, entity.Location, Display(sameAccessor), Display(entity), entity.AccessorName));
            }
            else
            {
                byAccessor[entity.AccessorName] = entity;
            }
        }

        var ordered = new List<EntityModel>();
        var remaining = entities.ToList();
        var placed = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        while (remaining.Count > 0)
        {
            // Stable: the first entity (by full name) whose referenced tables are all placed, or unknown to this database.
            var next = remaining.FirstOrDefault(e => References(e).All(t => placed.Contains(t) || !byTable.ContainsKey(t)));
            if (next is null)
            {
                var cycle = string.Join(", ", remaining.Select(e => e.Name));
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyCycle, remaining[0].Location, cycle));
                ordered.AddRange(remaining);
                break;
            }

            ordered.Add(next);
            placed.Add(next.TableName);
            remaining.Remove(next);
        }

        return (ordered.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static string Display(EntityModel entity) => entity.FullName.Replace("global::", "");

    private static IEnumerable<string> References(EntityModel entity) =>
        entity.Columns.Where(c => c.ForeignKey is not null && c.ForeignKey.PrincipalTable != entity.TableName).Select(c => c.ForeignKey!.PrincipalTable);
}
