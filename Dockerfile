# Build: docker build -t mailcatcher .   Run: docker run -p 1025:1025 -p 1080:1080 mailcatcher
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/MailCatcher -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# In a container every interface is the point: bind 0.0.0.0 and keep the database in a volume.
ENV MAILCATCHER_Ip=0.0.0.0 \
    MAILCATCHER_Storage__Database=/data/mailcatcher.db
VOLUME /data
EXPOSE 1025 1080
ENTRYPOINT ["dotnet", "MailCatcher.dll"]
