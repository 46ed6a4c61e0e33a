using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Runtime.CompilerServices;
using MicroOrm.Mapping;
using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>
/// A typed column of a table in a query, as found on a generated column set. Comparing it with a value or another
/// column gives a <see cref="Condition"/>; the value always travels as a parameter.
/// </summary>
/// <typeparam name="T">The property type the column maps to.</typeparam>
#pragma warning disable CS0660, CS0661 // == builds a condition; a column is never compared for equality as a value.
public readonly struct Column<T> : ISelectable<T>
#pragma warning restore CS0660, CS0661
{
    /// <summary>Created by generated column sets.</summary>
    public Column(ColumnInfo info, int tableIndex)
    {
        Info = info;
        TableIndex = tableIndex;
    }

    /// <summary>The column's metadata.</summary>
    public ColumnInfo Info { get; }

    /// <summary>The position of the column's table in the query.</summary>
    public int TableIndex { get; }

    private ColumnRef Ref => new(Info, TableIndex);

    /// <summary>The column is equal to <paramref name="value"/>; <see langword="null"/> gives <c>IS NULL</c>.</summary>
    /// <remarks>
    /// Preferred over the column-to-column operator, so that a plain <see langword="null"/> is a value here (on a
    /// nullable column; on a NOT NULL one it is build error MORM1003).
    /// </remarks>
    [OverloadResolutionPriority(1)]
    public static Condition operator ==(Column<T> column, T value) => Conditions.Compare(column.Ref, ComparisonOperator.Equal, value);

    /// <summary>The column differs from <paramref name="value"/>; <see langword="null"/> gives <c>IS NOT NULL</c>.</summary>
    [OverloadResolutionPriority(1)]
    public static Condition operator !=(Column<T> column, T value) => Conditions.Compare(column.Ref, ComparisonOperator.NotEqual, value);

    /// <summary>The column is less than <paramref name="value"/>.</summary>
    public static Condition operator <(Column<T> column, T value) => Conditions.Compare(column.Ref, ComparisonOperator.Less, value);

    /// <summary>The column is at most <paramref name="value"/>.</summary>
    public static Condition operator <=(Column<T> column, T value) => Conditions.Compare(column.Ref, ComparisonOperator.LessOrEqual, value);

    /// <summary>The column is greater than <paramref name="value"/>.</summary>
    public static Condition operator >(Column<T> column, T value) => Conditions.Compare(column.Ref, ComparisonOperator.Greater, value);

    /// <summary>The column is at least <paramref name="value"/>.</summary>
    public static Condition operator >=(Column<T> column, T value) => Conditions.Compare(column.Ref, ComparisonOperator.GreaterOrEqual, value);

    /// <summary>The two columns are equal.</summary>
    public static Condition operator ==(Column<T> left, Column<T> right) => Conditions.Compare(left.Ref, ComparisonOperator.Equal, right.Ref);

    /// <summary>The two columns differ.</summary>
    public static Condition operator !=(Column<T> left, Column<T> right) => Conditions.Compare(left.Ref, ComparisonOperator.NotEqual, right.Ref);

    /// <summary>The left column is less than the right.</summary>
    public static Condition operator <(Column<T> left, Column<T> right) => Conditions.Compare(left.Ref, ComparisonOperator.Less, right.Ref);

    /// <summary>The left column is at most the right.</summary>
    public static Condition operator <=(Column<T> left, Column<T> right) => Conditions.Compare(left.Ref, ComparisonOperator.LessOrEqual, right.Ref);

    /// <summary>The left column is greater than the right.</summary>
    public static Condition operator >(Column<T> left, Column<T> right) => Conditions.Compare(left.Ref, ComparisonOperator.Greater, right.Ref);

    /// <summary>The left column is at least the right.</summary>
    public static Condition operator >=(Column<T> left, Column<T> right) => Conditions.Compare(left.Ref, ComparisonOperator.GreaterOrEqual, right.Ref);

    /// <summary>Converts to an untyped column reference for ordering and grouping.</summary>
    public static implicit operator ColumnRef(Column<T> column) => column.Ref;

    /// <summary>The column is NULL.</summary>
    public Condition IsNull() => new NullCondition(Ref, isNull: true);

    /// <summary>The column is not NULL.</summary>
    public Condition IsNotNull() => new NullCondition(Ref, isNull: false);

    /// <summary>The column equals one of <paramref name="values"/>; an empty list matches no row.</summary>
    public Condition In(IEnumerable<T> values) => Conditions.In(Ref, values, negated: false);

    /// <summary>The column equals one of <paramref name="values"/>; an empty list matches no row.</summary>
    public Condition In(params T[] values) => Conditions.In(Ref, values, negated: false);

    /// <summary>The column equals none of <paramref name="values"/>; an empty list matches every row.</summary>
    public Condition NotIn(IEnumerable<T> values) => Conditions.In(Ref, values, negated: true);

    /// <summary>The column lies between <paramref name="low"/> and <paramref name="high"/>, both included.</summary>
    public Condition Between(T low, T high) => new BetweenCondition(Ref, Conditions.ToParameter(Info, low), Conditions.ToParameter(Info, high));

    /// <inheritdoc />
    SelectItem ISelectable.Item => SelectItem.Of(Ref);

    /// <inheritdoc />
    T ISelectable<T>.Read(DbDataReader reader, int ordinal) => ValueReader.Read<T>(reader, ordinal, Info);

    /// <inheritdoc />
    public override string ToString() => Info.ToString();
}
