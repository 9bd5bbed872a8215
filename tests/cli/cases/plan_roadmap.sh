# The bundled roll-out plan of the mid-sized case's areas: the best plan
# within a yearly budget, a peak funding and two go-lives a quarter, on 2,000
# draws; the scenario as written (NPV 659,921, by indep_model.py) breaks the
# budget of year 1, big bang two go-lives a quarter.
$CRMROI plan scenarios/roadmap/midsize_roadmap.csv
