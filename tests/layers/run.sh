#!/bin/sh
# The layers of src/ (doc/ARCHITECTURE.md) against its includes and calls:
#   BUILD=build sh tests/layers/run.sh
exec /usr/bin/python3 tests/layers/check.py "${BUILD:-build}"
