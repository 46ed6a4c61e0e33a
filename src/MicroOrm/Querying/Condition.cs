using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A condition on rows, built from typed columns (<c>s.Id == 2</c>, <c>s.Name.StartsWith("N")</c>) and combined with
/// <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>. Values inside a condition are always sent as parameters.
/// </summary>
public abstract class Condition
{
    private protected Condition()
    {
    }

    /// <summary>A condition every row meets.</summary>
    public static Condition True { get; } = new ConstantCondition(true);

    /// <summary>A condition no row meets.</summary>
    public static Condition False { get; } = new ConstantCondition(false);

    /// <summary>Both conditions hold.</summary>
    public static Condition operator &(Condition left, Condition right) => new LogicalCondition(left, right, isAnd: true);

    /// <summary>Either condition holds.</summary>
    public static Condition operator |(Condition left, Condition right) => new LogicalCondition(left, right, isAnd: false);

    /// <summary>The condition does not hold.</summary>
    public static Condition operator !(Condition condition) => new NotCondition(condition);

    /// <summary>
    /// Always <see langword="false"/>, so that <c>a &amp;&amp; b</c> and <c>a || b</c> evaluate both sides and combine
    /// them with <c>&amp;</c> and <c>|</c> into SQL, instead of short-circuiting in C#.
    /// </summary>
    public static bool operator true(Condition condition) => false;

    /// <summary>Always <see langword="false"/>; see <c>operator true</c>.</summary>
    public static bool operator false(Condition condition) => false;

    /// <summary>The condition's SQL, with parameter placeholders, as it would appear in a WHERE clause.</summary>
    public override string ToString() => QuerySql.Text(this);
}
