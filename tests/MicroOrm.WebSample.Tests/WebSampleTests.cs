using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using MicroOrm.ReferenceModels;
using Xunit;

namespace MicroOrm.WebSample.Tests;

/// <summary>
/// The web sample, native and running, over HTTP: every endpoint of the reference tasks; a name too long for its
/// column is a 400 problem naming the column, with nothing written; a rename from a stale ETag is a 409 problem that
/// leaves the other writer's name; a request's trace holds MicroOrm's command as a child of the HTTP span; and the
/// health check follows the server down and back up.
/// </summary>
public sealed class WebSampleTests(RunningSample sample, ITestOutputHelper output) : IClassFixture<RunningSample>
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => sample.Http;

    [Fact]
    public void The_sample_publishes_with_NativeAOT_with_no_warning()
    {
        var warnings = sample.PublishOutput.Split('\n').Where(l => l.Contains(": warning", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Empty(warnings);
        output.WriteLine("summary: the web sample published with NativeAOT with 0 warnings and serves every test below as a native process");
    }

    [Fact]
    public async Task Every_endpoint_of_the_reference_tasks_answers()
    {
        var created = await Http.PostAsJsonAsync("/states", new { name = "Oregon" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var state = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = state.GetProperty("id").GetInt32();
        Assert.Equal($"/states/{id}", created.Headers.Location!.OriginalString);
        await using (var db = AppDb.Connect(sample.ConnectionString))
        {
            await db.Cities.InsertManyAsync([new City { Name = "Salem", StateId = id }, new City { Name = "Portland", StateId = id }], Ct);
        }

        var all = await Http.GetFromJsonAsync<JsonElement>("/states", Ct);
        Assert.Contains(all.EnumerateArray(), s => s.GetProperty("id").GetInt32() == id && s.GetProperty("name").GetString() == "Oregon");
        var one = await Http.GetFromJsonAsync<JsonElement>($"/states/{id}", Ct);
        Assert.Equal(["Salem", "Portland"], one.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsJsonAsync($"/states/{id}", new { name = "Oregon State" }, Ct)).StatusCode);
        Assert.Equal("Oregon State", (await Http.GetFromJsonAsync<JsonElement>($"/states/{id}", Ct)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/states/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/states/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteAsync($"/states/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_name_too_long_for_its_column_is_a_400_problem_naming_the_column_and_nothing_is_written()
    {
        var before = await CountStatesAsync();

        var response = await Http.PostAsJsonAsync("/states", new { name = new string('x', 200) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var name = Assert.Single(problem.GetProperty("errors").GetProperty("Name").EnumerateArray()).GetString();
        Assert.StartsWith("Name (column name, String): has 200 characters, more than the column's 128", name, StringComparison.Ordinal);
        Assert.Equal(before, await CountStatesAsync());
    }

    [Fact]
    public async Task A_rename_from_a_stale_ETag_is_a_409_problem_and_the_other_writer_s_name_stays()
    {
        var created = await Http.PostAsJsonAsync("/states", new { name = "Nevada" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var read = await Http.GetAsync($"/states/{id}", Ct);
        var etag = read.Headers.ETag!.Tag;

        var first = await Send(HttpMethod.Put, $"/states/{id}", "Nevada (first writer)", etag);
        var second = await Send(HttpMethod.Put, $"/states/{id}", "Nevada (second writer)", etag);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.Contains("changed by another writer", (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Nevada (first writer)", (await Http.GetFromJsonAsync<JsonElement>($"/states/{id}", Ct)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_request_s_trace_holds_MicroOrm_s_command_as_a_child_of_the_HTTP_span()
    {
        var created = await Http.PostAsJsonAsync("/states", new { name = "Utah" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        var response = await Http.GetAsync($"/states/{id}", Ct);
        response.EnsureSuccessStatusCode();

        // The console exporter prints a span when it ends; the request's span ends once the response is sent.
        Span? request = null;
        Span? command = null;
        var waited = Stopwatch.StartNew();
        while ((request is null || command is null) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100, Ct);
            var spans = Spans(sample.Output);
            request = spans.LastOrDefault(s => s.Name == "GET /states/{id:int}");
            command = request is null ? null : spans.FirstOrDefault(s => s.TraceId == request.TraceId && s.Name == "SELECT states");
        }

        Assert.NotNull(request);
        Assert.NotNull(command);
        Assert.Equal(request.SpanId, command.ParentSpanId);
        output.WriteLine($"summary: trace {request.TraceId}: the HTTP span '{request.Name}' ({request.SpanId}) is the parent of MicroOrm's '{command.Name}' ({command.SpanId})");
    }

    [Fact]
    public async Task The_health_check_turns_unhealthy_when_the_server_stops_and_healthy_when_it_is_back()
    {
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync());

        await sample.Server.StopAsync(Ct);
        var down = await HealthAsync();
        await sample.Server.StartAgainAsync(Ct);
        var back = await HealthAsync();
        var waited = Stopwatch.StartNew();
        while (back.Status != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250, Ct);
            back = await HealthAsync();
        }

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), down);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), back);
    }

    private async Task<(HttpStatusCode Status, string Body)> HealthAsync()
    {
        var response = await Http.GetAsync("/health", Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string name, string etag)
    {
        var message = new HttpRequestMessage(method, path) { Content = JsonContent.Create(new { name }) };
        message.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return Http.SendAsync(message, Ct);
    }

    private async Task<long> CountStatesAsync()
    {
        await using var db = AppDb.Connect(sample.ConnectionString);
        return await db.States.CountAsync(Ct);
    }

    /// <summary>The spans the console exporter printed: one block of "Activity.Field: value" lines each.</summary>
    private static List<Span> Spans(string[] lines)
    {
        var spans = new List<Span>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            var text = line.Trim();
            if (!text.StartsWith("Activity.", StringComparison.Ordinal)) continue;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var key = text[..colon];
            var value = text[(colon + 1)..].Trim();
            if (key == "Activity.TraceId")
            {
                if (current is not null) spans.Add(Span.From(current));
                current = [];
            }

            if (current is not null) current.TryAdd(key, value);
        }

        if (current is not null) spans.Add(Span.From(current));
        return spans;
    }

    private sealed record Span(string TraceId, string SpanId, string ParentSpanId, string Name)
    {
        public static Span From(Dictionary<string, string> fields) => new(
            fields.GetValueOrDefault("Activity.TraceId", ""),
            fields.GetValueOrDefault("Activity.SpanId", ""),
            fields.GetValueOrDefault("Activity.ParentSpanId", ""),
            fields.GetValueOrDefault("Activity.DisplayName", ""));
    }
}
