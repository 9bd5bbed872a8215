# crmroi check lists every error of the area rows, each at its cell: an after
# that names no area, a golive outside the area's slots, a skip that is not yes
# or no, an area without lines, and a golive on a cost row.
printf '%s\n' 'kind,name,value,start,end,area,after,golive,skip,timing' \
  'setting,horizon_years,2,,,,,,,' \
  'area,x,1,,,,lead_managment,,,' \
  'area,y,1,2,3,,,5,,' \
  'area,z,1,,,,,,maybe,' \
  'area,lead_management,1,,,,,,,' \
  'cost,X,100,1,,x,,2,,once' \
  'benefit,Y,10,2,,y,,,,monthly' \
  'benefit,Z,10,2,,z,,,,monthly' > "$TMPDIR_CASE/areas.csv"
cd "$TMPDIR_CASE" && $CRMROI check areas.csv
