using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace MicroOrm.WebSample;

/// <summary>A state to create, or a new name for one.</summary>
public sealed record StateRequest(string Name);

/// <summary>A state.</summary>
public sealed record StateResponse(int Id, string Name);

/// <summary>A city of a state.</summary>
public sealed record CityResponse(int Id, string Name);

/// <summary>A state with its cities.</summary>
public sealed record StateWithCitiesResponse(int Id, string Name, List<CityResponse> Cities);

/// <summary>The JSON of the requests and responses, generated at build time (NativeAOT has no reflection-based serializer).</summary>
[JsonSerializable(typeof(StateRequest))]
[JsonSerializable(typeof(StateResponse))]
[JsonSerializable(typeof(List<StateResponse>))]
[JsonSerializable(typeof(StateWithCitiesResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class SampleJson : JsonSerializerContext
{
}
