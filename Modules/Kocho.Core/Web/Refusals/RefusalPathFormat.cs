using Microsoft.AspNetCore.Http;

namespace Kocho.Core.Web.Refusals;

/// <summary>
/// An API's error body for refusals made before routing (a NUL character in the address), registered by the module that
/// owns the paths under <see cref="Prefix"/>; after routing the endpoint's own <see cref="IRefusalFormat"/> is used.
/// </summary>
public sealed record RefusalPathFormat(PathString Prefix, IRefusalFormat Format);
