# A data table of a go-live between whole months says that the months are
# rounded: 3.7, 4.0 and 4.3 are all month 4, 4.6 and 4.9 month 5.
$CRMROI sweep --vary golive=3.4:5:0.3 -m npv scenarios/midsize_business_case.csv
