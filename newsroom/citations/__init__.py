"""The citation desk: how readers cite sources, quotes, facts, results and pages of the site.

`registry` holds the citable kinds each app registers in its `declarations.py`; `csl` turns rows
into CSL-JSON items; `render` styles them with pandoc; `formats` writes the downloads;
`basket` keeps a reader's selection in the session; `views` and `urls` serve it all.
"""
