using System.Globalization;
using MicroOrm.ReferenceModels;

namespace MicroOrm.WebSample;

/// <summary>
/// The reference tasks as HTTP: list the states, read one with its cities, create, rename and delete. A state's ETag is
/// its <c>UpdatedAt</c>; a rename sent with <c>If-Match</c> is refused (409) when the state changed since it was read.
/// </summary>
internal static class StateEndpoints
{
    public static void MapStateEndpoints(this IEndpointRouteBuilder app)
    {
        var states = app.MapGroup("/states");

        states.MapGet("/", async (AppDb db, CancellationToken ct) =>
            (await db.States.OrderBy(s => s.Id).ToListAsync(ct)).Select(s => new StateResponse(s.Id, s.Name)).ToList());

        states.MapGet("/{id:int}", async (int id, AppDb db, HttpContext http, CancellationToken ct) =>
        {
            var state = await db.States.Where(s => s.Id == id).Include(s => s.Cities).FirstOrDefaultAsync(ct);
            if (state is null) return Results.NotFound();
            http.Response.Headers.ETag = ETag(state);
            return Results.Ok(new StateWithCitiesResponse(state.Id, state.Name, state.Cities.Select(c => new CityResponse(c.Id, c.Name)).ToList()));
        });

        states.MapPost("/", async (StateRequest request, AppDb db, CancellationToken ct) =>
        {
            var state = new State { Name = request.Name };
            await db.States.InsertAsync(state, ct);
            return Results.Created($"/states/{state.Id}", new StateResponse(state.Id, state.Name));
        });

        states.MapPut("/{id:int}", async (int id, StateRequest request, AppDb db, HttpContext http, CancellationToken ct) =>
        {
            var state = await db.States.FindAsync(id, ct);
            if (state is null) return Results.NotFound();
            if (http.Request.Headers.IfMatch is { Count: > 0 } ifMatch && ifMatch.ToString() != ETag(state))
            {
                throw new ConcurrencyException(nameof(State), db.States.Info.Name, "updated_at", db.States.Where(s => s.Id == id).ToSql().Text);
            }

            state.Name = request.Name;
            // By key and by the version read: a writer that got in between makes this match no row.
            var renamed = await db.States.Where(s => s.Id == id & s.UpdatedAt == state.UpdatedAt).UpdateAsync(u => u.Set(s => s.Name, request.Name), ct);
            if (renamed == 0) throw new ConcurrencyException(nameof(State), db.States.Info.Name, "updated_at", db.States.Where(s => s.Id == id).ToSql().Text);
            return Results.NoContent();
        });

        states.MapDelete("/{id:int}", async (int id, AppDb db, CancellationToken ct) =>
            await db.States.DeleteAsync(id, ct) == 0 ? Results.NotFound() : Results.NoContent());
    }

    private static string ETag(State state) => "\"" + state.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "\"";
}
