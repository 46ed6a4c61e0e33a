using System;

namespace MicroOrm.Tool;

/// <summary>A command that cannot do what was asked: its message is printed as it is, and the tool exits with 2.</summary>
internal sealed class ToolException(string message) : Exception(message);
