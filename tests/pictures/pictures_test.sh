#!/bin/bash
# tests/pictures/pictures_test.sh - `make pictures` runs, and what it
# drew is the scenario (tests/pictures/check_pictures.py).
# A build that fails, or a checker that stops, ends the stage with a
# non-zero status, which tests/run.sh counts as a failure.
set -u -o pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
status=0
make -s --no-print-directory pictures 2>&1 | sed 's/^/# make| /' || status=1
tests/pictures/check_pictures.py build/pictures || status=1
echo "# pictures: done"
exit $status
