using System.Security.Claims;
using System.Text.Json;
using MailCatcher.Core.Options;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// Tokens created by an admin in the web UI, kept hashed in <c>api-tokens.json</c> next to the
/// database (only in memory with <c>--db :memory:</c>). The file is rewritten whole through a
/// temporary name, readable by its owner only.
/// </summary>
public sealed class StoredApiTokens : IApiTokenValidator
{
    public const string FileName = "api-tokens.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lock _lock = new();
    private readonly string? _path;
    private List<StoredApiToken> _tokens;

    public StoredApiTokens(string? path)
    {
        _path = path;
        _tokens = path is not null && File.Exists(path) ? Load(path) : [];
    }

    /// <summary>The store for a database setting: a file next to it, or memory for <c>:memory:</c>.</summary>
    public static StoredApiTokens ForDatabase(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Database == StorageOptions.InMemory)
        {
            return new StoredApiTokens(null);
        }
        var database = string.IsNullOrWhiteSpace(storage.Database) ? StorageOptions.DefaultDatabasePath : storage.Database;
        return new StoredApiTokens(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, FileName));
    }

    public IReadOnlyList<StoredApiToken> List()
    {
        lock (_lock)
        {
            return [.. _tokens];
        }
    }

    /// <summary>Creates a token and returns it in clear text, the only time it is ever shown.</summary>
    public (StoredApiToken Entry, string Token) Create(string name, string role, string createdBy)
    {
        var token = ApiTokenHash.New();
        var entry = new StoredApiToken(Guid.NewGuid().ToString("N")[..12], name, role, ApiTokenHash.Of(token), DateTime.UtcNow, createdBy);
        lock (_lock)
        {
            _tokens = [.. _tokens, entry];
            Save();
        }
        return (entry, token);
    }

    public bool Revoke(string id)
    {
        lock (_lock)
        {
            var remaining = _tokens.Where(t => t.Id != id).ToList();
            if (remaining.Count == _tokens.Count)
            {
                return false;
            }
            _tokens = remaining;
            Save();
            return true;
        }
    }

    public ValueTask<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ApiTokenHash.Of(token);
        List<StoredApiToken> tokens;
        lock (_lock)
        {
            tokens = _tokens;
        }
        var entry = tokens.Find(t => t.Hash == hash);
        return ValueTask.FromResult(entry is null ? null : AccessPrincipal.Create(entry.Name, entry.Role, "token", ApiCredentialsHandler.SchemeName));
    }

    private static List<StoredApiToken> Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<List<StoredApiToken>>(File.ReadAllText(path), Json) ?? [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new StartupException($"The API token file '{path}' could not be read: {e.Message}", e);
        }
    }

    private void Save()
    {
        if (_path is null)
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = $"{_path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_tokens, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, _path, overwrite: true);
    }
}
