using System.Collections.Generic;

namespace MicroOrm.Demo;

/// <summary>The reference project's states and cities (ids follow this order), and a few users with addresses.</summary>
internal static class SeedData
{
    public static IReadOnlyList<(string State, List<string> Cities)> StatesAndCities { get; } =
    [
        ("California", ["San Francisco", "San Jose", "Los Angeles", "Fremont", "Livermore"]),
        ("Arizona", ["Page", "Phoenix"]),
        ("Texas", ["Dallas", "Houston", "Austin"]),
        ("New York", ["New York"]),
        ("Nevada", ["Las Vegas", "Reno", "Henderson", "Carson City"]),
    ];

    public static IReadOnlyList<(string Name, string Email, List<(string Street, string City)> Addresses)> UsersAndAddresses { get; } =
    [
        ("Ada Lovelace", "ada@example.com", [("12 Market St", "San Francisco"), ("3 Congress Ave", "Austin")]),
        ("Alan Turing", "alan@example.com", [("221 Fremont St", "Las Vegas")]),
    ];
}
