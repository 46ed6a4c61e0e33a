using System;

namespace MicroOrm;

/// <summary>
/// Makes <c>UpdateAsync(entity)</c> send only the columns assigned since the entity was read or written, instead of
/// every column. The entity's mapped properties (but its key) are declared <c>partial</c>, without a body; the
/// generator implements each with a setter that records the assignment in a bit mask. No proxy, no copy of the row:
/// a property you assign is sent, one you do not is left as the server has it. A change made inside a mutable value
/// (a list in a JSON column) is not an assignment: assign the property to send it.
/// </summary>
/// <example>
/// <code>
/// [Table, TrackChanges]
/// public partial class Article
/// {
///     [Key] public long Id { get; set; }
///     [MaxLength(200)] public partial string Title { get; set; }
///     public partial string Body { get; set; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TrackChangesAttribute : Attribute
{
}
