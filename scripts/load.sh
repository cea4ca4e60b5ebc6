#!/usr/bin/env bash
# Load figures of `bhxh serve` (docs/performance.md, "The HTTP service"): requests/s and
# p50/p99 at concurrency 1, 16 and 64 for contribution, pension (40 periods) and estimate,
# all with their trace; cold start to the first answer; monthly quotes/s through /v1/batch
# (CSV and NDJSON) and through `bhxh batch`. The load generator (oha, from the Rust crate
# registry) runs on the same machine as the service.
#
#   bash scripts/load.sh            # 10 s per run
#   SECONDS_PER_RUN=3 bash scripts/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${SECONDS_PER_RUN:-10}
TOOLS=target/tools
OHA=$TOOLS/bin/oha
if [ ! -x "$OHA" ]; then
  if command -v oha >/dev/null; then OHA=$(command -v oha); else
    # oha does not build without a TLS feature; native-tls links the system OpenSSL.
    cargo install oha --version 1.16.0 --no-default-features --features native-tls --locked --root "$TOOLS"
  fi
fi
cargo build -q --release --locked -p bhxh-cli
BIN=target/release/bhxh
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=${PORT:-18080}
URL=http://127.0.0.1:$PORT

python3 - "$WORK" <<'EOF'
import json, sys
w = sys.argv[1]
json.dump({"calculation": "contribution", "payment_month": "2026-03", "income": 2000000,
           "method": "monthly", "categories": ["near_poor"]}, open(f"{w}/contribution.json", "w"))
history = []
for i in range(40):  # 40 half-year periods 2008-2027, every third compulsory
    y, h = 2008 + i // 2, i % 2
    history.append({"from": f"{y}-{1 + 6 * h:02d}", "to": f"{y}-{6 + 6 * h:02d}",
                    "income": 1500000 + 100000 * i,
                    "scheme": "compulsory" if i % 3 == 0 else "voluntary"})
json.dump({"calculation": "pension", "sex": "male", "birth_date": "1966-03-15",
           "history": history}, open(f"{w}/pension.json", "w"))
json.dump({"calculation": "estimate", "as_of": "2026-03-01", "sex": "female",
           "birth_date": "1985-06", "income": 3000000, "categories": ["near_poor"]},
          open(f"{w}/estimate.json", "w"))
cats = ["poor", "near_poor", "ethnic_minority", "other"]
with open(f"{w}/quotes.csv", "w") as f:
    f.write("id,payment_month,income,category,subsidised_before\n")
    for i in range(2_000_000):
        f.write(f"{i},2026-{1 + i % 12:02d},{1500000 + (i % 40) * 50000},{cats[i % 4]},{i % 130}\n")
with open(f"{w}/quotes.ndjson", "w") as f:
    for i in range(200_000):
        f.write(json.dumps({"calculation": "contribution", "payment_month": f"2026-{1 + i % 12:02d}",
                            "income": 1500000 + (i % 40) * 50000, "method": "monthly",
                            "categories": [cats[i % 4]], "trace": False}) + "\n")
EOF

# Cold start: from exec to the first answer of /v1/evaluate, five times.
echo "## cold start (exec → first 200 from /v1/evaluate)"
for i in 1 2 3 4 5; do
  t0=$(date +%s%N)
  $BIN serve --listen 127.0.0.1:$PORT 2>"$WORK/serve.log" &
  pid=$!
  until curl -sf -o /dev/null -X POST --data-binary @"$WORK/contribution.json" $URL/v1/evaluate; do :; done
  t1=$(date +%s%N)
  echo "run $i: $(( (t1 - t0) / 1000 )) µs (listening after $(grep -o '"startup_us":[0-9]*' "$WORK/serve.log" | cut -d: -f2) µs)"
  kill -TERM $pid; wait $pid
done

$BIN serve --listen 127.0.0.1:$PORT 2>/dev/null &
SERVER=$!
sleep 0.3
echo
echo "## requests/s, latency (oha, ${DUR} s per run, keep-alive, request logs on)"
echo "| request | concurrency | requests/s | p50 ms | p99 ms | non-200 |"
echo "|---|---|---|---|---|---|"
for calc in contribution pension estimate; do
  for c in 1 16 64; do
    "$OHA" -z ${DUR}s -c $c -m POST -H 'Content-Type: application/json' -D "$WORK/$calc.json" \
      --no-tui --output-format json $URL/v1/evaluate > "$WORK/r.json"
    python3 - "$WORK/r.json" "$calc" "$c" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
s, p = r["summary"], r["latencyPercentiles"]
codes = r.get("statusCodeDistribution", {})
bad = sum(v for k, v in codes.items() if k != "200")
print(f"| {sys.argv[2]} | {sys.argv[3]} | {s['requestsPerSec']:.0f} | {p['p50'] * 1000:.2f} | {p['p99'] * 1000:.2f} | {bad} |")
EOF
  done
done

echo
echo "## batch (2,000,000 CSV rows; 200,000 NDJSON contribution requests without trace)"
for run in 1 2 3; do
  t0=$(date +%s%N)
  curl -sf -H 'Content-Type: text/csv' --data-binary @"$WORK/quotes.csv" "$URL/v1/batch?lang=en" -o "$WORK/out.csv"
  t1=$(date +%s%N)
  rows=$(( $(wc -l < "$WORK/out.csv") - 1 ))
  echo "POST /v1/batch text/csv run $run: $rows quotes in $(( (t1 - t0) / 1000000 )) ms = $(( rows * 1000000000 / (t1 - t0) )) quotes/s"
done
for run in 1 2; do
  t0=$(date +%s%N)
  curl -sf -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/quotes.ndjson" "$URL/v1/batch" -o "$WORK/out.ndjson"
  t1=$(date +%s%N)
  rows=$(wc -l < "$WORK/out.ndjson")
  echo "POST /v1/batch NDJSON run $run: $rows responses in $(( (t1 - t0) / 1000000 )) ms = $(( rows * 1000000000 / (t1 - t0) )) requests/s"
done
kill -TERM $SERVER; wait $SERVER || true
for run in 1 2 3; do
  t0=$(date +%s%N)
  $BIN batch "$WORK/quotes.csv" --lang en --output "$WORK/cli.csv" 2>/dev/null
  t1=$(date +%s%N)
  echo "bhxh batch (file → file) run $run: $(( 2000000 * 1000000000 / (t1 - t0) )) quotes/s"
done
cmp "$WORK/cli.csv" "$WORK/out.csv" && echo "bhxh batch output = POST /v1/batch output (byte for byte)"
