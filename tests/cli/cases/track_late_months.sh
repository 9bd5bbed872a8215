# Actuals in the last seven months of a three-year plan (months 30-36, 2029-09 to
# 2030-03): calendar labels late in the horizon, month 36 accepted, the plan assumed
# in month 36 for a line without an actual there. Figures by hand in
# tests/unit/test_track.c (test_late_in_horizon), which tracks the same plan.
$CRMROI track tests/cli/data/track_late.csv tests/cli/data/track_late_actuals.csv
