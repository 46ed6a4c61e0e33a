using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MicroOrm.WebSample;

/// <summary>
/// MicroOrm's errors as problem details (RFC 9457): a <see cref="ValidationException"/> (a value a column cannot hold,
/// refused before anything was sent) is 400 with each problem under its property, naming the column; a
/// <see cref="ConcurrencyException"/> (the row changed since it was read; nothing was written) is 409. Anything else
/// is left to the default handler (500, without details).
/// </summary>
internal sealed class MicroOrmProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? details = exception switch
        {
            ValidationException invalid => new HttpValidationProblemDetails(invalid.Errors
                .GroupBy(e => e.Member)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "A value does not fit its column.",
                Detail = $"Nothing was written to {invalid.Table}.",
            },
            ConcurrencyException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The resource changed since it was read.",
                Detail = $"The {conflict.EntityName} was changed by another writer; nothing was written. Read it again and retry.",
            },
            _ => null,
        };
        if (details is null) return ValueTask.FromResult(false);
        http.Response.StatusCode = details.Status!.Value;
        return problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }
}
