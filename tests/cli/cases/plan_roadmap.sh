# The bundled roll-out plan of the mid-sized case's areas: the best plan
# within a yearly budget, a peak funding and two go-lives a quarter, on 2,000
# draws; it beats the areas as written (NPV 659,921, by indep_model.py: within
# the limits, but later), and big bang breaks the two go-lives a quarter.
$CRMROI plan scenarios/roadmap/midsize_roadmap.csv
