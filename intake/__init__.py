"""Article intake: turn a pasted article into proposed quotes and figures with pinpoints.

A cross-app app (docs/architecture.md): it reads candidates and results, and newsroom
never imports it. The parsing core (`quotes`, `figures`) is plain Python over the
paragraphs `newsroom.paragraphs.split_paragraphs` numbers; docs/intake.md gives its rules.
"""
