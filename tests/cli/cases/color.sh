# Colour: --color=always marks a negative number red in text tables and the
# word warning yellow on standard error; CSV never takes colour; auto colours
# on a terminal (script(1) gives the command one) unless NO_COLOR is set or
# TERM is dumb, and never into a pipe; never turns it off; another word is a
# usage error.
f=tests/cli/data/payback_lost.csv
w=tests/cli/data/percent_warn.csv
$CRMROI run --color=always $f | grep -m1 'NPV ' | cat -v
$CRMROI run --color always $w 2>&1 >/dev/null | cut -c1-72 | cat -v
$CRMROI run --color=always -f csv $f | grep -c "$(printf '\033')"
$CRMROI run $f | grep -c "$(printf '\033')"
TERM=xterm script -qec "$CRMROI run $f" /dev/null | grep -m1 'NPV ' | tr -d '\r' | cat -v
TERM=xterm NO_COLOR=1 script -qec "$CRMROI run $f" /dev/null | grep -m1 'NPV ' | tr -d '\r' | cat -v
TERM=dumb script -qec "$CRMROI run $f" /dev/null | grep -m1 'NPV ' | tr -d '\r' | cat -v
TERM=xterm script -qec "$CRMROI run --color=never $f" /dev/null | grep -m1 'NPV ' | tr -d '\r' | cat -v
NO_COLOR=1 $CRMROI run --color=always $f | grep -m1 'NPV ' | cat -v
$CRMROI run --color=sometimes $f
echo "exit $?"
