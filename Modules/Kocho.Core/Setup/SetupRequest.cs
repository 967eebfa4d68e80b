namespace Kocho.Core.Setup;

public sealed record SetupRequest(string Recipe, string AdminPassword);
