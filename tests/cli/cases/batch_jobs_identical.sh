a=$($CRMROI batch -j 1 scenarios 2>/dev/null | cksum); b=$($CRMROI batch -j 4 scenarios 2>/dev/null | cksum); [ "$a" = "$b" ] && echo identical || echo differ
