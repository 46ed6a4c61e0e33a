using MicroOrm;

namespace MicroOrm.Tests.Models;

/// <summary>
/// A database whose migrations are the files of <c>Migrations/MigratingDb/</c>, which the generator embeds: the five
/// versions of the schema the migration tests walk through.
/// </summary>
[Database(typeof(Note))]
public partial class MigratingDb
{
}
