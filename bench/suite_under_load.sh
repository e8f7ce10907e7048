#!/usr/bin/env bash
# Run the whole test suite N times in a row (default 3) with two CPU-bound processes beside
# it, as a busy 2-core machine would: a test that only passes on an idle machine fails here.
#   bash bench/suite_under_load.sh [runs]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
python3 -c "while 1: pass" & hog1=$!
python3 -c "while 1: pass" & hog2=$!
trap 'kill $hog1 $hog2 2>/dev/null' EXIT
failed=0
for i in $(seq 1 "$runs"); do
    start=$(date +%s)
    if python -m pytest -p no:cacheprovider >"/tmp/suite-under-load-$i.log" 2>&1; then
        result=passed
    else
        result=FAILED
        failed=$((failed + 1))
    fi
    echo "run $i: $result in $(( $(date +%s) - start )) s ($(tail -1 "/tmp/suite-under-load-$i.log"))"
done
echo "$((runs - failed)) of $runs runs passed with two CPU hogs running"
exit "$failed"
