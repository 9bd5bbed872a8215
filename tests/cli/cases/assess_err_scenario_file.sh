# A scenario given to assess says what it is and what assess reads.
$CRMROI assess scenarios/tei_example.csv
