#!/bin/sh
# The text of a business-case document (crmroi report), one block a line, for
# the golden tests to grep: SVG charts dropped, a table row's cells separated
# by " | ", tags removed, the few entities the document writes decoded.
#
#   sh tests/report/doctext.sh FILE.html
sed -n '/<body>/,$p' "$1" | sed -e '/<svg/,/<\/svg>/d' |
	sed -e 's#</\(p\|li\|tr\|h1\|h2\|h3\|caption\|dd\|div\|section\)>#&\
#g' |
	sed -e 's#<t[dh][^>]*>#| #g' -e 's#<span class="src">#; #g' -e 's#<[^>]*>##g' \
	    -e 's/&#183;/-/g; s/&#8212;/--/g; s/&#215;/x/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' \
	    -e 's/[[:space:]][[:space:]]*/ /g; s/^ //; s/ $//' |
	sed -e '/^[|[:space:]]*$/d'
