using System.Data.Common;
using MicroOrm.Benchmarks.Models;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// The SQL every contender sends for posts, aliased to the property names so that Dapper maps it as it is, and the
/// hand-written reader: ordinals known in advance, one typed getter per column.
/// </summary>
public static class PostSql
{
    public const string Columns =
        "id AS Id, text AS Text, creation_date AS CreationDate, last_change_date AS LastChangeDate, counter1 AS Counter1, counter2 AS Counter2, " +
        "counter3 AS Counter3, counter4 AS Counter4, counter5 AS Counter5, counter6 AS Counter6, counter7 AS Counter7, counter8 AS Counter8, counter9 AS Counter9";

    public const string ById = "SELECT " + Columns + " FROM posts WHERE id = @Id";

    public const string UpToId = "SELECT " + Columns + " FROM posts WHERE id <= @Count";

    public const string Insert =
        "INSERT INTO posts (text, creation_date, last_change_date, counter1, counter2, counter3, counter4, counter5, counter6, counter7, counter8, counter9) " +
        "VALUES (@Text, @CreationDate, @LastChangeDate, @Counter1, @Counter2, @Counter3, @Counter4, @Counter5, @Counter6, @Counter7, @Counter8, @Counter9)";

    public const string InsertReturningId = Insert + "; SELECT LAST_INSERT_ID()";

    /// <summary>The parameter names of <see cref="Insert"/>, in order.</summary>
    public static readonly string[] InsertColumns =
        ["Text", "CreationDate", "LastChangeDate", "Counter1", "Counter2", "Counter3", "Counter4", "Counter5", "Counter6", "Counter7", "Counter8", "Counter9"];

    public static Post Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt32(0),
        Text = reader.GetString(1),
        CreationDate = reader.GetDateTime(2),
        LastChangeDate = reader.GetDateTime(3),
        Counter1 = reader.IsDBNull(4) ? null : reader.GetInt32(4),
        Counter2 = reader.IsDBNull(5) ? null : reader.GetInt32(5),
        Counter3 = reader.IsDBNull(6) ? null : reader.GetInt32(6),
        Counter4 = reader.IsDBNull(7) ? null : reader.GetInt32(7),
        Counter5 = reader.IsDBNull(8) ? null : reader.GetInt32(8),
        Counter6 = reader.IsDBNull(9) ? null : reader.GetInt32(9),
        Counter7 = reader.IsDBNull(10) ? null : reader.GetInt32(10),
        Counter8 = reader.IsDBNull(11) ? null : reader.GetInt32(11),
        Counter9 = reader.IsDBNull(12) ? null : reader.GetInt32(12),
    };
}
