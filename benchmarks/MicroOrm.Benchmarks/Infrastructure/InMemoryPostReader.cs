using System;
using System.Collections;
using System.Data.Common;
using MicroOrm.Benchmarks.Models;

namespace MicroOrm.Benchmarks.Infrastructure;

/// <summary>
/// A <see cref="DbDataReader"/> over posts held in memory, shaped like the server's result (same names, types and
/// NULLs): it hands out its values without allocating (strings are the posts' own), so a benchmark over it measures
/// only the mapper. <see cref="Reset"/> rewinds it for the next operation.
/// </summary>
public sealed class InMemoryPostReader(Post[] rows) : DbDataReader
{
    private static readonly string[] Names =
        ["Id", "Text", "CreationDate", "LastChangeDate", "Counter1", "Counter2", "Counter3", "Counter4", "Counter5", "Counter6", "Counter7", "Counter8", "Counter9"];

    private int _row = -1;

    public override int FieldCount => Names.Length;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int RecordsAffected => -1;

    public override bool HasRows => rows.Length > 0;

    public override bool IsClosed => false;

    public override int Depth => 0;

    public void Reset() => _row = -1;

    public override bool Read() => ++_row < rows.Length;

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => Names[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        }

        throw new IndexOutOfRangeException(name);
    }

    public override Type GetFieldType(int ordinal) => ordinal switch
    {
        0 or >= 4 => typeof(int),
        1 => typeof(string),
        _ => typeof(DateTime),
    };

    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    public override bool IsDBNull(int ordinal) => ordinal >= 4 && Counter(ordinal) is null;

    public override int GetInt32(int ordinal) => ordinal == 0 ? rows[_row].Id : Counter(ordinal) ?? throw new InvalidCastException("NULL");

    public override string GetString(int ordinal) => rows[_row].Text;

    public override DateTime GetDateTime(int ordinal) => ordinal == 2 ? rows[_row].CreationDate : rows[_row].LastChangeDate;

    public override object GetValue(int ordinal) => ordinal switch
    {
        0 => rows[_row].Id,
        1 => rows[_row].Text,
        2 => rows[_row].CreationDate,
        3 => rows[_row].LastChangeDate,
        _ => (object?)Counter(ordinal) ?? DBNull.Value,
    };

    public override int GetValues(object[] values)
    {
        for (var i = 0; i < Names.Length; i++) values[i] = GetValue(i);
        return Names.Length;
    }

    public override T GetFieldValue<T>(int ordinal) => (T)GetValue(ordinal);

    public override bool GetBoolean(int ordinal) => throw new InvalidCastException();

    public override byte GetByte(int ordinal) => throw new InvalidCastException();

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new InvalidCastException();

    public override char GetChar(int ordinal) => throw new InvalidCastException();

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new InvalidCastException();

    public override decimal GetDecimal(int ordinal) => GetInt32(ordinal);

    public override double GetDouble(int ordinal) => GetInt32(ordinal);

    public override float GetFloat(int ordinal) => GetInt32(ordinal);

    public override Guid GetGuid(int ordinal) => throw new InvalidCastException();

    public override short GetInt16(int ordinal) => checked((short)GetInt32(ordinal));

    public override long GetInt64(int ordinal) => GetInt32(ordinal);

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();

    private int? Counter(int ordinal)
    {
        var post = rows[_row];
        return ordinal switch
        {
            4 => post.Counter1,
            5 => post.Counter2,
            6 => post.Counter3,
            7 => post.Counter4,
            8 => post.Counter5,
            9 => post.Counter6,
            10 => post.Counter7,
            11 => post.Counter8,
            _ => post.Counter9,
        };
    }
}
