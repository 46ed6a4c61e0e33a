using MicroOrm.Execution;
using MicroOrm.SqlBuilding;
using Xunit;

namespace MicroOrm.Tests.Dialects;

/// <summary>
/// Each server family reads its own error numbers: a CHECK violation is 4025 on MariaDB and 3819 on MySQL, a
/// statement stopped at the server's time limit 1969 on MariaDB and 3024 on MySQL, and neither family reads the
/// other's. The numbers both families share mean the same on every dialect.
/// </summary>
public sealed class ServerFailureTests
{
    public static TheoryData<string> MySqlDialects => new() { "MySQL 8.0", "MySQL 8.4", "MySQL 9" };

    [Fact]
    public void MariaDb_reads_its_own_check_and_timeout_numbers_and_not_mysqls()
    {
        Assert.Equal(ServerFailure.CheckViolated, SqlDialect.MariaDb.Failure(4025));
        Assert.Equal(ServerFailure.StatementTimeout, SqlDialect.MariaDb.Failure(1969));
        Assert.Equal(ServerFailure.Other, SqlDialect.MariaDb.Failure(3819));
        Assert.Equal(ServerFailure.Other, SqlDialect.MariaDb.Failure(3024));
    }

    [Theory]
    [MemberData(nameof(MySqlDialects))]
    public void MySql_reads_its_own_check_and_timeout_numbers_and_not_mariadbs(string name)
    {
        var dialect = Dialect(name);
        Assert.Equal(ServerFailure.CheckViolated, dialect.Failure(3819));
        Assert.Equal(ServerFailure.StatementTimeout, dialect.Failure(3024));
        Assert.Equal(ServerFailure.Other, dialect.Failure(4025));
        Assert.Equal(ServerFailure.Other, dialect.Failure(1969));
    }

    [Theory]
    [InlineData(1062, "DuplicateKey")]
    [InlineData(1406, "TooLong")]
    [InlineData(1264, "OutOfRange")]
    [InlineData(1048, "NullInNotNull")]
    [InlineData(1366, "WrongValue")]
    [InlineData(1292, "WrongValue")]
    [InlineData(1452, "MissingParent")]
    [InlineData(1451, "StillReferenced")]
    [InlineData(1142, "Denied")]
    [InlineData(1792, "ReadOnlyTransaction")]
    [InlineData(2013, "ConnectionLost")]
    [InlineData(1064, "Other")]
    public void A_number_both_families_share_means_the_same_on_every_dialect(int number, string meaning)
    {
        var failure = System.Enum.Parse<ServerFailure>(meaning);
        foreach (var dialect in new[] { SqlDialect.MariaDb, SqlDialect.MySql80, SqlDialect.MySql84, SqlDialect.MySql9 })
        {
            Assert.Equal(failure, dialect.Failure(number));
        }
    }

    private static SqlDialect Dialect(string name) => name switch
    {
        "MySQL 8.0" => SqlDialect.MySql80,
        "MySQL 8.4" => SqlDialect.MySql84,
        _ => SqlDialect.MySql9,
    };
}
