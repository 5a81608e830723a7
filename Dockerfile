# syntax=docker/dockerfile:1
# Build: docker build -t zeek-agent-hub .
# Run:   docker run -p 8080:8080 -p 27760:27760 -p 27761:27761 -v hub-data:/data zeek-agent-hub

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp dependency:go-offline -DskipTests || true
COPY src src
RUN ./mvnw -B -ntp package -DskipTests -Dspotless.check.skip=true \
    && cp target/zeek-agent-hub-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
# curl is not in the JRE image; the HEALTHCHECK needs it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system hub \
    && useradd --system --gid hub --home-dir /app --shell /usr/sbin/nologin hub \
    && mkdir -p /data /app \
    && chown hub:hub /data /app
WORKDIR /app
COPY --from=build --chown=hub:hub /src/app.jar /app/app.jar
USER hub
# Inside a container the hub must listen on every interface, not only loopback as on a workstation.
ENV SPRING_DATASOURCE_URL="jdbc:h2:file:/data/hub;WRITE_DELAY=0" \
    HUB_ZEROMQ_XPUB_ENDPOINT=tcp://0.0.0.0:27760 \
    HUB_ZEROMQ_XSUB_ENDPOINT=tcp://0.0.0.0:27761 \
    HUB_ACTIVITY_FILE=/data/logs/zeek-agent.log \
    HUB_SPOOL_DIRECTORY=/data/spool \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# 8080 HTTP; 27760/27761 ZeroMQ proxy XPUB/XSUB (zeekctl convention); 9997 Zeek WebSocket (zeek-agent v2).
EXPOSE 8080 27760 27761 9997
VOLUME /data
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
