namespace MicroOrm.ReferenceModels;

/// <summary>The reference database: states, cities, users and addresses.</summary>
[Database]
public partial class AppDb
{
}
