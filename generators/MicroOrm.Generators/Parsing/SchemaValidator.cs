using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MicroOrm.Generators.Diagnostics;
using MicroOrm.Generators.Model;

namespace MicroOrm.Generators.Parsing;

/// <summary>
/// Checks that need every entity at once (names that collide, foreign keys that form a cycle) and orders the tables
/// so that each comes after the tables it references. The order feeds the generated code and reads only the models;
/// the checks report at the classes' locations, so they run on their own from the parse results.
/// </summary>
internal static class SchemaValidator
{
    /// <summary>The entities in table-creation order: by full name, then each after the tables it references.</summary>
    public static EquatableArray<EntityModel> Order(ImmutableArray<EntityModel> all)
    {
        var entities = all.OrderBy(e => e.FullName, System.StringComparer.Ordinal).ToList();
        var (order, _) = DependencyOrder(entities);
        return order.Select(i => entities[i]).ToEquatableArray();
    }

    /// <summary>What is wrong with the entities taken together, at the class each finding concerns.</summary>
    public static EquatableArray<DiagnosticInfo> Validate(ImmutableArray<ParseResult<EntityModel>> results)
    {
        var located = results.Where(r => r.Model is not null).OrderBy(r => r.Model!.FullName, System.StringComparer.Ordinal).ToList();
        var entities = located.Select(r => r.Model!).ToList();
        var diagnostics = new List<DiagnosticInfo>();
        var byTable = new Dictionary<string, EntityModel>(System.StringComparer.OrdinalIgnoreCase);
        var byAccessor = new Dictionary<string, EntityModel>(System.StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            var location = located[i].Location;
            if (byTable.TryGetValue(entity.TableName, out var other))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTableName, location, Display(other), Display(entity), entity.TableName));
                continue;
            }

            byTable[entity.TableName] = entity;
            if (byAccessor.TryGetValue(entity.AccessorName, out var sameAccessor))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateAccessorName, location, Display(sameAccessor), Display(entity), entity.AccessorName));
            }
            else
            {
                byAccessor[entity.AccessorName] = entity;
            }
        }

        var (_, cycle) = DependencyOrder(entities);
        if (cycle.Count > 0)
        {
            var names = string.Join(", ", cycle.Select(i => entities[i].Name));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyCycle, located[cycle[0]].Location, names));
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>
    /// Indexes of <paramref name="entities"/> in creation order, and the indexes (in their given order) of the entities
    /// left when the rest reference each other in a cycle; those come last in the order.
    /// </summary>
    private static (List<int> Order, List<int> Cycle) DependencyOrder(List<EntityModel> entities)
    {
        var tables = new HashSet<string>(entities.Select(e => e.TableName), System.StringComparer.OrdinalIgnoreCase);
        var order = new List<int>();
        var remaining = Enumerable.Range(0, entities.Count).ToList();
        var placed = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        while (remaining.Count > 0)
        {
            // Stable: the first entity (by full name) whose referenced tables are all placed, or unknown to this database.
            var next = -1;
            foreach (var candidate in remaining)
            {
                if (References(entities[candidate]).All(t => placed.Contains(t) || !tables.Contains(t)))
                {
                    next = candidate;
                    break;
                }
            }

            if (next < 0)
            {
                order.AddRange(remaining);
                return (order, remaining);
            }

            order.Add(next);
            placed.Add(entities[next].TableName);
            remaining.Remove(next);
        }

        return (order, new List<int>());
    }

    private static string Display(EntityModel entity) => entity.FullName.Replace("global::", "");

    private static IEnumerable<string> References(EntityModel entity) =>
        entity.Columns.Where(c => c.ForeignKey is not null && c.ForeignKey.PrincipalTable != entity.TableName).Select(c => c.ForeignKey!.PrincipalTable);
}
