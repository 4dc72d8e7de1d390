#!/usr/bin/env bash
# Load scenario: signed orders/create webhooks (~7 KB, Shopify's REST shape) at a fixed rate, open loop, against a
# DevHost the scenario starts in its own process with its own emulators; reports throughput, p50/p95/p99 latency,
# errors and how long processing took to drain the queue. Source: tests/SooperSeller.Benchmarks/Stores/WebhookLoadScenario.cs
# usage: tests/SooperSeller.Benchmarks/scenarios/webhook-load.sh [--rate 200] [--seconds 25] [--payload-kb 7] [--ingest-only | --orders]
set -eu
cd "$(dirname "$0")/../../.."
# Server GC, as the DevHost runs (the Web SDK's default): this console process hosts the DevHost under test.
export DOTNET_gcServer=1
exec dotnet run -c Release --project tests/SooperSeller.Benchmarks -- --webhook-load "$@"
