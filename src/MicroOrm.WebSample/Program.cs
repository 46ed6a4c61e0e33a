using MicroOrm;
using MicroOrm.DependencyInjection;
using MicroOrm.ReferenceModels;
using MicroOrm.WebSample;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// The sample service: states and their cities over HTTP, on the reference models.
var builder = WebApplication.CreateSlimBuilder(args);

builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJson.Default));

// The database from configuration ("MicroOrm": { "ConnectionString": ... }, or MicroOrm__ConnectionString in the
// environment): one pool for the process, the database object a singleton (it keeps no per-request state).
builder.Services.AddMicroOrm<AppDb>(builder.Configuration.GetSection("MicroOrm"));
builder.Services.AddHealthChecks().AddCheck<MicroOrmHealthCheck<AppDb>>("database");

// MicroOrm's errors as problem details: a value a column cannot hold is 400, naming the column; a lost race is 409.
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<MicroOrmProblems>();

// Traces and metrics of HTTP requests and of MicroOrm's commands (each a child of the request's span), to the console
// when Telemetry:Console is true; a real service would add its exporter (OTLP) here instead.
var telemetry = builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(MicroOrm.Diagnostics.MicroOrmTelemetry.SourceName))
    .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter(MicroOrm.Diagnostics.MicroOrmTelemetry.SourceName));
if (builder.Configuration.GetValue<bool>("Telemetry:Console"))
{
    telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

if (app.Configuration.GetValue("Sample:CreateSchema", true))
{
    // The reference tables, when the database has none yet (CREATE TABLE IF NOT EXISTS).
    await app.Services.GetRequiredService<AppDb>().Schema.CreateAsync();
}

app.MapHealthChecks("/health");
app.MapStateEndpoints();
app.Run();
