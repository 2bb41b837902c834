# MailCatcher in a container: a thin wrapper around build/publish.sh (the script the README and
# .ci/run use), so the image runs the same tested self-contained program.
#   docker build -t mailcatcher .
#   docker run --rm -p 1025:1025 -p 1080:1080 -v mailcatcher-data:/data mailcatcher
# Not built in CI: the build machines cannot pull base images. .ci/run tests the script and the
# linux-x64 program this image runs (build/smoke-test.sh).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN rid="linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)" \
    && build/publish.sh "$rid" /app

# The program is self-contained: the runtime-deps image (libc, OpenSSL, ICU-free) is enough.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
WORKDIR /app
COPY --from=build /app .
# In a container every interface is the point: bind 0.0.0.0 and keep the database in a volume.
# The Host allow-list (issue 12) stays on: a browser on the Docker host reaches the published
# port as localhost or 127.0.0.1, which are allowed. Reached by another name (a server's DNS name,
# a compose service), add it: -e MAILCATCHER_Http__AllowedHosts__0=mail.example.internal.
ENV MAILCATCHER_Ip=0.0.0.0 \
    MAILCATCHER_Storage__Database=/data/mailcatcher.db
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
# The non-root user the .NET images define (app, uid 1654).
USER $APP_UID
EXPOSE 1025 1080 1110 1143
# The image has no curl: the program asks its own /healthz (exit 0 on 200).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/app/mailcatcher", "healthcheck"]
# Exec form: mailcatcher is PID 1 and gets docker stop's SIGTERM itself; open SMTP sessions are
# answered 421 and it exits well within docker's 10 s.
ENTRYPOINT ["/app/mailcatcher"]
