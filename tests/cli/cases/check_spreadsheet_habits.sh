# Every habit from a spreadsheet or a programming language gets a message that
# says how to write it here: a comma left out between two fields (3%pert), a
# space before % (15 %), a spreadsheet's leading '=', unknown functions with
# every function, closest first, ==, !=, =>, =<, &&, !, chained comparisons,
# ';' between arguments, a formula with commas not quoted, YEAR, a function's
# name without '(', a wrong number of arguments and a reserved input name.
$CRMROI check tests/cli/data/spreadsheet_habits.csv
