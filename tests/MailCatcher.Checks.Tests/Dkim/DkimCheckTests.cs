using MailCatcher.Checks.Dkim;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace MailCatcher.Checks.Tests.Dkim;

public sealed class DkimCheckTests
{
    private const string Record = "mail._domainkey.shop.example";
    private static readonly AsymmetricCipherKeyPair Signing = NewKey();
    private static readonly AsymmetricCipherKeyPair Other = NewKey();

    private static AsymmetricCipherKeyPair NewKey()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new KeyGenerationParameters(new SecureRandom(), 1024));
        return generator.GenerateKeyPair();
    }

    private static MimeMessage Signed(AsymmetricCipherKeyPair key, string body = "Hello, signed world.")
    {
        var message = TestMessages.Good();
        message.Body = new TextPart("plain") { Text = body };
        var signer = new DkimSigner(key.Private, "shop.example", "mail", DkimSignatureAlgorithm.RsaSha256)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Simple,
        };
        message.Prepare(EncodingConstraint.SevenBit);
        signer.Sign(message, [HeaderId.From, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId]);
        return TestMessages.Reparse(message);
    }

    private static DkimKeyLocator Keys(AsymmetricKeyParameter publicKey)
        => new(new DkimKeyStore(new Dictionary<string, AsymmetricKeyParameter> { [Record] = publicKey }), null);

    private static Task<DkimCheckResult> Check(MimeMessage message, DkimKeyLocator keys)
        => DkimCheck.CheckAsync(message, keys, TimeProvider.System, CancellationToken.None);

    [Fact]
    public async Task RFC6376_a_signature_made_with_the_known_key_passes_with_its_details()
    {
        var result = await Check(Signed(Signing), Keys(Signing.Public));

        Assert.Equal(CheckStatus.Pass, result.Status);
        var signature = Assert.Single(result.Signatures);
        Assert.Equal(DkimOutcome.Pass, signature.Outcome);
        Assert.Equal("shop.example", signature.Domain);
        Assert.Equal("mail", signature.Selector);
        Assert.Equal("rsa-sha256", signature.Algorithm);
        Assert.Equal("relaxed/simple", signature.Canonicalization);
        Assert.Contains("from", signature.SignedHeaders, StringComparer.OrdinalIgnoreCase);
        Assert.True(signature.BodyHashMatches);
        Assert.False(result.UsedDns);
    }

    [Fact]
    public async Task RFC6376_a_body_changed_after_signing_fails_on_the_body_hash()
    {
        var signed = Signed(Signing);
        using var raw = new MemoryStream();
        signed.WriteTo(raw, TestContext.Current.CancellationToken);
        var tampered = System.Text.Encoding.ASCII.GetString(raw.ToArray()).Replace("Hello, signed world.", "Hello, changed world.", StringComparison.Ordinal);

        var result = await Check(TestMessages.Parse(tampered), Keys(Signing.Public));

        Assert.Equal(CheckStatus.Fail, result.Status);
        var signature = Assert.Single(result.Signatures);
        Assert.Equal(DkimOutcome.Fail, signature.Outcome);
        Assert.False(signature.BodyHashMatches);
        Assert.Contains("body changed", signature.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RFC6376_a_signature_checked_against_the_wrong_key_fails_with_the_body_intact()
    {
        var result = await Check(Signed(Signing), Keys(Other.Public));

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(DkimOutcome.Fail, signature.Outcome);
        Assert.True(signature.BodyHashMatches);
        Assert.Contains("key is not the one that signed", signature.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Fail, result.Status);
    }

    [Fact]
    public async Task Offline_without_a_key_the_signature_says_no_key_and_makes_no_request()
    {
        var result = await Check(Signed(Signing), DkimKeyStore.Empty.OfflineLocator());

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(DkimOutcome.NoKey, signature.Outcome);
        Assert.Contains("DNS was not asked", signature.Reason, StringComparison.Ordinal);
        Assert.True(signature.BodyHashMatches);
        Assert.Equal(CheckStatus.Pass, result.Status); // no key is not a failure of the message
    }

    [Fact]
    public async Task An_unsigned_message_is_skipped_with_a_sentence()
    {
        var result = await Check(TestMessages.Good(), Keys(Signing.Public));

        Assert.Equal(CheckStatus.Skipped, result.Status);
        Assert.Contains("no DKIM-Signature", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_missing_required_tags_is_invalid()
    {
        var message = TestMessages.Parse("DKIM-Signature: v=1; a=rsa-sha256; d=shop.example; s=mail; h=from\nFrom: a@shop.example\n\nx\n");

        var result = await Check(message, Keys(Signing.Public));

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(DkimOutcome.Invalid, signature.Outcome);
        Assert.Contains("bh=", signature.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public")]
    [InlineData("private")]
    [InlineData("record")]
    public async Task Offline_key_files_may_be_PEM_public_PEM_private_or_the_DNS_record(string form)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, form switch
            {
                "public" => Pem(Signing.Public),
                "private" => Pem(Signing.Private),
                _ => "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(SubjectPublicKeyInfoFactory(Signing.Public)),
            }, TestContext.Current.CancellationToken);
            var store = DkimKeyStore.Load([$"{Record}={path}"]);

            var result = await Check(Signed(Signing), store.OfflineLocator());

            Assert.Equal(DkimOutcome.Pass, Assert.Single(result.Signatures).Outcome);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("no-equals-sign")]
    [InlineData("example.com=/tmp/x")]
    [InlineData("sel._domainkey.example.com=/no/such/file")]
    public void A_bad_key_specification_is_refused_with_a_sentence(string specification)
    {
        var error = Assert.Throws<FormatException>(() => DkimKeyStore.Load([specification]));

        Assert.Contains("--dkim-key", error.Message, StringComparison.Ordinal);
    }

    private static string Pem(AsymmetricKeyParameter key)
    {
        using var writer = new StringWriter();
        var pem = new PemWriter(writer);
        pem.WriteObject(key);
        pem.Writer.Flush();
        return writer.ToString();
    }

    private static byte[] SubjectPublicKeyInfoFactory(AsymmetricKeyParameter key)
        => Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetDerEncoded();
}
