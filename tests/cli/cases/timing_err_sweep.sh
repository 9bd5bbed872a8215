$CRMROI sweep --vary golive=1:3:1 tests/cli/data/timing/early.csv
