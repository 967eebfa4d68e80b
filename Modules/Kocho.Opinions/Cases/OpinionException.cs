namespace Kocho.Opinions.Cases;

/// <summary>A refused action on a case: the message is the Japanese sentence shown to the person.</summary>
public sealed class OpinionException(string message) : Exception(message);
