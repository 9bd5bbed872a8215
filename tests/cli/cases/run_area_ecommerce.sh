$CRMROI run scenarios/areas/ecommerce.csv
