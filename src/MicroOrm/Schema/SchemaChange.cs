namespace MicroOrm.Schema;

/// <summary>One kind of change a migration step makes; the dialect says how the server performs each (<see cref="AlterAlgorithm"/>).</summary>
internal enum SchemaChange
{
    CreateTable,
    DropTable,
    RenameTable,
    RenameColumn,
    AddColumn,
    DropColumn,

    /// <summary>A VARCHAR made longer without needing a wider length prefix (both lengths under 256 bytes, or both over).</summary>
    WidenVarchar,

    /// <summary>Any other change of type: the rows are rewritten.</summary>
    ChangeColumnType,
    AllowNull,
    ForbidNull,
    AddIndex,
    DropIndex,
    AddForeignKey,
    DropForeignKey,
    AddCheck,
    DropCheck,
}

/// <summary>
/// How the server performs an ALTER, from cheapest: INSTANT changes metadata only; INPLACE works inside the table's
/// files (possibly rebuilding them) while rows stay readable and writable; COPY writes a new copy of the table and
/// blocks writes meanwhile, which on a large table is an outage. <see cref="NotApplicable"/> for CREATE and DROP TABLE.
/// </summary>
internal enum AlterAlgorithm
{
    NotApplicable,
    Instant,
    Inplace,
    Copy,
}
