#!/bin/bash
# tests/pictures/pictures_test.sh - `make pictures` runs, and what it
# drew is the scenario (tests/pictures/check_pictures.py).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
make -s --no-print-directory pictures 2>&1 | sed 's/^/# make| /'
tests/pictures/check_pictures.py build/pictures
echo "# pictures: done"
