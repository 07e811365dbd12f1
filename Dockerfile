# SupportBot: build with the SDK, run on the slim ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY SupportBot/SupportBot.csproj SupportBot/
RUN dotnet restore SupportBot/SupportBot.csproj
COPY SupportBot/ SupportBot/
RUN dotnet publish SupportBot/SupportBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# the LiteDB file lives on a volume so tickets survive container upgrades
RUN mkdir -p /data && chown app:app /data
VOLUME /data
# the base image already listens on ASPNETCORE_HTTP_PORTS=8080; setting ASPNETCORE_URLS as well would log
# "Overriding HTTP_PORTS". To move the port, set ASPNETCORE_HTTP_PORTS; the health check follows it.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__LiteDb="Filename=/data/supportbot.db"
EXPOSE 8080
USER app
# --healthcheck asks /health/ready: unhealthy only when the bot cannot store what it receives (not for Slack's troubles)
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["dotnet", "SupportBot.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "SupportBot.dll"]
