using MicroOrm.SqlBuilding;

namespace MicroOrm;

/// <summary>A column selected for a by-name mapper: written as <c>`column`</c> and read by the mapper, not by ordinal.</summary>
internal sealed class NamedColumn(ColumnRef column) : ISelectable
{
    SelectItem ISelectable.Item => SelectItem.Of(column);
}
