# A group of lines is one uncertain value drawn once per draw: simulate counts
# it as a gate, apart from single-line risk events. pilot_gate.csv has 11
# inputs with a range, one cost line with a range and one group (rollout) with
# a probability; no line has a probability of its own.
$CRMROI simulate -n 2000 --sobol 0 scenarios/deployment/pilot_gate.csv | grep 'Uncertain values'
$CRMROI simulate -n 2000 --sobol 0 -f markdown scenarios/deployment/pilot_gate.csv | grep 'Uncertain values'
