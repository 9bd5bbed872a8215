# The areas of the library: what each models, its benefit lines with their
# class and formula, its drivers with their units.
$CRMROI new --list
echo "exit $?"
