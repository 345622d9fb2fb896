"""Results: jurisdictions, contests, per-candidate results, race calls and snapshots."""
