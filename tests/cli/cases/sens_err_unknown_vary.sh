$CRMROI sweep --vary leeds=1:10:1 scenarios/areas/lead_management.csv
