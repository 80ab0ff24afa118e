#!/usr/bin/env bash
# Runs the London-time tests with the device in several time zones, one Node process per
# zone (TZ must be set before Node starts). Usage: npm run test:time-zones
set -euo pipefail
for zone in Europe/London UTC America/New_York Asia/Tokyo Australia/Lord_Howe Pacific/Chatham; do
  echo "TZ=$zone"
  TZ="$zone" npx vitest run tests/unit/standardWork/londonTime.test.ts tests/unit/standardWork/shifts.test.ts --reporter=dot
done
