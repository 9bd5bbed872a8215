# The document's figures read back from its PDF (see tests/report/figures.sh):
# headline after and before tax, NPV on hard benefits, peak funding by month,
# percentiles, a CFO case whose decision turns on tax, and each option.
sh tests/report/figures.sh
