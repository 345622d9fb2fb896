"""`make bench`: the benchmark of the production stack on a large synthetic newsroom."""
