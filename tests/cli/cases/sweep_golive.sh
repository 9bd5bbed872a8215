$CRMROI sweep --vary golive=4:19:5 scenarios/midsize_business_case.csv
