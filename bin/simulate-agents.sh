#!/usr/bin/env bash
# Plays N v1 Zeek Agents against a running hub over ZeroMQ (see docs/agents.md).
#   bin/simulate-agents.sh --agents 5 --groups linux,dmz
# Options: --xpub tcp://127.0.0.1:27760 --xsub tcp://127.0.0.1:27761 --agents 3 --prefix sim-host
#          --groups linux --serializer broker-bin-v1 --event-rows 3 --first-address 0
#          (agent i announces the (first + i)-th address of 10/8, 10.0.0.1 for 0)
# Needs only a JDK: compiles once with the Maven wrapper, then runs the simulator's main without Spring.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classes/io/zeekagent/hub/agent/sim/AgentSimulator.class ] || [ ! -f target/sim-classpath.txt ]; then
  ./mvnw -B -ntp -q -Dspotless.check.skip=true -DskipTests compile
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/sim-classpath.txt >/dev/null
fi
exec java -cp "target/classes:$(cat target/sim-classpath.txt)" io.zeekagent.hub.agent.sim.AgentSimulator "$@"
