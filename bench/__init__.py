"""`make bench`: the benchmark of the production stack on a large synthetic newsroom.

An app installed only by bench/settings.py: the generator (`bench.data`, command
`generate_bench_data`), the desk measurements (`bench_export`, `bench_import`,
`bench_admin`), the baseline view (bench/urls.py) and the runner (run.sh, run.py). The
deployed site has none of them.
"""
