"""Site search across candidates, quotes, facts, sources and contests.

Each app answers for its own rows (`<app>/search.py`); this package only asks them and
shows the answers.
"""
