# The document's figures read back from its PDF (see tests/report/figures.sh):
# headline after and before tax, NPV on hard benefits, peak funding by month,
# percentiles and the probability of a loss after and before tax, a CFO case
# whose decision turns on tax, and each option with its MIRR and
# benefit-cost ratio.
sh tests/report/figures.sh
