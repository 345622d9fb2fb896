"""Results files from a party or a wire service: reading them, and planning what they change.

`reading` turns the bytes of a CSV or JSON file into rows of text, or into problems naming
the row and column; `planning` checks those rows against the database and works out, row by
row, what an import would add, change, leave alone or skip. `results.services` applies a plan.
The format is documented in docs/results-import.md.
"""
