# --jobs takes a whole number of threads from 1 to 256.
$CRMROI sweep --jobs 0 -f csv --vary leads_per_year=20000:20040:10 --vary margin_per_deal=5500:5508:2 scenarios/midsize_business_case.csv
echo "exit $?"
$CRMROI sweep --jobs 1.5 -f csv --vary leads_per_year=20000:20040:10 --vary margin_per_deal=5500:5508:2 scenarios/midsize_business_case.csv
echo "exit $?"
$CRMROI tornado --jobs 2 scenarios/midsize_business_case.csv
echo "exit $?"
