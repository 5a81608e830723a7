#!/bin/sh
# Prints a new Z85 CURVE key pair for hub.zeromq.curve.* (the same format as Zeek's
# Cluster::Backend::ZeroMQ::generate_keypair()). Needs the built jar: ./mvnw -q -DskipTests package
#   bin/curve-keygen.sh           -> public=... / secret=...
#   bin/curve-keygen.sh server    -> hub.zeromq.curve.server-public-key=... / ...-secret-key=...
#   bin/curve-keygen.sh client    -> hub.zeromq.curve.client-public-key=... / ...-secret-key=...
set -eu
cd "$(dirname "$0")/.."
jar=$(ls target/zeek-agent-hub-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "No jar in target/; build it first: ./mvnw -q -DskipTests package" >&2
  exit 1
fi
exec java -cp "$jar" -Dloader.main=io.zeekagent.hub.zeromq.CurveKeygen \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
