#!/usr/bin/env bash
# Load scenario: how long `dotnet run --project functions/SooperSeller.DevHost` takes until GET /api/health answers
# 200, then a real Ctrl-C (in tmux), then whether any node or dotnet process was left behind.
# usage: tests/SooperSeller.Benchmarks/scenarios/time-to-healthy.sh [clone-dir]   (needs tmux, curl, bc; port 7071 free)
set -u
dir=$(cd "${1:-$(dirname "$0")/../../..}" && pwd)
log=$(mktemp); exit_file=$(mktemp -u)
tmux kill-session -t sooperseller-devhost 2>/dev/null
start=$(date +%s.%N)
tmux new-session -d -s sooperseller-devhost "cd '$dir' && dotnet run --project functions/SooperSeller.DevHost > '$log' 2>&1; echo exited \$? > '$exit_file'"
code=000
for _ in $(seq 1 1200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -m 2 http://127.0.0.1:7071/api/health)
  [ "$code" = "200" ] && break
  sleep 0.25
done
end=$(date +%s.%N)
echo "health answered $code after $(echo "$end - $start" | bc) s"
grep -E "npm ci finished" "$log" || echo "(no npm ci: packages were installed)"
tmux send-keys -t sooperseller-devhost C-c
for _ in $(seq 1 40); do [ -f "$exit_file" ] && break; sleep 0.25; done
cat "$exit_file" 2>/dev/null || echo "the DevHost did not exit after Ctrl-C"
sleep 1
echo "left behind:"
ps -eo pid,stat,cmd | grep -E "[c]osmos-standin|[a]zurite|[s]hopify-simulator|[S]ooperSeller.DevHost" | grep -v " Z " || echo "nothing"
rm -f "$log" "$exit_file"
