using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using MicroOrm.Mapping;

namespace MicroOrm;

/// <summary>
/// Entities as the rows of a data reader, for <c>MySqlBulkCopy</c>, which reads a <see cref="DbDataReader"/>: each
/// <see cref="Read"/> takes the next entity, prepares it as any insert does (timestamps, tenant, every value checked;
/// a bad one throws, which stops the load) and binds it with the generated insert binder, so the values are the ones
/// an INSERT would send. Rows are pulled as the load streams them, from a list or an async sequence, never all held.
/// Written by hand because no library turns typed objects into a data reader without reflection.
/// </summary>
internal sealed class EntityDataReader<TEntity> : DbDataReader, IBulkRows
{
    private readonly EntityMap<TEntity> _map;
    private readonly Action<TEntity> _prepare;
    private readonly IEnumerator<TEntity>? _rows;
    private readonly IAsyncEnumerator<TEntity>? _asyncRows;
    private readonly ColumnInfo[] _columns;
    private readonly bool _keyFirst;
    private object?[] _current = [];
    private bool _closed;

    public EntityDataReader(EntityMap<TEntity> map, BulkColumns columns, Action<TEntity> prepare, IEnumerable<TEntity>? rows, IAsyncEnumerable<TEntity>? asyncRows, CancellationToken cancellationToken)
    {
        _map = map;
        _prepare = prepare;
        _columns = columns.Columns;
        _keyFirst = columns.KeyFirst;
        _rows = rows?.GetEnumerator();
        _asyncRows = asyncRows?.GetAsyncEnumerator(cancellationToken);
    }

    /// <inheritdoc />
    public Exception? Failure { get; private set; }

    /// <summary>How many entities were read (and sent).</summary>
    public int Count { get; private set; }

    /// <summary>The entities read, kept only when the map tracks changes (so their masks can be cleared once the load commits).</summary>
    public List<TEntity>? Tracked { get; private set; }

    public override int FieldCount => _columns.Length;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        if (_rows is null) throw new InvalidOperationException("This reader reads an async sequence: use ReadAsync.");
        try
        {
            return _rows.MoveNext() && Take(_rows.Current);
        }
        catch (Exception exception)
        {
            Failure ??= exception;
            throw;
        }
    }

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (_asyncRows is null) return Read();
        try
        {
            return await _asyncRows.MoveNextAsync().ConfigureAwait(false) && Take(_asyncRows.Current);
        }
        catch (Exception exception)
        {
            Failure ??= exception;
            throw;
        }
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => _columns[ordinal].Name;

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (string.Equals(_columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        }

        throw new IndexOutOfRangeException($"No column named {name} is loaded.");
    }

    public override object GetValue(int ordinal) => _current[ordinal] ?? DBNull.Value;

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, _current.Length);
        for (var i = 0; i < count; i++) values[i] = _current[i] ?? DBNull.Value;
        return count;
    }

    public override bool IsDBNull(int ordinal) => _current[ordinal] is null or DBNull;

    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => _current.Length > ordinal && _current[ordinal] is { } value ? value.GetType() : typeof(object);

    public override string GetDataTypeName(int ordinal) => _columns[ordinal].SqlType;

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);

    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);

    public override char GetChar(int ordinal) => (char)GetValue(ordinal);

    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);

    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);

    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);

    public override float GetFloat(int ordinal) => (float)GetValue(ordinal);

    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);

    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);

    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);

    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        Copy((byte[])GetValue(ordinal), dataOffset, buffer, bufferOffset, length);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        Copy(GetString(ordinal).ToCharArray(), dataOffset, buffer, bufferOffset, length);

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override void Close() => _closed = true;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rows?.Dispose();
            _closed = true;
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_asyncRows is not null) await _asyncRows.DisposeAsync().ConfigureAwait(false);
        Dispose();
    }

    private bool Take(TEntity entity)
    {
        if (entity is null) throw new ArgumentException($"Row {Count + 1} of the bulk load is null.");
        _prepare(entity);
        var values = new ParameterValues(_columns.Length);
        if (_keyFirst)
        {
            // The AUTO_INCREMENT key is always a column of the load: a key that is set is sent, an unset one is NULL, which the server fills.
            if (_map.HasGeneratedKeyValue(entity)) _map.BindKeyOf(entity, values);
            else values.AddRaw(null);
        }

        _map.BindInsert(entity, values);
        _current = values.ToArray();
        Count++;
        if (_map.TracksChanges) (Tracked ??= []).Add(entity);
        return true;
    }

    private static long Copy<T>(T[] source, long offset, T[]? buffer, int bufferOffset, int length)
    {
        if (buffer is null) return source.Length;
        var count = (int)Math.Max(0, Math.Min(length, source.Length - offset));
        Array.Copy(source, offset, buffer, bufferOffset, count);
        return count;
    }
}

/// <summary>A bulk load's source, which can say why it stopped: the driver reports a source's exception wrapped in its own.</summary>
internal interface IBulkRows
{
    /// <summary>The exception a row raised (it failed its checks), or <see langword="null"/>.</summary>
    Exception? Failure { get; }
}

/// <summary>The columns a bulk load of a table sends, in order: the AUTO_INCREMENT key first when there is one, then every inserted column.</summary>
internal sealed class BulkColumns
{
    public BulkColumns(TableInfo table)
    {
        var columns = new List<ColumnInfo>();
        KeyFirst = EntityWriter.HasGeneratedKey(table);
        if (KeyFirst) columns.Add(table.KeyColumns[0]);
        foreach (var column in table.Columns)
        {
            if (!column.IsAutoIncrement) columns.Add(column);
        }

        Columns = columns.ToArray();
    }

    public ColumnInfo[] Columns { get; }

    public bool KeyFirst { get; }
}
