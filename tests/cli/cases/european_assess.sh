# An answers file saved with ';' and decimal commas (max_points 12,5) scores
# as the original: 640/1000.
$CRMROI assess tests/cli/data/european/answers.csv | head -6
echo "exit $?"
