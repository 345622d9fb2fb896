"""Candidates: profiles, careers, platforms, verbatim quotes and other sourced facts."""
