namespace MicroOrm;

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal static class ComparisonOperatorText
{
    public static string Sql(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => " = ",
        ComparisonOperator.NotEqual => " <> ",
        ComparisonOperator.Less => " < ",
        ComparisonOperator.LessOrEqual => " <= ",
        ComparisonOperator.Greater => " > ",
        _ => " >= ",
    };
}
