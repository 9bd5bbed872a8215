# plan --objective after-tax: the bundled roadmap (tax 25%) ranked by the
# expected NPV after tax, a heuristic that says so; the figures of the areas
# as written (NPV 659,921 before tax, by indep_model.py) beside it.
$CRMROI plan --objective after-tax scenarios/roadmap/midsize_roadmap.csv
