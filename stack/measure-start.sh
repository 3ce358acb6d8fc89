#!/bin/bash
# Times the embedded stack from launch to "is running" and adds up the resident memory of the
# launcher and each service. usage: stack/measure-start.sh <label> [java options for the launcher]
# Build the jars first (./mvnw -B -DskipTests package); run from the project root.
label=${1:-run}; shift
data=$(mktemp -d /tmp/stack-data.XXXX)

start=$(date +%s.%N)
java "$@" -Dstack.data=$data -Dstack.gateway-port=19080 -Dstack.gateway-management-port=19090 -Dstack.places-port=19081 -Dstack.referral-port=19082 -Dstack.notification-port=19083 -Dstack.kafka-port=19092 -Dstack.kafka-controller-port=19093 -Dstack.mongo-port=37017 -Dstack.smtp-port=13025 -jar stack/target/stack.jar > $data/stack-$label.log 2>&1 &
pid=$!
for i in $(seq 1 600); do
  if grep -q 'is running' $data/stack-$label.log; then break; fi
  if ! kill -0 $pid 2>/dev/null; then echo "stack died"; tail -20 $data/stack-$label.log; exit 1; fi
  sleep 0.2
done
end=$(date +%s.%N)
sleep 5
# resident memory of the launcher and every process below it
pids="$pid $(pgrep -P $pid | tr '\n' ' ')"
rss=0; for p in $pids; do r=$(awk '/VmRSS/{print $2}' /proc/$p/status 2>/dev/null); rss=$((rss + ${r:-0})); done
per=$(for p in $pids; do echo -n "$(tr '\0' ' ' < /proc/$p/cmdline | grep -o '[a-z-]*\.jar' | head -1):$(( $(awk '/VmRSS/{print $2}' /proc/$p/status) / 1024 ))MiB "; done)
printf '%s: is running after %.1f s; resident %d MiB in all (%s)\n' $label $(awk "BEGIN{print $end - $start}") $((rss/1024)) "$per"
kill $pid; wait $pid 2>/dev/null
cp $data/stack-$label.log /tmp/ 2>/dev/null; rm -rf $data
