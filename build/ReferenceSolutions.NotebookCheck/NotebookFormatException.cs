namespace ReferenceSolutions.NotebookCheck;

/// <summary>A notebook file that is missing, unreadable or not the nbformat 4 JSON this tool reads; the message names the file.</summary>
internal sealed class NotebookFormatException(string message) : Exception(message);
