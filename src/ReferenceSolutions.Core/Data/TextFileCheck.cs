using System.Buffers;

namespace ReferenceSolutions.Core.Data;

/// <summary>
/// The check every text input passes before it is parsed: the bytes hold no NUL byte and are UTF-8 (an optional
/// byte-order mark allowed) — unless the caller accepts invalid sequences in display-only text, which the reader then
/// decodes as U+FFFD. Reads the file once, streaming, in O(1) memory; the first offence is a
/// <see cref="DataFormatException"/> naming its line. Returns the number of the last line that holds anything.
/// </summary>
public static class TextFileCheck
{
    /// <summary>
    /// Throws unless <paramref name="path"/> holds no NUL byte and, unless <paramref name="allowInvalidUtf8"/>, is valid
    /// UTF-8; returns the number of its last non-empty line.
    /// </summary>
    public static int Validate(string path, bool allowInvalidUtf8 = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        byte[] buffer = new byte[1 << 16];
        int carried = 0, line = 1;
        bool start = true, endsWithNewline = true;
        while (true)
        {
            int read = stream.Read(buffer, carried, buffer.Length - carried);
            int length = carried + read;
            bool end = read == 0;
            if (length == 0)
            {
                return endsWithNewline ? line - 1 : line;
            }
            int position = 0;
            if (start && length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                position = 3;
            }
            start = false;
            while (position < length)
            {
                byte b = buffer[position];
                if (b == 0)
                {
                    throw new DataFormatException(path, line, null, "holds a NUL byte; expected UTF-8 text");
                }
                endsWithNewline = b == (byte)'\n';
                if (b < 0x80)
                {
                    line += endsWithNewline ? 1 : 0;
                    position++;
                    continue;
                }
                OperationStatus status = System.Text.Rune.DecodeFromUtf8(buffer.AsSpan(position, length - position), out _, out int consumed);
                if (status == OperationStatus.NeedMoreData && !end)
                {
                    break;
                }
                if (status != OperationStatus.Done && allowInvalidUtf8)
                {
                    position += Math.Max(consumed, 1);
                    continue;
                }
                if (status != OperationStatus.Done)
                {
                    throw new DataFormatException(path, line, null, $"byte 0x{b:X2} is not valid UTF-8; save the file as UTF-8");
                }
                position += consumed;
            }
            if (end)
            {
                return endsWithNewline ? line - 1 : line;
            }
            carried = length - position;
            Array.Copy(buffer, position, buffer, 0, carried);
        }
    }
}
