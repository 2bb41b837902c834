using System.Globalization;
using System.Text;

namespace MailCatcher.Protocols.Imap;

/// <summary>
/// Reads the arguments of one framed command (RFC 3501 §9 formal syntax): atoms, quoted
/// strings, literals, parenthesized lists. Pure; a syntax error throws <see cref="ImapSyntaxException"/>,
/// which the session answers with a tagged BAD.
/// </summary>
public sealed class ImapArgumentReader(byte[] command)
{
    private int _position;

    public int Position => _position;

    /// <summary>At the CRLF that ends the command.</summary>
    public bool AtEnd => _position >= command.Length || command[_position] is (byte)'\r' or (byte)'\n';

    public byte? Peek() => _position < command.Length ? command[_position] : null;

    public bool TryConsume(byte expected)
    {
        if (Peek() == expected)
        {
            _position++;
            return true;
        }
        return false;
    }

    public void Expect(byte expected)
    {
        if (!TryConsume(expected))
        {
            throw new ImapSyntaxException($"expected '{(char)expected}'");
        }
    }

    /// <summary>One SP between arguments (RFC 3501 §9: exactly one; a few clients send more, so more are skipped).</summary>
    public void Space()
    {
        Expect((byte)' ');
        while (TryConsume((byte)' '))
        {
        }
    }

    /// <summary>True if a space followed by another argument is next.</summary>
    public bool TrySpace()
    {
        if (Peek() != (byte)' ')
        {
            return false;
        }
        Space();
        return true;
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new ImapSyntaxException("unexpected extra arguments");
        }
    }

    /// <summary>RFC 3501 §9 atom: ATOM-CHAR is any CHAR except atom-specials "(" ")" "{" SP CTL "%" "*" DQUOTE "\" "]".</summary>
    public string ReadAtom() => ReadWhile(IsAtomChar, "atom");

    /// <summary>Bytes up to a space, a parenthesis or the end: sequence sets, fetch attribute names, flags.</summary>
    public string ReadToken() => ReadWhile(b => b > 0x20 && b < 0x7F && b != (byte)'(' && b != (byte)')', "argument");

    /// <summary>RFC 3501 §9 astring: 1*ASTRING-CHAR / string.</summary>
    public byte[] ReadAStringBytes()
    {
        return Peek() switch
        {
            (byte)'"' => ReadQuoted(),
            (byte)'{' => ReadLiteral(),
            _ => Encoding.UTF8.GetBytes(ReadWhile(b => IsAtomChar(b) || b == (byte)']', "astring")),
        };
    }

    public string ReadAString() => Encoding.UTF8.GetString(ReadAStringBytes());

    /// <summary>RFC 3501 §9 string: quoted / literal.</summary>
    public string ReadString() => Peek() switch
    {
        (byte)'"' => Encoding.UTF8.GetString(ReadQuoted()),
        (byte)'{' => Encoding.UTF8.GetString(ReadLiteral()),
        _ => throw new ImapSyntaxException("expected a string"),
    };

    /// <summary>RFC 3501 §9 list-mailbox: like astring but "%" and "*" are allowed unquoted.</summary>
    public string ReadListMailbox() => Peek() is (byte)'"' or (byte)'{'
        ? ReadString()
        : ReadWhile(b => IsAtomChar(b) || b is (byte)']' or (byte)'%' or (byte)'*', "mailbox pattern");

    public long ReadNumber()
    {
        var text = ReadWhile(b => b is >= (byte)'0' and <= (byte)'9', "number");
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > uint.MaxValue)
        {
            throw new ImapSyntaxException("number out of range");
        }
        return value;
    }

    /// <summary>RFC 3501 §4.3 quoted: DQUOTE *QUOTED-CHAR DQUOTE, with "\" escaping DQUOTE and "\".</summary>
    private byte[] ReadQuoted()
    {
        Expect((byte)'"');
        var bytes = new List<byte>();
        while (true)
        {
            if (_position >= command.Length || command[_position] is (byte)'\r' or (byte)'\n')
            {
                throw new ImapSyntaxException("unterminated quoted string");
            }
            var b = command[_position++];
            if (b == (byte)'"')
            {
                return [.. bytes];
            }
            if (b == (byte)'\\')
            {
                if (_position >= command.Length || command[_position] is not ((byte)'"' or (byte)'\\'))
                {
                    throw new ImapSyntaxException("bad escape in quoted string");
                }
                b = command[_position++];
            }
            bytes.Add(b);
        }
    }

    /// <summary>RFC 3501 §4.3 literal, and RFC 7888 "{n+}". The framer has made sure the octets are there.</summary>
    private byte[] ReadLiteral()
    {
        Expect((byte)'{');
        var size = ReadNumber();
        TryConsume((byte)'+');
        Expect((byte)'}');
        TryConsume((byte)'\r');
        Expect((byte)'\n');
        if (_position + size > command.Length)
        {
            throw new ImapSyntaxException("literal shorter than announced");
        }
        var bytes = command.AsSpan(_position, (int)size).ToArray();
        _position += (int)size;
        return bytes;
    }

    private string ReadWhile(Func<byte, bool> accept, string what)
    {
        var start = _position;
        while (_position < command.Length && accept(command[_position]))
        {
            _position++;
        }
        if (_position == start)
        {
            throw new ImapSyntaxException($"expected {what}");
        }
        return Encoding.UTF8.GetString(command, start, _position - start);
    }

    public static bool IsAtomChar(byte b) =>
        b > 0x20 && b < 0x7F && b is not ((byte)'(' or (byte)')' or (byte)'{' or (byte)'%' or (byte)'*' or (byte)'"' or (byte)'\\' or (byte)']');
}
