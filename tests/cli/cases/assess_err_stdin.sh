printf "id,answer\nCM2,sometimes\n" | $CRMROI assess -
