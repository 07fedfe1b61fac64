# syntax=docker/dockerfile:1
#
# The lakegate gateway as an image, for docker-compose.yml (README: "Running with ClickHouse").
# Not built on the project's CI machine, which has no Docker engine.
#
#   docker build -t lakegate-gateway .
#   docker run --rm -p 127.0.0.1:8765:8765 -v "$PWD/sample-lake:/lake:ro" lakegate-gateway

# Build: the same Maven build bin/lakegate runs; gateway-server's package phase writes a thin jar
# whose manifest Class-Path points at lib/ and copies every runtime dependency into target/lib.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# -DskipTests also skips the test engine's download of libchdb.so (.ci/fetch-chdb).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -pl gateway-server -am package -DskipTests

FROM eclipse-temurin:17-jre
# curl for docker-compose.yml's healthcheck (GET /health); not every temurin tag ships it.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system lakegate \
    && useradd --system --gid lakegate --home-dir /opt/lakegate --shell /usr/sbin/nologin lakegate
WORKDIR /opt/lakegate
COPY --from=build /src/gateway-server/target/lib/ lib/
COPY --from=build /src/gateway-server/target/lakegate-gateway-server-0.1.0.jar lakegate-gateway-server.jar
COPY model.json model.json
# The options of `lakegate serve` as environment variables: every address (there is no authentication
# yet, publish the port on loopback or a trusted network only), the model above, and the lake where it
# is mounted. ClickHouse is configured through model.json's LAKEGATE_CLICKHOUSE_* variables.
ENV LAKEGATE_HOST=0.0.0.0 \
    LAKEGATE_PORT=8765 \
    LAKEGATE_MODEL=/opt/lakegate/model.json \
    LAKEGATE_LAKE_ROOT=/lake
USER lakegate
EXPOSE 8765
# The JVM options of bin/lakegate; any argument after the image name replaces `serve`
# (e.g. `generate --out DIR`, `--help`).
ENTRYPOINT ["java", "-Duser.timezone=UTC", "-Xmx1g", "-jar", "/opt/lakegate/lakegate-gateway-server.jar"]
CMD ["serve"]
