"""`make soak`'s harness: a throwaway production stack (`stack`), reader threads (`load`),
the soak world added beside the seed newsroom (`world`) and the four load-and-fault
scenarios (`scenarios`), driven at full length by scripts/soak.py and briefly by
tests/soak/test_soak.py."""
