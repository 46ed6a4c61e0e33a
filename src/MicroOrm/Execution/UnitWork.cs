using System.Threading;
using System.Threading.Tasks;

namespace MicroOrm.Execution;

/// <summary>A unit of work as the pipeline runs it, in either I/O mode: the user's delegate, sync or async, wrapped.</summary>
internal delegate ValueTask<T> UnitWork<T>(Transaction transaction, CancellationToken cancellationToken);
